import Foundation

/// A fully connected layer, `keras.layers.Dense`: `output = activation(input · kernel + bias)`
/// with a `[inputs, units]` kernel (glorot_uniform by default) and a zero-initialised bias.
/// On inputs of rank > 1 it acts on the last axis, as Keras' Dense does.
///
/// ```swift
/// let layer = try Dense(units: 32, activation: .sigmoid, inputShape: [784], name: names.next("dense"))
/// ```
public final class Dense: KernelLayer, Layer, Regularizable {
    public var className: String { "Dense" }
    /// Number of output units.
    public let units: Int
    /// The activation applied to `input · kernel + bias`.
    public let activation: Activation
    /// Whether the layer adds a bias.
    public let useBias: Bool
    /// How the kernel is initialised at build time.
    public let kernelInitializer: Initializer

    private var inputWidth = 0
    private var rowsPerSample = 1

    /// `Dense(units, activation=None, use_bias=True, kernel_initializer='glorot_uniform')`.
    /// Throws Keras' `ValueError` for a non-positive `units`.
    public init(
        units: Int, activation: Activation = .linear, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, inputShape: [Int]? = nil, name: String
    ) throws {
        guard units > 0 else {
            throw KerasError(
                .valueError,
                "Received an invalid value for `units`, expected a positive integer. Received: units=\(units)")
        }
        self.units = units
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        super.init(inputShape: inputShape, name: name)
    }

    public var spec: LayerSpec {
        .dense(units: units, activation: activation, useBias: useBias, kernelInitializer: kernelInitializer,
               name: name, inputShape: declaredInputShape)
    }

    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        guard let last = inputShape.last, last > 0 else {
            throw KerasError(.valueError, "The last dimension of the inputs to `Dense` should be defined. Found `None`.")
        }
        // Half the machine's memory at most: past it the allocation would fail, and Swift traps.
        let (weights, overflow) = last.multipliedReportingOverflow(by: units)
        guard !overflow, weights <= Int(clamping: ProcessInfo.processInfo.physicalMemory) / 2 / MemoryLayout<Float>.stride else {
            throw KerasError(.memoryError, "Unable to allocate a kernel of shape (\(last), \(units)) and data type float32")
        }
        inputWidth = last
        rowsPerSample = inputShape.dropLast().reduce(1, *)
        makeParameters(kernelShape: [last, units], fanIn: last, fanOut: units, initializer: kernelInitializer,
                       useBias: useBias, units: units, rng: &rng)
        return built(inputShape.dropLast() + [units])
    }

    public func reserve(batchSize: Int) {
        guard activation.needsPreactivation else { return }
        let needed = batchSize * rowsPerSample * units
        if (preactivation?.count ?? 0) < needed { preactivation = FloatBuffer(count: needed) }
    }

    // input (rows, inputWidth) · kernel (inputWidth, units) + bias (units) -> output (rows, units).
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        guard kernel != nil else { preconditionFailure("Dense.forward before build") }
        reserve(batchSize: batchSize)
        forwardProduct(input, rows: batchSize * rowsPerSample, k: inputWidth, n: units, activation: activation, into: output)
    }

    // output gradient (rows, units) -> input gradient (rows, inputWidth), kernel and bias steps.
    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        guard let kernel else { preconditionFailure("Dense.backward before build") }
        let rows = batchSize * rowsPerSample, n = units
        let dz = outputGradient
        activationBackward(dz, output: output, rows: rows, width: n, activation: activation, update: update)
        // dInput = dz · kernel^T, from the kernel of the forward pass (before a descent step).
        if let inputGradient {
            BLAS.gemm(transposeA: false, transposeB: true, m: rows, n: inputWidth, k: n,
                      a: dz, lda: n, b: kernel.value.pointer, ldb: n,
                      beta: 0, c: inputGradient, ldc: inputWidth)
        }
        // dKernel = input^T · dz, or straight into the kernel: kernel += -rate · input^T · dz.
        updateKernel(update, a: input, b: dz, rows: rows, m: inputWidth, n: n)
    }
}

/// Copies `weights` into `parameters`, checking count and shapes as Keras' `set_weights` does.
func assign(_ weights: [Tensor], to parameters: [Parameter], layer: String) throws {
    guard weights.count == parameters.count else {
        throw KerasError(
            .valueError,
            "You called `set_weights(weights)` on layer \"\(layer)\" with a weight list of length \(weights.count), "
                + "but the layer was expecting \(parameters.count) weights.")
    }
    for (tensor, parameter) in zip(weights, parameters) where tensor.shape != parameter.shape {
        throw KerasError(
            .valueError,
            "Layer weight shape \(pythonTuple(parameter.shape)) not compatible with provided weight shape "
                + pythonTuple(tensor.shape))
    }
    for (tensor, parameter) in zip(weights, parameters) { parameter.value.copy(from: tensor.scalars) }
}
