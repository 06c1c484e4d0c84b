/// `keras.models.Sequential`: a stack of layers, each feeding the next.
///
/// ```swift
/// let names = LayerNames()
/// var rng = RandomGenerator(seed: 0)
/// let model = Sequential(name: names.next("sequential"))
/// try model.add(Dense(units: 32, activation: .sigmoid, inputShape: [784], name: names.next("dense")), rng: &rng)
/// try model.add(Dense(units: 10, activation: .softmax, name: names.next("dense")), rng: &rng)
/// try model.compile(optimizer: SGD(), loss: .categoricalCrossentropy, metrics: [.accuracy])
/// let history = try model.fit(x, y, batchSize: 128, epochs: 5, validationSplit: 0.1, rng: &rng)
/// ```
public final class Sequential {
    /// The model's name (`sequential_1`).
    public let name: String
    /// The layers, in order.
    public private(set) var layers: [any Layer] = []
    /// The per-sample input shape, once known (from the first layer's `input_shape` or the
    /// first data the model sees).
    public private(set) var inputShape: [Int]?
    /// The optimizer, loss and metrics given to `compile`, if it was called.
    public internal(set) var compiled: Compilation?
    /// Set (for instance by an observer) to stop `fit` after the current batch.
    public var stopTraining = false

    /// What `compile` recorded.
    public struct Compilation {
        public var optimizer: any Optimizer
        public var loss: Loss
        /// The metrics as given (`accuracy` not yet resolved).
        public var metrics: [Metric]
        /// Per parameter, whether `compile` collected it for training (see `Trainability`);
        /// nil until the model is built.
        public var trainableMask: [Bool]?
        /// Per output, for several outputs, `loss_weights` or weighted metrics (see
        /// `OutputHead`); nil for one output's plain `loss` and `metrics`.
        public var heads: [OutputHead]? = nil
    }

    /// An empty model.
    public init(name: String) { self.name = name }

    /// Whether every layer has its weights.
    public var isBuilt: Bool { inputShape != nil && layers.allSatisfy(\.isBuilt) }

    /// The per-sample output shape of the last layer, once built.
    public var outputShape: [Int]? { isBuilt ? layers.last?.outputShape : nil }

    /// Appends a layer, building it at once (drawing its initial weights from `rng`) when the
    /// model's input shape is known, as Keras 2 does.
    public func add(_ layer: any Layer, rng: inout RandomGenerator) throws {
        if layers.isEmpty {
            inputShape = layer.declaredInputShape
        }
        if layers.contains(where: { $0.name == layer.name }) {
            throw KerasError(
                .valueError,
                "All layers added to a Sequential model should have unique names. Name \"\(layer.name)\" is "
                    + "already the name of a layer in this model. Update the `name` argument to pass a unique name.")
        }
        layers.append(layer)
        if let shape = isBuiltUpTo(layers.count - 1) {
            _ = try layer.build(inputShape: shape, rng: &rng)
        }
    }

    /// Appends a layer without building it (restoring an unbuilt model).
    func addUnbuilt(_ layer: any Layer) throws {
        if layers.isEmpty { inputShape = layer.declaredInputShape }
        layers.append(layer)
    }

    /// Removes the last layer (`model.pop()`).
    public func pop() throws {
        guard !layers.isEmpty else { throw KerasError(.typeError, "There are no layers in the model.") }
        layers.removeLast()
        if layers.isEmpty { inputShape = nil }
    }

    /// The input shape of layer `index` if all layers before it are built.
    private func isBuiltUpTo(_ index: Int) -> [Int]? {
        guard var shape = inputShape else { return nil }
        for layer in layers[..<index] {
            guard layer.isBuilt else { return nil }
            shape = layer.outputShape
        }
        return shape
    }

    /// Builds every unbuilt layer for a per-sample input shape (`model.build`).
    public func build(inputShape shape: [Int], rng: inout RandomGenerator) throws {
        if inputShape == nil { inputShape = shape }
        guard var current = inputShape else { return }
        for layer in layers {
            current = layer.isBuilt ? layer.outputShape : try layer.build(inputShape: current, rng: &rng)
        }
    }

    /// Records the optimizer, loss and metrics for `fit` and `evaluate`.
    public func compile(optimizer: any Optimizer, loss: Loss, metrics: [Metric] = [], heads: [OutputHead]? = nil) throws {
        compiled = Compilation(optimizer: optimizer, loss: loss, metrics: metrics,
                               trainableMask: isBuilt ? currentTrainableMask : nil, heads: heads)
    }

    /// Number of scalars in all weights (`count_params()`); throws if the model is not built.
    public func countParams() throws -> Int {
        guard isBuilt else { throw KerasError.notBuilt }
        return layers.reduce(0) { $0 + $1.parameterCount }
    }

    /// All weights in Keras order: per layer, kernel then bias.
    public func getWeights() -> [Tensor] { layers.flatMap(\.weights) }

    /// Replaces all weights; throws Keras' error if count or shapes differ.
    public func setWeights(_ weights: [Tensor]) throws {
        try layers.setWeights(weights, owner: name)
    }

    /// The rows `summary()` prints, or Keras' error if the model is not built.
    public func summary() throws -> ModelSummary {
        guard isBuilt else { throw KerasError.notBuilt }
        let rows = layers.map {
            ModelSummary.Row(name: $0.name, className: $0.className, outputShape: [nil] + $0.outputShape.map { Optional($0) },
                             parameters: $0.parameterCount)
        }
        let total = rows.reduce(0) { $0 + $1.parameters }
        return ModelSummary(modelName: name, rows: rows, totalParameters: total, trainableParameters: trainableParameterCount)
    }

    /// The name Keras 2 gives the model's input (`dense_1_input`), used in error messages.
    var inputName: String { (layers.first?.name ?? name) + "_input" }
}

/// What `model.summary()` shows, for text (`KerasText.summary`) and HTML tables alike.
public struct ModelSummary: Equatable, Sendable {
    /// One layer's line.
    public struct Row: Equatable, Sendable {
        public var name: String
        public var className: String
        /// With the batch axis as `nil`: `[nil, 32]` prints `(None, 32)`.
        public var outputShape: [Int?]
        public var parameters: Int
        /// The column's text when it is not a shape: `multiple` for the layers of a
        /// subclassed model, which Keras does not follow through `call`.
        public var shapeText: String? = nil

        /// `dense_1 (Dense)`.
        public var layerColumn: String { "\(name) (\(className))" }
        /// `(None, 32)`.
        public var shapeColumn: String { shapeText ?? pythonTuple(outputShape) }
    }

    public var modelName: String
    public var rows: [Row]
    public var totalParameters: Int
    public var trainableParameters: Int
    public var nonTrainableParameters: Int { totalParameters - trainableParameters }
}
