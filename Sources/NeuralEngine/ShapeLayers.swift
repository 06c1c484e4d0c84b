/// `keras.layers.Dropout`: in training, zeroes each input with probability `rate` and scales
/// the kept ones by `1 / (1 - rate)` (inverted dropout), drawing the mask from the session's
/// generator; at inference it passes its input through.
public final class Dropout: WeightlessLayer {
    public let name: String
    public var className: String { "Dropout" }
    public let declaredInputShape: [Int]?
    /// The fraction of inputs dropped in training.
    public let rate: Float
    public private(set) var outputShape: [Int] = []
    public private(set) var isBuilt = false
    /// The last training mask, as the factor each input was multiplied by (0 or 1/(1-rate)).
    private(set) var mask: FloatBuffer?

    /// `Dropout(rate)`; throws Keras' `ValueError` unless `0 <= rate < 1`.
    public init(rate: Float, inputShape: [Int]? = nil, name: String) throws {
        guard rate >= 0, rate < 1 else {
            throw KerasError(
                .valueError,
                "Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=\(rate)")
        }
        self.rate = rate
        self.declaredInputShape = inputShape
        self.name = name
    }

    public var spec: LayerSpec { .dropout(rate: rate, name: name, inputShape: declaredInputShape) }

    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        outputShape = inputShape
        isBuilt = true
        return inputShape
    }


    public func reserve(batchSize: Int) {
        let needed = batchSize * outputSize
        if (mask?.count ?? 0) < needed { mask = FloatBuffer(count: needed) }
    }

    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        let n = batchSize * outputSize
        guard training, rate > 0 else {
            output.update(from: input, count: n)
            return
        }
        reserve(batchSize: batchSize)
        let m = mask!.pointer, keep = 1 / (1 - rate), rate = rate
        for i in 0..<n { m[i] = rng.nextFloat() >= rate ? keep : 0 }
        for i in 0..<n { output[i] = input[i] * m[i] }
    }

    /// Uses a given mask for the next backward pass (gradient tests fix the mask).
    func setMask(_ values: [Float]) {
        mask = FloatBuffer(values)
    }

    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        guard let inputGradient else { return }
        let n = batchSize * outputSize
        guard rate > 0, let m = mask?.pointer else {
            inputGradient.update(from: outputGradient, count: n)
            return
        }
        for i in 0..<n { inputGradient[i] = outputGradient[i] * m[i] }
    }
}

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

/// `keras.layers.Activation`: applies an activation function on its own.
public final class ActivationLayer: WeightlessLayer {
    public let name: String
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

    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        let rows = batchSize * outputShape.dropLast().reduce(1, *)
        activation.forward(input, output, rows: rows, width: outputShape.last ?? 1)
    }

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

/// A layer without weights (Dropout, Flatten, Activation): no parameters, and `set_weights`
/// accepts only an empty list, with Keras' message otherwise.
public protocol WeightlessLayer: Layer {}

extension WeightlessLayer {
    public var weights: [Tensor] { [] }
    public func setWeights(_ weights: [Tensor]) throws { try assign(weights, to: [], layer: name) }
    public var parameterCount: Int { 0 }
}
