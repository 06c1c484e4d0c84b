/// Everything a `Sequential` model is, as a `Codable` value: layers, weights, and the
/// compile settings with the optimizer's accumulators. The cache snapshots models through
/// it and `model.save` / `load_model` can write it.
///
/// ```swift
/// let state = model.state
/// let copy = try Sequential(restoring: state)   // same layers, weights, optimizer state
/// ```
public struct ModelState: Codable, Equatable, Sendable {
    public var name: String
    public var layers: [LayerSpec]
    /// Per layer, its weights in Keras order (empty for unbuilt or weightless layers).
    public var weights: [[Tensor]]
    /// The per-sample input shape, if known.
    public var inputShape: [Int]?
    /// Whether the layers were built (have weights).
    public var built: Bool
    public var compilation: CompilationState?
    /// Per layer, its weight penalties; absent when no layer has any (and in older files).
    public var regularizers: [WeightRegularizers]? = nil
    /// Per layer, its `trainable` flag; absent when every layer is trainable (and in older files).
    public var trainable: [Bool]? = nil

    /// What `compile` recorded.
    public struct CompilationState: Codable, Equatable, Sendable {
        public var optimizer: OptimizerConfig
        public var optimizerState: OptimizerState
        public var loss: Loss
        public var metrics: [Metric]
        /// What `compile` collected for training (see `Trainability`); absent in older files.
        public var trainableMask: [Bool]? = nil
        /// Per output (see `OutputHead`); absent for a plain one-output compile and in older files.
        public var heads: [OutputHead]? = nil
    }
}

extension Sequential {
    /// A snapshot of the model (weights and optimizer state copied).
    public var state: ModelState {
        ModelState(
            name: name, layers: layers.map(\.spec), weights: layers.map(\.weights), inputShape: inputShape,
            built: isBuilt,
            compilation: compiled.map {
                .init(optimizer: $0.optimizer.config, optimizerState: $0.optimizer.state, loss: $0.loss, metrics: $0.metrics,
                      trainableMask: $0.trainableMask, heads: $0.heads)
            },
            regularizers: penalties.isEmpty ? nil : layers.map { ($0 as? any Regularizable)?.regularizers ?? WeightRegularizers() },
            trainable: layers.allSatisfy(\.trainable) ? nil : layers.map(\.trainable))
    }

    /// A model equal to the one `state` was taken from. Building draws nothing from any
    /// generator: the weights come from the snapshot.
    public convenience init(restoring state: ModelState) throws {
        self.init(name: state.name)
        var scratch = RandomGenerator(seed: 0)
        for spec in state.layers {
            let layer = try spec.makeLayer()
            if state.built {
                try add(layer, rng: &scratch)
            } else {
                try addUnbuilt(layer)
            }
        }
        if state.built, let shape = state.inputShape {
            try build(inputShape: shape, rng: &scratch)
            for (layer, weights) in zip(layers, state.weights) { try layer.setWeights(weights) }
        }
        for (layer, regularizers) in zip(layers, state.regularizers ?? []) where !regularizers.isEmpty {
            (layer as? any Regularizable)?.regularizers = regularizers
        }
        for (layer, trainable) in zip(layers, state.trainable ?? []) { layer.trainable = trainable }
        if let c = state.compilation {
            let optimizer = c.optimizer.makeOptimizer()
            optimizer.state = c.optimizerState
            try compile(optimizer: optimizer, loss: c.loss, metrics: c.metrics, heads: c.heads)
            if let mask = c.trainableMask { restoreCompiledTrainableMask(mask) }
        }
    }
}
