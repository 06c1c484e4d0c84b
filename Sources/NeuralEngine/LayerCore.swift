/// What every layer of the engine holds whatever it computes: its name, Keras' `trainable`
/// flag, the `input_shape` it was given and, once built, its output shape. Each layer class
/// inherits it and adds its settings, `build`, `forward` and `backward`; a layer made outside
/// the engine (tests) implements `Layer` on its own.
///
/// A base class rather than a protocol extension because `build` writes the output shape, and
/// a protocol could only do that through a setter that every caller of the layer would see.
/// Its members are `final` (as were the final classes' own): reading them on a step is a
/// plain load, never a table lookup.
public class LayerCore {
    public let name: String
    /// Keras' `trainable`: false freezes the weights (see `Trainability`).
    public final var trainable = true
    public let declaredInputShape: [Int]?
    public private(set) final var outputShape: [Int] = []
    public private(set) final var isBuilt = false

    init(inputShape: [Int]?, name: String) {
        self.declaredInputShape = inputShape
        self.name = name
    }

    /// Records the output shape `build` found and marks the layer built; returns the shape.
    final func built(_ outputShape: [Int]) -> [Int] {
        self.outputShape = outputShape
        isBuilt = true
        return outputShape
    }
}
