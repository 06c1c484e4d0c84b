/// `keras.layers.Flatten`: each sample's values as one axis, `(None, 28, 28)` to `(None, 784)`.
public final class Flatten: WeightlessLayer {
    public let name: String
    public var className: String { "Flatten" }
    public let declaredInputShape: [Int]?
    public private(set) var outputShape: [Int] = []
    public private(set) var isBuilt = false

    /// `Flatten()`.
    public init(inputShape: [Int]? = nil, name: String) {
        self.declaredInputShape = inputShape
        self.name = name
    }

    public var spec: LayerSpec { .flatten(name: name, inputShape: declaredInputShape) }

    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        outputShape = [inputShape.reduce(1, *)]
        isBuilt = true
        return outputShape
    }

    public func reserve(batchSize: Int) {}

    // input (batch, inputShape...) and output (batch, outputSize): the same values, copied.
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        output.update(from: input, count: batchSize * outputSize)
    }

    // output gradient (batch, outputSize) to input gradient (batch, inputShape...), copied.
    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        inputGradient?.update(from: outputGradient, count: batchSize * outputSize)
    }
}
