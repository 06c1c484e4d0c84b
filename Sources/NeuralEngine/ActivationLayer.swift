/// `keras.layers.Activation`: applies an activation function on its own.
public final class ActivationLayer: WeightlessLayer {
    public let name: String
    /// Keras' `trainable`: false freezes the weights (see `Trainability`).
    public var trainable = true
    public var className: String { "Activation" }
    public let declaredInputShape: [Int]?
    /// The function applied.
    public let activation: Activation
    public private(set) var outputShape: [Int] = []
    public private(set) var isBuilt = false

    /// `Activation('relu')`.
    public init(_ activation: Activation, inputShape: [Int]? = nil, name: String) {
        self.activation = activation
        self.declaredInputShape = inputShape
        self.name = name
    }

    public var spec: LayerSpec { .activation(activation, name: name, inputShape: declaredInputShape) }

    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        outputShape = inputShape
        isBuilt = true
        return inputShape
    }

    public func reserve(batchSize: Int) {}

    // input and output (rows, width): rows = batch times every axis but the last.
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        let rows = batchSize * outputShape.dropLast().reduce(1, *)
        activation.forward(input, output, rows: rows, width: outputShape.last ?? 1)
    }

    // output gradient (rows, width) to input gradient (rows, width), through the derivative.
    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        guard let inputGradient else { return }
        let rows = batchSize * outputShape.dropLast().reduce(1, *)
        activation.backward(outputGradient, output: output, preactivation: input, rows: rows, width: outputShape.last ?? 1)
        inputGradient.update(from: outputGradient, count: batchSize * outputSize)
    }
}
