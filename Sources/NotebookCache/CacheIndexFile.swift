import Foundation

/// The cache's small JSON files beside the entries (`runs.json`, `entries/<stem>.reads`):
/// sorted keys, dates in seconds since 1970, stamped with the cache format's version. One
/// that is missing, unreadable or of another version reads as empty: they only save time,
/// so losing one costs a re-run, never a wrong result.
protocol CacheIndexFile: Codable {
    /// The empty file.
    init()
    /// `CacheFormat.version` when written.
    var version: Int { get }
}

extension CacheIndexFile {
    static func load(_ path: String) -> Self {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .secondsSince1970
        guard let data = try? FileIO.contents(of: path),
              let file = try? decoder.decode(Self.self, from: data),
              file.version == CacheFormat.version
        else { return Self() }
        return file
    }

    /// Writes the file atomically; `durable` as in `FileIO.writeAtomically`.
    func save(_ path: String, durable: Bool = true) throws(CacheError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .secondsSince1970
        let data: Data
        do {
            data = try encoder.encode(self)
        } catch {
            throw .encoding(String(describing: error))
        }
        do {
            try FileIO.writeAtomically(data, to: path, durable: durable)
        } catch {
            throw .io(path: path, reason: BlobStore.reason(error))
        }
    }
}
