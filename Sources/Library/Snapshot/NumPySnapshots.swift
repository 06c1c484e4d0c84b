import CellLanguage
import Foundation

/// An array is its layout (shape, strides, offset) and a reference to its buffer, so two
/// globals that are views of one array (`x` and `row = x[0]`) still share their elements
/// after a restore.
extension NDArray: SnapshotCodable {
    public static var snapshotKind: String { "numpy.ndarray/2" }
    /// Element bytes above which a buffer (or Keras' tensor) is a blob.
    static let inlineBytes = 16 << 10

    public func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(ints: shape)
        writer.write(ints: strides)
        writer.write(layout.offset)
        try writer.write(object: buffer)
    }

    public static func restore(from reader: inout SnapshotReader) throws -> NDArray {
        let shape = try reader.readInts()
        let strides = try reader.readInts()
        let offset = try reader.readInt()
        // The buffer is complete once made: nothing waiting needs filling first.
        let buffer = try reader.readCompleteObject(ArrayBuffer.self)
        let layout = ArrayLayout(shape: shape, strides: strides, offset: offset)
        guard shape.allSatisfy({ $0 >= 0 }), strides.count == shape.count else { throw SnapshotError.malformed("array layout") }
        if let span = layout.span, span.lowerBound < 0 || span.upperBound >= buffer.count {
            throw SnapshotError.malformed("array layout outside its buffer")
        }
        return NDArray(buffer: buffer, layout: layout)
    }
}

/// A buffer keeps its dtype inline; its elements go inline when small and otherwise to the
/// blob store, hashed once per buffer and `version` (an unchanged 60000x784 image set costs
/// nothing at the next cell, and is stored once however many cells keep it).
extension ArrayBuffer: SnapshotCodable {
    static var snapshotKind: String { "numpy.buffer/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(dtype.rawValue)
        writer.write(count)
        let large = count * dtype.itemSize > NDArray.inlineBytes
        writer.write(large)
        if large {
            try writer.writeBlob(owner: self, version: version) { elements.bytes }
        } else {
            writer.write(bytes: elements.bytes)
        }
    }

    static func restore(from reader: inout SnapshotReader) throws -> ArrayBuffer {
        let dtype = try reader.readDType("array dtype")
        let count = try reader.readInt()
        guard count >= 0 else { throw SnapshotError.malformed("array size") }
        if try reader.readBool() {
            var made: ArrayBuffer?
            try reader.readBlob { data in
                let buffer = ArrayBuffer(try ArrayStorage(bytes: data, dtype: dtype, count: count))
                made = buffer
                return (buffer, buffer.version)
            }
            guard let made else { throw SnapshotError.malformed("array blob") }
            return made
        }
        return ArrayBuffer(try ArrayStorage(bytes: try reader.readBytes(), dtype: dtype, count: count))
    }
}

extension ArrayStorage {
    /// The elements' bytes, in memory order (little-endian on every platform Labbook runs on).
    var bytes: Data {
        func raw<T>(_ elements: [T]) -> Data { elements.withUnsafeBytes { Data($0) } }
        switch self {
        case .bool(let a): return Data(a.map { $0 ? 1 : 0 })
        case .uint8(let a): return Data(a)
        case .int32(let a): return raw(a)
        case .int64(let a): return raw(a)
        case .uint64(let a): return raw(a)
        case .float32(let a): return raw(a)
        case .float64(let a): return raw(a)
        }
    }

    /// `count` elements of `dtype` from `bytes` (what `bytes` wrote).
    init(bytes data: Data, dtype: DType, count: Int) throws {
        guard data.count == count * dtype.itemSize else {
            throw SnapshotError.malformed("\(data.count) bytes for \(count) elements of \(dtype.name)")
        }
        func raw<T>(_: T.Type) -> [T] {
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                data.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
                initialized = count
            }
        }
        switch dtype {
        case .bool: self = .bool(data.map { $0 != 0 })
        case .uint8: self = .uint8([UInt8](data))
        case .int32: self = .int32(raw(Int32.self))
        case .int64: self = .int64(raw(Int64.self))
        case .uint64: self = .uint64(raw(UInt64.self))
        case .float32: self = .float32(raw(Float.self))
        case .float64: self = .float64(raw(Double.self))
        }
    }
}

extension NumPyScalar: SnapshotCodable {
    public static var snapshotKind: String { "numpy.scalar/1" }

    public func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(dtype.rawValue)
        writer.write(bytes: array.storage.bytes)
    }

    public static func restore(from reader: inout SnapshotReader) throws -> NumPyScalar {
        let dtype = try reader.readDType("scalar dtype")
        return NumPyScalar(NDArray(shape: [], storage: try ArrayStorage(bytes: try reader.readBytes(), dtype: dtype, count: 1)))
    }
}

/// `np.dtype('float32')` and `np.float32` are each their dtype and nothing else, written by name.
protocol DTypeSnapshot: SnapshotCodable {
    var dtype: DType { get }
    init(_ dtype: DType)
    /// What the object is, for the error when its dtype's name is unknown.
    static var dtypeRole: String { get }
}

extension DTypeSnapshot {
    public func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(dtype.rawValue)
    }

    public static func restore(from reader: inout SnapshotReader) throws -> Self {
        Self(try reader.readDType(dtypeRole))
    }
}

extension DTypeObject: DTypeSnapshot {
    public static var snapshotKind: String { "numpy.dtype/1" }
    static var dtypeRole: String { "dtype" }
}

extension ScalarTypeObject: DTypeSnapshot {
    public static var snapshotKind: String { "numpy.scalar_type/1" }
    static var dtypeRole: String { "scalar type" }
}

extension SnapshotReader {
    /// A dtype written by its name; `what` names it in the error when the name is unknown.
    mutating func readDType(_ what: String) throws -> DType {
        guard let dtype = DType(rawValue: try readString()) else { throw SnapshotError.malformed(what) }
        return dtype
    }
}
