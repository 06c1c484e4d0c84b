import Foundation

/// How much `NotebookCache.prune` keeps.
///
/// The bound: after pruning, the cache holds only entries on the key chains of the
/// `keepRuns` most recent runs of each notebook, and the blobs those entries refer to; and
/// entries plus blobs take at most `sizeBudget` bytes. Runs are kept newest first, each as
/// a prefix of its chain (an entry after a dropped one could never be reused), so when the
/// budget is tight it is the oldest runs, then the last cells of the newest, that go.
public struct PrunePolicy: Sendable, Equatable {
    /// Recent runs kept per notebook.
    public var keepRuns: Int
    /// Bytes of entries and blobs kept at most.
    public var sizeBudget: Int64

    /// 5 runs per notebook, 2 GiB.
    public static let standard = PrunePolicy(keepRuns: 5, sizeBudget: 2 << 30)

    public init(keepRuns: Int, sizeBudget: Int64) {
        self.keepRuns = keepRuns
        self.sizeBudget = sizeBudget
    }
}

/// What `prune` kept and removed.
public struct PruneReport: Sendable, Equatable {
    public var keptEntries = 0
    public var removedEntries = 0
    public var keptBlobs = 0
    public var removedBlobs = 0
    /// Bytes of the kept entries and blobs.
    public var keptBytes: Int64 = 0
    /// Bytes freed.
    public var removedBytes: Int64 = 0
}

extension NotebookCache {
    /// Appends a finished run's key chain to `runs.json`, keeping the `keepRuns` most recent
    /// runs of each notebook. `notebook` is the notebook's file name; `engine` the engine
    /// version the keys were made with.
    public func recordRun(
        notebook: String, keys: [CellKey], stems: [CellKey]? = nil, engine: String? = nil, date: Date = Date(),
        keepRuns: Int = PrunePolicy.standard.keepRuns
    ) throws(CacheError) {
        var log = RunLog.load(runLogPath)
        log.record(RunLog.Run(notebook: notebook, date: date, keys: keys, stems: stems, engine: engine),
                   keepRuns: keepRuns)
        try log.save(runLogPath)
    }

    /// The recorded runs, oldest first.
    public func runLog() -> RunLog {
        RunLog.load(runLogPath)
    }

    /// Mark and sweep: keeps the entries reachable from recent runs within the budget (see
    /// `PrunePolicy`) and the blobs they refer to, and deletes every other entry and blob.
    /// Damaged entries are never kept.
    @discardableResult
    public func prune(_ policy: PrunePolicy = .standard) throws(CacheError) -> PruneReport {
        var log = RunLog.load(runLogPath)
        var trimmed = RunLog()
        for run in log.runs { trimmed.record(run, keepRuns: policy.keepRuns) }
        log = trimmed

        // Mark.
        var keptEntries = Set<CellKey>()
        var keptBlobs = Set<BlobHash>()
        var keptStems = Set<CellKey>()
        var total: Int64 = 0
        for run in log.runs.reversed() {
            for key in run.keys where !keptEntries.contains(key) {
                guard let entry = try? entry(for: key), let entryBytes = FileIO.size(entryPath(for: key))
                else { break }
                let newBlobs = (entry.snapshot?.blobReferences ?? []).filter { !keptBlobs.contains($0) }
                let blobBytes = newBlobs.reduce(Int64(0)) { $0 + (FileIO.size(blobs.path(for: $1)) ?? 0) }
                guard total + entryBytes + blobBytes <= policy.sizeBudget else { break }
                total += entryBytes + blobBytes
                keptEntries.insert(key)
                keptBlobs.formUnion(newBlobs)
                if let stem = entry.stem { keptStems.insert(stem) }
            }
        }

        // Sweep.
        var report = PruneReport(keptEntries: keptEntries.count, keptBlobs: 0, keptBytes: total)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: entriesDirectory)) ?? []
        for name in names.sorted() {
            if let key = CellKey(hex: name), keptEntries.contains(key) { continue }
            // A reads index stays with the entries of its stem (it is not counted as one).
            if name.hasSuffix(ReadsIndex.suffix), let stem = CellKey(hex: String(name.dropLast(ReadsIndex.suffix.count))),
               keptStems.contains(stem) { continue }
            let path = entriesDirectory + "/" + name
            let bytes = FileIO.size(path) ?? 0
            if (try? FileManager.default.removeItem(atPath: path)) != nil {
                report.removedEntries += 1
                report.removedBytes += bytes
            }
        }
        for (hash, bytes) in blobs.allBlobs() {
            if keptBlobs.contains(hash) {
                report.keptBlobs += 1
            } else if blobs.remove(hash) {
                report.removedBlobs += 1
                report.removedBytes += bytes
            }
        }
        try log.save(runLogPath)
        return report
    }

    /// Figures about the cache at `directory`, read without locking or creating anything.
    public static func info(directory: String) -> CacheInfo {
        var info = CacheInfo(directory: directory)
        guard isCache(directory) else { return info }
        info.exists = true
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: directory + "/entries")) ?? []
        info.entries = entries.filter { CellKey(hex: $0) != nil }.count
        info.blobs = BlobStore(directory: directory + "/blobs").allBlobs().count
        if let files = manager.enumerator(atPath: directory) {
            for case let file as String in files {
                info.totalBytes += FileIO.size(directory + "/" + file).flatMap { size in
                    FileIO.isRegularFile(directory + "/" + file) ? size : nil
                } ?? 0
            }
        }
        let log = RunLog.load(directory + "/runs.json")
        info.runs = log.runs.count
        info.lastRun = log.runs.last
        return info
    }

    /// Removes the cache at `directory` and everything in it but the top-level items named in
    /// `keeping` (the run records, `runs`). A folder that is not a Labbook cache (no
    /// `CACHEDIR.TAG` of ours) is refused, so a mistyped `--cache-dir` cannot delete a user's
    /// files. Waits for (or fails on) a run that has it open, then renames it aside atomically
    /// before deleting, so no run ever sees half a cache; what is kept is moved back into a
    /// fresh, empty cache folder. Returns whether there was a cache to remove.
    @discardableResult
    public static func clean(
        directory: String, waiting: LockWaiting = .fail, keeping: [String] = []
    ) throws(CacheError) -> Bool {
        guard FileIO.exists(directory) else { return false }
        guard isCache(directory) else { throw .notACache(directory: directory) }
        let lock = try CacheLock(path: directory + "/lock", waiting: waiting, directory: directory)
        defer { lock.release() }
        let trimmed = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let aside = trimmed + removingMarker + "\(getpid())"
        guard rename(trimmed, aside) == 0 else {
            throw .io(path: directory, reason: String(cString: strerror(errno)))
        }
        let kept = keeping.filter { FileIO.exists(aside + "/" + $0) }
        if !kept.isEmpty {
            try makeDirectory(trimmed)
            try writeIfAbsent(trimmed + "/" + tagName, tag)
            try writeIfAbsent(trimmed + "/.gitignore", "*\n")
            restoreKept(from: aside, into: trimmed, names: kept)
        }
        do {
            try FileManager.default.removeItem(atPath: aside)
        } catch {
            throw .io(path: aside, reason: error.localizedDescription)
        }
        removeAbandonedRemovals(of: trimmed)
        return true
    }

    /// What `clean` keeps by default: the run records.
    public static let keptByClean = ["runs"]

    /// Moves `names` from a folder renamed aside back into the cache folder, each unless the
    /// cache already has one.
    static func restoreKept(from aside: String, into directory: String, names: [String]) {
        for name in names where FileIO.exists(aside + "/" + name) && !FileIO.exists(directory + "/" + name) {
            _ = rename(aside + "/" + name, directory + "/" + name)
        }
    }

    /// `.labbook` is renamed `.labbook.removing.<pid>` before `clean` deletes it.
    static let removingMarker = ".removing."

    /// Finishes deleting what an interrupted `clean` renamed aside: siblings named
    /// `<cache>.removing.<pid>` whose process is gone.
    static func removeAbandonedRemovals(of directory: String) {
        let parent = (directory as NSString).deletingLastPathComponent
        let prefix = (directory as NSString).lastPathComponent + removingMarker
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.isEmpty ? "." : parent)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), !FileIO.isAlive(pid) else { continue }
            let aside = (parent.isEmpty ? "." : parent) + "/" + name
            // A `clean` killed before it moved the run records back: they go back first.
            if FileIO.exists(directory) { restoreKept(from: aside, into: directory, names: keptByClean) }
            try? FileManager.default.removeItem(atPath: aside)
        }
    }
}

/// Figures for `labbook cache info`.
public struct CacheInfo: Sendable, Equatable {
    /// The cache directory.
    public var directory: String
    /// Whether a Labbook cache is there.
    public var exists = false
    /// Cell entries stored.
    public var entries = 0
    /// Blobs stored.
    public var blobs = 0
    /// Bytes of all files in the cache.
    public var totalBytes: Int64 = 0
    /// Runs in `runs.json`.
    public var runs = 0
    /// The most recent run, if any was recorded.
    public var lastRun: RunLog.Run?

    public init(directory: String) {
        self.directory = directory
    }
}
