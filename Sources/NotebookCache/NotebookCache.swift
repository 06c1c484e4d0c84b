import Foundation

/// The cache of one notebook folder: cell entries and the blobs their snapshots refer to.
///
/// Layout of the directory (`.labbook/` beside the notebook unless `--cache-dir` says otherwise):
///
///     CACHEDIR.TAG   marks the folder as a cache: backup tools skip it, `clean` insists on it
///     .gitignore     `*`, so a cache is never committed by accident
///     lock           flock'ed by the process that has the cache open; holds its pid
///     runs.json      the key chains of recent runs (`RunLog`), which `prune` keeps
///     entries/<key>  one `CacheEntry` per cell key (`EntryFile` layout, checksummed)
///     entries/<stem>.reads  the parameter reads of a cell stem's entries (`ReadsIndex`)
///     blobs/ab/<hash>  content-addressed bytes (`BlobStore`)
///
/// Every write is a temporary file + fsync + rename; opening removes temporaries left by
/// interrupted runs. A run keeps the cache open (and locked) from start to end:
///
///     let cache = try NotebookCache(directory: NotebookCache.defaultDirectory(forNotebook: path))
///     let keys = CellKey.chain(sources: sources, engineVersion: version, parameters: params, seed: seed)
///     let scan = cache.scan(keys: keys)        // reuse cells 0...scan.resumeIndex, restore its snapshot
///     ... run the other cells, `try cache.store(entry)` after each ...
///     try cache.recordRun(notebook: "nb.md", keys: keys)
///     try cache.prune()
public final class NotebookCache {
    /// The cache folder's name beside a notebook.
    public static let directoryName = ".labbook"
    /// The cache directory.
    public let directory: String
    /// The content-addressed store for snapshot bytes.
    public let blobs: BlobStore
    /// How many temporary files of interrupted writes opening this cache removed.
    public let removedTemporaries: Int

    private let lock: CacheLock

    /// `<folder of notebook>/.labbook`.
    public static func defaultDirectory(forNotebook notebookPath: String) -> String {
        let folder = (notebookPath as NSString).deletingLastPathComponent
        return (folder.isEmpty ? "." : folder) + "/" + directoryName
    }

    /// Opens (creating if needed) the cache at `directory` and locks it for this process.
    ///
    /// Throws `.locked` when another process has it open (after waiting as `waiting` says),
    /// `.notACache` when `directory` is a non-empty folder that is not a Labbook cache.
    public init(directory: String, waiting: LockWaiting = .fail) throws(CacheError) {
        self.directory = directory
        // Checked before the lock, so that no lock file is made in a folder that is not a
        // cache, and again under it: a run creating the cache holds the lock until the tag is
        // written, so a second run starting at the same instant sees the lock taken (the
        // cache is busy), or the folder complete, never a half-made cache it cannot tell
        // from somebody else's folder.
        try Self.checkIsCacheOrAbsent(directory)
        try Self.makeDirectory(directory)
        lock = try CacheLock(path: directory + "/lock", waiting: waiting, directory: directory)
        try Self.checkIsCacheOrAbsent(directory)
        blobs = BlobStore(directory: directory + "/blobs")
        try Self.writeIfAbsent(directory + "/" + Self.tagName, Self.tag)
        try Self.writeIfAbsent(directory + "/.gitignore", "*\n")
        try Self.makeDirectory(directory + "/entries")
        try Self.makeDirectory(blobs.directory)
        Self.removeAbandonedRemovals(of: directory)
        removedTemporaries = FileIO.removeStaleTemporaries(in: directory)
            + FileIO.removeStaleTemporaries(in: directory + "/entries")
            + blobs.removeStaleTemporaries()
    }

    /// Releases the lock; the cache must not be used afterwards. (Also done on deinit.)
    public func close() {
        lock.release()
    }

    var entriesDirectory: String { directory + "/entries" }
    var runLogPath: String { directory + "/runs.json" }

    /// Where the entry for `key` lives (whether or not it exists).
    public func entryPath(for key: CellKey) -> String {
        entriesDirectory + "/" + key.hex
    }

    /// Stores `entry` under its key, replacing any entry there. The blobs its snapshot
    /// refers to must already be stored (`blobs.put`), so that a crash between the two never
    /// leaves an entry pointing at nothing.
    public func store(_ entry: CacheEntry) throws(CacheError) {
        let absent = (entry.snapshot?.blobReferences ?? []).filter { !blobs.contains($0) }
        guard absent.isEmpty else { throw .missingBlobs(key: entry.key, absent) }
        let data = try EntryFile.encode(entry)
        let path = entryPath(for: entry.key)
        do {
            try FileIO.writeAtomically(data, to: path, durable: false)
        } catch {
            throw .io(path: path, reason: BlobStore.reason(error))
        }
    }

    /// The entry stored for `key`, checked (header, checksum, key); its blobs are not read.
    public func entry(for key: CellKey) throws(CacheProblem) -> CacheEntry {
        try Self.entry(at: entryPath(for: key), key: key)
    }

    static func entry(at path: String, key: CellKey) throws(CacheProblem) -> CacheEntry {
        let data: Data
        do {
            data = try FileIO.contents(of: path)
        } catch .notFound {
            throw .missing(key)
        } catch {
            throw .unreadable(path: path, reason: BlobStore.reason(error))
        }
        return try EntryFile.decode(data, path: path, key: key)
    }

    /// Checks that every blob `snapshot` needs is present and intact.
    public func verifyBlobs(of snapshot: StateSnapshot, neededBy key: CellKey?) throws(CacheProblem) {
        for hash in snapshot.blobReferences {
            do {
                try blobs.verify(hash)
            } catch .missingBlob(let missing, _) {
                throw .missingBlob(missing, neededBy: key)
            }
        }
    }

    /// The index of the last cell whose entry, and the blobs of its state, are present and
    /// intact, looking only at the unbroken run of valid entries from the first key; `nil`
    /// when no cell can be resumed from. Shorthand for `scan(keys:).resumeIndex`.
    public func lookup(keys: [CellKey]) -> Int? {
        scan(keys: keys).resumeIndex
    }

    /// What the cache holds for a chain of keys: the valid entries from the first key up to
    /// the first miss, the cell to resume after, and every problem found on the way.
    public func scan(keys: [CellKey]) -> CacheScan {
        var scan = CacheScan()
        for (index, key) in keys.enumerated() {
            do {
                scan.entries.append(try entry(for: key))
            } catch {
                scan.stop = CacheScan.Finding(index: index, problem: error)
                if error.isDamage { scan.damage.append(scan.stop!) }
                break
            }
        }
        findResumePoint(&scan)
        return scan
    }

    /// `scan(keys:)` for keys that depend on the parameters the cells read: walks `chain`'s
    /// cells from the first, finding each cell's entry under its stem with the chain's
    /// parameter values (`entry(stem:parameters:)`), and returns the chain extended through
    /// the entries found (`CacheScan.chain`).
    public func scan(_ chain: KeyChain) -> CacheScan {
        var scan = CacheScan()
        var chain = chain
        while !chain.isComplete {
            let stem = chain.nextStem
            do {
                let entry = try entry(stem: stem, parameters: chain.parameters)
                scan.entries.append(entry)
                chain.append(entry)
            } catch {
                scan.stop = CacheScan.Finding(index: chain.keys.count, problem: error)
                if error.isDamage { scan.damage.append(scan.stop!) }
                scan.changedParameters = changedParameters(stem: stem, parameters: chain.parameters)
                scan.stopStem = stem
                break
            }
        }
        scan.chain = chain
        findResumePoint(&scan)
        return scan
    }

    private func findResumePoint(_ scan: inout CacheScan) {
        for index in scan.entries.indices.reversed() {
            let entry = scan.entries[index]
            guard let snapshot = entry.snapshot else { continue }
            do {
                try verifyBlobs(of: snapshot, neededBy: entry.key)
                scan.resumeIndex = index
                break
            } catch {
                scan.damage.append(CacheScan.Finding(index: index, problem: error))
            }
        }
    }

    // MARK: - The directory itself

    static let tagName = "CACHEDIR.TAG"
    static let tag = """
        Signature: 8a477f597d28d172789f06886806bc55
        # This file is a cache directory tag created by Labbook (labbook cache clean removes
        # the whole folder). For information about cache directory tags, see https://bford.info/cachedir/

        """

    /// Whether `directory` holds Labbook's cache tag.
    static func isCache(_ directory: String) -> Bool {
        guard let data = try? FileIO.contents(of: directory + "/" + tagName) else { return false }
        let text = String(decoding: data, as: UTF8.self)
        return text.hasPrefix("Signature: 8a477f597d28d172789f06886806bc55") && text.contains("Labbook")
    }

    private static func checkIsCacheOrAbsent(_ directory: String) throws(CacheError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else { throw .notACache(directory: directory) }
        if isCache(directory) { return }
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? ["?"]
        // An empty folder, or one with only our lock and the tag being written (a cache being
        // made, or a run killed while making it), is fine.
        let tagTemporary = { (name: String) in FileIO.writer(ofTemporary: name, isTarget: { $0 == tagName }) != nil }
        guard contents.allSatisfy({ $0 == "lock" || tagTemporary($0) }) else { throw .notACache(directory: directory) }
    }

    static func makeDirectory(_ path: String) throws(CacheError) {
        do {
            try FileIO.createDirectory(path)
        } catch {
            throw .io(path: path, reason: BlobStore.reason(error))
        }
    }

    static func writeIfAbsent(_ path: String, _ text: String) throws(CacheError) {
        guard !FileIO.exists(path) else { return }
        do {
            try FileIO.writeAtomically(Data(text.utf8), to: path)
        } catch {
            throw .io(path: path, reason: BlobStore.reason(error))
        }
    }
}
