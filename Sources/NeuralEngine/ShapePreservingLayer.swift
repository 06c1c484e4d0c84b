/// What the layers that give each sample back in its input's shape, value for value, have in
/// common (Activation, ReLU/LeakyReLU/Softmax, Rescaling, Dropout): a `build` that only
/// records the shape, and the `(rows, width)` view of a batch. Each subclass adds its own
/// setting, `className`, `spec`, `reserve`, `forward` and `backward`.
public class ShapePreservingLayer: LayerCore {
    /// The output shape is the input shape, whatever its rank.
    public final func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        built(inputShape)
    }

    /// A batch seen as a `(rows, width)` matrix over the last axis, as the activations take it:
    /// the rows are the batch times every other axis.
    final func rows(_ batchSize: Int) -> Int { batchSize * outputShape.dropLast().reduce(1, *) }
    /// The last axis' extent.
    final var width: Int { outputShape.last ?? 1 }
}
