import CellLanguage
import NeuralEngine

/// `keras.activations`: one function per activation, usable as `activation=` and callable
/// on an array (`keras.activations.relu(x)` returns a float32 array). The softmax acts on
/// the last axis, as in Keras.
enum ActivationFunctions {
    static func attributes() -> [(String, Value)] {
        Activation.allCases.map { ($0.kerasName, function($0)) }
    }

    /// The function for one activation; its `__name__` is the Keras name, which is how
    /// `Identifiers.activation` recognises it.
    static func function(_ activation: Activation) -> Value {
        .builtin(BuiltinFunction(activation.kerasName) { arguments, _ in
            let x = try arguments.bind(activation.kerasName, ["x"])["x"]
            let input = try KerasArrays.tensor(x, "x")
            return KerasArrays.array(try apply(activation, to: input))
        })
    }

    private static func apply(_ activation: Activation, to input: Tensor) throws -> Tensor {
        guard let width = input.shape.last, width > 0 else { return input }
        let layer = ActivationLayer(activation, name: "activation")
        var scratch = RandomGenerator(seed: 0)
        _ = try pythonErrors { try layer.build(inputShape: [width], rng: &scratch) }
        let rows = input.count / width
        var output = [Float](repeating: 0, count: input.count)
        input.scalars.withUnsafeBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                layer.forward(s, into: d, batchSize: rows, training: false, rng: &scratch)
            }
        }
        return Tensor(shape: input.shape, scalars: output)
    }
}
