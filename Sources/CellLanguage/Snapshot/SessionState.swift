import Foundation

/// A session's state as bytes: what `Session.captureState` produces and `restoreState`
/// consumes. The cache stores it as a `StateSnapshot` (one item per global and per record).
///
/// - `globals`: each bound global, in the session's order, with its type name (for people
///   reading `cache info`) and its encoding (a scalar, or a reference into the heap).
/// - `records`: `language` (global-name order, imported modules, and the blob hashes of the
///   sources of saved functions and of the cells their tracebacks show), `heap` (every
///   object, by id), then `provider:<name>` for each `SessionStateProvider`.
/// - `blobs`: the blob hashes the heap refers to, in first-use order.
public struct SessionState: Sendable, Equatable {
    public struct Global: Sendable, Equatable {
        public var name: String
        public var kind: String
        public var bytes: Data
        public init(name: String, kind: String, bytes: Data) {
            self.name = name
            self.kind = kind
            self.bytes = bytes
        }
    }

    public struct Record: Sendable, Equatable {
        public var name: String
        public var bytes: Data
        public init(name: String, bytes: Data) {
            self.name = name
            self.bytes = bytes
        }
    }

    public var globals: [Global]
    public var records: [Record]
    public var blobs: [String]

    public init(globals: [Global], records: [Record], blobs: [String]) {
        self.globals = globals
        self.records = records
        self.blobs = blobs
    }

    static let languageRecord = "language"
    static let heapRecord = "heap"
    static let providerPrefix = "provider:"
}

extension Session {
    /// How many values a state may hold and still be saved after a cell. Saving takes about a
    /// microsecond per value and happens after every cell, so a state of tens of millions of
    /// values (a list doubled in a loop) would cost far more than the cells it saves; past this
    /// the state is not cached (a note says so) and the cells after it run again next time.
    /// A NumPy array counts as one value: its bytes go to a blob in one piece.
    public static let snapshotValueLimit = 1 << 22

    /// Host kinds and state providers registered for this session.
    public var snapshotting: SnapshotRegistry { interpreter.registry.snapshotting }

    /// The whole session state after a cell: every global (with sharing between them kept),
    /// imported modules, the sources of the cells saved values come from (for tracebacks),
    /// and each provider's state. Large bytes, and those sources, go to `blobs`.
    ///
    /// Throws `SnapshotError.unsupported` naming the global that holds a value that cannot be
    /// saved (an iterator, a host object whose type is not `SnapshotCodable`).
    public func captureState(blobs: SnapshotBlobStore, valueLimit: Int = Session.snapshotValueLimit) throws -> SessionState {
        if !Session.isOnLargeStack {
            return try Session.onLargeStack { try self.captureState(blobs: blobs, valueLimit: valueLimit) }
        }
        let interp = interpreter
        let encoder = SnapshotEncoder(interpreter: interp, blobStore: blobs, maxValues: valueLimit)
        var globals: [SessionState.Global] = []
        for (name, value) in interp.globals.bound {
            encoder.root = "global '\(name)'"
            var out = ByteWriter()
            try encoder.encode(value, into: &out)
            globals.append(SessionState.Global(name: name, kind: value.typeName, bytes: out.data))
        }
        var providerRecords: [SessionState.Record] = []
        for provider in interp.registry.snapshotting.providers {
            encoder.root = "session state '\(provider.stateName)'"
            var writer = SnapshotWriter(encoder: encoder)
            try provider.snapshotState(into: &writer)
            providerRecords.append(.init(name: SessionState.providerPrefix + provider.stateName, bytes: writer.bytes.data))
        }
        try encoder.finish()

        var heap = ByteWriter()
        heap.u32(encoder.records.count)
        for record in encoder.records { heap.bytes(record) }

        var language = ByteWriter()
        language.u32(interp.globals.names.count)
        for name in interp.globals.names { language.string(name) }
        let modules = interp.loadedModules.keys.sorted()
        language.u32(modules.count)
        for module in modules { language.string(module) }
        // Only the cells the saved values point into (functions, frames, tracebacks), each
        // as the hash of a blob: a source is stored once however many states refer to it,
        // and a state's size does not grow with the number of cells run before it.
        let cells = encoder.referencedCells.sorted().filter { interp.cellSources[$0] != nil }
        language.u32(cells.count)
        for cell in cells {
            language.i64(cell)
            let text = interp.cellSources[cell]?.lines.joined(separator: "\n") ?? ""
            language.string(try encoder.storeText(text))
        }
        language.u32(encoder.sourceTexts.count)
        for text in encoder.sourceTexts { language.string(try encoder.storeText(text)) }

        return SessionState(
            globals: globals,
            records: [.init(name: SessionState.languageRecord, bytes: language.data),
                      .init(name: SessionState.heapRecord, bytes: heap.data)] + providerRecords,
            blobs: encoder.blobs)
    }

    /// Replaces this session's state with `state`: globals are cleared and rebound,
    /// modules re-imported by name, cell sources put back, providers restored. Meant for a
    /// fresh session (the runner restores before running the first changed cell).
    ///
    /// Throws `SnapshotError` (or a blob store's error) when the state cannot be restored;
    /// the session must then be discarded.
    public func restoreState(_ state: SessionState, blobs: SnapshotBlobStore) throws {
        if !Session.isOnLargeStack { return try Session.onLargeStack { try self.restoreState(state, blobs: blobs) } }
        let interp = interpreter
        guard let languageBytes = state.records.first(where: { $0.name == SessionState.languageRecord })?.bytes,
              let heapBytes = state.records.first(where: { $0.name == SessionState.heapRecord })?.bytes
        else { throw SnapshotError.malformed("missing language or heap record") }

        var language = ByteReader(languageBytes)
        var names: [String] = []
        for _ in 0..<(try language.u32()) { names.append(try language.string()) }
        var modules: [String] = []
        for _ in 0..<(try language.u32()) { modules.append(try language.string()) }
        var cells: [(Int, String)] = []
        for _ in 0..<(try language.u32()) { cells.append((try language.i64(), try Self.text(try language.string(), blobs))) }
        var sourceTexts: [String] = []
        for _ in 0..<(try language.u32()) { sourceTexts.append(try Self.text(try language.string(), blobs)) }

        var heap = ByteReader(heapBytes)
        var records: [Data] = []
        for _ in 0..<(try heap.u32()) { records.append(try heap.bytes()) }

        for i in interp.globals.names.indices { interp.globals.values[i] = nil }
        for name in names { _ = interp.globals.index(of: name) }
        for (cell, text) in cells { interp.cellSources[cell] = Session.cellSource(text) }
        for module in modules { _ = try interp.importModule(module) }

        let decoder = SnapshotDecoder(interpreter: interp, blobStore: blobs, records: records, sourceTexts: sourceTexts)
        var values: [(String, Value)] = []
        for global in state.globals {
            var input = ByteReader(global.bytes)
            values.append((global.name, try decoder.decodeValue(&input)))
        }
        try decoder.drain()
        for record in state.records where record.name.hasPrefix(SessionState.providerPrefix) {
            let name = String(record.name.dropFirst(SessionState.providerPrefix.count))
            guard let provider = interp.registry.snapshotting.provider(named: name) else {
                throw SnapshotError.missingProvider(name)
            }
            var reader = SnapshotReader(bytes: record.bytes, decoder: decoder)
            try provider.restoreState(from: &reader)
        }
        try decoder.drain()
        for (name, value) in values { interp.globals[name] = value }
    }

    /// A source text stored as a blob by `SnapshotEncoder.storeText`.
    private static func text(_ hash: String, _ blobs: SnapshotBlobStore) throws -> String {
        guard let text = String(validating: try blobs.data(for: hash), as: UTF8.self) else {
            throw SnapshotError.malformed("source text \(hash) is not UTF-8")
        }
        return text
    }
}

extension MersenneTwister: SessionStateProvider {
    var stateName: String { "random" }

    func snapshotState(into writer: inout SnapshotWriter) throws {
        writer.write(ints: generator.state.map { Int($0) })
        writer.write(generator.index)
        writer.write(gaussNext != nil)
        writer.write(gaussNext ?? 0)
    }

    func restoreState(from reader: inout SnapshotReader) throws {
        let words = try reader.readInts()
        guard words.count == 624 else { throw SnapshotError.malformed("random state") }
        generator.state = words.map { UInt32(truncatingIfNeeded: $0) }
        generator.index = try reader.readInt()
        let hasGauss = try reader.readBool()
        let gauss = try reader.readDouble()
        gaussNext = hasGauss ? gauss : nil
    }
}
