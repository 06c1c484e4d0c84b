/// `keras.layers.Reshape(target_shape)`: the same values per sample seen with another shape;
/// one axis may be `-1`, inferred from the others.
///
/// ```swift
/// let r = try Reshape(targetShape: [28, 28, 1], name: names.next("reshape"))   // (784) -> (28, 28, 1)
/// ```
public final class Reshape: LayerCore, ReshapingLayer {
    public var className: String { "Reshape" }
    /// As given, possibly with one `-1`.
    public let targetShape: [Int]

    /// `Reshape(target_shape)`; throws Keras' `ValueError` for more than one `-1` or an axis below it.
    public init(targetShape: [Int], inputShape: [Int]? = nil, name: String) throws {
        guard targetShape.filter({ $0 == -1 }).count <= 1, targetShape.allSatisfy({ $0 > 0 || $0 == -1 }) else {
            throw KerasError(.valueError, "There must be at most one unknown dimension in output_shape, and every other "
                             + "dimension must be positive. Received: target_shape=\(pythonTuple(targetShape))")
        }
        self.targetShape = targetShape
        super.init(inputShape: inputShape, name: name)
    }

    public var spec: LayerSpec { .reshape(targetShape: targetShape, name: name, inputShape: declaredInputShape) }

    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        let total = inputShape.reduce(1, *), known = targetShape.filter { $0 != -1 }.reduce(1, *)
        var shape = targetShape
        if let unknown = shape.firstIndex(of: -1), known > 0, total % known == 0 { shape[unknown] = total / known }
        guard shape.reduce(1, *) == total, !shape.contains(-1) else {
            throw KerasError(.valueError, "total size of new array must be unchanged, input_shape = \(inputShape), "
                             + "output_shape = \(targetShape)")
        }
        return built(shape)
    }
}
