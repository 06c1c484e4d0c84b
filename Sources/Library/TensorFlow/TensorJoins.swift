import CellLanguage

/// `tf.concat(values, axis)`: tensors of one dtype joined along an axis, as a `GradientTape`
/// sees it (the gradient of the result is cut back into one piece per input).
///
///     labels = tf.concat([tf.ones((64, 1)), tf.zeros((64, 1))], axis=0)   # shape (128, 1)
enum TensorJoins {
    static func functions() -> [(String, Value)] {
        [
            TensorFlowModule.function("concat", ["values", "axis", .init("name", default: .str("concat"))]) { a in
                let values: [Value]
                switch a["values"]! {
                case .list(let list): values = list.items
                case .tuple(let items): values = items
                case let single: values = [single]
                }
                let inputs = try values.map(TensorGradients.input)
                guard let first = inputs.first?.array else {
                    throw PyException(.valueError, "List argument 'values' to 'ConcatV2' Op with length 0 shorter than minimum length 1.")
                }
                for (i, input) in inputs.enumerated() where input.array.dtype != first.dtype {
                    throw PyException(.valueError, "cannot compute ConcatV2 as input #\(i)(zero-based) was expected to be a "
                                      + "\(typeName(first.dtype)) tensor but is a \(typeName(input.array.dtype)) tensor [Op:ConcatV2] name: "
                                      + "concat (TensorFlow raises InvalidArgumentError)")
                }
                for (index, input) in inputs.enumerated() where input.array.ndim != first.ndim || first.ndim == 0 {
                    throw PyException(.valueError, "ConcatOp : Ranks of all input tensors should match: shape[0] = "
                                      + "\(dims(first.shape)) vs. shape[\(index)] = "
                                      + "\(dims(input.array.shape)) [Op:ConcatV2] name: concat (TensorFlow raises InvalidArgumentError)")
                }
                let axis = try Convert.int(a["axis"]!, "axis")
                // One tensor comes back as it is, whatever the axis (TensorFlow's identity shortcut).
                if inputs.count == 1 { return inputs[0].tensor ?? EagerTensor(first) }
                guard axis >= -first.ndim, axis < first.ndim else {
                    throw PyException(.valueError, "ConcatOp : Expected concatenating dimensions in the range "
                                      + "[\(-first.ndim), \(first.ndim)), but got \(axis) [Op:ConcatV2] name: concat (TensorFlow raises InvalidArgumentError)")
                }
                let index = axis < 0 ? axis + first.ndim : axis
                for (i, input) in inputs.enumerated() {
                    for d in 0..<first.ndim where d != index && input.array.shape[d] != first.shape[d] {
                        throw PyException(.valueError, "ConcatOp : Dimension \(d) in both shapes must be equal: shape[0] = "
                                          + "\(dims(first.shape)) vs. shape[\(i)] = "
                                          + "\(dims(input.array.shape)) [Op:ConcatV2] name: concat (TensorFlow raises InvalidArgumentError)")
                    }
                }
                let result = try NumPyFunctions.concatenate(inputs.map(\.array), axis: .int(index))
                let output = EagerTensor(result)
                let tensors = inputs.map(\.tensor)
                guard Tape.isTracked(tensors), result.dtype.isFloat else { return output }
                let shapes = inputs.map(\.array.shape)
                return Tape.record(output, tensors) { g, _ in pieces(of: g, shapes: shapes, axis: index) }
            },
        ]
    }

    /// TensorFlow's name of a dtype in kernel errors (`float`, `int32`).
    private static func typeName(_ type: DType) -> String {
        switch type {
        case .float32: "float"
        case .float64: "double"
        default: type.name
        }
    }

    /// A shape as TensorFlow's kernels print it: `[2,1]`.
    private static func dims(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ",") + "]" }

    /// The gradient of a concatenation cut into the inputs' shapes.
    static func pieces(of g: NDArray, shapes: [[Int]], axis: Int) -> [NDArray?] {
        let outer = g.shape[..<axis].reduce(1, *), inner = g.shape[(axis + 1)...].reduce(1, *)
        let width = g.shape[axis] * inner
        var parts: [[ArrayStorage]] = shapes.map { _ in [] }
        for o in 0..<outer {
            var start = o * width
            for (p, shape) in shapes.enumerated() {
                let count = shape[axis] * inner
                parts[p].append(g.storage.sliced(start..<(start + count)))
                start += count
            }
        }
        return zip(parts, shapes).map { chunks, shape in
            NDArray(shape: shape, storage: ArrayStorage.joined(chunks, dtype: g.dtype))
        }
    }
}
