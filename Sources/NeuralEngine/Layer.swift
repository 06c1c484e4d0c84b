/// A layer of a `Sequential` model: a forward/backward pair over a batch held in raw float32
/// buffers (karpathy/llm.c style), plus what `summary()` and `get_weights()` show.
///
/// Shapes are per sample (no batch axis): `Dense(units: 32)` on `[784]` gives `[32]`.
/// `forward` reads `batchSize * inputSize` values and writes `batchSize * outputSize`;
/// `backward` turns the gradient with respect to the output into the gradient with respect
/// to the input (when asked) and accumulates the parameter gradients.
public protocol Layer: AnyObject {
    /// The unique name (`dense_1`).
    var name: String { get }
    /// The Keras class name shown by `summary()` (`Dense`).
    var className: String { get }
    /// Keras' `layer.trainable`: whether `compile` collects the layer's weights for training
    /// (see `Trainability`). A frozen BatchNormalization also keeps its moving statistics.
    var trainable: Bool { get set }
    /// The `input_shape` given to the layer, if any (only the first layer needs one).
    var declaredInputShape: [Int]? { get }
    /// The per-sample output shape; valid once built.
    var outputShape: [Int] { get }
    /// Whether `build` has run.
    var isBuilt: Bool { get }
    /// A description from which the layer can be made again (weights aside).
    var spec: LayerSpec { get }

    /// Creates the parameters for a per-sample input shape (drawing from `rng`) and returns
    /// the output shape. Throws a Keras-worded error for an unusable shape.
    func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int]
    /// The parameter tensors in Keras' order (kernel, then bias).
    var weights: [Tensor] { get }
    /// Replaces the parameters; shapes must match `weights`.
    func setWeights(_ weights: [Tensor]) throws
    /// Number of scalars in all weights, trained or not (`count_params()`).
    var parameterCount: Int { get }
    /// How many of them are not trained (BatchNormalization's moving statistics).
    var nonTrainableParameterCount: Int { get }

    /// Makes sure per-batch scratch space exists for batches of up to `batchSize` samples.
    func reserve(batchSize: Int)
    /// Computes the outputs of `batchSize` samples.
    func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator)
    /// Back-propagates through the last `forward` (training mode). `outputGradient` may be
    /// overwritten. If `inputGradient` is given it receives d(loss)/d(input), computed from the
    /// parameters as they were in `forward`. `update` says what becomes of the parameter gradients.
    func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate)
}

/// What `Layer.backward` does with the parameter gradients it computes.
public enum ParameterUpdate: Equatable, Sendable {
    /// Writes them into the parameters' gradient buffers, for the optimizer to read.
    case store
    /// Adds them to what the gradient buffers hold.
    case accumulate
    /// Takes a plain gradient-descent step at once, `p -= learningRate * g` (Keras' `SGD`
    /// without momentum), inside the products that compute `g`: the kernel gradient never goes
    /// through memory on its own, which for a 784 x 2048 kernel saves two passes over 6 MB
    /// per batch. The gradient buffers are not meaningful afterwards.
    case descend(learningRate: Float)
}

/// Internal access to a layer's trainable tensors, for the optimizer.
protocol ParameterOwner {
    var parameters: [Parameter] { get }
}

extension Layer {
    var trainableParameters: [Parameter] { (self as? ParameterOwner)?.parameters ?? [] }
    /// Elements per sample of the output.
    var outputSize: Int { outputShape.reduce(1, *) }
    public var nonTrainableParameterCount: Int { 0 }
    /// Layers made outside the engine (tests) stay trainable; the engine's own store the flag.
    public var trainable: Bool {
        get { true }
        set {}
    }
}

extension Array where Element == any Layer {
    /// Keras' `set_weights` on a container of these layers (a `Sequential` or a functional
    /// model named `owner`): the list in Keras order, each layer taking as many as it holds;
    /// Keras' error when the count differs.
    func setWeights(_ weights: [Tensor], owner: String) throws {
        let expected = reduce(0) { $0 + $1.weights.count }
        guard weights.count == expected else {
            throw KerasError(.valueError, "You called `set_weights(weights)` on layer \"\(owner)\" with a weight list of "
                             + "length \(weights.count), but the layer was expecting \(expected) weights.")
        }
        var rest = weights[...]
        for layer in self {
            let n = layer.weights.count
            try layer.setWeights([Tensor](rest.prefix(n)))
            rest = rest.dropFirst(n)
        }
    }
}

/// Everything needed to make a layer again: its kind, configuration and name.
public enum LayerSpec: Codable, Equatable, Sendable {
    case dense(units: Int, activation: Activation, useBias: Bool, kernelInitializer: Initializer, name: String, inputShape: [Int]?)
    case dropout(rate: Float, name: String, inputShape: [Int]?)
    case flatten(name: String, inputShape: [Int]?)
    case activation(Activation, name: String, inputShape: [Int]?)
    case convolution(rank: Int, filters: Int, kernelSize: [Int], strides: [Int], padding: Padding, activation: Activation,
                     useBias: Bool, kernelInitializer: Initializer, name: String, inputShape: [Int]?)
    case transposedConvolution(filters: Int, kernelSize: [Int], strides: [Int], padding: Padding, activation: Activation,
                               useBias: Bool, kernelInitializer: Initializer, name: String, inputShape: [Int]?)
    case pooling(Pooling.Kind, rank: Int, poolSize: [Int], strides: [Int], padding: Padding, name: String, inputShape: [Int]?)
    case globalPooling(Pooling.Kind, rank: Int, name: String, inputShape: [Int]?)
    case batchNormalization(momentum: Float, epsilon: Float, center: Bool, scale: Bool, name: String, inputShape: [Int]?)
    case reshape(targetShape: [Int], name: String, inputShape: [Int]?)
    case upSampling(size: [Int], name: String, inputShape: [Int]?)
    case rescaling(scale: Float, offset: Float, name: String, inputShape: [Int]?)
    case activationFunction(ActivationFunctionLayer.Function, name: String, inputShape: [Int]?)
    /// A functional model (or a Sequential) used as a layer.
    case graph(GraphSpec)

    /// A fresh, unbuilt layer from this description.
    public func makeLayer() throws -> any Layer {
        switch self {
        case let .dense(units, activation, useBias, initializer, name, inputShape):
            try Dense(units: units, activation: activation, useBias: useBias,
                      kernelInitializer: initializer, inputShape: inputShape, name: name)
        case let .dropout(rate, name, inputShape): try Dropout(rate: rate, inputShape: inputShape, name: name)
        case let .flatten(name, inputShape): Flatten(inputShape: inputShape, name: name)
        case let .activation(activation, name, inputShape): ActivationLayer(activation, inputShape: inputShape, name: name)
        case let .convolution(rank, filters, kernelSize, strides, padding, activation, useBias, initializer, name, inputShape):
            try Convolution(rank: rank, filters: filters, kernelSize: kernelSize, strides: strides, padding: padding,
                            activation: activation, useBias: useBias, kernelInitializer: initializer,
                            inputShape: inputShape, name: name)
        case let .transposedConvolution(filters, kernelSize, strides, padding, activation, useBias, initializer, name, inputShape):
            try TransposedConvolution(filters: filters, kernelSize: kernelSize, strides: strides, padding: padding,
                                      activation: activation, useBias: useBias, kernelInitializer: initializer,
                                      inputShape: inputShape, name: name)
        case let .pooling(kind, rank, poolSize, strides, padding, name, inputShape):
            try Pooling(kind, rank: rank, poolSize: poolSize, strides: strides, padding: padding, inputShape: inputShape, name: name)
        case let .globalPooling(kind, rank, name, inputShape): GlobalPooling(kind, rank: rank, inputShape: inputShape, name: name)
        case let .batchNormalization(momentum, epsilon, center, scale, name, inputShape):
            BatchNormalization(momentum: momentum, epsilon: epsilon, center: center, scale: scale, inputShape: inputShape, name: name)
        case let .reshape(targetShape, name, inputShape): try Reshape(targetShape: targetShape, inputShape: inputShape, name: name)
        case let .upSampling(size, name, inputShape): try UpSampling(size: size, inputShape: inputShape, name: name)
        case let .rescaling(scale, offset, name, inputShape): Rescaling(scale: scale, offset: offset, inputShape: inputShape, name: name)
        case let .activationFunction(function, name, inputShape): ActivationFunctionLayer(function, inputShape: inputShape, name: name)
        case let .graph(spec): try spec.makeLayer()
        }
    }
}

/// Hands out Keras 2's layer names: `dense_1`, `dense_2`, `dropout_1`, ... counting up per
/// prefix for the life of a session (Keras' `K.get_uid`), so the second model of a notebook
/// has `dense_3`. The session owns one; its state is a `Codable` value the cache snapshots.
///
/// ```swift
/// let names = LayerNames()
/// names.next("dense")   // "dense_1"
/// names.next("dense")   // "dense_2"
/// ```
public final class LayerNames: Codable {
    /// How many names each prefix has handed out.
    public private(set) var counts: [String: Int]

    /// A fresh counter (as after `keras.backend.clear_session()`).
    public init(counts: [String: Int] = [:]) { self.counts = counts }

    /// The next name for a prefix.
    public func next(_ prefix: String) -> String {
        let n = (counts[prefix] ?? 0) + 1
        counts[prefix] = n
        return "\(prefix)_\(n)"
    }

    /// Forgets all counts.
    public func reset() { counts = [:] }
}
