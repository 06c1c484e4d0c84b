import Foundation

/// `runs.json`: the key chains of the most recent runs, per notebook, which pruning keeps.
///
///     {"runs":[{"date":1718000000.5,"engine":"labbook cells: ...","keys":["ab12...","cd34..."],"notebook":"mnist.md"}],"version":1}
///
/// Runs are in the order they finished, oldest first. A missing or unreadable log reads as
/// empty: the cache then keeps only what the next run records (it is a cache; nothing is lost
/// but time).
public struct RunLog: Sendable, Equatable, CacheIndexFile {
    /// One finished run.
    public struct Run: Sendable, Equatable, Codable {
        /// The notebook's file name (several notebooks in one folder share `.labbook/`).
        public var notebook: String
        /// When the run finished.
        public var date: Date
        /// The run's cell keys, in cell order.
        public var keys: [CellKey]
        /// Their stems (`CellKey.stem`; absent in logs of older Labbooks), so the next run can
        /// tell an edited cell from a parameter change.
        public var stems: [CellKey]?
        /// The engine version the keys were made with (absent in logs of older Labbooks), so
        /// the next run can say that the engine, not the notebook, changed.
        public var engine: String?

        public init(notebook: String, date: Date, keys: [CellKey], stems: [CellKey]? = nil, engine: String? = nil) {
            self.notebook = notebook
            self.date = date
            self.keys = keys
            self.stems = stems
            self.engine = engine
        }
    }

    public var version = CacheFormat.version
    public var runs: [Run] = []

    /// The empty log.
    public init() {}

    public init(runs: [Run]) {
        self.runs = runs
    }

    /// Appends `run`, keeping only the `keepRuns` most recent runs of each notebook.
    mutating func record(_ run: Run, keepRuns: Int) {
        runs.append(run)
        var seen: [String: Int] = [:]
        var kept: [Run] = []
        for run in runs.reversed() {
            let count = seen[run.notebook, default: 0]
            guard count < max(1, keepRuns) else { continue }
            seen[run.notebook] = count + 1
            kept.append(run)
        }
        runs = kept.reversed()
    }
}
