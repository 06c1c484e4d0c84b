/// The element types of `NDArray`, with NumPy's names and NumPy 2's promotion rules.
///
///     DType.promote(.uint8, .float32)   // .float32
///     DType.float32.repr                // "dtype('float32')"
public enum DType: String, CaseIterable, Sendable {
    case bool, uint8, int32, int64, uint64, float32, float64

    /// NumPy's name: `'uint8'`, `'float32'`.
    public var name: String { rawValue }

    /// `repr(x.dtype)`: `dtype('float32')`.
    public var repr: String { "dtype('\(rawValue)')" }

    /// Bytes per element.
    public var itemSize: Int {
        switch self {
        case .bool, .uint8: return 1
        case .int32, .float32: return 4
        case .int64, .uint64, .float64: return 8
        }
    }

    public var isFloat: Bool { self == .float32 || self == .float64 }
    public var isInteger: Bool { self == .uint8 || self == .int32 || self == .int64 || self == .uint64 }
    public var isUnsigned: Bool { self == .uint8 || self == .uint64 }

    /// NumPy's one-letter kind: `b`, `u`, `i`, `f`.
    public var kind: String {
        switch self {
        case .bool: return "b"
        case .uint8, .uint64: return "u"
        case .int32, .int64: return "i"
        case .float32, .float64: return "f"
        }
    }

    /// The array-protocol type string, `'<f4'`, `'|u1'`.
    public var typeString: String {
        (itemSize == 1 ? "|" : "<") + kind + String(itemSize)
    }

    /// The dtype a sum of this dtype accumulates in (`uint8` sums are `uint64`, as NumPy's).
    public var sumType: DType {
        switch self {
        case .bool, .int32, .int64: return .int64
        case .uint8, .uint64: return .uint64
        case .float32, .float64: return self
        }
    }

    /// The range of integers this dtype holds (nil for bool and floats).
    var integerRange: ClosedRange<Double>? {
        switch self {
        case .uint8: return 0...255
        case .int32: return Double(Int32.min)...Double(Int32.max)
        case .int64: return -9.223372036854775808e18...9.223372036854775807e18
        case .uint64: return 0...1.8446744073709551615e19
        default: return nil
        }
    }

    /// Whether every value of `self` is a value of `other` (NumPy's safe casting).
    func canCastSafely(to other: DType) -> Bool {
        if self == other { return true }
        switch (self, other) {
        case (.bool, _): return true
        case (.uint8, .int32), (.uint8, .int64), (.uint8, .uint64), (.uint8, .float32), (.uint8, .float64):
            return true
        case (.int32, .int64), (.int32, .float64): return true
        case (.int64, .float64), (.uint64, .float64): return true
        case (.float32, .float64): return true
        default: return false
        }
    }

    /// The smallest dtype both operands cast to safely, as `np.result_type` of two arrays.
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a.canCastSafely(to: b) { return b }
        if b.canCastSafely(to: a) { return a }
        // int64 and uint64, int32/int64 with float32, uint64 with signed ints.
        switch (a, b) {
        case (.int32, .uint64), (.uint64, .int32), (.int64, .uint64), (.uint64, .int64): return .float64
        default: return .float64
        }
    }

    /// Parses a dtype name as `np.dtype(...)` and `astype(...)` accept it.
    public init?(name: String) {
        switch name {
        case "bool", "bool_", "?", "b1": self = .bool
        case "uint8", "u1", "B": self = .uint8
        case "int32", "i4", "intc": self = .int32
        case "int64", "i8", "int", "int_", "l", "long", "intp": self = .int64
        case "uint64", "u8", "uint", "ulong", "uintp": self = .uint64
        case "float32", "f4", "f", "single": self = .float32
        case "float64", "f8", "float", "d", "double", "float_": self = .float64
        default: return nil
        }
    }
}
