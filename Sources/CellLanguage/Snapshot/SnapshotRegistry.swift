import Foundation

/// Per-session snapshot support: which host object kinds can be restored, which session
/// state providers are active, and which blobs this session has already hashed.
/// Reached as `ModuleRegistry.snapshotting` (the library fills it) or `Session.snapshotting`.
///
///     registry.snapshotting.register(NDArray.self)
///     registry.snapshotting.register(provider: state.generator)
public final class SnapshotRegistry {
    typealias Restorer = (inout SnapshotReader) throws -> AnyObject
    private(set) var restorers: [String: Restorer] = [:]
    /// Providers in registration order; a later one with the same name replaces the earlier.
    public private(set) var providers: [SessionStateProvider] = []
    /// Blob hashes of objects stored earlier in this session, by owner, while unchanged.
    private var blobMemo: [ObjectIdentifier: (owner: Weak, version: Int, hash: String)] = [:]

    public init() {
        // Classes defined in cells and their instances are part of the language.
        register(PyClass.self)
        register(PyInstance.self)
        register(PyProperty.self)
        register(PyStaticMethod.self)
        register(PyClassMethod.self)
    }

    /// Makes objects of `type` restorable (and so savable).
    public func register<T: SnapshotCodable>(_ type: T.Type) {
        restorers[T.snapshotKind] = { reader in try T.restore(from: &reader) }
    }

    /// Adds (or replaces, by `stateName`) a session-state provider.
    public func register(provider: SessionStateProvider) {
        providers.removeAll { $0.stateName == provider.stateName }
        providers.append(provider)
    }

    /// Whether objects of `kind` can be restored.
    public func canRestore(kind: String) -> Bool { restorers[kind] != nil }

    func provider(named name: String) -> SessionStateProvider? {
        providers.first { $0.stateName == name }
    }

    func memoizedBlob(owner: AnyObject, version: Int) -> String? {
        guard let memo = blobMemo[ObjectIdentifier(owner)], memo.owner.object === owner,
              memo.version == version else { return nil }
        return memo.hash
    }

    func memoize(blob hash: String, owner: AnyObject, version: Int) {
        if blobMemo.count > 4096 { blobMemo = blobMemo.filter { $0.value.owner.object != nil } }
        blobMemo[ObjectIdentifier(owner)] = (Weak(owner), version, hash)
    }

    final class Weak {
        weak var object: AnyObject?
        init(_ object: AnyObject) { self.object = object }
    }
}
