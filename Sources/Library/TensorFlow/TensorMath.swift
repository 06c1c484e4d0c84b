import CellLanguage
import Foundation

/// TensorFlow's operations on tensors that tutorials call: `tf.nn.softmax`, `tf.nn.relu`,
/// `tf.math.log`, the reductions and `tf.argmax`. Each computes in its input's dtype, as
/// TensorFlow does (a float32 softmax is float32 arithmetic; an int32 mean is an integer
/// division); the float functions refuse integer tensors, as TensorFlow's kernels do.
enum TensorMath {
    /// `tf.nn`.
    static func nnFunctions() -> [(String, Value)] {
        [
            TensorFlowModule.function("softmax", ["logits", .init("axis", default: .none), .init("name", default: .none)]) { a in
                let (t, x) = try floatInput(a["logits"]!, "nn.softmax")
                let axis = try axisIndex(a["axis"]!.isNone ? .int(-1) : a["axis"]!, rank: x.ndim)
                let y = softmax(x, axis: axis)
                return TensorGradients.unary(t, y) { g in
                    // y * (g - sum(g * y)) along the axis.
                    let gy = try Arithmetic.binary(.multiply, g, y)
                    let s = try Reductions.reduce(.sum, gy, axis: axis, keepdims: true).astype(g.dtype)
                    return try Arithmetic.binary(.multiply, y, try Arithmetic.binary(.subtract, g, s))
                }
            },
            TensorFlowModule.function("relu", ["features", .init("name", default: .none)]) { a in
                let (t, x) = try TensorGradients.input(a["features"]!)
                return TensorGradients.unary(t, relu(x)) { g in ElementwiseGradients.zip(g, x) { g, x in x > 0 ? g : 0 } }
            },
            TensorFlowModule.function("sigmoid", ["x", .init("name", default: .none)]) { a in
                let (t, x) = try floatInput(a["x"]!, "sigmoid")
                let y = try sigmoid(x)
                return TensorGradients.unary(t, y) { g in ElementwiseGradients.zip(g, y) { g, y in g * y * (1 - y) } }
            },
        ]
    }

    /// `tf.math` (several also at the top of `tf`).
    static func mathFunctions() -> [(String, Value)] {
        let floatFunctions: [(String, MathFunctions.Function)] = [("log", .log), ("exp", .exp), ("sqrt", .sqrt), ("tanh", .tanh)]
        var functions: [(String, Value)] = floatFunctions.map { name, f in
            TensorFlowModule.function(name, ["x", .init("name", default: .none)]) { a in
                let (t, x) = try floatInput(a["x"]!, name)
                let y = try MathFunctions.apply(f, x)
                return TensorGradients.unary(t, y) { g in try ElementwiseGradients.backward(f, g, x: x, y: y) }
            }
        }
        functions += [("square", MathFunctions.Function.square), ("abs", .abs)].map { name, f in
            TensorFlowModule.function(name, ["x", .init("name", default: .none)]) { a in
                let (t, x) = try TensorGradients.input(a["x"]!)
                let y = try MathFunctions.apply(f, x)
                return TensorGradients.unary(t, y) { g in try ElementwiseGradients.backward(f, g, x: x, y: y) }
            }
        }
        functions += [("reduce_sum", Reductions.Kind.sum), ("reduce_mean", .mean), ("reduce_max", .max), ("reduce_min", .min)]
            .map { name, kind in
                TensorFlowModule.function(name, ["input_tensor", .init("axis", default: .none),
                                                 .init("keepdims", default: .bool(false)), .init("name", default: .none)]) { a in
                    let (t, x) = try TensorGradients.input(a["input_tensor"]!)
                    let keepdims = a["keepdims"]!.isTruthy
                    let y = try reduce(kind, x, axis: a["axis"]!, keepdims: keepdims)
                    let axis = a["axis"]!.isNone ? nil : try axisIndex(a["axis"]!, rank: x.ndim)
                    return TensorGradients.unary(t, y) { g in
                        try ElementwiseGradients.reduction(kind, g, x: x, y: y, axis: axis, keepdims: keepdims)
                    }
                }
            }
        functions += [("argmax", Reductions.Kind.argmax), ("argmin", .argmin)].map { name, kind in
            TensorFlowModule.function(name, ["input", .init("axis", default: .none), .init("output_type", default: .none),
                                             .init("name", default: .none)]) { a in
                let x = try TensorConversion.array(a["input"]!)
                guard x.ndim > 0 else {
                    throw PyException(.valueError, "Expected dimension in the range [0, 0), but got 0 [Op:ArgMax]")
                }
                // TensorFlow's default axis is 0, not "all elements" as NumPy's.
                let axis = try axisIndex(a["axis"]!.isNone ? .int(0) : a["axis"]!, rank: x.ndim)
                let type = try TensorConversion.dtype(a["output_type"]!) ?? .int64
                guard type == .int64 || type == .int32 else {
                    throw PyException(.typeError, "`output_type` must be tf.int32 or tf.int64, got \(TFDType(type).repr)")
                }
                return EagerTensor(try Reductions.reduce(kind, x, axis: axis, keepdims: false).astype(type))
            }
        }
        functions.append(TensorFlowModule.function("matmul", ["a", "b", .init("name", default: .none)]) { a in
            let x = try Tape.operand(a["a"]!) ?? TensorConversion.tensor(a["a"]!)
            guard let result = try TensorGradients.binary(x, .matrixMultiply, a["b"]!, reflected: false) else {
                throw PyException(.typeError, "tf.matmul takes two tensors, got \(Convert.describe(a["b"]!))")
            }
            return result
        })
        functions += nnFunctions().filter { $0.0 == "softmax" || $0.0 == "sigmoid" }
        return functions
    }

    // MARK: Kernels

    /// A float operand (read through the tapes); TensorFlow's float kernels have no integer version.
    private static func floatInput(_ value: Value, _ op: String) throws -> (EagerTensor?, NDArray) {
        let input = try TensorGradients.input(value)
        _ = try floats(input.array, op)
        return input
    }

    /// The array of a float tensor; TensorFlow's float kernels have no integer version.
    private static func floats(_ x: NDArray, _ op: String) throws -> NDArray {
        guard x.dtype.isFloat else {
            throw PyException(.typeError, "Value for attr 'T' of \(x.dtype.name) is not in the list of allowed values: "
                              + "half, bfloat16, float, double (tf.\(op) takes float tensors; use tf.cast)")
        }
        return x
    }

    /// An axis in `-rank..<rank`, as an index.
    private static func axisIndex(_ value: Value, rank: Int) throws -> Int {
        guard let axis = value.asInt else {
            throw PyException(.typeError, "`axis` must be an int, got \(value.repr) (Labbook's TensorFlow reduces one axis or all)")
        }
        guard axis >= -max(rank, 1) && axis < max(rank, 1) else {
            throw PyException(.valueError, "axis \(axis) is out of bounds for a tensor of rank \(rank)")
        }
        return axis < 0 ? axis + rank : axis
    }

    /// `tf.reduce_*`: in the input's dtype (an integer mean divides as integers, truncating).
    private static func reduce(_ kind: Reductions.Kind, _ x: NDArray, axis: Value, keepdims: Bool) throws -> NDArray {
        let index = axis.isNone ? nil : try axisIndex(axis, rank: x.ndim)
        if kind == .mean && !x.dtype.isFloat {
            let sums = try Reductions.reduce(.sum, x, axis: index, keepdims: keepdims)
            let n = Int64(index.map { x.shape[$0] } ?? x.size)
            let means = sums.storage.asInt64().map { n == 0 ? 0 : $0 / n }
            return NDArray(shape: sums.shape, storage: ArrayStorage.int64(means).converted(to: x.dtype))
        }
        return try Reductions.reduce(kind, x, axis: index, keepdims: keepdims).astype(x.dtype)
    }

    /// Softmax along `axis`: `exp(x - max) / sum`, in the input's precision.
    static func softmax(_ x: NDArray, axis: Int) -> NDArray {
        let (outer, n, inner) = Reductions.layout(x.shape, axis)
        func run<T: BinaryFloatingPoint>(_ v: [T], _ exp: (T) -> T) -> [T] {
            var out = v
            for o in 0..<outer {
                for i in 0..<inner {
                    let base = o * n * inner + i
                    var peak = -T.infinity
                    for j in 0..<n { peak = max(peak, v[base + j * inner]) }
                    var sum: T = 0
                    for j in 0..<n {
                        let e = exp(v[base + j * inner] - peak)
                        out[base + j * inner] = e
                        sum += e
                    }
                    let inverse = 1 / sum
                    for j in 0..<n { out[base + j * inner] *= inverse }
                }
            }
            return out
        }
        switch x.storage {
        case .float32(let v): return NDArray(shape: x.shape, storage: .float32(run(v) { expf($0) }))
        default: return NDArray(shape: x.shape, storage: .float64(run(x.storage.asFloat64()) { Foundation.exp($0) }))
        }
    }

    /// `max(x, 0)` as TensorFlow's kernel takes it: `x` unless `x < 0` (so -0.0 and NaN stay).
    private static func relu(_ x: NDArray) -> NDArray {
        switch x.storage {
        case .float32(let v): return NDArray(shape: x.shape, storage: .float32(v.map { $0 < 0 ? 0 : $0 }))
        case .float64(let v): return NDArray(shape: x.shape, storage: .float64(v.map { $0 < 0 ? 0 : $0 }))
        case .int32(let v): return NDArray(shape: x.shape, storage: .int32(v.map { max($0, 0) }))
        case .int64(let v): return NDArray(shape: x.shape, storage: .int64(v.map { max($0, 0) }))
        default: return x
        }
    }

    private static func sigmoid(_ x: NDArray) throws -> NDArray {
        switch x.storage {
        case .float32(let v): return NDArray(shape: x.shape, storage: .float32(v.map { 1 / (1 + expf(-$0)) }))
        default: return NDArray(shape: x.shape, storage: .float64(x.storage.asFloat64().map { 1 / (1 + Foundation.exp(-$0)) }))
        }
    }
}
