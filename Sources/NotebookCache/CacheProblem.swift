/// Why a cache entry or blob could not be used. The runner reports anything but `.missing`
/// as a warning and recomputes the cell; nothing here is fatal.
///
///     do { entry = try cache.entry(for: key) }
///     catch { if error.isDamage { warn("\(error); recomputing") } }
public enum CacheProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// No entry for this key: the cell has not run with these inputs (not damage).
    case missing(CellKey)
    /// The file ends before its header says it should (an interrupted or cut copy).
    case truncated(path: String, expectedBytes: Int, foundBytes: Int)
    /// The content does not match its checksum (a damaged entry or blob).
    case checksumMismatch(path: String)
    /// The file is not a Labbook cache entry (wrong magic bytes).
    case foreign(path: String)
    /// A Labbook entry of another format version.
    case unsupportedVersion(path: String, found: Int, supported: Int)
    /// Checksum fine but the document does not decode (written by an incompatible build), or
    /// it describes another key than its file name.
    case undecodable(path: String, reason: String)
    /// A blob the entry's state needs is not in the store.
    case missingBlob(BlobHash, neededBy: CellKey?)
    /// The file exists but could not be read (permissions, I/O error).
    case unreadable(path: String, reason: String)

    /// `false` only for `.missing`: a normal cache miss, nothing to warn about.
    public var isDamage: Bool {
        if case .missing = self { return false }
        return true
    }

    public var description: String {
        switch self {
        case .missing(let key):
            return "no cache entry for cell key \(key.short)"
        case .truncated(let path, let expected, let found):
            return "cache file \(path) is truncated (\(found) of \(expected) bytes)"
        case .checksumMismatch(let path):
            return "cache file \(path) is damaged (checksum mismatch)"
        case .foreign(let path):
            return "\(path) is not a Labbook cache entry"
        case .unsupportedVersion(let path, let found, let supported):
            return "cache file \(path) has format version \(found); this Labbook reads version \(supported)"
        case .undecodable(let path, let reason):
            return "cache file \(path) cannot be decoded: \(reason)"
        case .missingBlob(let hash, let key):
            let owner = key.map { " needed by cell key \($0.short)" } ?? ""
            return "cache blob \(hash.hex.prefix(12))\(owner) is missing"
        case .unreadable(let path, let reason):
            return "cache file \(path) cannot be read: \(reason)"
        }
    }
}

/// Why the cache could not be opened, written or cleaned. Unlike `CacheProblem`, these come
/// from the cache directory as a whole; the runner may still run without a cache.
public enum CacheError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds the cache's lock (its pid, when it wrote one).
    case locked(directory: String, holder: Int32?)
    /// The directory exists, is not empty and is not a Labbook cache; it is left alone.
    case notACache(directory: String)
    /// A file system operation failed.
    case io(path: String, reason: String)
    /// `store` was given an entry whose snapshot refers to blobs not in the store.
    case missingBlobs(key: CellKey, [BlobHash])
    /// The value could not be encoded (e.g. a string that is not valid for JSON).
    case encoding(String)

    public var description: String {
        switch self {
        case .locked(let directory, let holder):
            let who = holder.map { "another labbook process (pid \($0))" } ?? "another labbook process"
            return "the cache \(directory) is in use by \(who); wait for it to finish, or use --cache-dir to run with another cache"
        case .notACache(let directory):
            return "\(directory) exists and is not a Labbook cache; choose another --cache-dir or remove it yourself"
        case .io(let path, let reason):
            return "cache: \(path): \(reason)"
        case .missingBlobs(let key, let hashes):
            let example = hashes.first.map { ", e.g. \($0.hex.prefix(12))" } ?? ""
            return "cache entry \(key.short) refers to \(hashes.count) blob(s) not in the store\(example)"
        case .encoding(let reason):
            return "cache: cannot encode entry: \(reason)"
        }
    }
}
