import Foundation

/// `keras.layers.Conv2DTranspose`, channels-last: the adjoint (the input gradient) of a
/// `Conv2D` whose input would be this layer's output. Each input position's channels times the
/// kernel seen as a `(kh * kw * filters, inputChannels)` matrix give one window of output
/// values; the windows are added into the output where a `Conv2D` over the output would have
/// read them (col2im, `Window.accumulatePatches`), then the bias and the activation. The kernel
/// has Keras' shape `(kh, kw, filters, inputChannels)`.
///
/// Output extent per axis, as Keras computes it: `same` gives `input * stride`, `valid` gives
/// `input * stride + max(kernel - stride, 0)`; the padding is the one a `Conv2D` of that output
/// would take, so `same` drops the extra row and column at the end, as TensorFlow does.
///
/// ```swift
/// let up = try TransposedConvolution(filters: 128, kernelSize: [4, 4], strides: [2, 2], padding: .same,
///                                    inputShape: [7, 7, 128], name: names.next("conv2d_transpose"))
/// // output (14, 14, 128), 262,272 parameters
/// ```
public final class TransposedConvolution: KernelLayer, Layer, Regularizable {
    public var className: String { "Conv2DTranspose" }
    /// Filters, kernel size, strides, padding, activation, bias and initializer.
    public let settings: ConvolutionSettings

    /// The window of the `Conv2D` this layer is the adjoint of: over the output, `filters` channels.
    var window: Window?
    var inputChannels = 0
    /// The window values of the last batch (`input · kernelᵀ`), then, backward, the patches of
    /// the output gradient.
    private var columns: FloatBuffer?

    /// `Conv2DTranspose(filters, kernel_size, strides=(1, 1), padding='valid', activation=None,
    /// use_bias=True, kernel_initializer='glorot_uniform')`.
    public init(
        filters: Int, kernelSize: [Int], strides: [Int] = [1, 1], padding: Padding = .valid,
        activation: Activation = .linear, useBias: Bool = true, kernelInitializer: Initializer = .glorotUniform,
        inputShape: [Int]? = nil, name: String
    ) throws {
        settings = try ConvolutionSettings(
            rank: 2, filters: filters, kernelSize: kernelSize, strides: strides,
            padding: padding, activation: activation, useBias: useBias, kernelInitializer: kernelInitializer)
        super.init(inputShape: inputShape, name: name)
    }

    public var spec: LayerSpec {
        let s = settings
        return .transposedConvolution(filters: s.filters, kernelSize: s.kernelSize, strides: s.strides, padding: s.padding,
                                      activation: s.activation, useBias: s.useBias, kernelInitializer: s.kernelInitializer,
                                      name: name, inputShape: declaredInputShape)
    }

    /// Keras' `deconv_output_length` without output padding or dilation.
    static func outputLength(_ input: Int, kernel: Int, stride: Int, padding: Padding) -> Int {
        switch padding {
        case .same: input * stride
        case .valid: input * stride + max(kernel - stride, 0)
        }
    }

    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        guard inputShape.count == 3, inputShape.allSatisfy({ $0 > 0 }) else {
            throw KerasError(.valueError, "Input 0 of layer \"\(className)\" is incompatible with the layer: expected ndim=4, "
                             + "found ndim=\(inputShape.count + 1). Full shape received: "
                             + pythonTuple([nil] + inputShape.map { Optional($0) }))
        }
        let (filters, kernelSize, strides, padding) = (settings.filters, settings.kernelSize, settings.strides, settings.padding)
        let height = Self.outputLength(inputShape[0], kernel: kernelSize[0], stride: strides[0], padding: padding)
        let width = Self.outputLength(inputShape[1], kernel: kernelSize[1], stride: strides[1], padding: padding)
        let window = Window(height: height, width: width, channels: filters, size: (kernelSize[0], kernelSize[1]),
                            strides: (strides[0], strides[1]), padding: padding)
        precondition(window.outputHeight == inputShape[0] && window.outputWidth == inputShape[1],
                     "Conv2DTranspose: the adjoint window must cover the input")
        inputChannels = inputShape[2]
        // Keras' fans for a kernel of shape (kh, kw, filters, in): receptive field times its last two axes.
        let field = kernelSize[0] * kernelSize[1]
        makeParameters(kernelShape: kernelSize + [filters, inputChannels], fanIn: field * filters,
                       fanOut: field * inputChannels, initializer: settings.kernelInitializer,
                       useBias: settings.useBias, units: filters, rng: &rng)
        self.window = window
        return built([height, width, filters])
    }

    public func reserve(batchSize: Int) {
        guard let window else { return }
        let rows = batchSize * window.outputPositions
        if (columns?.count ?? 0) < rows * window.patchSize { columns = FloatBuffer(count: rows * window.patchSize) }
        if settings.activation.needsPreactivation, (preactivation?.count ?? 0) < batchSize * window.inputSize {
            preactivation = FloatBuffer(count: batchSize * window.inputSize)
        }
    }

    // input (batch * h * w, in) · kernelᵀ -> windows (batch * h * w, kh * kw * filters) -> col2im -> output.
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        guard let window, let kernel else { preconditionFailure("\(className).forward before build") }
        reserve(batchSize: batchSize)
        let rows = batchSize * window.outputPositions, k = window.patchSize, cols = columns!.pointer
        BLAS.gemm(transposeA: false, transposeB: true, m: rows, n: k, k: inputChannels,
                  a: input, lda: inputChannels, b: kernel.value.pointer, ldb: inputChannels, beta: 0, c: cols, ldc: k)
        let activation = settings.activation
        let z = activation.needsPreactivation ? preactivation!.pointer : output
        window.accumulatePatches(cols, into: z, batchSize: batchSize)
        activation.forward(z, output, rows: batchSize * window.height * window.width, width: settings.filters,
                           bias: bias.map { UnsafePointer($0.value.pointer) })
    }

    // dz = activation'(output gradient); patches(dz) -> input gradient patches · kernel,
    // kernel gradient patchesᵀ · input, bias gradient the column sums of dz.
    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        guard let window, let kernel, let columns else { preconditionFailure("\(className).backward before forward") }
        let rows = batchSize * window.outputPositions, k = window.patchSize, dz = outputGradient
        activationBackward(dz, output: output, rows: batchSize * window.height * window.width, width: settings.filters,
                           activation: settings.activation, update: update)
        let cols = columns.pointer
        window.patches(dz, into: cols, batchSize: batchSize)
        // The input gradient from the kernel of the forward pass (before a descent step).
        if let inputGradient {
            BLAS.gemm(transposeA: false, transposeB: false, m: rows, n: inputChannels, k: k,
                      a: cols, lda: k, b: kernel.value.pointer, ldb: inputChannels, beta: 0, c: inputGradient, ldc: inputChannels)
        }
        updateKernel(update, a: cols, b: input, rows: rows, m: k, n: inputChannels)
    }
}
