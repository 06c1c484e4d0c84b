import CellLanguage

/// `sklearn.metrics`: the scores MNIST notebooks print after training, each checked
/// against scikit-learn 1.9's printed output (`Tests/LibraryTests/SklearnConformance`).
///
///     from sklearn.metrics import confusion_matrix
///     confusion_matrix([0, 1, 1], [0, 1, 0])   # array([[1, 0],
///                                              #        [1, 1]])
enum SklearnMetrics {
    static func make() -> Module {
        let m = Module("sklearn.metrics")
        m.define("accuracy_score") { args, _ in
            let b = try bind(args, "accuracy_score", ["y_true", "y_pred", HostParameter("normalize", default: .bool(true), keywordOnly: true),
                                                     HostParameter("sample_weight", default: .none, keywordOnly: true)])
            try refuseSampleWeight(b, "accuracy_score")
            let pair = try TargetPair(b["y_true"], b["y_pred"])
            let correct: Int
            if pair.kind == .multilabelIndicator {
                correct = zip(pair.truth.rows, pair.predicted.rows).filter { $0 == $1 }.count
            } else {
                correct = zip(pair.truth.labels, pair.predicted.labels).filter { $0 == $1 }.count
            }
            return .float(b["normalize"].isTruthy ? Double(correct) / Double(pair.truth.count) : Double(correct))
        }
        m.define("confusion_matrix") { args, interpreter in
            let b = try bind(args, "confusion_matrix", ["y_true", "y_pred", HostParameter("labels", default: .none, keywordOnly: true),
                                                       HostParameter("sample_weight", default: .none, keywordOnly: true),
                                                       HostParameter("normalize", default: .none, keywordOnly: true)])
            try refuseSampleWeight(b, "confusion_matrix")
            return try ConfusionMatrix.compute(b, warn: { $0.show(interpreter) })
        }
        for (name, metric) in [("precision_score", "precision"), ("recall_score", "recall"), ("f1_score", "f-score")] {
            m.define(name) { args, interpreter in
                let b = try bind(args, name, scoreParameters(average: .str("binary")))
                let scores = try score(b, name, warnFor: [metric], interpreter)
                let values = metric == "precision" ? scores.precision : metric == "recall" ? scores.recall : scores.fScore
                return scores.support == nil ? .float(values[0]) : array(values)
            }
        }
        m.define("precision_recall_fscore_support") { args, interpreter in
            let b = try bind(args, "precision_recall_fscore_support",
                                  scoreParameters(average: .none) + [HostParameter("beta", default: .float(1), keywordOnly: true)])
            let scores = try score(b, "precision_recall_fscore_support", warnFor: ["precision", "recall", "f-score"], interpreter)
            guard let support = scores.support else {
                return .tuple([.float(scores.precision[0]), .float(scores.recall[0]), .float(scores.fScore[0]), .none])
            }
            return .tuple([array(scores.precision), array(scores.recall), array(scores.fScore),
                           .host(NDArray(ArrayStorage.int64(support)))])
        }
        m.define("classification_report") { args, interpreter in
            let b = try bind(args, "classification_report", [
                "y_true", "y_pred", HostParameter("labels", default: .none, keywordOnly: true),
                HostParameter("target_names", default: .none, keywordOnly: true),
                HostParameter("sample_weight", default: .none, keywordOnly: true),
                HostParameter("digits", default: .int(2), keywordOnly: true),
                HostParameter("output_dict", default: .bool(false), keywordOnly: true),
                HostParameter("zero_division", default: .str("warn"), keywordOnly: true)])
            try refuseSampleWeight(b, "classification_report")
            let report = try ClassificationReport(
                pair: try TargetPair(b["y_true"], b["y_pred"]), labels: try TargetPair.labels(b["labels"]),
                targetNames: b["target_names"],
                zeroDivision: try .init(b["zero_division"], function: "classification_report"), warn: { $0.show(interpreter) })
            if b["output_dict"].isTruthy { return try report.dictionary() }
            return .str(try report.text(digits: try b["digits"].integer()))
        }
        return m
    }

    /// The parameters the scores share; only `average`'s default differs.
    private static func scoreParameters(average: Value) -> [HostParameter] {
        ["y_true", "y_pred", HostParameter("labels", default: .none, keywordOnly: true),
         HostParameter("pos_label", default: .int(1), keywordOnly: true),
         HostParameter("average", default: average, keywordOnly: true),
         HostParameter("sample_weight", default: .none, keywordOnly: true),
         HostParameter("zero_division", default: .str("warn"), keywordOnly: true)]
    }

    /// Scores for precision_score and its siblings, from their bound arguments.
    private static func score(_ b: BoundArguments, _ function: String, warnFor: Set<String>,
                              _ interpreter: Interpreter) throws -> PrecisionRecall.Scores {
        try refuseSampleWeight(b, function)
        let zeroDivision = try PrecisionRecall.ZeroDivision(b["zero_division"], function: function)
        let average = try PrecisionRecall.average(b["average"], function: function)
        let pair = try TargetPair(b["y_true"], b["y_pred"])
        try pair.requireSingleLabel(function)
        let scorer = PrecisionRecall(pair: pair, average: average, zeroDivision: zeroDivision, warnFor: warnFor,
                                     warn: { $0.show(interpreter) })
        let labels = try scorer.scoredLabels(try TargetPair.labels(b["labels"]), posLabel: b["pos_label"])
        let beta = b["beta"].isNone ? 1 : try Convert.double(b["beta"], "beta")
        return scorer.scores(labels: labels, beta: beta)
    }

    private static func refuseSampleWeight(_ b: BoundArguments, _ function: String) throws {
        if !b["sample_weight"].isNone {
            throw PyException(.notImplementedError, "Labbook's \(function) does not implement sample_weight; see docs/sklearn.md")
        }
    }

    /// Binds as scikit-learn's parameter validation does: its signature check words too many
    /// positional arguments as `inspect.Signature.bind` does.
    private static func bind(_ args: Arguments, _ function: String, _ parameters: [HostParameter]) throws -> BoundArguments {
        if args.positional.count > parameters.filter({ !$0.keywordOnly }).count {
            throw PyException(.typeError, "too many positional arguments")
        }
        if let unknown = args.keywords.first(where: { k in !parameters.contains { $0.name == k.name } }) {
            throw PyException(.typeError, "got an unexpected keyword argument '\(unknown.name)'")
        }
        for (i, p) in parameters.enumerated() where p.defaultValue == nil {
            if i >= args.positional.count && args.keyword(p.name) == nil {
                throw PyException(.typeError, "missing a required argument: '\(p.name)'")
            }
        }
        return try args.bind(function, parameters)
    }

    static func array(_ values: [Double]) -> Value {
        .host(NDArray(ArrayStorage.float64(values)))
    }
}
