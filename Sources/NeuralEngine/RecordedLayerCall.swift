/// A layer called on a batch outside `fit`, so that its gradient can be taken later: what
/// TensorFlow's `tf.GradientTape` needs from the engine when a cell trains by hand
/// (`with tf.GradientTape() as tape: loss = loss_fn(y, model(x, training=True))`).
///
/// The forward pass runs at once; the backward pass runs when the tape asks for gradients.
/// Between the two, the layer may have run other batches (the same model called twice under
/// one tape, `predict` in between), and layers keep what `backward` reads from their last
/// `forward` (Dense's pre-activations, Dropout's mask, a convolution's columns). So `backward`
/// runs the forward pass again first, on the kept input with the generator as it was (the same
/// dropout mask), and puts back the statistics that pass moved (BatchNormalization's moving
/// mean and variance): one extra forward pass per recorded call buys exact gradients whatever
/// happened in between.
///
/// ```swift
/// let call = RecordedLayerCall(layer, input: x, training: true, rng: &rng)
/// let (dx, dParameters) = call.backward(outputGradient: dy)
/// ```
public struct RecordedLayerCall {
    public let layer: any Layer
    /// The batch the layer was called on (`[batch] + inputShape`).
    public let input: Tensor
    /// What the call returned (`[batch] + outputShape`).
    public let output: Tensor
    public let training: Bool
    /// The generator before the forward pass, to draw the same dropout mask again.
    private let generator: RandomGenerator

    /// Runs the layer on `input` (a batch); `rng` advances as `fit` would advance it.
    public init(_ layer: any Layer, input: Tensor, training: Bool, rng: inout RandomGenerator) {
        self.layer = layer
        self.input = input
        self.training = training
        generator = rng
        output = Self.forward(layer, input, training: training, rng: &rng)
    }

    /// The shapes of the layer's trainable parameters, in the order `backward` returns them.
    public var parameterShapes: [[Int]] { layer.trainableParameters.map(\.shape) }

    /// d(loss)/d(input) and d(loss)/d(parameter) for each trainable parameter, from
    /// d(loss)/d(output) (shaped like `output`).
    public func backward(outputGradient: Tensor) -> (input: Tensor, parameters: [Tensor]) {
        precondition(outputGradient.count == output.count, "RecordedLayerCall.backward: gradient of the wrong size")
        let frozen = layer.nonTrainableParameterCount > 0 ? layer.weights : nil
        var rng = generator
        let output = Self.forward(layer, input, training: training, rng: &rng)
        if let frozen { try? layer.setWeights(frozen) }
        let n = input.shape.first ?? 0
        var dy = outputGradient.scalars
        var dx = [Float](repeating: 0, count: input.count)
        input.scalars.withUnsafeBufferPointer { x in
            output.scalars.withUnsafeBufferPointer { y in
                dy.withUnsafeMutableBufferPointer { g in
                    dx.withUnsafeMutableBufferPointer { gx in
                        guard let x = x.baseAddress, let y = y.baseAddress, let g = g.baseAddress, let gx = gx.baseAddress else { return }
                        layer.backward(input: x, output: y, outputGradient: g, inputGradient: gx, batchSize: n, update: .store)
                    }
                }
            }
        }
        let parameters = layer.trainableParameters.map { Tensor(shape: $0.shape, scalars: $0.gradient.array) }
        return (Tensor(shape: input.shape, scalars: dx), parameters)
    }

    private static func forward(_ layer: any Layer, _ input: Tensor, training: Bool, rng: inout RandomGenerator) -> Tensor {
        let n = input.shape.first ?? 0
        layer.reserve(batchSize: n)
        var out = [Float](repeating: 0, count: n * layer.outputSize)
        input.scalars.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                guard let x = x.baseAddress, let y = y.baseAddress else { return }
                layer.forward(x, into: y, batchSize: n, training: training, rng: &rng)
            }
        }
        return Tensor(shape: [n] + layer.outputShape, scalars: out)
    }
}
