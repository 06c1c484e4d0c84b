/// `keras.layers.Rescaling(scale, offset=0.0)`: `x * scale + offset`, elementwise (pixels
/// from 0-255 to 0-1 inside the model: `Rescaling(1./255)`).
public final class Rescaling: WeightlessLayer {
    public let name: String
    /// Keras' `trainable`: false freezes the weights (see `Trainability`).
    public var trainable = true
    public var className: String { "Rescaling" }
    public let declaredInputShape: [Int]?
    public let scale: Float
    public let offset: Float
    public private(set) var outputShape: [Int] = []
    public private(set) var isBuilt = false

    /// `Rescaling(scale, offset=0.0)`.
    public init(scale: Float, offset: Float = 0, inputShape: [Int]? = nil, name: String) {
        self.scale = scale
        self.offset = offset
        self.declaredInputShape = inputShape
        self.name = name
    }

    public var spec: LayerSpec { .rescaling(scale: scale, offset: offset, name: name, inputShape: declaredInputShape) }

    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        outputShape = inputShape
        isBuilt = true
        return inputShape
    }

    public func reserve(batchSize: Int) {}

    // input and output (batch, shape...): x * scale + offset.
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        let scale = scale, offset = offset
        for i in 0..<(batchSize * outputSize) { output[i] = input[i] * scale + offset }
    }

    // the gradient times scale.
    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        guard let dx = inputGradient else { return }
        let scale = scale
        for i in 0..<(batchSize * outputSize) { dx[i] = outputGradient[i] * scale }
    }
}
