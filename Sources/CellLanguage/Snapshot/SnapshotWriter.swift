import Foundation

/// What a `SnapshotCodable` object or a `SessionStateProvider` writes its state into.
/// Primitive values go inline; other language values and shared objects go by reference
/// (`write(value:)`, `write(object:)`), so sharing survives a restore; large bytes go to the
/// blob store (`writeBlob`). A `SnapshotReader` reads them back in the same order.
///
///     writer.write(units)                         // Int
///     writer.write(activation.name)               // String
///     try writer.write(value: .list(items))       // a language value, by reference
///     try writer.write(object: engineLayer)       // a shared SnapshotCodable object
///     try writer.writeBlob(owner: array, version: array.version) { array.bytes }
public struct SnapshotWriter {
    var bytes = ByteWriter()
    let encoder: SnapshotEncoder

    init(encoder: SnapshotEncoder) {
        self.encoder = encoder
    }

    /// The session's interpreter (e.g. to find the library's session state).
    public var interpreter: Interpreter { encoder.interpreter }

    public mutating func write(_ value: Int) { bytes.i64(value) }
    public mutating func write(_ value: Bool) { bytes.byte(value ? 1 : 0) }
    /// Bit-exact (NaN payloads and signed zeros included).
    public mutating func write(_ value: Double) { bytes.u64(value.bitPattern) }
    public mutating func write(_ value: Float) { bytes.u64(UInt64(value.bitPattern)) }
    public mutating func write(_ value: String) { bytes.string(value) }
    public mutating func write(_ value: String?) { bytes.optionalString(value) }
    /// Small byte strings, inline.
    public mutating func write(bytes data: Data) { bytes.bytes(data) }
    public mutating func write(ints: [Int]) {
        bytes.u32(ints.count)
        bytes.raw(ints.map { Int64($0).littleEndian })
    }
    /// Small float arrays, inline (use `writeBlob` for large ones).
    public mutating func write(floats: [Float]) {
        bytes.u32(floats.count)
        bytes.raw(floats.map { $0.bitPattern.littleEndian })
    }
    public mutating func write(doubles: [Double]) {
        bytes.u32(doubles.count)
        bytes.raw(doubles.map { $0.bitPattern.littleEndian })
    }

    /// A language value, by reference: containers, functions and host objects are saved
    /// once however many places refer to them. Throws `SnapshotError.unsupported` for values
    /// that cannot be saved.
    public mutating func write(value: Value) throws {
        try encoder.encode(value, into: &bytes)
    }

    /// A shared object that is not itself a language value (an engine layer held by both
    /// a model and a layer wrapper), by reference. Its type must be registered.
    public mutating func write(object: SnapshotCodable) throws {
        try encoder.encode(object: object, into: &bytes)
    }

    /// Large bytes (an array's data), stored once by content in the blob store. `bytes`
    /// is only called when needed: if `owner` was stored at the same `version` earlier in
    /// this session and the blob is still there, its hash is reused without hashing again.
    /// `version` must change whenever the bytes would (e.g. a mutation counter); pass
    /// `owner: nil` to always hash.
    public mutating func writeBlob(owner: AnyObject?, version: Int = 0, _ make: () throws -> Data) throws {
        let hash = try encoder.storeBlob(owner: owner, version: version, make)
        bytes.string(hash)
    }
}

/// Reads what a `SnapshotWriter` wrote, in the same order.
public struct SnapshotReader {
    var bytes: ByteReader
    let decoder: SnapshotDecoder

    init(bytes: Data, decoder: SnapshotDecoder) {
        self.bytes = ByteReader(bytes)
        self.decoder = decoder
    }

    /// The session's interpreter (e.g. to find the library's session state).
    public var interpreter: Interpreter { decoder.interpreter }

    public mutating func readInt() throws -> Int { try bytes.i64() }
    public mutating func readBool() throws -> Bool { try bytes.byte() != 0 }
    public mutating func readDouble() throws -> Double { Double(bitPattern: try bytes.u64()) }
    public mutating func readFloat() throws -> Float {
        Float(bitPattern: UInt32(truncatingIfNeeded: try bytes.u64()))
    }
    public mutating func readString() throws -> String { try bytes.string() }
    public mutating func readOptionalString() throws -> String? { try bytes.optionalString() }
    public mutating func readBytes() throws -> Data { try bytes.bytes() }
    public mutating func readInts() throws -> [Int] {
        try bytes.raw(Int64.self, count: try bytes.u32()).map { Int(Int64(littleEndian: $0)) }
    }
    public mutating func readFloats() throws -> [Float] {
        try bytes.raw(UInt32.self, count: try bytes.u32()).map { Float(bitPattern: UInt32(littleEndian: $0)) }
    }
    public mutating func readDoubles() throws -> [Double] {
        try bytes.raw(UInt64.self, count: try bytes.u32()).map { Double(bitPattern: UInt64(littleEndian: $0)) }
    }

    /// A language value written with `write(value:)`. Containers it refers to are complete
    /// when this returns.
    public mutating func readValue() throws -> Value {
        let value = try decoder.decodeValue(&bytes)
        try decoder.drain()
        return value
    }

    /// A language value written with `write(value:)` whose lists, dicts and frames may still
    /// be empty when this returns (they are filled before the restore ends). For objects
    /// that only keep references (class instances): reading them whole could meet the
    /// object being restored again through a container, which is a cycle.
    public mutating func readValueReference() throws -> Value {
        try decoder.decodeValue(&bytes)
    }

    /// A shared object written with `write(object:)`.
    public mutating func readObject<T: SnapshotCodable>(_: T.Type) throws -> T {
        let object = try decoder.decodeObjectReference(&bytes)
        try decoder.drain()
        guard let typed = object as? T else {
            throw SnapshotError.malformed("expected a \(T.snapshotKind), found \(type(of: object))")
        }
        return typed
    }

    /// Like `readObject`, without filling the containers still waiting first: for an object
    /// complete once made (an array's buffer) read while one of those containers holds the
    /// object being restored (a variable in a list and in an attribute).
    public mutating func readCompleteObject<T: SnapshotCodable>(_: T.Type) throws -> T {
        let object = try decoder.decodeObjectReference(&bytes)
        guard let typed = object as? T else {
            throw SnapshotError.malformed("expected a \(T.snapshotKind), found \(type(of: object))")
        }
        return typed
    }

    /// Bytes written with `writeBlob`, read from the blob store and verified.
    public mutating func readBlob() throws -> Data {
        try decoder.loadBlob(hash: try bytes.string())
    }

    /// Like `readBlob`, and remembers that `owner` at `version` is stored under that blob, so
    /// the next snapshot does not hash it again. Call after creating the owner.
    public mutating func readBlob(then adopt: (Data) throws -> (owner: AnyObject, version: Int)) throws {
        let hash = try bytes.string()
        let (owner, version) = try adopt(try decoder.loadBlob(hash: hash))
        decoder.registry.memoize(blob: hash, owner: owner, version: version)
    }
}
