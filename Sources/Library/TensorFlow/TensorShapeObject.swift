import CellLanguage

/// `tf.TensorShape`: a tensor's or a variable's `.shape`. TensorFlow 2 prints it as
/// `TensorShape([1, 10])` (repr) and `(1, 10)` (str, and inside a tensor's printed form);
/// it indexes to Python ints, iterates, has `len`, and equals a tuple or list of the same
/// dimensions (`t.shape == (1, 10)`).
final class TensorShapeObject: HostObject {
    let dimensions: [Int]

    init(_ dimensions: [Int]) {
        self.dimensions = dimensions
    }

    /// TensorShape's `__str__`: `()`, `(3,)`, `(1, 10)`.
    static func text(_ dimensions: [Int]) -> String {
        dimensions.count == 1 ? "(\(dimensions[0]),)" : "(" + dimensions.map(String.init).joined(separator: ", ") + ")"
    }

    var typeName: String { "TensorShape" }
    var repr: String { "TensorShape([" + dimensions.map(String.init).joined(separator: ", ") + "])" }
    var str: String { Self.text(dimensions) }

    private var list: Value { .list(PyList(dimensions.map { .int($0) })) }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "rank", "ndims": return .int(dimensions.count)
        case "dims": return list
        case "as_list":
            return .builtin(BuiltinFunction("as_list") { arguments, _ in
                try arguments.expectExactly(0, "as_list")
                return self.list
            })
        case "num_elements":
            return .builtin(BuiltinFunction("num_elements") { arguments, _ in
                try arguments.expectExactly(0, "num_elements")
                return .int(self.dimensions.reduce(1, *))
            })
        default: throw attributeError(name)
        }
    }

    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value {
        if case .slice = key {
            guard case .list(let part) = try interpreter.getItem(list, key) else { return .none }
            return .host(TensorShapeObject(part.items.compactMap(\.asInt)))
        }
        return try interpreter.getItem(list, key)
    }

    func length() throws -> Int { dimensions.count }

    func iterate(_ interpreter: Interpreter) throws -> PyIterator {
        var i = 0
        return PyIterator("iterator") { [dimensions] in
            guard i < dimensions.count else { return nil }
            i += 1
            return .int(dimensions[i - 1])
        }
    }

    func isTruthy() throws -> Bool { true }

    /// Equal to another TensorShape, or to a tuple or list of the same ints.
    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        let items: [Value]
        switch other {
        case .host(let s as TensorShapeObject): return .bool((s.dimensions == dimensions) == (op == .equal))
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default: return nil
        }
        let same = items.count == dimensions.count && zip(items, dimensions).allSatisfy { $0.asInt == $1 }
        return .bool(same == (op == .equal))
    }
}

/// A TensorFlow dtype (`tf.float32`): `repr` is `tf.float32`, `str` is `<dtype: 'float32'>`,
/// as TensorFlow's `DType` prints. It equals the same dtype given as a TensorFlow dtype, a
/// NumPy dtype or type (`np.float32`), or a name (`'float32'`).
final class TFDType: HostObject {
    let dtype: DType

    init(_ dtype: DType) {
        self.dtype = dtype
    }

    /// The dtypes `tf.<name>` offers: those Labbook's arrays hold.
    static let names: [(String, DType)] = [
        ("float32", .float32), ("float64", .float64), ("double", .float64), ("int32", .int32), ("int64", .int64),
        ("uint8", .uint8), ("uint64", .uint64), ("bool", .bool),
    ]

    var typeName: String { "DType" }
    var repr: String { "tf." + dtype.name }
    var str: String { "<dtype: '\(dtype.name)'>" }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "name": return .str(dtype.name)
        case "is_floating": return .bool(dtype.isFloat)
        case "is_integer": return .bool(dtype.isInteger && dtype != .bool)
        case "is_bool": return .bool(dtype == .bool)
        case "size": return .int(dtype.itemSize)
        case "as_numpy_dtype": return .host(ScalarTypeObject(dtype))
        default: throw attributeError(name)
        }
    }

    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        let same = (try? TensorConversion.dtype(other)) == dtype
        return .bool(same == (op == .equal))
    }
}
