/// A metric passed to `compile(metrics:)`: what it computes and the name it is logged under.
///
/// `Metric(kerasName: "accuracy")` stays generic until `compile` resolves it from the loss,
/// as Keras does: binary accuracy for `binary_crossentropy` or a one-unit output, sparse
/// categorical accuracy for `sparse_categorical_crossentropy`, categorical otherwise.
///
/// Most metrics are means over the samples of a per-sample value. `precision`, `recall` and
/// `auc` are Keras' stateful metrics instead: they count true and false positives and
/// negatives over the whole pass (`MetricState`) and divide at the end.
///
/// ```swift
/// Metric(kerasName: "mae")?.name                        // "mae"
/// Metric(.precision, name: "precision_1").threshold    // 0.5 once resolved
/// ```
public struct Metric: Equatable, Codable, Sendable {
    /// What a metric computes.
    public enum Kind: String, Codable, Sendable {
        case accuracy, binaryAccuracy, categoricalAccuracy, sparseCategoricalAccuracy
        case meanAbsoluteError, meanSquaredError
        case topKCategoricalAccuracy, sparseTopKCategoricalAccuracy
        case precision, recall, auc

        /// Whether the metric counts over the pass rather than averaging per-sample values.
        public var isConfusionCount: Bool { self == .precision || self == .recall || self == .auc }
    }

    /// What it computes.
    public var kind: Kind
    /// The key in logs and `History.history` (`accuracy`, `mae`, `precision_1`, ...).
    public var name: String
    /// `k` of the top-k accuracies (Keras' default 5).
    public var k: Int?
    /// The decision threshold of binary accuracy, precision and recall (default 0.5).
    public var threshold: Float?
    /// AUC's `num_thresholds` (default 200).
    public var thresholdCount: Int?

    /// A metric of the given kind logged under `name`.
    public init(_ kind: Kind, name: String, k: Int? = nil, threshold: Float? = nil, thresholdCount: Int? = nil) {
        self.kind = kind
        self.name = name
        self.k = k
        self.threshold = threshold
        self.thresholdCount = thresholdCount
    }

    /// `'accuracy'`, resolved from the loss at `fit`.
    public static let accuracy = Metric(.accuracy, name: "accuracy")
    /// `'mae'`.
    public static let mae = Metric(.meanAbsoluteError, name: "mae")
    /// `'mse'`.
    public static let mse = Metric(.meanSquaredError, name: "mse")

    /// The metric a Keras string names, logged under that same string, or `nil`.
    public init?(kerasName: String) {
        let kind: Kind
        switch kerasName {
        case "accuracy", "acc": kind = .accuracy
        case "binary_accuracy": kind = .binaryAccuracy
        case "categorical_accuracy": kind = .categoricalAccuracy
        case "sparse_categorical_accuracy": kind = .sparseCategoricalAccuracy
        case "top_k_categorical_accuracy": kind = .topKCategoricalAccuracy
        case "sparse_top_k_categorical_accuracy": kind = .sparseTopKCategoricalAccuracy
        case "mae", "mean_absolute_error": kind = .meanAbsoluteError
        case "mse", "mean_squared_error": kind = .meanSquaredError
        default: return nil
        }
        self.init(kind, name: kerasName)
    }

    /// `accuracy` made concrete for a loss and output width (Keras 2's rule).
    func resolved(for loss: Loss, outputWidth: Int) -> Metric {
        guard kind == .accuracy else { return self }
        if outputWidth == 1 || loss.kind == .binaryCrossentropy { return Metric(.binaryAccuracy, name: name) }
        if loss.kind == .sparseCategoricalCrossentropy { return Metric(.sparseCategoricalAccuracy, name: name) }
        return Metric(.categoricalAccuracy, name: name)
    }

    /// Whether the metric reads targets shaped like the output (not class indices).
    public var needsDenseTargets: Bool {
        kind.isConfusionCount || kind == .topKCategoricalAccuracy || kind == .categoricalAccuracy
    }

    /// The sum over rows of the metric's per-row value (the metrics that average).
    public func evaluate(output p: UnsafePointer<Float>, target y: UnsafePointer<Float>, rows: Int, width: Int) -> Double {
        var total = 0.0
        switch kind {
        case .accuracy, .categoricalAccuracy:
            for r in 0..<rows where argmax(p + r * width, width) == argmax(y + r * width, width) { total += 1 }
        case .sparseCategoricalAccuracy:
            for r in 0..<rows where Float(argmax(p + r * width, width)) == y[r] { total += 1 }
        case .binaryAccuracy:
            // Keras: `round(p) == y` at the default 0.5, else `(p > threshold) == y`.
            let cut = threshold ?? 0.5
            for r in 0..<rows {
                var hits = 0
                for j in 0..<width {
                    let v = p[r * width + j]
                    let predicted: Float = cut == 0.5 ? v.rounded(.toNearestOrEven) : (v > cut ? 1 : 0)
                    if predicted == y[r * width + j] { hits += 1 }
                }
                total += Double(Float(hits) / Float(width))
            }
        case .topKCategoricalAccuracy, .sparseTopKCategoricalAccuracy:
            // TensorFlow's `in_top_k`: the target class is in when fewer than k scores beat it.
            let k = self.k ?? 5
            for r in 0..<rows {
                let row = p + r * width
                let target = kind == .sparseTopKCategoricalAccuracy ? Int(y[r]) : argmax(y + r * width, width)
                var above = 0
                for j in 0..<width where row[j] > row[target] { above += 1 }
                if above < k { total += 1 }
            }
        case .meanAbsoluteError, .meanSquaredError:
            let squared = kind == .meanSquaredError
            for r in 0..<rows {
                var sum: Float = 0
                for j in 0..<width {
                    let d = p[r * width + j] - y[r * width + j]
                    sum += squared ? d * d : abs(d)
                }
                total += Double(sum / Float(width))
            }
        case .precision, .recall, .auc:
            preconditionFailure("confusion-count metrics accumulate through MetricState")
        }
        return total
    }

    /// The first index of the largest value, as `tf.argmax`.
    private func argmax(_ row: UnsafePointer<Float>, _ width: Int) -> Int {
        var best = 0
        for j in 1..<max(width, 1) where row[j] > row[best] { best = j }
        return best
    }
}
