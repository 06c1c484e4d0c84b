/// A metric passed to `compile(metrics:)`: what it computes and the name it is logged under.
///
/// `Metric(kerasName: "accuracy")` stays generic until `compile` resolves it from the loss,
/// as Keras does: binary accuracy for `binary_crossentropy` or a one-unit output, sparse
/// categorical accuracy for `sparse_categorical_crossentropy`, categorical otherwise.
///
/// ```swift
/// Metric(kerasName: "mae")?.name   // "mae"
/// ```
public struct Metric: Equatable, Codable, Sendable {
    /// What a metric computes.
    public enum Kind: String, Codable, Sendable {
        case accuracy, binaryAccuracy, categoricalAccuracy, sparseCategoricalAccuracy
        case meanAbsoluteError, meanSquaredError
    }

    /// What it computes.
    public var kind: Kind
    /// The key in logs and `History.history` (`accuracy`, `mae`, ...).
    public var name: String

    /// A metric of the given kind logged under `name`.
    public init(_ kind: Kind, name: String) {
        self.kind = kind
        self.name = name
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
        case "mae", "mean_absolute_error": kind = .meanAbsoluteError
        case "mse", "mean_squared_error": kind = .meanSquaredError
        default: return nil
        }
        self.init(kind, name: kerasName)
    }

    /// `accuracy` made concrete for a loss and output width (Keras 2's rule).
    func resolved(for loss: Loss, outputWidth: Int) -> Metric {
        guard kind == .accuracy else { return self }
        if outputWidth == 1 || loss == .binaryCrossentropy { return Metric(.binaryAccuracy, name: name) }
        if loss == .sparseCategoricalCrossentropy { return Metric(.sparseCategoricalAccuracy, name: name) }
        return Metric(.categoricalAccuracy, name: name)
    }

    /// The sum over rows of the metric's per-row value.
    func evaluate(output p: UnsafePointer<Float>, target y: UnsafePointer<Float>, rows: Int, width: Int) -> Double {
        var total = 0.0
        switch kind {
        case .accuracy, .categoricalAccuracy:
            for r in 0..<rows where argmax(p + r * width, width) == argmax(y + r * width, width) { total += 1 }
        case .sparseCategoricalAccuracy:
            for r in 0..<rows where Float(argmax(p + r * width, width)) == y[r] { total += 1 }
        case .binaryAccuracy:
            for r in 0..<rows {
                var hits = 0
                for j in 0..<width where (p[r * width + j]).rounded(.toNearestOrEven) == y[r * width + j] { hits += 1 }
                total += Double(Float(hits) / Float(width))
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
