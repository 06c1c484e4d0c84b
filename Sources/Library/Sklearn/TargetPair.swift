import CellLanguage

/// `y_true` and `y_pred` checked together, as scikit-learn's `_check_targets` does: same
/// length, compatible kinds (binary and multiclass mix to multiclass), no mix of string and
/// number labels, and the sorted union of the labels present.
struct TargetPair {
    var truth: ClassTargets
    var predicted: ClassTargets
    /// `binary`, `multiclass` or `multilabel-indicator`.
    var kind: ClassTargets.Kind
    /// The labels found in either target, sorted (`unique_labels(y_true, y_pred)`).
    var present: [ClassLabel]

    /// `withWeights`: the caller counts with a weight per sample, which scikit-learn's length
    /// check lists too (confusion_matrix makes one of ones).
    init(_ yTrue: Value, _ yPred: Value, withWeights: Bool = false) throws {
        truth = try ClassTargets(yTrue, name: "y_true")
        predicted = try ClassTargets(yPred, name: "y_pred")
        try Self.checkLengths([truth.count, predicted.count] + (withWeights ? [truth.count] : []))
        guard truth.count > 0 else {
            throw PyException(.valueError, "Found empty input array (e.g., `y_true` or `y_pred`) while a minimum of 1 sample is required.")
        }
        var kinds: Set<String> = [truth.kind.rawValue, predicted.kind.rawValue]
        if kinds == ["binary", "multiclass"] { kinds = ["multiclass"] }
        guard kinds.count == 1, let only = kinds.first, let kind = ClassTargets.Kind(rawValue: only) else {
            throw PyException(.valueError, "Classification metrics can't handle a mix of \(truth.kind.rawValue) and \(predicted.kind.rawValue) targets")
        }
        guard [.binary, .multiclass, .multilabelIndicator].contains(kind) else {
            throw PyException(.valueError, "\(kind.rawValue) is not supported")
        }
        let all = truth.labels + predicted.labels + (truth.rows + predicted.rows).flatMap { $0 }
        if all.contains(where: \.isString) && all.contains(where: { !$0.isString }) {
            let got = [truth, predicted].map { t in
                Self.arrayText(Set(t.labels + t.rows.flatMap { $0 }).sorted(), isFloat: t.isFloat)
            }
            throw PyException(.valueError, "Mix of label input types (string and number); Got \(got.joined(separator: " and ")).")
        }
        if kind == .multilabelIndicator {
            let width = truth.rows.first?.count ?? 0
            guard predicted.rows.first?.count == width else {
                throw PyException(.valueError, "Multi-label binary indicator input with different numbers of labels")
            }
            present = (0..<width).map { .int(Int64($0)) }
        } else {
            let widen = truth.isFloat || predicted.isFloat
            present = Set(all).sorted().map { widen ? $0.widened : $0 }
        }
        self.kind = kind == .binary && present.count > 2 ? .multiclass : kind
    }

    /// scikit-learn's `check_consistent_length`.
    static func checkLengths(_ lengths: [Int]) throws {
        guard Set(lengths).count <= 1 else {
            throw PyException(.valueError, "Found input variables with inconsistent numbers of samples: [\(lengths.map(String.init).joined(separator: ", "))]")
        }
    }

    /// The `labels=` argument as labels (nil when not given).
    static func labels(_ value: Value) throws -> [ClassLabel]? {
        if value.isNone { return nil }
        if case .list(let l) = value, l.items.isEmpty { return [] }
        let targets = try ClassTargets(value, name: "labels")
        return targets.labels.isEmpty ? targets.rows.flatMap { $0 } : targets.labels
    }

    /// Refuses multilabel targets where Labbook only handles one label per sample.
    func requireSingleLabel(_ function: String) throws {
        if kind == .multilabelIndicator {
            throw PyException(.notImplementedError, "Labbook's \(function) does not implement multilabel-indicator targets (2-d arrays of 0/1); "
                              + "pass one label per sample, e.g. y.argmax(axis=1)")
        }
    }

    /// The text NumPy prints for the present labels (`[0 1]`, `['a' 'b']`), as in
    /// scikit-learn's messages that show them.
    var presentText: String { Self.arrayText(present, isFloat: truth.isFloat || predicted.isFloat) }

    /// `str(np.array(labels))` for sorted labels.
    static func arrayText(_ labels: [ClassLabel], isFloat: Bool) -> String {
        if labels.contains(where: \.isString) {
            return "[" + labels.map { "'\($0.text)'" }.joined(separator: " ") + "]"
        }
        let storage: ArrayStorage = isFloat ? .float64(labels.map { $0.number ?? 0 }) : .int64(labels.map { Int64($0.number ?? 0) })
        return ArrayPrinter.str(NDArray(storage))
    }
}
