/// The elements of an `NDArray`, row-major, in their own Swift type: a 60000x784 uint8
/// image set stays 47 MB, float32 stays `Float`. Arrays are Swift arrays, so reshapes and
/// copies share storage until written.
public enum ArrayStorage: Sendable {
    case bool([Bool])
    case uint8([UInt8])
    case int32([Int32])
    case int64([Int64])
    case uint64([UInt64])
    case float32([Float])
    case float64([Double])

    public var dtype: DType {
        switch self {
        case .bool: return .bool
        case .uint8: return .uint8
        case .int32: return .int32
        case .int64: return .int64
        case .uint64: return .uint64
        case .float32: return .float32
        case .float64: return .float64
        }
    }

    public var count: Int {
        switch self {
        case .bool(let a): return a.count
        case .uint8(let a): return a.count
        case .int32(let a): return a.count
        case .int64(let a): return a.count
        case .uint64(let a): return a.count
        case .float32(let a): return a.count
        case .float64(let a): return a.count
        }
    }

    /// `count` zeros (False) of `dtype`.
    public static func zeros(_ dtype: DType, count: Int) -> ArrayStorage {
        switch dtype {
        case .bool: return .bool(Array(repeating: false, count: count))
        case .uint8: return .uint8(Array(repeating: 0, count: count))
        case .int32: return .int32(Array(repeating: 0, count: count))
        case .int64: return .int64(Array(repeating: 0, count: count))
        case .uint64: return .uint64(Array(repeating: 0, count: count))
        case .float32: return .float32(Array(repeating: 0, count: count))
        case .float64: return .float64(Array(repeating: 0, count: count))
        }
    }

    /// Applies a type-preserving transformation to the typed elements.
    func transformed<T: StorageTransform>(_ t: T) -> ArrayStorage {
        switch self {
        case .bool(let a): return .bool(t.apply(a))
        case .uint8(let a): return .uint8(t.apply(a))
        case .int32(let a): return .int32(t.apply(a))
        case .int64(let a): return .int64(t.apply(a))
        case .uint64(let a): return .uint64(t.apply(a))
        case .float32(let a): return .float32(t.apply(a))
        case .float64(let a): return .float64(t.apply(a))
        }
    }

    /// The elements at `indices` (flat positions), in that order.
    func gathered(_ indices: [Int]) -> ArrayStorage { transformed(Gather(indices: indices)) }

    /// The elements in `range` (flat positions).
    func sliced(_ range: Range<Int>) -> ArrayStorage { transformed(Slice(range: range)) }

    /// The element at flat position `i` as a one-element storage.
    func element(_ i: Int) -> ArrayStorage { sliced(i..<(i + 1)) }

    /// Storages of one dtype joined end to end (all must have `self`'s dtype).
    static func joined(_ parts: [ArrayStorage], dtype: DType) -> ArrayStorage {
        switch dtype {
        case .bool: return .bool(parts.flatMap { $0.asBool() })
        case .uint8: return .uint8(parts.flatMap { $0.asUInt8() })
        case .int32: return .int32(parts.flatMap { $0.asInt32() })
        case .int64: return .int64(parts.flatMap { $0.asInt64() })
        case .uint64: return .uint64(parts.flatMap { $0.asUInt64() })
        case .float32: return .float32(parts.flatMap { $0.asFloat32() })
        case .float64: return .float64(parts.flatMap { $0.asFloat64() })
        }
    }
}

/// A transformation of typed elements that keeps their type (gathers, slices, reorders).
protocol StorageTransform {
    func apply<T>(_ elements: [T]) -> [T]
}

struct Gather: StorageTransform {
    let indices: [Int]
    func apply<T>(_ elements: [T]) -> [T] {
        elements.withUnsafeBufferPointer { source in indices.map { source[$0] } }
    }
}

struct Slice: StorageTransform {
    let range: Range<Int>
    func apply<T>(_ elements: [T]) -> [T] { Array(elements[range]) }
}
