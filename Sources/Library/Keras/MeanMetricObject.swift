import CellLanguage
import NeuralEngine

/// The metric objects that cells drive by hand and `compile` does not take in Labbook:
/// `keras.metrics.Mean` (the weighted mean of every value it is given) and the loss metrics
/// (`keras.metrics.SparseCategoricalCrossentropy(from_logits=True)`, ...: the mean of each
/// sample's loss). TensorFlow's "quickstart for experts" tracks its losses with them:
///
///     train_loss = tf.keras.metrics.Mean(name='train_loss')
///     train_loss(loss)                      # update, then the running mean as a tf.Tensor
///     f'{train_loss.result():0.2f}'
///     train_loss.reset_state()
final class MeanMetricObject: KerasModuleInstance {
    static let kerasModule = "keras.metrics"
    let className: String
    let name: String
    /// The loss averaged, for the loss metrics; nil for `Mean`.
    let loss: Loss?
    var accumulator = MetricAccumulator()

    init(className: String, name: String, loss: Loss?) {
        self.className = className
        self.name = name
        self.loss = loss
    }

    private var parameters: [HostParameter] {
        loss == nil ? ["values", .init("sample_weight", default: .none)]
            : ["y_true", "y_pred", .init("sample_weight", default: .none)]
    }

    /// The values one update adds, and their weights.
    private func values(_ a: BoundArguments) throws -> ([Float], [Float]?) {
        let weights = try MetricAccumulator.weights(a["sample_weight"])
        guard let loss else { return (try KerasArrays.tensor(a["values"], "values").scalars, weights) }
        let (rows, _) = try LossCalls.rowValues(loss, yTrue: a["y_true"], yPred: a["y_pred"])
        return (rows.map { Float($0) }, weights)
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "name": return .str(self.name)
        case "from_logits" where loss != nil: return .bool(loss?.fromLogits ?? false)
        default:
            if let method = MetricAccumulator.methods(name, className: className, get: { self.accumulator },
                                                      set: { self.accumulator = $0 }, update: values,
                                                      parameters: parameters) {
                return method
            }
            throw attributeError(name)
        }
    }

    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let (v, w) = try values(try arguments.bind(className, parameters))
        try accumulator.add(v, weights: w)
        return accumulator.result
    }

    /// `Mean(name='mean', dtype=None)` and the loss metrics, with Keras 2's default names.
    static func attributes() -> [(String, Value)] {
        var classes: [(String, Value)] = [("Mean", .builtin(BuiltinFunction("Mean") { arguments, _ in
            let a = try arguments.bind("Mean", [.init("name", default: .str("mean")), .init("dtype", default: .none)])
            return .host(MeanMetricObject(className: "Mean", name: try Convert.string(a["name"], "name"), loss: nil))
        }))]
        let losses: [(String, Loss.Kind, String)] = [
            ("SparseCategoricalCrossentropy", .sparseCategoricalCrossentropy, "sparse_categorical_crossentropy"),
            ("CategoricalCrossentropy", .categoricalCrossentropy, "categorical_crossentropy"),
            ("BinaryCrossentropy", .binaryCrossentropy, "binary_crossentropy"),
        ]
        for (className, kind, defaultName) in losses {
            classes.append((className, .builtin(BuiltinFunction(className) { arguments, _ in
                var parameters: [HostParameter] = [.init("name", default: .str(defaultName)), .init("dtype", default: .none),
                                                   .init("from_logits", default: .bool(false))]
                parameters.append(kind == .sparseCategoricalCrossentropy ? .init("axis", default: .int(-1))
                                  : .init("label_smoothing", default: .int(0)))
                let a = try arguments.bind(className, parameters)
                if kind != .sparseCategoricalCrossentropy, try Convert.double(a["label_smoothing"], "label_smoothing") != 0 {
                    throw PyException(.valueError, "\(className)(label_smoothing=...) is not supported by Labbook's engine")
                }
                return .host(MeanMetricObject(className: className, name: try Convert.string(a["name"], "name"),
                                              loss: Loss(kind, fromLogits: a["from_logits"].isTruthy)))
            })))
        }
        return classes
    }
}
