import CellLanguage

/// `tf.convert_to_tensor`'s rules, shared by every TensorFlow function and operator:
///
/// - A tensor or a variable is taken as it is; asking it for another dtype is a ValueError.
/// - A NumPy array or scalar keeps its dtype (`x_train / 255.0` gives a float64 tensor), and
///   converts to any requested dtype as `astype` does (`int32_tensor * np.array([0.5])` is
///   int32 zeros, as in TensorFlow).
/// - Python numbers and nested lists take TensorFlow's defaults: floats are float32, ints are
///   int32 (int64 when a value does not fit), bools are bool. A requested dtype takes bools
///   anywhere and ints in any number type, but Python floats only in a float type: anything
///   else is the TypeError TensorFlow raises, `Cannot convert 1.5 to EagerTensor of dtype int32`.
enum TensorConversion {
    /// The dtype a `dtype=` argument names: a TensorFlow dtype, a NumPy dtype or type, or a
    /// name; nil for None.
    static func dtype(_ value: Value) throws -> DType? {
        if case .host(let d as TFDType) = value { return d.dtype }
        if case .int(let code) = value {
            // TensorFlow's `DataType` enum values, which `tf.as_dtype` takes (`tf.zeros(1, 1)` is float32).
            let codes: [Int: DType] = [1: .float32, 2: .float64, 3: .int32, 4: .uint8, 9: .int64, 10: .bool]
            guard let type = codes[code] else { throw PyException(.typeError, "Cannot convert value \(code) to a TensorFlow DType.") }
            return type
        }
        return try NumPyTypes.dtype(value)
    }

    /// The array `value` converts to (the caller must not write to it).
    static func array(_ value: Value, dtype requested: DType? = nil) throws -> NDArray {
        switch value {
        case .host(let t as EagerTensor): return try same(t.array, requested, t.repr)
        case .host(let v as any TapeVariable): return try same(v.value, requested, v.repr)
        case .host(let a as NDArray):
            let copy = NDArray(shape: a.shape, storage: a.storage)
            return requested.map { copy.astype($0) } ?? copy
        case .host(let s as NumPyScalar): return requested.map { s.array.astype($0) } ?? s.array
        case .bool, .int, .float, .list, .tuple:
            let a: NDArray
            do {
                a = try ArrayConversion.array(from: value, dtype: nil)
            } catch let error as PyException where error.type == .valueError {
                throw PyException(.valueError, "Can't convert non-rectangular Python sequence to Tensor.")
            }
            return try cast(pythonDefaults(a), requested, value)
        case .str:
            throw PyException(.valueError, "Labbook's TensorFlow has no string tensors (\(value.repr)); "
                              + "its tensors hold numbers and bools")
        default:
            throw PyException(.valueError, "Attempt to convert a value (\(value.repr)) with an unsupported type "
                              + "(\(value.typeName)) to a Tensor.")
        }
    }

    /// A tensor of `value` (`tf.convert_to_tensor(value, dtype=None)`).
    static func tensor(_ value: Value, dtype requested: DType? = nil) throws -> EagerTensor {
        if case .host(let t as EagerTensor) = value, requested == nil || requested == t.dtype { return t }
        return EagerTensor(try array(value, dtype: requested))
    }

    /// The other operand of an operator on `tensor`, converted to the tensor's dtype; nil
    /// when the value is nothing TensorFlow converts (the operator is then not supported).
    static func operand(_ value: Value, like tensor: EagerTensor) throws -> NDArray? {
        let other: NDArray?
        switch value {
        case .host(let t as EagerTensor): other = t.array
        case .host(let v as any TapeVariable): other = v.value
        default: other = nil
        }
        if let a = other {
            guard a.dtype == tensor.dtype else {
                throw PyException(.typeError, "Labbook's TensorFlow computes on two tensors of one dtype only, got "
                                  + "\(tensor.dtype.name) and \(a.dtype.name) (TensorFlow raises InvalidArgumentError); "
                                  + "use tf.cast")
            }
            return a
        }
        switch value {
        case .host(let h) where !(h is NDArray || h is NumPyScalar):
            return nil
        case .bool, .int, .float, .list, .tuple, .host:
            return try array(value, dtype: tensor.dtype)
        default:
            return nil
        }
    }

    /// TensorFlow's default dtypes for Python values: float32 for floats, int32 for ints
    /// that fit (int64 otherwise), bool for bools.
    private static func pythonDefaults(_ a: NDArray) -> NDArray {
        switch a.storage {
        case .float64: return a.astype(.float32)
        case .int64(let v) where v.allSatisfy({ Int64(Int32.min)...Int64(Int32.max) ~= $0 }): return a.astype(.int32)
        default: return a
        }
    }

    private static func same(_ a: NDArray, _ requested: DType?, _ repr: @autoclosure () -> String) throws -> NDArray {
        guard let requested, requested != a.dtype else { return a }
        throw PyException(.valueError, "Tensor conversion requested dtype \(requested.name) for Tensor with dtype "
                          + "\(a.dtype.name): \(repr())")
    }

    /// Python values `a` as `requested`, where TensorFlow's conversion allows it.
    private static func cast(_ a: NDArray, _ requested: DType?, _ value: Value) throws -> NDArray {
        guard let requested, requested != a.dtype else { return a }
        let allowed = a.dtype == .bool || (a.dtype.isInteger && requested != .bool) || (a.dtype.isFloat && requested.isFloat)
        guard allowed else {
            throw PyException(.typeError, "Cannot convert \(value.repr) to EagerTensor of dtype \(requested.name)")
        }
        return a.astype(requested)
    }

    /// A shape argument: an int, a tuple or list of ints, a TensorShape, or a 1-d tensor.
    static func shape(_ value: Value, _ what: String) throws -> [Int] {
        let dims: [Int]
        switch value {
        case .int(let n): dims = [n]
        case .tuple(let items): dims = try items.map { try dimension($0, what) }
        case .list(let l): dims = try l.items.map { try dimension($0, what) }
        case .host(let s as TensorShapeObject): dims = s.dimensions
        case .host(let t as EagerTensor) where t.array.ndim <= 1 && t.dtype.isInteger:
            dims = t.array.storage.asInt64().map { Int($0) }
        default:
            throw PyException(.typeError, "`\(what)` must be an int or a tuple of ints, got \(value.repr)")
        }
        guard dims.allSatisfy({ $0 >= -1 }) else {
            throw PyException(.valueError, "`\(what)` has a negative dimension: \(value.repr)")
        }
        return dims
    }

    private static func dimension(_ value: Value, _ what: String) throws -> Int {
        if case .bool = value { throw PyException(.typeError, "`\(what)` must hold ints, got \(value.repr)") }
        guard let n = value.asInt else { throw PyException(.typeError, "`\(what)` must hold ints, got \(value.repr)") }
        return n
    }
}
