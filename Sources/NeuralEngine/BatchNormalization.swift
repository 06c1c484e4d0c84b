import Foundation

/// `keras.layers.BatchNormalization(axis=-1)`: normalises each channel (the last axis) over
/// the batch and every other axis, `y = gamma * (x - mean) / sqrt(variance + epsilon) + beta`.
///
/// In training the mean and (biased) variance are the batch's, and the moving statistics
/// follow them: `moving = moving * momentum + batch * (1 - momentum)`. As in Keras 2, on
/// images (4-D batches, TensorFlow's fused kernel) the variance that enters the moving
/// average carries Bessel's correction, `n / (n - 1)`; on 2-D and 3-D batches it does not.
/// At inference the moving statistics are used. Weights, in Keras' order: `gamma` (if
/// `scale`), `beta` (if `center`), `moving_mean`, `moving_variance`; the last two are not
/// trained ("Non-trainable params" in `summary()`).
///
/// ```swift
/// let bn = BatchNormalization(name: names.next("batch_normalization"))
/// ```
public final class BatchNormalization: LayerCore, Layer, ParameterOwner {
    public var className: String { "BatchNormalization" }
    public let momentum: Float
    public let epsilon: Float
    /// Whether `beta` is added / `gamma` multiplies.
    public let center: Bool
    public let scale: Bool

    private var channels = 0
    /// Batch samples' rank (with the batch axis) decides Bessel's correction (see above).
    private var inputRank = 0
    private var gamma: Parameter?
    private var beta: Parameter?
    private var movingMean: Parameter?
    private var movingVariance: Parameter?
    /// The normalised inputs and 1 / sqrt(variance + epsilon) of the last training batch.
    private var normalized: FloatBuffer?
    private var inverseDeviation: FloatBuffer?
    /// Per-channel sums in double precision (means, then variances or gradient sums).
    private var statistics = UnsafeMutableBufferPointer<Double>(start: nil, count: 0)

    /// `BatchNormalization(axis=-1, momentum=0.99, epsilon=0.001, center=True, scale=True)`.
    public init(
        momentum: Float = 0.99, epsilon: Float = 0.001, center: Bool = true, scale: Bool = true,
        inputShape: [Int]? = nil, name: String
    ) {
        self.momentum = momentum
        self.epsilon = epsilon
        self.center = center
        self.scale = scale
        super.init(inputShape: inputShape, name: name)
    }

    deinit { statistics.deallocate() }

    public var spec: LayerSpec {
        .batchNormalization(momentum: momentum, epsilon: epsilon, center: center, scale: scale, name: name,
                            inputShape: declaredInputShape)
    }

    var parameters: [Parameter] { [gamma, beta].compactMap { $0 } }
    private var allWeights: [Parameter] { [gamma, beta, movingMean, movingVariance].compactMap { $0 } }
    public var weights: [Tensor] { allWeights.map(\.tensor) }
    public func setWeights(_ weights: [Tensor]) throws { try assign(weights, to: allWeights, layer: name) }
    public var parameterCount: Int { allWeights.reduce(0) { $0 + $1.count } }
    public var nonTrainableParameterCount: Int { 2 * channels }

    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        guard let last = inputShape.last, last > 0 else {
            throw KerasError(.valueError, "Axis -1 of input tensor should have a defined dimension but the layer received "
                             + "an input with shape \(pythonTuple([nil] + inputShape.map { Optional($0) })).")
        }
        channels = last
        inputRank = inputShape.count + 1
        func filled(_ v: Float) -> Parameter { Parameter(shape: [last], scalars: [Float](repeating: v, count: last)) }
        gamma = scale ? filled(1) : nil
        beta = center ? filled(0) : nil
        movingMean = filled(0)
        movingVariance = filled(1)
        statistics.deallocate()
        statistics = .allocate(capacity: 2 * last)
        statistics.initialize(repeating: 0)
        return built(inputShape)
    }

    public func reserve(batchSize: Int) {
        let needed = batchSize * outputSize
        if (normalized?.count ?? 0) < needed { normalized = FloatBuffer(count: needed) }
        if inverseDeviation == nil { inverseDeviation = FloatBuffer(count: channels) }
    }

    // input and output (rows, channels): rows = batch times every axis but the last.
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        guard let movingMean, let movingVariance else { preconditionFailure("BatchNormalization.forward before build") }
        let c = channels, rows = batchSize * outputSize / max(c, 1)
        let g = gamma?.value.pointer, b = beta?.value.pointer
        guard training else {
            for j in 0..<c {
                let inverse = 1 / (movingVariance.value.pointer[j] + epsilon).squareRoot()
                let factor = (g?[j] ?? 1) * inverse
                let shift = (b?[j] ?? 0) - movingMean.value.pointer[j] * factor
                for r in 0..<rows { output[r * c + j] = input[r * c + j] * factor + shift }
            }
            return
        }
        reserve(batchSize: batchSize)
        // Per-channel mean and variance, accumulated in double over the rows.
        let sums = statistics.baseAddress!
        sums.update(repeating: 0, count: 2 * c)
        for r in 0..<rows { for j in 0..<c { sums[j] += Double(input[r * c + j]) } }
        for j in 0..<c { sums[j] /= Double(rows) }
        for r in 0..<rows {
            for j in 0..<c { let d = Double(input[r * c + j]) - sums[j]; sums[c + j] += d * d }
        }
        let xhat = normalized!.pointer, inverse = inverseDeviation!.pointer
        let bessel = inputRank >= 4 && rows > 1 ? Double(rows) / Double(rows - 1) : 1
        for j in 0..<c {
            let mean = Float(sums[j]), variance = Float(sums[c + j] / Double(rows))
            inverse[j] = 1 / (variance + epsilon).squareRoot()
            // Keras 2 drops a frozen layer's updates: its moving statistics stay as they are.
            if trainable {
                let mm = movingMean.value.pointer, mv = movingVariance.value.pointer
                mm[j] = mm[j] * momentum + mean * (1 - momentum)
                mv[j] = mv[j] * momentum + Float(Double(variance) * bessel) * (1 - momentum)
            }
            sums[j] = Double(mean)
        }
        for r in 0..<rows {
            for j in 0..<c {
                let x = (input[r * c + j] - Float(sums[j])) * inverse[j]
                xhat[r * c + j] = x
                output[r * c + j] = x * (g?[j] ?? 1) + (b?[j] ?? 0)
            }
        }
    }

    // dx = gamma * inverse / n * (n dy - sum(dy) - xhat * sum(dy * xhat)), per channel.
    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        guard let xhat = normalized?.pointer, let inverse = inverseDeviation?.pointer else {
            preconditionFailure("BatchNormalization.backward before forward")
        }
        let c = channels, rows = batchSize * outputSize / max(c, 1), dy = outputGradient
        let sums = statistics.baseAddress!
        sums.update(repeating: 0, count: 2 * c)
        for r in 0..<rows {
            for j in 0..<c {
                sums[j] += Double(dy[r * c + j])
                sums[c + j] += Double(dy[r * c + j] * xhat[r * c + j])
            }
        }
        if let dx = inputGradient {
            let g = gamma?.value.pointer, n = Float(rows)
            for j in 0..<c {
                let factor = (g?[j] ?? 1) * inverse[j] / n
                let dBeta = Float(sums[j]), dGamma = Float(sums[c + j])
                for r in 0..<rows {
                    let i = r * c + j
                    dx[i] = factor * (n * dy[i] - dBeta - xhat[i] * dGamma)
                }
            }
        }
        // dgamma = sum(dy * xhat), dbeta = sum(dy).
        func store(_ parameter: Parameter?, from offset: Int) {
            guard let parameter else { return }
            let grad = parameter.gradient.pointer
            for j in 0..<c {
                let value = Float(sums[offset + j])
                grad[j] = update == .accumulate ? grad[j] + value : value
            }
            if case let .descend(rate) = update { parameter.descend(rate) }
        }
        store(gamma, from: c)
        store(beta, from: 0)
    }
}
