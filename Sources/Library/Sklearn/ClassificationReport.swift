import CellLanguage

/// `sklearn.metrics.classification_report`: per-label precision, recall, F1 and support,
/// then accuracy (or the micro average), the macro and the weighted average, as the text
/// table scikit-learn prints or, with `output_dict=True`, as its dict.
///
///                   precision    recall  f1-score   support
///
///                0       1.00      0.50      0.67         2
///     ...
///         accuracy                           0.57         7
///        macro avg       0.67      0.56      0.58         7
///     weighted avg       0.67      0.57      0.59         7
struct ClassificationReport {
    let pair: TargetPair
    let labels: [ClassLabel]
    let labelsGiven: Bool
    let names: [String]
    let zeroDivision: PrecisionRecall.ZeroDivision
    let warn: (SklearnWarning) -> Void

    private static let headers = ["precision", "recall", "f1-score", "support"]

    init(pair: TargetPair, labels: [ClassLabel]?, targetNames: Value, zeroDivision: PrecisionRecall.ZeroDivision,
         warn: @escaping (SklearnWarning) -> Void) throws {
        try pair.requireSingleLabel("classification_report")
        self.pair = pair
        self.labels = labels ?? pair.present
        self.labelsGiven = labels != nil
        self.zeroDivision = zeroDivision
        self.warn = warn
        if targetNames.isNone {
            names = self.labels.map(\.text)
        } else {
            names = try Self.items(targetNames).map(\.str)
            if names.count != self.labels.count {
                guard labelsGiven else {
                    throw PyException(.valueError, "Number of classes, \(self.labels.count), does not match size of target_names, "
                                      + "\(names.count). Try specifying the labels parameter")
                }
                warn(.targetNamesSize(labels: self.labels.count, names: names.count))
            }
        }
    }

    private static func items(_ value: Value) throws -> [Value] {
        switch value {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .host(let h as NDArray): return (0..<h.size).map { ArrayMethods.wrap(try! h.subscripted(.int($0))) }
        default: throw PyException(.typeError, "target_names must be a list of strings, got \(value.typeName)")
        }
    }

    /// The rows after the per-label ones: `accuracy` (or `micro avg`), `macro avg`, `weighted avg`.
    private func averages() -> [(heading: String, scores: PrecisionRecall.Scores)] {
        let microIsAccuracy = !labelsGiven || Set(labels).isSuperset(of: pair.present)
        return [PrecisionRecall.Average.micro, .macro, .weighted].map { average in
            let heading = average == .micro && microIsAccuracy ? "accuracy" : average.rawValue + " avg"
            return (heading, scorer(average).scores(labels: labels))
        }
    }

    private func scorer(_ average: PrecisionRecall.Average?) -> PrecisionRecall {
        PrecisionRecall(pair: pair, average: average, zeroDivision: zeroDivision,
                        warnFor: ["precision", "recall", "f-score"], warn: warn)
    }

    /// The report as text, with `digits` decimals.
    func text(digits: Int) throws -> String {
        let perLabel = scorer(nil).scores(labels: labels)
        let support = perLabel.support ?? []
        let width = max(names.map { $0.unicodeScalars.count }.max() ?? 0, "weighted avg".count, digits)
        var report = try pad("", width) + " " + Self.headers.map { " " + String(repeating: " ", count: max(0, 9 - $0.count)) + $0 }.joined()
        report += "\n\n"
        for (i, name) in zip(names, perLabel.precision.indices).map({ ($1, $0) }) {
            report += try row(name, [perLabel.precision[i], perLabel.recall[i], perLabel.fScore[i]], support[i], width, digits)
        }
        report += "\n"
        let total = support.reduce(0, +)
        for (heading, scores) in averages() {
            if heading == "accuracy" {
                report += try pad(heading, width) + " " + String(repeating: " ", count: 20)
                    + " " + PyFormat.format(scores.fScore[0], spec: ">9.\(digits)f") + " " + PyFormat.format(Int(total), spec: ">9") + "\n"
            } else {
                report += try row(heading, [scores.precision[0], scores.recall[0], scores.fScore[0]], total, width, digits)
            }
        }
        return report
    }

    private func pad(_ s: String, _ width: Int) throws -> String {
        try PyFormat.format(s, spec: ">\(width)s")
    }

    private func row(_ name: String, _ values: [Double], _ support: Int64, _ width: Int, _ digits: Int) throws -> String {
        var line = try pad(name, width) + " "
        for v in values { line += " " + (try PyFormat.format(v, spec: ">9.\(digits)f")) }
        return line + " " + (try PyFormat.format(Int(support), spec: ">9")) + "\n"
    }

    /// The report as scikit-learn's `output_dict=True` dict.
    func dictionary() throws -> Value {
        let perLabel = scorer(nil).scores(labels: labels)
        let report = PyDict()
        let support = (perLabel.support ?? []).map(Double.init)
        for (i, name) in names.prefix(labels.count).enumerated() {
            try report.set(.str(name), try Self.entry(perLabel.precision[i], perLabel.recall[i], perLabel.fScore[i], support[i]))
        }
        let total = Double((perLabel.support ?? []).reduce(0, +))
        for (heading, scores) in averages() {
            if heading == "accuracy" {
                try report.set(.str(heading), .float(scores.precision[0]))
            } else {
                try report.set(.str(heading), try Self.entry(scores.precision[0], scores.recall[0], scores.fScore[0], total))
            }
        }
        return .dict(report)
    }

    private static func entry(_ p: Double, _ r: Double, _ f: Double, _ s: Double) throws -> Value {
        let d = PyDict()
        for (key, value) in zip(headers, [p, r, f, s]) { try d.set(.str(key), .float(value)) }
        return .dict(d)
    }
}
