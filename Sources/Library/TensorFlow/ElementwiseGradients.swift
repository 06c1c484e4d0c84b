import CellLanguage
import Foundation

/// The backward functions of TensorFlow's elementwise functions and reductions, in the
/// input's float precision: `tf.exp`, `tf.math.log`, `tf.sqrt`, `tf.square`, `tf.abs`,
/// `tf.tanh`, `tf.nn.relu`, `tf.nn.sigmoid`, and `tf.reduce_sum/mean/max/min`.
enum ElementwiseGradients {
    /// `f(g[i], x[i])` over two arrays of one shape (float32 or float64).
    static func zip(_ g: NDArray, _ x: NDArray, _ f: (Double, Double) -> Double) -> NDArray {
        switch (g.storage, x.storage) {
        case (.float32(let a), .float32(let b)):
            var out = [Float](repeating: 0, count: a.count)
            for i in out.indices { out[i] = Float(f(Double(a[i]), Double(b[i]))) }
            return NDArray(shape: x.shape, storage: .float32(out))
        default:
            let a = g.storage.asFloat64(), b = x.storage.asFloat64()
            let out = (0..<a.count).map { f(a[$0], b[$0]) }
            return NDArray(shape: x.shape, storage: ArrayStorage.float64(out).converted(to: x.dtype))
        }
    }

    /// d(f(x))/dx times `g`, from the input `x` and the output `y`.
    static func backward(_ f: MathFunctions.Function, _ g: NDArray, x: NDArray, y: NDArray) throws -> NDArray? {
        switch f {
        case .exp: return zip(g, y) { g, y in g * y }
        case .log: return zip(g, x) { g, x in g / x }
        case .sqrt: return zip(g, y) { g, y in g * 0.5 / y }
        case .square: return zip(g, x) { g, x in g * 2 * x }
        case .abs: return zip(g, x) { g, x in x > 0 ? g : x < 0 ? -g : 0 }
        case .tanh: return zip(g, y) { g, y in g * (1 - y * y) }
        default: return nil
        }
    }

    /// The gradient of `y = reduce(x)` along `axis` (all axes when nil): a sum spreads `g`
    /// over the reduced elements, a mean divides it by their count, a max or min gives it to
    /// the elements equal to the result, shared equally between ties (as TensorFlow does).
    static func reduction(_ kind: Reductions.Kind, _ g: NDArray, x: NDArray, y: NDArray, axis: Int?,
                          keepdims: Bool) throws -> NDArray? {
        let spread = try TensorGradients.expand(g, to: x.shape, axis: axis, keepdims: keepdims)
        switch kind {
        case .sum: return spread
        case .mean:
            let count = axis.map { x.shape[$0] } ?? x.size
            return zip(spread, x) { g, _ in g / Double(max(count, 1)) }
        case .max, .min:
            let peak = try TensorGradients.expand(y, to: x.shape, axis: axis, keepdims: keepdims)
            let mask = zip(x, peak) { x, p in x == p ? 1 : 0 }
            let ties = try TensorGradients.expand(try Reductions.reduce(.sum, mask, axis: axis, keepdims: true).astype(x.dtype),
                                                  to: x.shape, axis: axis, keepdims: true)
            let share = try Arithmetic.binary(.trueDivide, mask, ties)
            return try Arithmetic.binary(.multiply, spread, share)
        default: return nil
        }
    }
}
