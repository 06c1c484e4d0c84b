import Foundation
import NotebookFormat

extension Sweep {
    /// `--shard K/N`: the points whose 0-based index is K modulo N, so N processes (a Slurm
    /// array, a Kubernetes indexed Job, a CI matrix) share a sweep without talking to each
    /// other; their sweep folders merge into one comparison (`labbook compare`).
    public struct Shard: Sendable, Equatable {
        /// 0-based: from 0 to `count - 1` (Slurm's `$SLURM_ARRAY_TASK_ID` with `--array=0-3`,
        /// Kubernetes' `$JOB_COMPLETION_INDEX`).
        public var index: Int
        public var count: Int

        public init(index: Int, count: Int) {
            self.index = index
            self.count = count
        }

        /// Reads `K/N`.
        public static func parse(_ text: String) -> Shard? {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = Int(parts[0].trimmingCharacters(in: .whitespaces)),
                  let count = Int(parts[1].trimmingCharacters(in: .whitespaces)),
                  count >= 1, index >= 0, index < count else { return nil }
            return Shard(index: index, count: count)
        }
    }

    /// The sweep a `labbook run` makes: the notebook's front-matter `sweep:` map, with each
    /// `--sweep name=[...]` replacing the axis of that name (or added after them), less the
    /// front-matter axes a `-P name=value` pins to one value. Nil when nothing is swept (then
    /// the run is a plain one). `ignoreFrontMatter` (`--no-sweep`) leaves the map out.
    ///
    ///     // front matter: sweep: {units: [32, 128], lr: [0.01, 0.1]}
    ///     try Sweep.forRun(notebookPath: "nb.md", commandLine: ["lr=[0.5]"], pinned: ["units"])
    ///     // axes: lr=[0.5]
    public static func forRun(
        notebookPath: String, commandLine: [String], pinned: [String], ignoreFrontMatter: Bool = false,
        shard: Shard? = nil
    ) throws(RunFailure) -> Sweep? {
        var axes: [Axis] = []
        if !ignoreFrontMatter, let notebook = try? Notebook.load(path: notebookPath) {
            axes = notebook.frontMatter.sweep.map { Axis(name: $0.name, literals: $0.values.map(\.pythonLiteral)) }
                .filter { !pinned.contains($0.name) }
        }
        for axis in try parseAxes(commandLine, notebookPath: notebookPath) {
            if pinned.contains(axis.name) {
                throw RunFailure(message: "\(notebookPath): --sweep \(axis.name) and -P \(axis.name) both give \(axis.name); give its values in one of them")
            }
            if let index = axes.firstIndex(where: { $0.name == axis.name }) {
                axes[index] = axis
            } else {
                axes.append(axis)
            }
        }
        guard !axes.isEmpty else {
            if shard != nil {
                throw RunFailure(message: "\(notebookPath): --shard divides a sweep's points, and nothing is swept; add --sweep name=[...] or a front-matter sweep: map")
            }
            return nil
        }
        let sweep = Sweep(axes: axes, shard: shard)
        try sweep.checkFileNames(notebookPath: notebookPath)
        return sweep
    }
}
