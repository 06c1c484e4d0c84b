import CellLanguage
import Foundation

/// `labbook run NB.md --sweep units=[32,128,512] --sweep lr=[0.01,0.1]`: the notebook run
/// once per point of the grid, one after the other, sharing the cache (a cell that reads no
/// swept parameter runs once for the whole sweep), each run's executed Markdown written to
/// `NB.sweep/<point>.md`.
///
///     let sweep = try Sweep.parse(["units=[32,128]", "lr=[0.01,0.1]"], notebookPath: "nb.md")
///     sweep.points.map(\.label)      // ["units=32, lr=0.01", "units=32, lr=0.1", "units=128, lr=0.01", ...]
///     sweep.points[0].fileName       // "units=32,lr=0.01.md"
public struct Sweep: Sendable {
    /// One swept parameter and its values, as Python literals.
    public struct Axis: Sendable, Equatable, Codable {
        public var name: String
        public var literals: [String]
        public init(name: String, literals: [String]) {
            self.name = name
            self.literals = literals
        }
        // In run records: `{"name": "units", "values": ["32", "128"]}`.
        enum CodingKeys: String, CodingKey {
            case name
            case literals = "values"
        }
    }

    /// One run of the sweep: a value for each swept parameter.
    public struct Point: Sendable, Equatable {
        /// Its 0-based place in the grid.
        public var index = 0
        public var values: [NotebookValue]
        /// `units=128, lr=0.01`, for progress lines.
        public var label: String { values.map { "\($0.name)=\($0.literal)" }.joined(separator: ", ") }
        /// `units=128,lr=0.01.md`: only letters, digits and `._=,-+`, so the name is valid on
        /// every file system (anything else becomes `_`).
        public var fileName: String {
            let text = values.map { "\($0.name)=\($0.literal)" }.joined(separator: ",")
            let safe = text.unicodeScalars.map { scalar -> String in
                let allowed = (scalar.isASCII && CharacterSet.alphanumerics.contains(scalar)) || "._=,-+".unicodeScalars.contains(scalar)
                return allowed ? String(scalar) : "_"
            }.joined()
            return String(safe.prefix(200)) + ".md"
        }
        /// `units=128,lr=0.01.json`: its run record, beside its Markdown.
        public var recordName: String { String(fileName.dropLast(3)) + ".json" }
        /// `units=128,lr=0.01.html`: its own report (a sweep with `--html`), beside its Markdown.
        public var reportName: String { String(fileName.dropLast(3)) + ".html" }
    }

    /// A parameter's name and literal.
    public struct NotebookValue: Sendable, Equatable {
        public var name: String
        public var literal: String
    }

    public var axes: [Axis]
    /// `--shard K/N`: only this process's share of the points.
    public var shard: Shard?

    public init(axes: [Axis], shard: Shard? = nil) {
        self.axes = axes
        self.shard = shard
    }

    /// Reads `name=[v1, v2, ...]` specifications (a Python list or tuple literal each).
    public static func parse(_ specifications: [String], notebookPath: String) throws(RunFailure) -> Sweep {
        let axes = try parseAxes(specifications, notebookPath: notebookPath)
        let sweep = Sweep(axes: axes)
        try sweep.checkFileNames(notebookPath: notebookPath)
        return sweep
    }

    static func parseAxes(_ specifications: [String], notebookPath: String) throws(RunFailure) -> [Axis] {
        guard !specifications.isEmpty else { return [] }
        let probe = Session(modules: ModuleRegistry())
        var axes: [Axis] = []
        for specification in specifications {
            let parts = specification.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts.first?.trimmingCharacters(in: .whitespaces) ?? ""
            let usage = "write --sweep name=[value, ...] with a Python list of values, such as --sweep units=[32,128]"
            guard parts.count == 2, !name.isEmpty else {
                throw RunFailure(message: "\(notebookPath): --sweep \(specification): \(usage)")
            }
            guard !axes.contains(where: { $0.name == name }) else {
                throw RunFailure(message: "\(notebookPath): --sweep \(name) is given twice; give all its values in one list")
            }
            let items: [Value]
            switch try? probe.evaluateLiteral(parts[1]) {
            case .list(let list)?: items = list.items
            case .tuple(let tuple)?: items = tuple
            default: throw RunFailure(message: "\(notebookPath): --sweep \(specification): not a list of Python literals; \(usage)")
            }
            guard !items.isEmpty else {
                throw RunFailure(message: "\(notebookPath): --sweep \(name): the list of values is empty")
            }
            var literals: [String] = []
            for item in items {
                guard let literal = try? probe.interpreter.repr(item) else {
                    throw RunFailure(message: "\(notebookPath): --sweep \(specification): a value has no literal form")
                }
                literals.append(literal)
            }
            axes.append(Axis(name: name, literals: literals))
        }
        return axes
    }

    /// Two points whose file names would collide are refused before anything runs.
    func checkFileNames(notebookPath: String) throws(RunFailure) {
        var seen: [String: String] = [:]
        for point in points {
            if let other = seen[point.fileName] {
                throw RunFailure(message: "\(notebookPath): --sweep: the points (\(other)) and (\(point.label)) would both write \(point.fileName); give values that differ in letters or digits")
            }
            seen[point.fileName] = point.label
        }
    }

    /// Every point of the grid, the first axis varying slowest.
    public var points: [Point] {
        let grid = axes.reduce([Point(values: [])]) { points, axis in
            points.flatMap { point in
                axis.literals.map { Point(values: point.values + [NotebookValue(name: axis.name, literal: $0)]) }
            }
        }
        return grid.enumerated().map { index, point in
            var point = point
            point.index = index
            return point
        }
    }

    /// The points this process runs: all of them, or its shard's (every N-th from K).
    public var pointsToRun: [Point] {
        guard let shard else { return points }
        return points.filter { $0.index % shard.count == shard.index }
    }

    /// `run 3/6 (units=128, lr=0.01)`; in a shard `run 2/3 (point 5/12: units=128, lr=0.01)`.
    public func progress(number: Int, total: Int, point: Point) -> String {
        guard shard != nil else { return "run \(number)/\(total) (\(point.label))" }
        return "run \(number)/\(total) (point \(point.index + 1)/\(points.count): \(point.label))"
    }

    /// `runs/nb.sweep` for `runs/nb.md`.
    public static func folder(forNotebook path: String) -> String {
        (path.hasSuffix(".md") ? String(path.dropLast(3)) : path) + ".sweep"
    }

    /// The configuration of one point's run: `base` with the point's values as `-P`
    /// overrides (after the others), its Markdown in the sweep folder and, when the sweep
    /// writes a comparison page (`base.htmlOutput`), its own report beside it.
    public func configuration(for point: Point, base: RunConfiguration) -> RunConfiguration {
        var configuration = base
        configuration.parameterOverrides += point.values.map { ($0.name, $0.literal) }
        let folder = Self.folder(forNotebook: base.notebookPath)
        configuration.markdownOutput = folder + "/" + point.fileName
        configuration.inPlace = false
        configuration.htmlOutput = base.htmlOutput == nil ? nil : folder + "/" + point.reportName
        configuration.recordCopy = folder + "/" + point.recordName
        configuration.sweepPoint = RunRecord.SweepPoint(axes: axes, point: point.index)
        return configuration
    }

    /// Runs every point in order: `starting` is told `(number, total, point)` before each
    /// run, `finished` the result and configuration after it, `runner` gets each runner
    /// before it starts (to route Ctrl-C to it). Stops after a run that Ctrl-C stopped
    /// (exit 130) or that could not start (thrown).
    public func run(
        base: RunConfiguration, events: RunEvents, starting: (Int, Int, Point) -> Void = { _, _, _ in },
        finished: (RunResult, RunConfiguration) -> Void = { _, _ in },
        runner: (NotebookRunner) -> Void = { _ in }
    ) throws(RunFailure) -> [RunResult] {
        let points = pointsToRun
        var results: [RunResult] = []
        for (index, point) in points.enumerated() {
            starting(index + 1, points.count, point)
            let configuration = configuration(for: point, base: base)
            if configuration.htmlOutput == nil {
                // A report of this point from an earlier sweep would be linked beside this
                // run's record on the comparison page, though it shows another run.
                try? FileManager.default.removeItem(atPath: Self.folder(forNotebook: base.notebookPath) + "/" + point.reportName)
            }
            let notebookRunner = NotebookRunner(configuration, events: events)
            runner(notebookRunner)
            let result = try notebookRunner.run()
            finished(result, configuration)
            results.append(result)
            if result.interrupted { break }
        }
        return results
    }
}
