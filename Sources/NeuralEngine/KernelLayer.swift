/// What the layers that multiply by a kernel and add a bias (Dense, Conv1D/Conv2D,
/// Conv2DTranspose) hold and do alike: the kernel and the bias (Keras' weights, in that order)
/// and their regularizers, the pre-activations kept for the activations whose derivative needs
/// them, the product through bias and activation, and what a backward pass does with the bias
/// and kernel gradients for each `ParameterUpdate`. Each subclass lays its input out as the
/// matrices these products take.
public class KernelLayer: LayerCore, ParameterOwner {
    /// `kernel_regularizer=` and `bias_regularizer=`.
    public final var regularizers = WeightRegularizers()
    final var kernel: Parameter?
    final var bias: Parameter?
    /// Pre-activations, kept only for the activations whose derivative needs them.
    final var preactivation: FloatBuffer?

    final var parameters: [Parameter] { [kernel, bias].compactMap { $0 } }
    public final var weights: [Tensor] { parameters.map(\.tensor) }
    public final func setWeights(_ weights: [Tensor]) throws { try assign(weights, to: parameters, layer: name) }
    public final var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Draws a kernel of `kernelShape` from `initializer` with Keras' fans, and makes a zero
    /// bias of `units` if `useBias`.
    final func makeParameters(
        kernelShape: [Int], fanIn: Int, fanOut: Int, initializer: Initializer, useBias: Bool, units: Int,
        rng: inout RandomGenerator
    ) {
        let values = initializer.values(count: kernelShape.reduce(1, *), fanIn: fanIn, fanOut: fanOut, rng: &rng)
        kernel = Parameter(shape: kernelShape, scalars: values)
        bias = useBias ? Parameter(shape: [units], scalars: [Float](repeating: 0, count: units)) : nil
    }

    /// `output = activation(a · kernel + bias)` for an `(rows, k)` matrix `a` and the `(k, n)`
    /// kernel, the pre-activations kept in `preactivation` (reserved by the caller) if the
    /// activation's derivative needs them.
    final func forwardProduct(
        _ a: UnsafePointer<Float>, rows: Int, k: Int, n: Int, activation: Activation, into output: UnsafeMutablePointer<Float>
    ) {
        let z = activation.needsPreactivation ? preactivation!.pointer : output
        BLAS.gemm(transposeA: false, transposeB: false, m: rows, n: n, k: k,
                  a: a, lda: k, b: kernel!.value.pointer, ldb: n, beta: 0, c: z, ldc: n)
        activation.forward(z, output, rows: rows, width: n, bias: bias.map { UnsafePointer($0.value.pointer) })
    }

    /// Turns the output gradient `(rows, width)` into `dz` in place through the activation's
    /// derivative and, in the same pass, sums its columns into the bias gradient (cleared first
    /// unless `update` accumulates).
    final func activationBackward(
        _ dz: UnsafeMutablePointer<Float>, output: UnsafePointer<Float>, rows: Int, width: Int, activation: Activation,
        update: ParameterUpdate
    ) {
        let db = bias?.gradient
        if update != .accumulate { db?.fill(0) }
        activation.backward(dz, output: output, preactivation: preactivation.map { UnsafePointer($0.pointer) },
                            rows: rows, width: width, columnSums: db?.pointer)
    }

    /// Does `update` to the `(m, n)` kernel, whose gradient is `aᵀ · b` (`a` is `(rows, m)`,
    /// `b` is `(rows, n)`), and to the bias, whose gradient `activationBackward` summed: the
    /// product goes into the kernel's gradient buffer (stored or added), or, for a descent step,
    /// straight into the kernel, the bias stepping beside it.
    final func updateKernel(_ update: ParameterUpdate, a: UnsafePointer<Float>, b: UnsafePointer<Float>, rows: Int, m: Int, n: Int) {
        guard let kernel else { preconditionFailure("\(name): backward before build") }
        switch update {
        case .store, .accumulate:
            BLAS.gemm(transposeA: true, transposeB: false, m: m, n: n, k: rows, a: a, lda: m, b: b, ldb: n,
                      beta: update == .accumulate ? 1 : 0, c: kernel.gradient.pointer, ldc: n)
        case let .descend(rate):
            BLAS.gemm(transposeA: true, transposeB: false, m: m, n: n, k: rows, alpha: -rate, a: a, lda: m, b: b, ldb: n,
                      beta: 1, c: kernel.value.pointer, ldc: n)
            bias?.descend(rate)
        }
    }
}
