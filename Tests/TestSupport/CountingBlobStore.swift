import CellLanguage
import Foundation

/// A blob store in memory that counts how often it is handed bytes; the same bytes get the
/// same name, as in the cache's content-addressed store.
public final class CountingBlobStore: SnapshotBlobStore {
    public private(set) var blobs: [String: Data] = [:]
    private var names: [Data: String] = [:]
    /// Every `put`, with the size of the bytes.
    public private(set) var puts: [Int] = []

    public init() {}

    public func put(_ data: Data) throws -> String {
        puts.append(data.count)
        if let name = names[data] { return name }
        let name = String(format: "%064x", names.count + 1)
        names[data] = name
        blobs[name] = data
        return name
    }

    public func contains(_ hash: String) -> Bool { blobs[hash] != nil }

    public func data(for hash: String) throws -> Data {
        guard let data = blobs[hash] else { throw SnapshotError.malformed("no blob \(hash)") }
        return data
    }
}
