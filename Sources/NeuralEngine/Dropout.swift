/// `keras.layers.Dropout`: in training, zeroes each input with probability `rate` and scales
/// the kept ones by `1 / (1 - rate)` (inverted dropout), drawing the mask from the session's
/// generator; at inference it passes its input through.
public final class Dropout: ShapePreservingLayer, WeightlessLayer {
    public var className: String { "Dropout" }
    /// The fraction of inputs dropped in training.
    public let rate: Float
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
        super.init(inputShape: inputShape, name: name)
    }

    public var spec: LayerSpec { .dropout(rate: rate, name: name, inputShape: declaredInputShape) }

    public func reserve(batchSize: Int) {
        let needed = batchSize * outputSize
        if (mask?.count ?? 0) < needed { mask = FloatBuffer(count: needed) }
    }

    // input and output (batch, outputSize), the mask beside them.
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
        // Eight draws, then the mask and the output by selects: a branch on each draw was
        // mispredicted half the time at rate 0.5 and made this pass as slow as a convolution's
        // product. The draws and the mask are the same as one value at a time.
        let keeps = VectorMath.Lanes(repeating: keep), rates = VectorMath.Lanes(repeating: rate)
        let zero = VectorMath.Lanes(repeating: 0)
        var i = 0
        while i + 8 <= n {
            var draws = zero
            for lane in 0..<8 { draws[lane] = rng.nextFloat() }
            let factors = zero.replacing(with: keeps, where: draws .>= rates)
            VectorMath.store(factors, m + i)
            VectorMath.store(VectorMath.load(input + i) * factors, output + i)
            i += 8
        }
        while i < n {
            m[i] = rng.nextFloat() >= rate ? keep : 0
            output[i] = input[i] * m[i]
            i += 1
        }
    }

    /// Uses a given mask for the next backward pass (gradient tests fix the mask).
    func setMask(_ values: [Float]) {
        mask = FloatBuffer(values)
    }

    // output gradient and input gradient (batch, outputSize), through the forward mask.
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
