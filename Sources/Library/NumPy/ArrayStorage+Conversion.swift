/// Casts between element types with NumPy's `astype` semantics: integers wrap, floats
/// truncate toward zero, NaN and out-of-range floats become the integer minimum (as C casts
/// do on x86) before wrapping, anything nonzero is True.
extension ArrayStorage {
    /// The elements cast to `dtype` (shared, not copied, when the dtype is already `dtype`).
    public func converted(to dtype: DType) -> ArrayStorage {
        if dtype == self.dtype { return self }
        switch dtype {
        case .bool: return .bool(asBool())
        case .uint8: return .uint8(asUInt8())
        case .int32: return .int32(asInt32())
        case .int64: return .int64(asInt64())
        case .uint64: return .uint64(asUInt64())
        case .float32: return .float32(asFloat32())
        case .float64: return .float64(asFloat64())
        }
    }

    /// The elements cast to `T`: the same array, not a copy, when they already are `T`.
    func elements<T: StorageElement>(as _: T.Type) -> [T] {
        if let same = T.stored(in: self) { return same }
        switch self {
        case .bool(let a): return a.map(T.init(castingFlag:))
        case .uint8(let a): return a.map(T.init(castingInteger:))
        case .int32(let a): return a.map(T.init(castingInteger:))
        case .int64(let a): return a.map(T.init(castingInteger:))
        case .uint64(let a): return a.map(T.init(castingInteger:))
        case .float32(let a): return a.map { T(castingFloat: Double($0)) }
        case .float64(let a): return a.map(T.init(castingFloat:))
        }
    }

    func asBool() -> [Bool] { elements(as: Bool.self) }
    func asUInt8() -> [UInt8] { elements(as: UInt8.self) }
    func asInt32() -> [Int32] { elements(as: Int32.self) }
    func asInt64() -> [Int64] { elements(as: Int64.self) }
    func asUInt64() -> [UInt64] { elements(as: UInt64.self) }
    func asFloat32() -> [Float] { elements(as: Float.self) }
    func asFloat64() -> [Double] { elements(as: Double.self) }

    /// Element `i` as a Double (exact for all but huge 64-bit integers).
    func double(at i: Int) -> Double {
        switch self {
        case .bool(let a): return a[i] ? 1 : 0
        case .uint8(let a): return Double(a[i])
        case .int32(let a): return Double(a[i])
        case .int64(let a): return Double(a[i])
        case .uint64(let a): return Double(a[i])
        case .float32(let a): return Double(a[i])
        case .float64(let a): return a[i]
        }
    }

    /// Element `i` as an Int64 (floats truncated as by `int()`; nil for NaN or out of range).
    func integer(at i: Int) -> Int64? {
        switch self {
        case .bool(let a): return a[i] ? 1 : 0
        case .uint8(let a): return Int64(a[i])
        case .int32(let a): return Int64(a[i])
        case .int64(let a): return a[i]
        case .uint64(let a): return Int64(exactly: a[i])
        case .float32(let a): return Int64(exactly: Double(a[i]).rounded(.towardZero))
        case .float64(let a): return Int64(exactly: a[i].rounded(.towardZero))
        }
    }

    /// Element `i` as an array of one element converted to `Float`.
    func floatValue(at i: Int) -> Float {
        switch self {
        case .float32(let a): return a[i]
        default: return Float(double(at: i))
        }
    }
}

/// An element type of `ArrayStorage`, made from an element of any other by NumPy's cast.
protocol StorageElement {
    /// The storage's own array when it holds this type (shared, not copied); nil otherwise.
    static func stored(in storage: ArrayStorage) -> [Self]?
    /// From a bool: 1 or 0.
    init(castingFlag flag: Bool)
    /// From an integer: wrapped to this type's width; for bool, whether it is nonzero.
    init<I: FixedWidthInteger>(castingInteger value: I)
    /// From a float (a float32 widened to Double, exactly), as a C cast on x86 converts it.
    init(castingFloat value: Double)
}

extension StorageElement where Self: Numeric {
    init(castingFlag flag: Bool) { self = flag ? 1 : 0 }
}

extension StorageElement where Self: FixedWidthInteger {
    init<I: FixedWidthInteger>(castingInteger value: I) { self.init(truncatingIfNeeded: value) }
}

extension StorageElement where Self: FixedWidthInteger & SignedInteger {
    /// C's `(int32_t)d` and `(int64_t)d` on x86: truncation toward zero, and the type's minimum
    /// for NaN and values out of range.
    @inline(__always)
    init(castingFloat value: Double) { self = Self(exactly: value.rounded(.towardZero)) ?? .min }
}

extension StorageElement where Self: BinaryFloatingPoint {
    init<I: FixedWidthInteger>(castingInteger value: I) { self.init(value) }
    init(castingFloat value: Double) { self.init(value) }
}

extension Bool: StorageElement {
    static func stored(in storage: ArrayStorage) -> [Bool]? { if case .bool(let a) = storage { a } else { nil } }
    init(castingFlag flag: Bool) { self = flag }
    init<I: FixedWidthInteger>(castingInteger value: I) { self = value != 0 }
    init(castingFloat value: Double) { self = value != 0 }
}

extension UInt8: StorageElement {
    static func stored(in storage: ArrayStorage) -> [UInt8]? { if case .uint8(let a) = storage { a } else { nil } }

    /// NumPy casts floats to uint8 through a C int: 300.5 -> 44, -1.5 -> 255, NaN -> 0.
    @inline(__always)
    init(castingFloat value: Double) { self.init(truncatingIfNeeded: Int64(castingFloat: value)) }
}

extension Int32: StorageElement {
    static func stored(in storage: ArrayStorage) -> [Int32]? { if case .int32(let a) = storage { a } else { nil } }
}

extension Int64: StorageElement {
    static func stored(in storage: ArrayStorage) -> [Int64]? { if case .int64(let a) = storage { a } else { nil } }
}

extension UInt64: StorageElement {
    static func stored(in storage: ArrayStorage) -> [UInt64]? { if case .uint64(let a) = storage { a } else { nil } }

    /// C's `(uint64_t)d` on x86: exact above INT64_MAX, otherwise the int64 cast's bits.
    @inline(__always)
    init(castingFloat value: Double) {
        if value.isFinite, value >= 9.223372036854775808e18, value < 1.8446744073709551616e19 { self.init(value); return }
        self.init(bitPattern: Int64(castingFloat: value))
    }
}

extension Float: StorageElement {
    static func stored(in storage: ArrayStorage) -> [Float]? { if case .float32(let a) = storage { a } else { nil } }
}

extension Double: StorageElement {
    static func stored(in storage: ArrayStorage) -> [Double]? { if case .float64(let a) = storage { a } else { nil } }
}
