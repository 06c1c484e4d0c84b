/// `keras.layers.Rescaling(scale, offset=0.0)`: `x * scale + offset`, elementwise (pixels
/// from 0-255 to 0-1 inside the model: `Rescaling(1./255)`).
public final class Rescaling: ShapePreservingLayer, WeightlessLayer {
    public var className: String { "Rescaling" }
    public let scale: Float
    public let offset: Float

    /// `Rescaling(scale, offset=0.0)`.
    public init(scale: Float, offset: Float = 0, inputShape: [Int]? = nil, name: String) {
        self.scale = scale
        self.offset = offset
        super.init(inputShape: inputShape, name: name)
    }

    public var spec: LayerSpec { .rescaling(scale: scale, offset: offset, name: name, inputShape: declaredInputShape) }

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
