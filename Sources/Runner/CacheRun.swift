import CellLanguage
import CellOutput
import Foundation
import NeuralEngine
import NotebookCache
import NotebookFormat

/// The cache's part in one run: the cells' keys, what can be reused, saving the state
/// after each cell that ran, and recording the run (then pruning) at the end.
///
/// A cell's key holds the values of the parameters it and the cells above it read, known
/// only once it ran: the keys of reused cells come from their entries, the others are added
/// (`keyCell`) as the cells run.
///
///     let cache = CacheRun.open(directory: dir, notebook: notebook, ...)
///     let plan = cache?.plan(force: false, fromIndex: nil)   // reuse cells 0...plan.resumeIndex
///     cache?.keyCell(3, reads: session.takeTouchedGlobals())
///     try cache?.store(index: 3, outputs: outputs, failed: false, seconds: 1.2, snapshot: snapshot)
///     cache?.finish()
final class CacheRun {
    let cache: NotebookCache
    /// The keys of the cells reused or run so far.
    private(set) var chain: KeyChain
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
        cache: NotebookCache, chain: KeyChain, engine: String, notebook: Notebook, warn: @escaping (String) -> Void
    ) {
        self.cache = cache
        self.chain = chain
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
        let chain = KeyChain(
            sources: notebook.cells.map(\.source), engineVersion: engine, parameters: parameters, seed: seed)
        do {
            let cache = try NotebookCache(directory: directory)
            return CacheRun(cache: cache, chain: chain, engine: engine, notebook: notebook, warn: warn)
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
        let scan = cache.scan(chain)
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
                    try cache.verifyBlobs(of: snapshot, neededBy: scan.entries[index].key)
                    resume = index
                    break
                } catch {
                    warn("\(location(index)): warning: \(error); recomputing")
                }
            }
        }
        plan.resumeIndex = resume
        if let resume { plan.entries = Array(scan.entries[0...resume]) }
        chain = (scan.chain ?? chain).prefix(plan.entries.count)
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
            plan.firstReason = changeReason(first, scan: scan)
        }
        return plan
    }

    /// Compares with the previous run of this notebook, and with the parameters the cell's
    /// entries read, to tell an edit or a parameter change from a first run.
    private func changeReason(_ index: Int, scan: CacheScan) -> String {
        let name = URL(fileURLWithPath: notebook.path).lastPathComponent
        let previous = cache.runLog().runs.last(where: { $0.notebook == name })
        if let before = previous?.engine, before != engine {
            return "the engine changed: " + Self.difference(from: before, to: engine)
        }
        let changed = scan.changedParameters
        if !changed.isEmpty {
            return (changed.count == 1 ? "parameter " : "parameters ")
                + changed.map { "'\($0)'" }.joined(separator: ", ") + " changed"
        }
        guard let previous, let stems = previous.stems, let stem = scan.stopStem else { return "not in the cache" }
        let scanned = scan.chain?.keys ?? []
        if index > 0, index < stems.count, index - 1 < scanned.count, index - 1 < previous.keys.count,
           previous.keys[index - 1] == scanned[index - 1], stems[index] != stem {
            return "source changed"
        }
        if index == 0, let first = stems.first, first != stem {
            return "source, parameter names or seed changed"
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

    /// The parameters no cell up to the last reused one read: bound to this run's values
    /// after its state is restored (the state holds the values of the run that stored it).
    var unreadParameters: [NotebookParameter] {
        chain.parameters.filter { !chain.reads.contains($0.name) }
    }

    /// Starts (or starts again) the cell loop with the keys of the `count` reused cells.
    func startCells(reusing count: Int) {
        chain = chain.prefix(count)
    }

    /// Gives cell `index`, which just ran (or was skipped by `eval: false`) and read or
    /// assigned the parameters `reads`, its key. Only the next cell of the chain gets one:
    /// after a cell that did not run, the chain ends (nothing after it is stored).
    func keyCell(_ index: Int, reads: Set<String>) {
        guard index == chain.keys.count, !chain.isComplete else { return }
        chain.append(reads: reads)
    }

    /// Stores cell `index`'s result, under the key `keyCell` gave it.
    func store(index: Int, outputs: [OutputPart], failed: Bool, seconds: Double, snapshot: StateSnapshot) throws {
        guard index < chain.keys.count else { return }
        let reads = chain.values(of: chain.readsByCell[index])
        try cache.store(CacheEntry(key: chain.keys[index], outputs: outputs, failed: failed, duration: seconds,
                                   snapshot: snapshot, stem: chain.stems[index], reads: reads))
        try cache.noteReads(reads, stem: chain.stems[index])
    }

    /// Records the run's keys and prunes to the storage layer's bound.
    func finish() {
        do {
            try cache.recordRun(
                notebook: URL(fileURLWithPath: notebook.path).lastPathComponent, keys: chain.keys,
                stems: chain.stems, engine: engine)
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
