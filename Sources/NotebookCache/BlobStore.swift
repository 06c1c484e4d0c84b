import Foundation

/// Content-addressed storage: each blob is a file named by the SHA-256 of its bytes, under a
/// two-digit fan-out directory (`blobs/ba/ba7816bf...`), written once.
///
///     let hash = try cache.blobs.put(arrayBytes)    // a no-op if already stored
///     let bytes = try cache.blobs.data(for: hash)  // verified against `hash`
///
/// Every read re-hashes the bytes, so a damaged blob is a `CacheProblem` for the caller to
/// recover from, never wrong data. A blob store belongs to an open `NotebookCache`, whose lock
/// makes it the only writer.
public final class BlobStore {
    /// The `blobs/` directory.
    public let directory: String
    /// Blobs known to be present and intact in this session, with their sizes, so `put` of
    /// the same large array after every cell costs no disk read. Blobs are never modified in
    /// place; a blob that changes size meanwhile is re-read, and any other damage is still
    /// caught by `data(for:)`, which always verifies.
    private var verified: [BlobHash: Int64] = [:]

    init(directory: String) {
        self.directory = directory
    }

    /// Where the blob `hash` lives (whether or not it exists).
    public func path(for hash: BlobHash) -> String {
        directory + "/" + hash.hex.prefix(2) + "/" + hash.hex
    }

    /// Stores `data` and returns its hash. Storing bytes already present writes nothing; a
    /// damaged copy is replaced.
    @discardableResult
    public func put(_ data: Data) throws(CacheError) -> BlobHash {
        let hash = BlobHash.of(data)
        if isKnownIntact(hash) { return hash }
        let path = path(for: hash)
        if let size = FileIO.size(path), size == Int64(data.count), (try? self.data(for: hash)) != nil {
            return hash
        }
        let fanOut = (path as NSString).deletingLastPathComponent
        do {
            try FileIO.createDirectory(fanOut)
            try FileIO.writeAtomically(data, to: path)
        } catch {
            throw .io(path: path, reason: Self.reason(error))
        }
        verified[hash] = Int64(data.count)
        return hash
    }

    /// The bytes of blob `hash`, checked against it.
    public func data(for hash: BlobHash) throws(CacheProblem) -> Data {
        let path = path(for: hash)
        let data: Data
        do {
            data = try FileIO.contents(of: path)
        } catch .notFound {
            verified[hash] = nil
            throw .missingBlob(hash, neededBy: nil)
        } catch {
            throw .unreadable(path: path, reason: Self.reason(error))
        }
        guard BlobHash.of(data) == hash else {
            verified[hash] = nil
            throw .checksumMismatch(path: path)
        }
        verified[hash] = Int64(data.count)
        return data
    }

    /// Whether blob `hash` exists (not whether it is intact; see `verify`).
    public func contains(_ hash: BlobHash) -> Bool {
        FileIO.exists(path(for: hash))
    }

    /// Checks that blob `hash` is present and intact. Its bytes are hashed at most once per
    /// session (an open `NotebookCache`); later checks compare the file's size.
    public func verify(_ hash: BlobHash) throws(CacheProblem) {
        if isKnownIntact(hash) { return }
        _ = try data(for: hash)
    }

    private func isKnownIntact(_ hash: BlobHash) -> Bool {
        guard let size = verified[hash] else { return false }
        return FileIO.size(path(for: hash)) == size
    }

    /// Every blob in the store with its size in bytes, sorted by hash. Files whose names are
    /// not hashes (temporaries, strays) are not listed.
    func allBlobs() -> [(hash: BlobHash, bytes: Int64)] {
        let manager = FileManager.default
        guard let fanOuts = try? manager.contentsOfDirectory(atPath: directory) else { return [] }
        var blobs: [(hash: BlobHash, bytes: Int64)] = []
        for fanOut in fanOuts.sorted() where fanOut.utf8.count == 2 {
            let names = (try? manager.contentsOfDirectory(atPath: directory + "/" + fanOut)) ?? []
            for name in names.sorted() {
                guard let hash = BlobHash(hex: name), name.hasPrefix(fanOut),
                      let size = FileIO.size(path(for: hash)) else { continue }
                blobs.append((hash, size))
            }
        }
        return blobs
    }

    /// Deletes blob `hash`; returns whether a file was removed.
    @discardableResult
    func remove(_ hash: BlobHash) -> Bool {
        verified[hash] = nil
        return (try? FileManager.default.removeItem(atPath: path(for: hash))) != nil
    }

    /// Removes temporaries left by interrupted writes in every fan-out directory.
    func removeStaleTemporaries() -> Int {
        let fanOuts = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return fanOuts.reduce(0) { $0 + FileIO.removeStaleTemporaries(in: directory + "/" + $1) }
    }

    static func reason(_ failure: FileIO.Failure) -> String {
        switch failure {
        case .notFound: return "no such file or directory"
        case .io(let reason): return reason
        }
    }
}
