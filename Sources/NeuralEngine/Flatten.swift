/// `keras.layers.Flatten`: each sample's values as one axis, `(None, 28, 28)` to `(None, 784)`.
public final class Flatten: ReshapingLayer {
    public let name: String
    /// Keras' `trainable`: false freezes the weights (see `Trainability`).
    public var trainable = true
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
}
