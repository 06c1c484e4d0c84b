import CellLanguage

/// `tf.shape` and `tf.one_hot`, which metrics written by hand call (Deep Learning with
/// Python's `RootMeanSquaredError`: `tf.one_hot(y_true, depth=tf.shape(y_pred)[1])`).
///
///     tf.shape(tf.ones((2, 3)))           # tf.Tensor([2 3], shape=(2,), dtype=int32)
///     tf.one_hot([0, 2], depth=3)         # float32, shape (2, 3)
enum ShapeFunctions {
    static func attributes() -> [(String, Value)] {
        [
            TensorFlowModule.function("shape", ["input", .init("out_type", default: .none), .init("name", default: .none)]) { a in
                let dims = try TensorConversion.array(a["input"]!).shape
                let type = try TensorConversion.dtype(a["out_type"]!) ?? .int32
                guard type == .int32 || type == .int64 else {
                    throw PyException(.typeError, "Value passed to parameter 'out_type' has DataType \(type.name) not in list of "
                                      + "allowed values: int32, int64")
                }
                return EagerTensor(NDArray(shape: [dims.count], storage: ArrayStorage.int64(dims.map { Int64($0) }).converted(to: type)))
            },
            TensorFlowModule.function("one_hot", ["indices", "depth", .init("on_value", default: .none),
                                                  .init("off_value", default: .none), .init("axis", default: .none),
                                                  .init("dtype", default: .none), .init("name", default: .none)]) { a in
                try oneHot(a)
            },
        ]
    }

    /// `tf.one_hot(indices, depth, on_value=None, off_value=None, axis=None, dtype=None)`: a
    /// new last axis of `depth`, `on_value` (1) at each index and `off_value` (0) elsewhere; an
    /// index outside `[0, depth)` gives a row of `off_value`, as in TensorFlow.
    private static func oneHot(_ a: [String: Value]) throws -> EagerTensor {
        let indices = try TensorConversion.array(a["indices"]!)
        guard indices.dtype.isInteger else {
            // TensorFlow's eager InvalidArgumentError, which names float32 `float` and float64 `double`.
            let name = indices.dtype == .float32 ? "float" : indices.dtype == .float64 ? "double" : indices.dtype.name
            throw PyException(.typeError, "Value for attr 'TI' of \(name) is not in the list of allowed values: uint8, int8, "
                              + "int32, int64")
        }
        let depthArray = try TensorConversion.array(a["depth"]!)
        guard depthArray.shape.isEmpty, depthArray.dtype.isInteger, let depth = depthArray.storage.asInt64().first, depth >= 0 else {
            throw PyException(.valueError, "tf.one_hot's depth must be a non-negative integer, got \(a["depth"]!.repr)")
        }
        if let axis = a["axis"], !axis.isNone, try Convert.int(axis, "axis") != -1 {
            throw PyException(.notImplementedError, "Labbook's tf.one_hot puts the new axis last (axis=-1) only")
        }
        let on = a["on_value"]!.isNone ? 1 : try TensorConversion.array(a["on_value"]!).storage.asFloat64().first ?? 1
        let off = a["off_value"]!.isNone ? 0 : try TensorConversion.array(a["off_value"]!).storage.asFloat64().first ?? 0
        let dtype = try TensorConversion.dtype(a["dtype"]!) ?? .float32
        let width = Int(depth)
        var values = [Double](repeating: off, count: indices.storage.count * width)
        for (row, index) in indices.storage.asInt64().enumerated() where index >= 0 && index < depth {
            values[row * width + Int(index)] = on
        }
        return EagerTensor(NDArray(shape: indices.shape + [width], storage: ArrayStorage.float64(values).converted(to: dtype)))
    }
}
