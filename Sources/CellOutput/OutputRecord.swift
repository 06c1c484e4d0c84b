/// What a library call computed, in structured form, for run records (`labbook runs`):
/// a part of a cell's outputs that no report shows (its `plainText` is empty). Cached with
/// the cell's other outputs, so a run that reuses the cell records it too.
///
///     .record(.evaluation(EvaluationRecord(model: "sequential_1",
///                                          results: [.init("loss", 0.31), .init("accuracy", 0.91)])))
public enum OutputRecord: Sendable, Equatable, Codable {
    /// A finished `model.fit(...)`.
    case fit(FitRecord)
    /// A `model.evaluate(...)`.
    case evaluation(EvaluationRecord)
}

/// A named number: a metric of an evaluation, one epoch's value in a history.
public struct NamedValue: Sendable, Equatable, Codable {
    public var name: String
    public var value: Double
    public init(_ name: String, _ value: Double) {
        self.name = name
        self.value = value
    }
}

/// One `fit`: the model as it was trained, the settings and the full history.
public struct FitRecord: Sendable, Equatable, Codable {
    /// One layer, as `model.summary()` shows it.
    public struct Layer: Sendable, Equatable, Codable {
        public var name: String
        /// The Keras class: `Dense`, `Dropout`...
        public var className: String
        /// The output shape without the batch axis.
        public var outputShape: [Int]
        public var parameters: Int
        public init(name: String, className: String, outputShape: [Int], parameters: Int) {
            self.name = name
            self.className = className
            self.outputShape = outputShape
            self.parameters = parameters
        }
    }

    /// One history key's values, epoch by epoch.
    public struct Series: Sendable, Equatable, Codable {
        public var name: String
        public var values: [Double]
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public var model: String
    public var layers: [Layer]
    /// Every weight's scalar count added up (`count_params()`).
    public var parameters: Int
    /// `epochs=` as given; `history` has fewer values when training stopped early.
    public var epochs: Int
    public var batchSize: Int
    /// The optimizer's Keras class (`SGD`, `Adam`...).
    public var optimizer: String
    public var learningRate: Double
    /// The loss, as given to `compile`.
    public var loss: String
    /// The history in its key order: `loss`, the metrics, then `val_...`.
    public var history: [Series]

    public init(model: String, layers: [Layer], parameters: Int, epochs: Int, batchSize: Int,
                optimizer: String, learningRate: Double, loss: String, history: [Series]) {
        self.model = model
        self.layers = layers
        self.parameters = parameters
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.loss = loss
        self.history = history
    }
}

/// One `evaluate`: the model's name and each value it returned (`loss`, then the metrics).
public struct EvaluationRecord: Sendable, Equatable, Codable {
    public var model: String
    public var results: [NamedValue]
    public init(model: String, results: [NamedValue]) {
        self.model = model
        self.results = results
    }
}
