import Foundation

/// The activation functions of `keras.activations`, applied elementwise (softmax: per row).
///
/// ```swift
/// Activation(kerasName: "sigmoid")   // .sigmoid
/// ```
public enum Activation: String, CaseIterable, Codable, Sendable {
    case linear, sigmoid, relu, tanh, softmax, elu, selu, softplus, gelu

    /// The activation a Keras string names (`None` and `"linear"` are both `.linear`).
    public init?(kerasName: String) {
        self.init(rawValue: kerasName)
    }

    /// The Keras name, as `keras.activations.serialize` gives it.
    public var kerasName: String { rawValue }

    // SELU's constants, as in Keras (Klambauer et al. 2017).
    static let seluAlpha: Float = 1.6732632423543772848170429916717
    static let seluScale: Float = 1.0507009873554804934193349852946

    /// Whether `backward` needs the pre-activation values; the others differentiate from the
    /// outputs alone, which lets `forward` work in place.
    var needsPreactivation: Bool { self == .gelu || self == .softplus }

    /// Applies the activation to `rows x width` values, `z` to `a` (they may be the same buffer).
    func forward(_ z: UnsafePointer<Float>, _ a: UnsafeMutablePointer<Float>, rows: Int, width: Int) {
        let n = rows * width
        switch self {
        case .linear:
            if UnsafePointer(a) != z { a.update(from: z, count: n) }
        case .sigmoid:
            // 1 / (1 + exp(-x)), saturating to exactly 0 or 1 as Keras' does with raw pixels
            // (see VectorMath.sigmoid).
            VectorMath.sigmoid(z, a, count: n)
        case .relu:
            for i in 0..<n { a[i] = max(z[i], 0) }
        case .tanh:
            for i in 0..<n { a[i] = tanhf(z[i]) }
        case .elu:
            for i in 0..<n { let x = z[i]; a[i] = x > 0 ? x : expm1f(x) }
        case .selu:
            let alpha = Self.seluAlpha, scale = Self.seluScale
            for i in 0..<n { let x = z[i]; a[i] = x > 0 ? scale * x : scale * alpha * expm1f(x) }
        case .softplus:
            // log(1 + e^x) without overflow: max(x, 0) + log1p(e^-|x|).
            for i in 0..<n { let x = z[i]; a[i] = max(x, 0) + log1pf(expf(-abs(x))) }
        case .gelu:
            // Keras' default gelu is the exact form (approximate=False): x/2 (1 + erf(x/sqrt 2)).
            for i in 0..<n { let x = z[i]; a[i] = 0.5 * x * (1 + erff(x * 0.70710678118654752)) }
        case .softmax:
            for r in 0..<rows {
                let zr = z + r * width, ar = a + r * width
                var peak = -Float.infinity
                for j in 0..<width { peak = max(peak, zr[j]) }
                var sum: Float = 0
                for j in 0..<width { let e = expf(zr[j] - peak); ar[j] = e; sum += e }
                let inverse = 1 / sum
                for j in 0..<width { ar[j] *= inverse }
            }
        }
    }

    /// `a = activation(z + bias)` with `bias` added to each row: a Dense layer's output from
    /// its product `z`. `z` receives the pre-activations `z + bias` where `backward` needs them.
    func forward(
        _ z: UnsafeMutablePointer<Float>, _ a: UnsafeMutablePointer<Float>, rows: Int, width: Int,
        bias: UnsafePointer<Float>?
    ) {
        guard let bias else { return forward(UnsafePointer(z), a, rows: rows, width: width) }
        if self == .sigmoid {
            VectorMath.sigmoid(z, adding: bias, a, rows: rows, width: width)
            return
        }
        if self == .relu {
            // One pass instead of two: a convolution's output is large (11 MB a batch for
            // keras.io's MNIST convnet), so each pass over it costs more than the arithmetic.
            Parallel.rows(rows, width: width) { part in
                for r in part {
                    let zr = z + r * width, ar = a + r * width
                    for j in 0..<width { let v = zr[j] + bias[j]; ar[j] = v > 0 ? v : 0 }
                }
            }
            return
        }
        for r in 0..<rows {
            let row = z + r * width
            for j in 0..<width { row[j] += bias[j] }
        }
        forward(UnsafePointer(z), a, rows: rows, width: width)
    }

    /// Turns the gradient with respect to the outputs `a` into the gradient with respect to
    /// the pre-activations, in place in `grad`. `z` is needed only if `needsPreactivation`.
    /// When `columnSums` is given, each column of the result is added to it (rows in order):
    /// a Dense layer's bias gradient, taken in the same pass.
    func backward(
        _ grad: UnsafeMutablePointer<Float>, output a: UnsafePointer<Float>,
        preactivation z: UnsafePointer<Float>?, rows: Int, width: Int,
        columnSums: UnsafeMutablePointer<Float>? = nil
    ) {
        if self == .sigmoid {
            return VectorMath.sigmoidBackward(grad, output: a, rows: rows, width: width, columnSums: columnSums)
        }
        if self == .relu, let columnSums {
            return VectorMath.reluBackward(grad, output: a, rows: rows, width: width, columnSums: columnSums)
        }
        transform(grad, output: a, preactivation: z, rows: rows, width: width)
        if let columnSums { VectorMath.addRows(grad, rows: rows, width: width, to: columnSums) }
    }

    private func transform(
        _ grad: UnsafeMutablePointer<Float>, output a: UnsafePointer<Float>,
        preactivation z: UnsafePointer<Float>?, rows: Int, width: Int
    ) {
        let n = rows * width
        switch self {
        case .linear:
            break
        case .sigmoid:
            VectorMath.sigmoidBackward(grad, output: a, rows: rows, width: width, columnSums: nil)
        case .relu:
            VectorMath.reluBackward(grad, output: a, count: n)
        case .tanh:
            for i in 0..<n { grad[i] *= 1 - a[i] * a[i] }
        case .elu:
            for i in 0..<n { grad[i] = a[i] > 0 ? grad[i] : grad[i] * (a[i] + 1) }
        case .selu:
            let scale = Self.seluScale, scaledAlpha = Self.seluScale * Self.seluAlpha
            for i in 0..<n { grad[i] *= a[i] > 0 ? scale : a[i] + scaledAlpha }
        case .softplus:
            guard let z else { preconditionFailure("softplus backward needs its pre-activations") }
            for i in 0..<n { grad[i] *= 1 / (1 + expf(-z[i])) }
        case .gelu:
            guard let z else { preconditionFailure("gelu backward needs its pre-activations") }
            for i in 0..<n {
                let x = z[i]
                let cdf = 0.5 * (1 + erff(x * 0.70710678118654752))
                let pdf = expf(-0.5 * x * x) * 0.39894228040143268
                grad[i] *= cdf + x * pdf
            }
        case .softmax:
            // Jacobian-vector product of softmax: dz = a * (g - sum(g * a)).
            for r in 0..<rows {
                let g = grad + r * width, ar = a + r * width
                var dot: Float = 0
                for j in 0..<width { dot += g[j] * ar[j] }
                for j in 0..<width { g[j] = ar[j] * (g[j] - dot) }
            }
        }
    }
}
