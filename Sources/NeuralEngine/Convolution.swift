import Foundation

/// `keras.layers.Conv2D` and `Conv1D`, channels-last: each output position is the window of
/// the input under the kernel times a `(kernelHeight, kernelWidth, inputChannels, filters)`
/// kernel, plus a bias per filter, through the activation. Computed as matrix products: the
/// windows are copied into a patch matrix (im2col, see `Window.patches`) whose rows meet the
/// kernel seen as a `(kh * kw * in, filters)` matrix in one `sgemm`, and the product comes out
/// channels-last, as the next layer reads it; a few samples at a time, on all cores
/// (`SampleGroups`, `ConvolutionGroups.swift`). A `Conv1D` is a convolution of height 1 over
/// `(steps, channels)`.
///
/// ```swift
/// let conv = try Convolution(rank: 2, filters: 32, kernelSize: [3, 3], activation: .relu,
///                            inputShape: [28, 28, 1], name: names.next("conv2d"))
/// // output (26, 26, 32), 320 parameters
/// ```
public final class Convolution: KernelLayer, Layer, Regularizable {
    /// 1 (`Conv1D`) or 2 (`Conv2D`).
    public let rank: Int
    public var className: String { "Conv\(rank)D" }
    /// Filters, kernel size, strides, padding, activation, bias and initializer.
    public let settings: ConvolutionSettings
    /// How the matrix products are cut; `.grouped` unless a benchmark or a test compares.
    public var products: Products = .grouped

    /// How a batch's matrix products are cut.
    public enum Products: String, Sendable, CaseIterable {
        /// A few samples per product on all cores, each product on one thread (`SampleGroups`).
        case grouped
        /// One patch matrix for the whole batch and one `sgemm` per direction, spread over the
        /// cores by OpenBLAS: the first implementation, kept to compare against.
        case wholeBatch
    }

    var window: Window?
    /// `.grouped`: each part's patch matrix and gradient sums (`ConvolutionGroups.swift`), and
    /// the bytes of patches and products a group may take (tests lower it to get many groups).
    var partScratch: [PartScratch] = []
    var groupBudget = SampleGroups.cacheBudget {
        didSet { partScratch = [] }
    }
    /// `.wholeBatch`: the patch matrix of the last forward pass (the kernel gradient needs it)
    /// and the gradient with respect to it.
    private var patches: FloatBuffer?
    private var patchGradient: FloatBuffer?

    /// `Conv2D(filters, kernel_size, strides=1, padding='valid', activation=None, use_bias=True,
    /// kernel_initializer='glorot_uniform')`; `kernelSize` and `strides` have `rank` entries.
    public init(
        rank: Int, filters: Int, kernelSize: [Int], strides: [Int]? = nil, padding: Padding = .valid,
        activation: Activation = .linear, useBias: Bool = true, kernelInitializer: Initializer = .glorotUniform,
        inputShape: [Int]? = nil, name: String
    ) throws {
        precondition(rank == 1 || rank == 2, "Convolution: rank 1 or 2")
        settings = try ConvolutionSettings(
            rank: rank, filters: filters, kernelSize: kernelSize, strides: strides ?? Array(repeating: 1, count: rank),
            padding: padding, activation: activation, useBias: useBias, kernelInitializer: kernelInitializer)
        self.rank = rank
        super.init(inputShape: inputShape, name: name)
    }

    public var spec: LayerSpec {
        let s = settings
        return .convolution(rank: rank, filters: s.filters, kernelSize: s.kernelSize, strides: s.strides, padding: s.padding,
                            activation: s.activation, useBias: s.useBias, kernelInitializer: s.kernelInitializer,
                            name: name, inputShape: declaredInputShape)
    }

    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        let (filters, kernelSize) = (settings.filters, settings.kernelSize)
        let window = try Window(layer: className, rank: rank, inputShape: inputShape, size: kernelSize,
                                strides: settings.strides, padding: settings.padding)
        guard window.outputHeight > 0, window.outputWidth > 0 else {
            throw KerasError(.valueError, "One of the dimensions in the output is <= 0 due to downsampling in \(name). "
                             + "Consider increasing the input size. Received input shape \(pythonTuple([nil] + inputShape.map { Optional($0) })) "
                             + "which would produce output shape with a zero or negative value in a dimension.")
        }
        let fanIn = window.patchSize, fanOut = kernelSize.reduce(1, *) * filters
        makeParameters(kernelShape: kernelSize + [window.channels, filters], fanIn: fanIn, fanOut: fanOut,
                       initializer: settings.kernelInitializer, useBias: settings.useBias, units: filters, rng: &rng)
        self.window = window
        partScratch = []
        return built((rank == 2 ? [window.outputHeight] : []) + [window.outputWidth, filters])
    }

    public func reserve(batchSize: Int) {
        guard let window else { return }
        let rows = batchSize * window.outputPositions, filters = settings.filters
        if settings.activation.needsPreactivation, (preactivation?.count ?? 0) < rows * filters {
            preactivation = FloatBuffer(count: rows * filters)
        }
        switch products {
        case .grouped: reserveGroups()
        case .wholeBatch:
            if (patches?.count ?? 0) < rows * window.patchSize { patches = FloatBuffer(count: rows * window.patchSize) }
        }
    }

    // input (batch, h, w, in) -> patches (batch * oh * ow, kh * kw * in) · kernel -> output (batch, oh, ow, filters).
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        guard let window, kernel != nil else { preconditionFailure("\(className).forward before build") }
        reserve(batchSize: batchSize)
        if products == .grouped { return forwardGroups(input, into: output, batchSize: batchSize) }
        let cols = patches!.pointer
        window.patches(input, into: cols, batchSize: batchSize)
        forwardProduct(cols, rows: batchSize * window.outputPositions, k: window.patchSize, n: settings.filters,
                       activation: settings.activation, into: output)
    }

    // output gradient (batch * oh * ow, filters) -> patch gradient -> input gradient (col2im),
    // kernel gradient patches^T · dz, bias gradient the column sums of dz.
    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        if products == .grouped {
            return backwardGroups(input: input, output: output, outputGradient: outputGradient,
                                  inputGradient: inputGradient, batchSize: batchSize, update: update)
        }
        guard let window, let kernel, let patches else { preconditionFailure("\(className).backward before forward") }
        let rows = batchSize * window.outputPositions, k = window.patchSize, dz = outputGradient
        let filters = settings.filters
        activationBackward(dz, output: output, rows: rows, width: filters, activation: settings.activation, update: update)
        // The input gradient from the kernel of the forward pass (before a descent step).
        if let inputGradient {
            if (patchGradient?.count ?? 0) < rows * k { patchGradient = FloatBuffer(count: rows * k) }
            let dcols = patchGradient!.pointer
            BLAS.gemm(transposeA: false, transposeB: true, m: rows, n: k, k: filters,
                      a: dz, lda: filters, b: kernel.value.pointer, ldb: filters, beta: 0, c: dcols, ldc: k)
            window.accumulatePatches(dcols, into: inputGradient, batchSize: batchSize)
        }
        updateKernel(update, a: patches.pointer, b: dz, rows: rows, m: k, n: filters)
    }
}

extension Window {
    /// The window of a convolution or pooling layer of `rank` 1 or 2 over a per-sample input
    /// shape, or Keras' error for an input of the wrong rank.
    init(layer: String, rank: Int, inputShape: [Int], size: [Int], strides: [Int], padding: Padding) throws {
        guard inputShape.count == rank + 1, inputShape.allSatisfy({ $0 > 0 }) else {
            throw KerasError(.valueError, "Input 0 of layer \"\(layer)\" is incompatible with the layer: expected "
                             + "min_ndim=\(rank + 2), found ndim=\(inputShape.count + 1). Full shape received: "
                             + pythonTuple([nil] + inputShape.map { Optional($0) }))
        }
        let height = rank == 2 ? inputShape[0] : 1
        self.init(height: height, width: inputShape[rank - 1], channels: inputShape[rank],
                  size: (rank == 2 ? size[0] : 1, size[rank - 1]),
                  strides: (rank == 2 ? strides[0] : 1, strides[rank - 1]), padding: padding)
    }
}

extension Parameter {
    /// `value -= rate * gradient` (a plain gradient-descent step on a small tensor).
    func descend(_ rate: Float) {
        let v = value.pointer, g = gradient.pointer
        for i in 0..<count { v[i] -= rate * g[i] }
    }
}
