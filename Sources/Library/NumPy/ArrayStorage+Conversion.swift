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

    func asBool() -> [Bool] {
        switch self {
        case .bool(let a): return a
        case .uint8(let a): return a.map { $0 != 0 }
        case .int32(let a): return a.map { $0 != 0 }
        case .int64(let a): return a.map { $0 != 0 }
        case .uint64(let a): return a.map { $0 != 0 }
        case .float32(let a): return a.map { $0 != 0 }
        case .float64(let a): return a.map { $0 != 0 }
        }
    }

    func asInt64() -> [Int64] {
        switch self {
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        case .uint8(let a): return a.map { Int64($0) }
        case .int32(let a): return a.map { Int64($0) }
        case .int64(let a): return a
        case .uint64(let a): return a.map { Int64(bitPattern: $0) }
        case .float32(let a): return a.map { castToInt64(Double($0)) }
        case .float64(let a): return a.map(castToInt64)
        }
    }

    func asUInt8() -> [UInt8] {
        switch self {
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        case .uint8(let a): return a
        case .int32(let a): return a.map { UInt8(truncatingIfNeeded: $0) }
        case .int64(let a): return a.map { UInt8(truncatingIfNeeded: $0) }
        case .uint64(let a): return a.map { UInt8(truncatingIfNeeded: $0) }
        case .float32(let a): return a.map { floatToUInt8(Double($0)) }
        case .float64(let a): return a.map(floatToUInt8)
        }
    }

    func asInt32() -> [Int32] {
        switch self {
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        case .uint8(let a): return a.map { Int32($0) }
        case .int32(let a): return a
        case .int64(let a): return a.map { Int32(truncatingIfNeeded: $0) }
        case .uint64(let a): return a.map { Int32(truncatingIfNeeded: $0) }
        case .float32(let a): return a.map { castToInt32(Double($0)) }
        case .float64(let a): return a.map(castToInt32)
        }
    }

    func asUInt64() -> [UInt64] {
        switch self {
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        case .uint8(let a): return a.map { UInt64($0) }
        case .int32(let a): return a.map { UInt64(bitPattern: Int64($0)) }
        case .int64(let a): return a.map { UInt64(bitPattern: $0) }
        case .uint64(let a): return a
        case .float32(let a): return a.map { castToUInt64(Double($0)) }
        case .float64(let a): return a.map(castToUInt64)
        }
    }

    func asFloat32() -> [Float] {
        switch self {
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        case .uint8(let a): return a.map { Float($0) }
        case .int32(let a): return a.map { Float($0) }
        case .int64(let a): return a.map { Float($0) }
        case .uint64(let a): return a.map { Float($0) }
        case .float32(let a): return a
        case .float64(let a): return a.map { Float($0) }
        }
    }

    func asFloat64() -> [Double] {
        switch self {
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        case .uint8(let a): return a.map { Double($0) }
        case .int32(let a): return a.map { Double($0) }
        case .int64(let a): return a.map { Double($0) }
        case .uint64(let a): return a.map { Double($0) }
        case .float32(let a): return a.map { Double($0) }
        case .float64(let a): return a
        }
    }

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

/// C's `(int64_t)d` on x86: truncation, and INT64_MIN for NaN and values out of range.
@inline(__always)
func castToInt64(_ d: Double) -> Int64 {
    guard d.isFinite, d > -9.223372036854775808e18, d < 9.223372036854775808e18 else { return Int64.min }
    return Int64(d)
}

@inline(__always)
func castToInt32(_ d: Double) -> Int32 {
    guard d.isFinite, d > -2147483649.0, d < 2147483648.0 else { return Int32.min }
    return Int32(d)
}

@inline(__always)
func castToUInt64(_ d: Double) -> UInt64 {
    if d.isFinite, d >= 9.223372036854775808e18, d < 1.8446744073709551616e19 { return UInt64(d) }
    return UInt64(bitPattern: castToInt64(d))
}

/// NumPy casts floats to uint8 through a C int: 300.5 -> 44, -1.5 -> 255, NaN -> 0.
@inline(__always)
func floatToUInt8(_ d: Double) -> UInt8 {
    UInt8(truncatingIfNeeded: castToInt64(d))
}
