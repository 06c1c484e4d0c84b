import CellLanguage
import NeuralEngine

/// The backward functions of TensorFlow's operations on tensors, recorded on the tapes that
/// track an operand (see `GradientTapeObject`). Each gradient is the textbook one, computed in
/// the operand's dtype; a gradient that reached an operand through broadcasting is summed back
/// to the operand's shape, as TensorFlow does. Operations that have no gradient in TensorFlow
/// (`//`, `%`, comparisons, casts to integers) are not recorded, so their sources get None.
///
///     with tf.GradientTape() as tape:
///         y = tf.matmul(x, W) + b         # matmul and add recorded
///     tape.gradient(y, [W, b])            # [x^T @ ones, column sums of ones]
enum TensorGradients {
    /// A tensor operand (`x` in `x + y`) and its array: a tensor, a variable read through the
    /// tapes, or a constant (a NumPy array, a Python number) converted as TensorFlow does.
    static func input(_ value: Value) throws -> (tensor: EagerTensor?, array: NDArray) {
        if let tensor = Tape.operand(value) { return (tensor, tensor.array) }
        return (nil, try TensorConversion.array(value))
    }

    /// `result` as a tensor, recorded with `backward` (d(output) → d(input)) when a recording
    /// tape tracks `input`.
    static func unary(_ input: EagerTensor?, _ result: NDArray,
                      _ backward: @escaping (NDArray) throws -> NDArray?) -> EagerTensor {
        let output = EagerTensor(result)
        guard let input, Tape.isTracked([input]), result.dtype.isFloat else { return output }
        return Tape.record(output, [input]) { g, _ in [try backward(g)] }
    }

    // MARK: Operators

    /// `x op other` (`other op x` when `reflected`) for a tensor `x`; nil when `other` is
    /// nothing TensorFlow converts.
    static func binary(_ x: EagerTensor, _ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> EagerTensor? {
        let otherTensor = Tape.operand(other)
        let operand: Value = otherTensor.map { .host($0) } ?? other
        let result: EagerTensor
        if op == .matrixMultiply, let o = try otherTensor?.array ?? TensorConversion.operand(other, like: x),
           let product = try TensorKernels.blasProduct(reflected ? o : x.array, reflected ? x.array : o) {
            result = EagerTensor(product)
        } else {
            guard let computed = try x.operate(op, operand, reflected: reflected) else { return nil }
            result = computed
        }
        guard Tape.isTracked([x, otherTensor]) else { return result }
        let otherArray = try otherTensor?.array ?? TensorConversion.operand(other, like: x) ?? x.array
        let (a, b) = reflected ? (otherArray, x.array) : (x.array, otherArray)
        guard let backward = binaryBackward(op, a, b, result.array) else { return result }
        return Tape.record(result, reflected ? [otherTensor, x] : [x, otherTensor], backward)
    }

    /// The backward function of `a op b = out`; nil for an operator without a gradient.
    static func binaryBackward(_ op: BinaryOperator, _ a: NDArray, _ b: NDArray, _ out: NDArray)
        -> ((NDArray, [Bool]) throws -> [NDArray?])? {
        func mul(_ x: NDArray, _ y: NDArray) throws -> NDArray { try Arithmetic.binary(.multiply, x, y) }
        func div(_ x: NDArray, _ y: NDArray) throws -> NDArray { try Arithmetic.binary(.trueDivide, x, y) }
        let sa = a.shape, sb = b.shape
        switch op {
        case .add:
            return { g, need in [need[0] ? try reduce(g, to: sa) : nil, need[1] ? try reduce(g, to: sb) : nil] }
        case .subtract:
            return { g, need in
                [need[0] ? try reduce(g, to: sa) : nil, need[1] ? try reduce(try Arithmetic.unary(.negate, g), to: sb) : nil]
            }
        case .multiply:
            return { g, need in [need[0] ? try reduce(try mul(g, b), to: sa) : nil, need[1] ? try reduce(try mul(g, a), to: sb) : nil] }
        case .trueDivide:
            return { g, need in
                [need[0] ? try reduce(try div(g, b), to: sa) : nil,
                 need[1] ? try reduce(try Arithmetic.unary(.negate, try div(try mul(g, out), b)), to: sb) : nil]
            }
        case .power:
            return { g, need in
                // d/da a^b = b a^(b-1); d/db a^b = a^b log(a).
                let da = need[0] ? try reduce(try mul(g, try mul(b, try Arithmetic.binary(
                    .power, a, try Arithmetic.binary(.subtract, b, ones(like: b))))), to: sa) : nil
                let db = need[1] ? try reduce(try mul(g, try mul(out, try MathFunctions.apply(.log, a))), to: sb) : nil
                return [da, db]
            }
        case .matrixMultiply:
            guard a.ndim == 2, b.ndim == 2 else { return nil }
            return { g, need in
                [need[0] ? try TensorKernels.product(g, b, transposeB: true) : nil,
                 need[1] ? try TensorKernels.product(a, g, transposeA: true) : nil]
            }
        default:
            return nil
        }
    }

    // MARK: Shapes

    /// `g` summed over the axes along which an operand of `shape` was broadcast.
    static func reduce(_ g: NDArray, to shape: [Int]) throws -> NDArray {
        guard g.shape != shape else { return g }
        var result = g
        while result.ndim > shape.count {
            result = try Reductions.reduce(.sum, result, axis: 0, keepdims: false).astype(g.dtype)
        }
        for axis in 0..<shape.count where shape[axis] == 1 && result.shape[axis] != 1 {
            result = try Reductions.reduce(.sum, result, axis: axis, keepdims: true).astype(g.dtype)
        }
        return NDArray(shape: shape, storage: result.storage)
    }

    /// `g` (the gradient of a reduction's output) spread back over the input's `shape`.
    static func expand(_ g: NDArray, to shape: [Int], axis: Int?, keepdims: Bool) throws -> NDArray {
        var kept = shape
        if let axis { kept[axis] = 1 } else { kept = shape.map { _ in 1 } }
        let aligned = NDArray(shape: kept, storage: g.storage)
        return try Arithmetic.binary(.add, aligned, zeros(shape, g.dtype))
    }

    static func ones(like a: NDArray) -> NDArray {
        NDArray(shape: a.shape, storage: ArrayStorage.float64(Array(repeating: 1, count: a.size)).converted(to: a.dtype))
    }

    static func zeros(_ shape: [Int], _ dtype: DType) -> NDArray {
        NDArray(shape: shape, storage: ArrayStorage.float64(Array(repeating: 0, count: shape.reduce(1, *))).converted(to: dtype))
    }
}
