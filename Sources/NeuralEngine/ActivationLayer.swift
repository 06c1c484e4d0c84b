/// `keras.layers.Activation`: applies an activation function on its own.
public final class ActivationLayer: ShapePreservingLayer, WeightlessLayer {
    public var className: String { "Activation" }
    /// The function applied.
    public let activation: Activation

    /// `Activation('relu')`.
    public init(_ activation: Activation, inputShape: [Int]? = nil, name: String) {
        self.activation = activation
        super.init(inputShape: inputShape, name: name)
    }

    public var spec: LayerSpec { .activation(activation, name: name, inputShape: declaredInputShape) }

    public func reserve(batchSize: Int) {}

    // input and output (rows, width): rows = batch times every axis but the last.
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        activation.forward(input, output, rows: rows(batchSize), width: width)
    }

    // output gradient (rows, width) to input gradient (rows, width), through the derivative.
    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        guard let inputGradient else { return }
        activation.backward(outputGradient, output: output, preactivation: input, rows: rows(batchSize), width: width)
        inputGradient.update(from: outputGradient, count: batchSize * outputSize)
    }
}
