/// `keras.layers.Flatten`: each sample's values as one axis, `(None, 28, 28)` to `(None, 784)`.
public final class Flatten: LayerCore, ReshapingLayer {
    public var className: String { "Flatten" }

    /// `Flatten()`.
    public override init(inputShape: [Int]? = nil, name: String) {
        super.init(inputShape: inputShape, name: name)
    }

    public var spec: LayerSpec { .flatten(name: name, inputShape: declaredInputShape) }

    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        built([inputShape.reduce(1, *)])
    }
}
