import CellLanguage

/// A NumPy scalar (`np.float32(0.5)`, `np.int64(3)`, `np.True_`): what `x[0, 0]`,
/// `x.max()` and arithmetic on 0-d values return. It holds a 0-d array and computes like
/// one, but prints as NumPy 2 prints scalars.
///
///     repr: np.float32(0.5)   str: 0.5   f'{s:.2f}': 0.50
public final class NumPyScalar: HostObject, @unchecked Sendable {
    /// The value as a 0-d array.
    public let array: NDArray

    public init(_ array: NDArray) {
        precondition(array.size == 1)
        // A scalar is a value, never a view: later writes to the array do not change it.
        self.array = NDArray(shape: [], storage: array.storage)
    }

    public var dtype: DType { array.dtype }

    public var typeName: String { "numpy." + NumPyScalar.typeSuffix(dtype) }

    static func typeSuffix(_ dtype: DType) -> String { dtype == .bool ? "bool" : dtype.name }

    public var repr: String {
        if case .bool(let v) = array.storage { return v[0] ? "np.True_" : "np.False_" }
        return "np.\(dtype.name)(\(str))"
    }

    public var str: String { NumPyScalar.strText(array) }

    /// `str()` of the element of a one-element array.
    static func strText(_ a: NDArray) -> String {
        switch a.storage {
        case .bool(let v): return v[0] ? "True" : "False"
        case .uint8(let v): return String(v[0])
        case .int32(let v): return String(v[0])
        case .int64(let v): return String(v[0])
        case .uint64(let v): return String(v[0])
        case .float32(let v): return numpyScalarString(Double(v[0]), single: true)
        case .float64(let v): return PyFormat.repr(v[0])
        }
    }

    /// The Python value: `float`, `int` or `bool` (`.item()`, `.tolist()`).
    public var item: Value { NumPyScalar.pythonValue(array.storage, 0) }

    static func pythonValue(_ s: ArrayStorage, _ i: Int) -> Value {
        switch s {
        case .bool(let v): return .bool(v[i])
        case .uint8(let v): return .int(Int(v[i]))
        case .int32(let v): return .int(Int(v[i]))
        case .int64(let v): return .int(Int(v[i]))
        case .uint64(let v): return .int(Int(truncatingIfNeeded: v[i]))
        case .float32(let v): return .float(Double(v[i]))
        case .float64(let v): return .float(v[i])
        }
    }

    public var asDouble: Double? { array.storage.double(at: 0) }
    /// Integer scalars only: a float scalar is not an index (`int()` falls back to `asDouble`).
    public var asInt: Int? { dtype.isFloat ? nil : array.storage.integer(at: 0).map { Int($0) } }

    public func isTruthy() throws -> Bool { array.storage.double(at: 0) != 0 }

    public func format(spec: String) throws -> String {
        if spec.isEmpty { return str }
        let result: Result<String, FormatError>
        switch item {
        case .float(let d): result = Result { () throws(FormatError) in try PyFormat.format(d, spec: spec) }
        case .int(let i): result = Result { () throws(FormatError) in try PyFormat.format(i, spec: spec) }
        case .bool(let b): result = Result { () throws(FormatError) in try PyFormat.format(b, spec: spec) }
        default: return str
        }
        switch result {
        case .success(let text): return text
        case .failure(let e): throw PyException(ExceptionType(rawValue: e.typeName) ?? .valueError, e.message)
        }
    }

    public func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "item", "tolist":
            return .builtin(BuiltinFunction(name) { [self] _, _ in item })
        case "dtype", "shape", "ndim", "size", "astype", "reshape", "sum", "mean", "max", "min", "std",
             "argmax", "argmin", "flatten", "copy", "T", "round", "itemsize", "nbytes", "all", "any", "clip", "var":
            // Scalars share these with 0-d arrays.
            let value = try ArrayMethods.attribute(array, name, interpreter)
            return value
        case "real": return .host(self)
        default: throw attributeError(name)
        }
    }

    public func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool,
                                _ interpreter: Interpreter) throws -> Value? {
        try ArrayMethods.binaryOperation(array, op, other, reflected: reflected)
    }

    public func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        try ArrayMethods.compare(array, op, other)
    }

    public func unaryOperation(_ op: UnaryOperator, _ interpreter: Interpreter) throws -> Value? {
        ArrayMethods.wrap(try Arithmetic.unary(op, array))
    }
}
