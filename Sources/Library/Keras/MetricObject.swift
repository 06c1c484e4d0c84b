import CellLanguage
import NeuralEngine

/// `keras.metrics`: the metric functions by name and the metric classes, whose instances
/// `compile(metrics=[...])` accepts and whose `name` is the key they are logged under, as in
/// Keras 2: a fixed default for the averaging metrics (`SparseCategoricalAccuracy()` logs
/// `sparse_categorical_accuracy`), and for `Precision`, `Recall` and `AUC`, which have none,
/// a session-wide count (`precision_1`, then `precision_2`, ...; `val_auc_1` in validation).
///
///     model.compile(optimizer='adam', loss='binary_crossentropy',
///                   metrics=[keras.metrics.Precision(), keras.metrics.AUC()])
///     history.history.keys()   # loss, precision_1, auc_1, val_loss, ...
final class MetricObject: KerasModuleInstance {
    static let kerasModule = "keras.metrics"
    let metric: Metric
    let className: String
    /// What `update_state` has added up, when the object is used on its own.
    var accumulator = MetricAccumulator()

    init(_ metric: Metric, className: String) {
        self.metric = metric
        self.className = className
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "name": return .str(metric.name)
        case "k" where metric.k != nil: return .int(metric.k ?? 5)
        case "num_thresholds" where metric.kind == .auc: return .int(metric.thresholdCount ?? 200)
        case "threshold" where metric.kind == .binaryAccuracy: return .float(Double(metric.threshold ?? 0.5))
        default:
            if let method = try standaloneMethod(name) { return method }
            throw attributeError(name)
        }
    }

    /// The module's attributes: functions, then classes.
    static func attributes(state: LibraryState) -> [(String, Value)] {
        let functions = ["accuracy", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
                         "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy", "mae", "mse",
                         "mean_absolute_error", "mean_squared_error"].map { name in
            (name, Value.builtin(BuiltinFunction(name) { _, _ in
                throw PyException(.notImplementedError, "Labbook's keras.metrics.\(name) can be passed to compile(metrics=[...]) but not called")
            }))
        }
        let averaging: [(String, Metric.Kind, String)] = [
            ("SparseCategoricalAccuracy", .sparseCategoricalAccuracy, "sparse_categorical_accuracy"),
            ("CategoricalAccuracy", .categoricalAccuracy, "categorical_accuracy"),
            ("BinaryAccuracy", .binaryAccuracy, "binary_accuracy"),
            ("TopKCategoricalAccuracy", .topKCategoricalAccuracy, "top_k_categorical_accuracy"),
            ("SparseTopKCategoricalAccuracy", .sparseTopKCategoricalAccuracy, "sparse_top_k_categorical_accuracy"),
            ("MeanSquaredError", .meanSquaredError, "mean_squared_error"),
            ("MeanAbsoluteError", .meanAbsoluteError, "mean_absolute_error"),
        ]
        let classes = averaging.map { className, kind, name in (className, averagingClass(className, kind, name)) }
            + [("Precision", counting("Precision", .precision, state)), ("Recall", counting("Recall", .recall, state)),
               ("AUC", counting("AUC", .auc, state))]
        return functions + classes
    }

    /// `SparseCategoricalAccuracy(name=..., dtype=None)`, `BinaryAccuracy(..., threshold=0.5)`,
    /// `TopKCategoricalAccuracy(k=5, ...)`.
    private static func averagingClass(_ className: String, _ kind: Metric.Kind, _ defaultName: String) -> Value {
        let topK = kind == .topKCategoricalAccuracy || kind == .sparseTopKCategoricalAccuracy
        var parameters: [HostParameter] = topK ? [.init("k", default: .int(5))] : []
        parameters += [.init("name", default: .str(defaultName)), .init("dtype", default: .none)]
        if kind == .binaryAccuracy { parameters.append(.init("threshold", default: .float(0.5))) }
        return .builtin(BuiltinFunction(className) { arguments, _ in
            let a = try arguments.bind(className, parameters)
            var metric = Metric(kind, name: try Convert.string(a["name"], "name"))
            if topK {
                let k = try Convert.int(a["k"], "k")
                guard k > 0 else { throw PyException(.valueError, "`k` must be a positive integer, got \(k)") }
                metric.k = k
            }
            if kind == .binaryAccuracy { metric.threshold = Float(try Convert.double(a["threshold"], "threshold")) }
            return .host(MetricObject(metric, className: className))
        })
    }

    /// `Precision(thresholds=None, top_k=None, class_id=None, name=None, dtype=None)`, `Recall`
    /// alike, `AUC(num_thresholds=200, curve='ROC', summation_method='interpolation', name=None,
    /// dtype=None, thresholds=None)`.
    private static func counting(_ className: String, _ kind: Metric.Kind, _ state: LibraryState) -> Value {
        let parameters: [HostParameter] = kind == .auc
            ? [.init("num_thresholds", default: .int(200)), .init("curve", default: .str("ROC")),
               .init("summation_method", default: .str("interpolation")), .init("name", default: .none),
               .init("dtype", default: .none), .init("thresholds", default: .none)]
            : [.init("thresholds", default: .none), .init("top_k", default: .none), .init("class_id", default: .none),
               .init("name", default: .none), .init("dtype", default: .none)]
        return .builtin(BuiltinFunction(className) { arguments, _ in
            let a = try arguments.bind(className, parameters)
            var metric = Metric(kind, name: "")
            if kind == .auc {
                guard try Convert.string(a["curve"], "curve") == "ROC",
                      try Convert.string(a["summation_method"], "summation_method") == "interpolation",
                      a["thresholds"].isNone else {
                    throw PyException(.valueError, "Labbook's AUC computes the ROC curve's area by interpolation over evenly "
                                      + "spaced thresholds; curve=, summation_method= and thresholds= are not supported")
                }
                let count = try Convert.int(a["num_thresholds"], "num_thresholds")
                guard count > 1 else { throw PyException(.valueError, "`num_thresholds` must be > 1.") }
                metric.thresholdCount = count
            } else {
                for key in ["top_k", "class_id"] where !a[key].isNone {
                    throw PyException(.valueError, "\(className)(\(key)=...) is not supported by Labbook's engine")
                }
                if !a["thresholds"].isNone {
                    guard case .float = a["thresholds"] else {
                        throw PyException(.valueError, "Labbook's \(className) takes one float threshold, got \(a["thresholds"].repr)")
                    }
                    metric.threshold = Float(try Convert.double(a["thresholds"], "thresholds"))
                }
            }
            // Keras 2 names a metric without `name=` as it names layers: class name, session count.
            metric.name = a["name"].isNone ? state.layerNames.next(kind == .auc ? "auc" : className.lowercased())
                : try Convert.string(a["name"], "name")
            return .host(MetricObject(metric, className: className))
        })
    }
}
