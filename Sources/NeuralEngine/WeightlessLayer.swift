/// A layer without weights (Dropout, Flatten, Activation): no parameters, and `set_weights`
/// accepts only an empty list, with Keras' message otherwise.
public protocol WeightlessLayer: Layer {}

extension WeightlessLayer {
    public var weights: [Tensor] { [] }
    public func setWeights(_ weights: [Tensor]) throws { try assign(weights, to: [], layer: name) }
    public var parameterCount: Int { 0 }
}

/// A layer that only changes how each sample's values are shaped (Flatten, Reshape): forward
/// and backward copy the values unchanged.
public protocol ReshapingLayer: WeightlessLayer {}

extension ReshapingLayer {
    public func reserve(batchSize: Int) {}

    // input (batch, inputShape...) and output (batch, outputShape...): the same values, copied.
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        output.update(from: input, count: batchSize * outputSize)
    }

    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        inputGradient?.update(from: outputGradient, count: batchSize * outputSize)
    }
}

/// Per-output source offsets kept by the max-pooling layers for their backward pass; grows
/// to the largest batch reserved and is reused after.
final class IndexBuffer {
    private(set) var pointer = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
    private(set) var count = 0

    func reserve(_ needed: Int) {
        guard needed > count else { return }
        pointer.deallocate()
        pointer = .allocate(capacity: needed)
        pointer.initialize(repeating: 0, count: needed)
        count = needed
    }

    deinit { pointer.deallocate() }
}
