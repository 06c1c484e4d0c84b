import CellLanguage
import Foundation
import NotebookCache

/// The cache's blob store as the snapshot codec sees it.
final class CacheBlobs: SnapshotBlobStore {
    let store: BlobStore

    init(_ store: BlobStore) {
        self.store = store
    }

    func put(_ data: Data) throws -> String {
        try store.put(data).hex
    }

    func contains(_ hash: String) -> Bool {
        BlobHash(hex: hash).map(store.contains) ?? false
    }

    func data(for hash: String) throws -> Data {
        guard let blob = BlobHash(hex: hash) else { throw SnapshotError.malformed("blob name \(hash)") }
        return try store.data(for: blob)
    }
}

extension StateSnapshot {
    /// Items larger than this go to the blob store (stored once by content, so a record
    /// that did not change from one cell to the next costs nothing more).
    static let inlineLimit = 16 << 10

    /// The cache's form of a session state: one item per global and per record.
    init(_ state: SessionState, blobs: BlobStore) throws {
        let references = state.blobs.compactMap(BlobHash.init(hex:))
        guard references.count == state.blobs.count else { throw SnapshotError.malformed("blob names") }
        func payload(_ bytes: Data) throws -> Payload {
            bytes.count > Self.inlineLimit ? .blob(try blobs.put(bytes)) : .inline(bytes)
        }
        var globals: [Item] = []
        for global in state.globals {
            globals.append(Item(name: global.name, kind: global.kind, payload: try payload(global.bytes)))
        }
        var session: [Item] = []
        for record in state.records {
            // The heap names every blob the state needs, so the cache can check and keep them.
            let isHeap = record.name == "heap"
            session.append(Item(name: record.name, kind: "record", payload: try payload(record.bytes),
                                references: isHeap ? references : []))
        }
        self.init(globals: globals, session: session)
    }

    /// Back to the codec's form, reading blob-stored items (verified) from `blobs`.
    func sessionState(blobs: BlobStore) throws -> SessionState {
        func bytes(_ item: Item) throws -> Data {
            switch item.payload {
            case .inline(let data): return data
            case .blob(let hash): return try blobs.data(for: hash)
            }
        }
        return SessionState(
            globals: try globals.map { SessionState.Global(name: $0.name, kind: $0.kind, bytes: try bytes($0)) },
            records: try session.map { SessionState.Record(name: $0.name, bytes: try bytes($0)) },
            blobs: session.flatMap(\.references).map(\.hex))
    }
}
