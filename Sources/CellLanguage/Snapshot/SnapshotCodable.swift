import Foundation

/// A host object (or any shared object of a library) that can be saved in a state snapshot
/// and re-created from it. Conform, then register the type with the session's
/// `ModuleRegistry.snapshotting.register(T.self)`; without both, a global holding such an
/// object stops the cache after its cell (never a wrong restore).
///
///     extension HistoryObject: SnapshotCodable {
///         static var snapshotKind: String { "keras.History/1" }
///         func snapshot(into writer: inout SnapshotWriter) throws {
///             try writer.write(value: .dict(history))   // other objects by reference
///             writer.write(epochs)                      // Swift values inline
///         }
///         static func restore(from reader: inout SnapshotReader) throws -> Self {
///             guard case .dict(let history) = try reader.readValue() else { throw SnapshotError.malformed("History") }
///             return Self(history: history, epochs: try reader.readInts())
///         }
///     }
///
/// Rules:
/// - `restore` reads exactly what `snapshot` wrote, in the same order.
/// - Other objects go through `write(value:)` / `write(object:)`, never copied into the
///   payload: that is what keeps sharing (two globals, or a layer global and the model that
///   holds it, stay one object after a restore).
/// - Large numeric data goes through `writeBlob(owner:version:_:)`, stored once by content.
/// - The kind names the type and its payload version (`numpy.ndarray/1`); change it when the
///   payload layout changes. Session-level state (generators, counters, the open figure) is
///   not an object: it is a `SessionStateProvider`.
public protocol SnapshotCodable: AnyObject {
    /// A stable name for the type and its payload layout, e.g. `numpy.ndarray/1`.
    static var snapshotKind: String { get }
    /// Writes everything needed to re-create the object.
    func snapshot(into writer: inout SnapshotWriter) throws
    /// Re-creates the object from what `snapshot(into:)` wrote.
    static func restore(from reader: inout SnapshotReader) throws -> Self
}

/// Session state that is not a global: the seeded generator, Keras' layer-name counters,
/// matplotlib's current figure. Register one per piece of state with
/// `ModuleRegistry.snapshotting.register(provider:)` (when the registry is built, or when
/// the module that owns the state is imported: a restore re-imports modules first).
///
///     final class LayerCounters: SessionStateProvider {
///         var stateName: String { "keras.layer_counters" }
///         func snapshotState(into writer: inout SnapshotWriter) throws { ... }
///         func restoreState(from reader: inout SnapshotReader) throws { ... }
///     }
public protocol SessionStateProvider: AnyObject {
    /// Unique per session, stable across runs (it names the record in the snapshot).
    var stateName: String { get }
    func snapshotState(into writer: inout SnapshotWriter) throws
    /// Puts the state back in place (the provider object itself lives on).
    func restoreState(from reader: inout SnapshotReader) throws
}

/// Where snapshot blobs go: the cache's content-addressed store (the runner adapts it).
public protocol SnapshotBlobStore: AnyObject {
    /// Stores `data` (a no-op when already present) and returns its content hash (hex).
    func put(_ data: Data) throws -> String
    /// Whether the blob `hash` is present.
    func contains(_ hash: String) -> Bool
    /// The bytes of blob `hash`, verified against it.
    func data(for hash: String) throws -> Data
}

/// Why a session could not be saved or restored.
public enum SnapshotError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A value that cannot be saved (an iterator, a host object without `SnapshotCodable`).
    case unsupported(String)
    /// The bytes do not decode (damage, or an incompatible writer).
    case malformed(String)
    /// A host object kind that no registered type restores.
    case unknownKind(String)
    /// A session-state record whose provider is not registered after re-importing modules.
    case missingProvider(String)
    /// Objects that reach each other through a function's defaults or a host object.
    case cycle(String)

    public var description: String {
        switch self {
        case .unsupported(let reason): return reason
        case .malformed(let what): return "the saved state is malformed (\(what))"
        case .unknownKind(let kind): return "no restorer for saved objects of kind '\(kind)'"
        case .missingProvider(let name): return "no provider for the saved session state '\(name)'"
        case .cycle(let what): return "cannot restore a reference cycle through \(what)"
        }
    }
}
