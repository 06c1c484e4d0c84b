import Foundation

/// Content-addressed storage: each blob is a file named by the SHA-256 of its bytes, under a
/// two-digit fan-out directory (`blobs/ba/ba7816bf...`), written once.
///
///     let hash = try cache.blobs.put(arrayBytes)    // a no-op if already stored
///     let bytes = try cache.blobs.data(for: hash)  // verified against `hash`
///
/// Reads check the bytes against the hash, so a damaged blob is a `CacheProblem` for the
/// caller to recover from, never wrong data. Hashing a large array costs time (about 0.3 s for
/// MNIST's 188 MB `x_train` as float32), so a blob hashed once in a session is not hashed
/// again while its file is unchanged (same inode, size and modification time): `scan` verifies
/// the resume point's blobs and the restore that follows reads them without a second pass.
/// A blob store belongs to an open `NotebookCache`, whose lock makes it the only writer.
public final class BlobStore {
    /// The `blobs/` directory.
    public let directory: String
    /// Blobs hashed (or written) in this session, with their file's stamp when they were.
    private var verified: [BlobHash: FileIO.Stamp] = [:]

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
            if !FileIO.exists(fanOut) {
                try FileIO.createDirectory(fanOut)
                FileIO.syncDirectory(directory)  // so the new fan-out folder survives a crash too
            }
            try FileIO.writeAtomically(data, to: path)
        } catch {
            throw .io(path: path, reason: Self.reason(error))
        }
        verified[hash] = FileIO.stamp(path)
        return hash
    }

    /// The bytes of blob `hash`, checked against it (unless already checked this session and
    /// unchanged since).
    public func data(for hash: BlobHash) throws(CacheProblem) -> Data {
        let path = path(for: hash)
        let known = isKnownIntact(hash)
        let stamp = FileIO.stamp(path)
        let data: Data
        do {
            data = try FileIO.contents(of: path)
        } catch .notFound {
            verified[hash] = nil
            throw .missingBlob(hash, neededBy: nil)
        } catch {
            throw .unreadable(path: path, reason: Self.reason(error))
        }
        if known && FileIO.stamp(path) == stamp { return data }
        guard BlobHash.of(data) == hash else {
            verified[hash] = nil
            throw .checksumMismatch(path: path)
        }
        verified[hash] = stamp
        return data
    }

    /// Whether blob `hash` exists (not whether it is intact; see `verify`).
    public func contains(_ hash: BlobHash) -> Bool {
        FileIO.exists(path(for: hash))
    }

    /// Checks that blob `hash` is present and intact, hashing it unless it was hashed this
    /// session and its file is unchanged since.
    public func verify(_ hash: BlobHash) throws(CacheProblem) {
        if isKnownIntact(hash) { return }
        _ = try data(for: hash)
    }

    private func isKnownIntact(_ hash: BlobHash) -> Bool {
        guard let stamp = verified[hash] else { return false }
        return FileIO.stamp(path(for: hash)) == stamp
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
        failure.description
    }
}
