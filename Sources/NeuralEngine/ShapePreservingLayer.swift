/// What the layers that give each sample back in its input's shape, value for value, have in
/// common (Activation, ReLU/LeakyReLU/Softmax, Rescaling, Dropout): no weights, and a `build`
/// that only records the shape. Each subclass adds its own setting, `className`, `spec`,
/// `reserve`, `forward` and `backward`.
///
/// A base class rather than a protocol extension because `build` writes the shape, and a
/// protocol could only do that through a setter that every caller of the layer would see.
public class ShapePreservingLayer {
    public let name: String
    /// Keras' `trainable`: false freezes the weights (see `Trainability`).
    public var trainable = true
    public let declaredInputShape: [Int]?
    public private(set) var outputShape: [Int] = []
    public private(set) var isBuilt = false

    init(inputShape: [Int]?, name: String) {
        self.declaredInputShape = inputShape
        self.name = name
    }

    /// The output shape is the input shape, whatever its rank.
    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        outputShape = inputShape
        isBuilt = true
        return inputShape
    }

    /// A batch seen as a `(rows, width)` matrix over the last axis, as the activations take it:
    /// the rows are the batch times every other axis.
    func rows(_ batchSize: Int) -> Int { batchSize * outputShape.dropLast().reduce(1, *) }
    /// The last axis' extent.
    var width: Int { outputShape.last ?? 1 }
}
