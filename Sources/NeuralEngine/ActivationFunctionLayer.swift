/// The activation layers of `keras.layers` that are classes of their own: `ReLU()`,
/// `LeakyReLU(alpha=0.3)` (Keras 2's default slope) and `Softmax(axis=-1)`.
///
/// ```swift
/// let leaky = ActivationFunctionLayer(.leakyReLU(alpha: 0.3), name: names.next("leaky_re_lu"))
/// ```
public final class ActivationFunctionLayer: ShapePreservingLayer, WeightlessLayer {
    /// Which function.
    public enum Function: Codable, Equatable, Sendable {
        case relu
        case leakyReLU(alpha: Float)
        case softmax
    }

    public let function: Function
    public var className: String {
        switch function {
        case .relu: "ReLU"
        case .leakyReLU: "LeakyReLU"
        case .softmax: "Softmax"
        }
    }

    /// `ReLU()`, `LeakyReLU(alpha)`, `Softmax()`.
    public init(_ function: Function, inputShape: [Int]? = nil, name: String) {
        self.function = function
        super.init(inputShape: inputShape, name: name)
    }

    public var spec: LayerSpec { .activationFunction(function, name: name, inputShape: declaredInputShape) }

    public func reserve(batchSize: Int) {}

    // input and output (rows, width).
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        let n = batchSize * outputSize
        switch function {
        case .relu: Activation.relu.forward(input, output, rows: 1, width: n)
        case .softmax: Activation.softmax.forward(input, output, rows: rows(batchSize), width: width)
        case let .leakyReLU(alpha):
            for i in 0..<n { output[i] = input[i] > 0 ? input[i] : alpha * input[i] }
        }
    }

    // output gradient to input gradient (rows, width), through the derivative.
    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        guard let dx = inputGradient else { return }
        let n = batchSize * outputSize, g = outputGradient
        switch function {
        case .relu:
            for i in 0..<n { dx[i] = input[i] > 0 ? g[i] : 0 }
        case let .leakyReLU(alpha):
            for i in 0..<n { dx[i] = input[i] > 0 ? g[i] : alpha * g[i] }
        case .softmax:
            Activation.softmax.backward(g, output: output, preactivation: input, rows: rows(batchSize), width: width)
            dx.update(from: g, count: n)
        }
    }
}
