import CellLanguage

/// `precision_recall_fscore_support` and the scores built on it, with scikit-learn's
/// averaging (NumPy's pairwise sums, so averages agree to the last bit), its
/// `zero_division` handling and its `UndefinedMetricWarning`s.
struct PrecisionRecall {
    /// How scores are averaged over labels; nil in `average` means per label.
    enum Average: String {
        case binary, micro, macro, weighted
    }

    /// What a division by zero gives: `"warn"` (0.0 and a warning), 0.0, 1.0 or nan.
    enum ZeroDivision {
        case warn
        case value(Double)

        init(_ value: Value, function: String) throws {
            switch value {
            case .str("warn"): self = .warn
            case .int(let i) where i == 0 || i == 1: self = .value(Double(i))
            case .float(let d) where d == 0 || d == 1 || d.isNaN: self = .value(d)
            default:
                throw PyException(.valueError, "The 'zero_division' parameter of \(function) must be a float among {0.0, 1.0}, "
                                  + "numpy.nan or a str among {'warn'}. Got \(value.repr) instead.")
            }
        }

        var fill: Double {
            if case .value(let d) = self { return d }
            return 0
        }
    }

    /// Scores per label (arrays) or averaged (one element each).
    struct Scores {
        var precision: [Double]
        var recall: [Double]
        var fScore: [Double]
        /// Samples of each label in `y_true` (per-label results only).
        var support: [Int64]?
    }

    let pair: TargetPair
    let average: Average?
    let zeroDivision: ZeroDivision
    /// Which ill-defined metrics warn: `precision`, `recall`, `f-score`.
    let warnFor: Set<String>
    let warn: (SklearnWarning) -> Void

    /// Parses `average=` as scikit-learn's parameter validation does.
    static func average(_ value: Value, function: String) throws -> Average? {
        if value.isNone { return nil }
        if case .str(let s) = value {
            if let a = Average(rawValue: s) { return a }
            if s == "samples" {
                throw PyException(.notImplementedError, "Labbook's \(function) does not implement average='samples' (multilabel targets)")
            }
        }
        throw PyException(.valueError, "The 'average' parameter of \(function) must be a str among {'binary', 'macro', 'micro', 'samples', "
                          + "'weighted'} or None. Got \(value.repr) instead.")
    }

    /// The labels scored, as `_check_set_wise_labels` chooses them.
    func scoredLabels(_ given: [ClassLabel]?, posLabel: Value) throws -> [ClassLabel] {
        guard average == .binary else {
            if !(posLabel.isNone || posLabel.pyEquals(.int(1))) {
                warn(.posLabelIgnored(posLabel: posLabel.repr, average: average.map { "'\($0.rawValue)'" } ?? "None"))
            }
            return given ?? pair.present
        }
        guard pair.kind == .binary else {
            let options = pair.kind == .multiclass ? "[None, 'micro', 'macro', 'weighted']" : "[None, 'micro', 'macro', 'weighted', 'samples']"
            throw PyException(.valueError, "Target is \(pair.kind.rawValue) but average='binary'. Please choose another average setting, one of \(options).")
        }
        let positive = try ClassTargets(.list(PyList([posLabel])), name: "pos_label").labels.first ?? .int(1)
        if !pair.present.contains(positive) && pair.present.count >= 2 {
            throw PyException(.valueError, "pos_label=\(posLabel.str) is not a valid label. It should be one of \(pair.presentText)")
        }
        return [positive]
    }

    /// Precision, recall and F-beta for `labels`, averaged as asked.
    func scores(labels: [ClassLabel], beta: Double = 1) -> Scores {
        var tp = [Double](repeating: 0, count: labels.count)
        var predicted = tp, actual = tp
        let index = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        for (t, p) in zip(pair.truth.labels, pair.predicted.labels) {
            let ti = index[t], pi = index[p]
            if let ti { actual[ti] += 1 }
            if let pi { predicted[pi] += 1 }
            if let ti, ti == pi { tp[ti] += 1 }
        }
        let support = actual.map { Int64($0) }
        if average == .micro {
            tp = [Self.sum(tp)]
            predicted = [Self.sum(predicted)]
            actual = [Self.sum(actual)]
        }
        let beta2 = beta * beta
        let precision = divide(tp, predicted, metric: "precision", modifier: "predicted")
        let recall = divide(tp, actual, metric: "recall", modifier: "true")
        let fScore = divide(tp.map { (1 + beta2) * $0 }, zip(actual, predicted).map { beta2 * $0 + $1 },
                            metric: "f-score", modifier: "true nor predicted")
        guard let average else { return Scores(precision: precision, recall: recall, fScore: fScore, support: support) }
        let weights = average == .weighted ? actual : nil
        return Scores(precision: [Self.nanAverage(precision, weights)], recall: [Self.nanAverage(recall, weights)],
                      fScore: [Self.nanAverage(fScore, weights)], support: nil)
    }

    /// `_prf_divide`: zero denominators give the `zero_division` value, and a warning when
    /// it is `"warn"` and the metric is one the caller asked about.
    private func divide(_ numerator: [Double], _ denominator: [Double], metric: String, modifier: String) -> [Double] {
        let result = zip(numerator, denominator).map { $1 == 0 ? zeroDivision.fill : $0 / $1 }
        let undefined = denominator.contains(0)
        if undefined, case .warn = zeroDivision, warnFor.contains(metric) {
            warn(.undefinedMetric(metric: metric, modifier: modifier, single: result.count == 1))
        }
        return result
    }

    /// NumPy's `sum` of a float64 array: pairwise, so it agrees to the last bit.
    static func sum(_ values: [Double]) -> Double {
        values.withUnsafeBufferPointer { 0 + Reductions.pairwise($0, 0, values.count) }
    }

    /// scikit-learn's `_nanaverage`: nan entries (from `zero_division=np.nan`) left out; a
    /// weighted average whose weights sum to zero falls back to the plain mean.
    static func nanAverage(_ values: [Double], _ weights: [Double]?) -> Double {
        let kept = values.indices.filter { !values[$0].isNaN }
        guard !kept.isEmpty else { return .nan }
        guard let weights else {
            return sum(values.map { $0.isNaN ? 0 : $0 }) / Double(kept.count)
        }
        let a = kept.map { values[$0] }, w = kept.map { weights[$0] }
        let scale = sum(w)
        guard scale != 0 else { return sum(a) / Double(a.count) }
        return sum(zip(a, w).map { $0 * $1 }) / scale
    }
}
