import CellLanguage
import CellOutput
import Foundation
import NeuralEngine
import NotebookCache
import NotebookFormat

/// The cache's part in one run: the cells' keys, what can be reused, saving the state
/// after each cell that ran, and recording the run (then pruning) at the end.
///
///     let cache = CacheRun.open(directory: dir, notebook: notebook, ...)
///     let plan = cache?.plan(force: false, fromIndex: nil)   // reuse cells 0...plan.resumeIndex
///     try cache?.store(index: 3, outputs: outputs, failed: false, seconds: 1.2, snapshot: snapshot)
///     cache?.finish()
final class CacheRun {
    let cache: NotebookCache
    let keys: [CellKey]
    let blobs: CacheBlobs
    /// `engineVersion(timings:)` for this run, recorded with its keys.
    let engine: String
    private let notebook: Notebook
    private let warn: (String) -> Void

    /// What this run takes from the cache.
    struct Plan {
        /// The cached entries of cells `0...resumeIndex`.
        var entries: [CacheEntry] = []
        /// The last cell whose outputs and state are reused; `nil`: run everything.
        var resumeIndex: Int?
        /// Why the first cell after `resumeIndex` runs (`--explain`).
        var firstReason = "not in the cache"

        /// Whether cell `index` is replayed from the cache.
        func isCached(_ index: Int) -> Bool { resumeIndex.map { index <= $0 } ?? false }
    }

    /// Which version of everything that executes cells the keys name. Bump the library or
    /// language number when a change alters what cells print or compute. The BLAS part names
    /// the library, its kernel and the thread count: kernels sum products in different
    /// orders, so a cell computed under one is not the cell another would compute, and a
    /// resumed run must not mix them.
    static func engineVersion(timings: Bool, blas: String = BLASReport.current().identity) -> String {
        "labbook cells: language 1, library 2, snapshot \(SnapshotCodec.version); timings \(timings ? "on" : "off"); "
            + "BLAS \(blas)"
    }

    private init(
        cache: NotebookCache, keys: [CellKey], engine: String, notebook: Notebook, warn: @escaping (String) -> Void
    ) {
        self.cache = cache
        self.keys = keys
        self.engine = engine
        self.blobs = CacheBlobs(cache.blobs)
        self.notebook = notebook
        self.warn = warn
    }

    /// Opens the cache for `notebook`; on failure (locked, not a cache, unwritable) warns and
    /// returns nil: the run goes on without a cache.
    static func open(
        directory: String, notebook: Notebook, parameters: [NotebookParameter], seed: Int,
        timings: Bool, warn: @escaping (String) -> Void
    ) -> CacheRun? {
        let engine = engineVersion(timings: timings)
        let keys = CellKey.chain(
            sources: notebook.cells.map(\.source), engineVersion: engine, parameters: parameters, seed: seed)
        do {
            let cache = try NotebookCache(directory: directory)
            return CacheRun(cache: cache, keys: keys, engine: engine, notebook: notebook, warn: warn)
        } catch {
            warn("\(notebook.path): warning: \(error); running without the cache")
            return nil
        }
    }

    // MARK: Planning

    /// The cells to reuse: the longest unbroken run of cached cells from the first, cut at
    /// `fromIndex` and at the first `cache: false` cell, ending at a cell whose saved state
    /// is intact. Damage found on the way is reported as a warning.
    func plan(force: Bool, fromIndex: Int?, fromID: String?) -> Plan {
        var plan = Plan()
        if force {
            plan.firstReason = "--force"
            return plan
        }
        let scan = cache.scan(keys: keys)
        for finding in scan.damage {
            warn("\(location(finding.index)): warning: \(finding.problem); recomputing")
        }
        var limit = scan.entries.count
        if let fromIndex { limit = min(limit, fromIndex) }
        if let uncached = notebook.cells.firstIndex(where: { !$0.options.cache }) { limit = min(limit, uncached) }
        var resume: Int?
        if let found = scan.resumeIndex, found < limit {
            resume = found
        } else {
            for index in stride(from: limit - 1, through: 0, by: -1) {
                guard let snapshot = scan.entries[index].snapshot else { continue }
                do {
                    try cache.verifyBlobs(of: snapshot, neededBy: keys[index])
                    resume = index
                    break
                } catch {
                    warn("\(location(index)): warning: \(error); recomputing")
                }
            }
        }
        plan.resumeIndex = resume
        if let resume { plan.entries = Array(scan.entries[0...resume]) }
        let first = (resume ?? -1) + 1
        guard first < notebook.cells.count else { return plan }
        if first == fromIndex, let fromID {
            plan.firstReason = "--from \(fromID)"
        } else if !notebook.cells[first].options.cache {
            plan.firstReason = "cache: false"
        } else if first < scan.entries.count {
            plan.firstReason = "the state before it is not cached"
        } else if let stop = scan.stop, stop.index == first, stop.problem.isDamage {
            plan.firstReason = "its cache entry is damaged"
        } else {
            plan.firstReason = changeReason(first)
        }
        return plan
    }

    /// Compares with the previous run of this notebook to tell an edit from a first run.
    private func changeReason(_ index: Int) -> String {
        let name = URL(fileURLWithPath: notebook.path).lastPathComponent
        guard let previous = cache.runLog().runs.last(where: { $0.notebook == name }) else {
            return "not in the cache"
        }
        if let before = previous.engine, before != engine {
            return "the engine changed: " + Self.difference(from: before, to: engine)
        }
        if index > 0, index < previous.keys.count, previous.keys[index - 1] == keys[index - 1],
           previous.keys[index] != keys[index] {
            return "source changed"
        }
        if index == 0, let key = previous.keys.first, key != keys[0] {
            return "source, parameters, seed or timings changed"
        }
        return "not in the cache"
    }

    /// The parts (`; `-separated) of two engine versions that differ, as `was X, now Y`.
    static func difference(from before: String, to after: String) -> String {
        let old = before.components(separatedBy: "; "), new = after.components(separatedBy: "; ")
        let removed = old.filter { !new.contains($0) }, added = new.filter { !old.contains($0) }
        return "was \(removed.joined(separator: "; ")), now \(added.joined(separator: "; "))"
    }

    // MARK: Saving and restoring

    /// The session's state in the cache's form (its large parts stored as blobs).
    func capture(_ session: Session) throws -> StateSnapshot {
        try StateSnapshot(try session.captureState(blobs: blobs), blobs: cache.blobs)
    }

    /// Puts the state `snapshot` into `session` (a fresh one).
    func restore(_ snapshot: StateSnapshot, into session: Session) throws {
        try session.restoreState(try snapshot.sessionState(blobs: cache.blobs), blobs: blobs)
    }

    /// Stores cell `index`'s result.
    func store(index: Int, outputs: [OutputPart], failed: Bool, seconds: Double, snapshot: StateSnapshot) throws {
        try cache.store(CacheEntry(key: keys[index], outputs: outputs, failed: failed, duration: seconds,
                                   snapshot: snapshot))
    }

    /// Records the run's keys and prunes to the storage layer's bound.
    func finish() {
        do {
            try cache.recordRun(
                notebook: URL(fileURLWithPath: notebook.path).lastPathComponent, keys: keys, engine: engine)
            try cache.prune()
        } catch {
            warn("\(notebook.path): warning: \(error)")
        }
        cache.close()
    }

    func location(_ index: Int) -> String {
        let line = index < notebook.cells.count ? notebook.cells[index].fenceLine : 1
        return "\(notebook.path):\(line)"
    }
}
