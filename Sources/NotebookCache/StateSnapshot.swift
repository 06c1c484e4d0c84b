import Foundation

/// The session state after a cell, as the cache stores it: an ordered list of named items
/// whose bytes are either inline or in the blob store.
///
/// The cache does not interpret the bytes: the snapshot serialiser (written with the
/// interpreter) decides what an item's `kind` and bytes mean. The cache only needs to know
/// which blobs a snapshot refers to, so that it can check they are present before offering
/// the snapshot for restoring, and keep them when pruning.
///
///     var snapshot = StateSnapshot()
///     snapshot.globals.append(.init(name: "epochs", kind: "int", inline: Data("5".utf8)))
///     let weights = try cache.blobs.put(weightBytes)
///     snapshot.globals.append(.init(name: "model", kind: "keras.Sequential", blob: weights))
///     snapshot.session.append(.init(name: "rng", kind: "rng.state", blob: try cache.blobs.put(rngBytes)))
public struct StateSnapshot: Sendable, Equatable, Codable {
    /// The session's globals, in the order the serialiser chose (keep it deterministic,
    /// e.g. definition order).
    public var globals: [Item]
    /// Session-level records that are not globals: the random generator's state, Keras'
    /// layer-name counters, the figure counter, ...
    public var session: [Item]

    public init(globals: [Item] = [], session: [Item] = []) {
        self.globals = globals
        self.session = session
    }

    /// One named piece of state.
    public struct Item: Sendable, Equatable, Codable {
        /// The global's name, or the session record's name (`rng`, `layer_counters`).
        public var name: String
        /// What the serialiser wrote, e.g. `int`, `ndarray`, `keras.Sequential`; opaque here.
        public var kind: String
        /// The item's own bytes.
        public var payload: Payload
        /// Further blobs the payload refers to (e.g. a model's weight arrays, each stored
        /// once by content), so the cache can check and keep them. Ordered as the serialiser
        /// wishes; `payload`'s own blob need not be repeated here.
        public var references: [BlobHash]

        public init(name: String, kind: String, payload: Payload, references: [BlobHash] = []) {
            self.name = name
            self.kind = kind
            self.payload = payload
            self.references = references
        }

        /// An item whose bytes are stored in the entry itself (small values).
        public init(name: String, kind: String, inline bytes: Data, references: [BlobHash] = []) {
            self.init(name: name, kind: kind, payload: .inline(bytes), references: references)
        }

        /// An item whose bytes are a blob (large values, stored once by content).
        public init(name: String, kind: String, blob hash: BlobHash, references: [BlobHash] = []) {
            self.init(name: name, kind: kind, payload: .blob(hash), references: references)
        }
    }

    /// Where an item's bytes are.
    public enum Payload: Sendable, Equatable, Codable {
        /// In the entry document.
        case inline(Data)
        /// In the blob store, under this hash.
        case blob(BlobHash)
    }

    /// Every blob this snapshot needs, each once, in first-use order.
    public var blobReferences: [BlobHash] {
        var seen = Set<BlobHash>()
        var ordered: [BlobHash] = []
        for item in globals + session {
            var hashes = item.references
            if case .blob(let hash) = item.payload { hashes.insert(hash, at: 0) }
            for hash in hashes where seen.insert(hash).inserted {
                ordered.append(hash)
            }
        }
        return ordered
    }

    /// The global named `name`, if any.
    public func global(named name: String) -> Item? {
        globals.first { $0.name == name }
    }

    /// The session record named `name`, if any.
    public func sessionRecord(named name: String) -> Item? {
        session.first { $0.name == name }
    }
}
