import CellLanguage

/// The warnings Labbook's scikit-learn functions give, printed as CPython prints a warning
/// (`file:line: Category: message`, then the source line that warned), with the file named
/// from the package folder (`sklearn/metrics/_classification.py`) instead of an install
/// path, and the line numbers of scikit-learn 1.9.1. scikit-learn repeats them at every
/// call, and so does Labbook.
enum SklearnWarning {
    /// A precision, recall or F-score divided by zero (`zero_division="warn"`).
    case undefinedMetric(metric: String, modifier: String, single: Bool)
    /// `pos_label` given with an average other than `'binary'`.
    case posLabelIgnored(posLabel: String, average: String)
    /// A confusion matrix of one label.
    case singleLabel
    /// classification_report's `labels` and `target_names` differ in length.
    case targetNamesSize(labels: Int, names: Int)

    private static let classification = "sklearn/metrics/_classification.py"

    /// The two lines CPython's `warnings.showwarning` writes.
    var text: String {
        switch self {
        case .undefinedMetric(let metric, let modifier, let single):
            let start = metric.prefix(1).uppercased() + metric.dropFirst()
            let place = single ? "due to" : "in labels with"
            return Self.format(1879, "UndefinedMetricWarning",
                               "\(start) is ill-defined and being set to 0.0 \(place) no \(modifier) samples. "
                               + "Use `zero_division` parameter to control this behavior.",
                               #"_warn_prf(average, modifier, f"{metric.capitalize()} is", result.shape[0])"#)
        case .posLabelIgnored(let posLabel, let average):
            return Self.format(1929, "UserWarning", "Note that pos_label (set to \(posLabel)) is ignored when average != 'binary' "
                               + "(got \(average)). You may use labels=[pos_label] to specify a single positive class.", "warnings.warn(")
        case .singleLabel:
            return Self.format(614, "UserWarning", "A single label was found in 'y_true' and 'y_pred'. For the confusion matrix "
                               + "to have the correct shape, use the 'labels' parameter to pass all known labels.", "warnings.warn(")
        case .targetNamesSize(let labels, let names):
            return Self.format(3106, "UserWarning", "labels size, \(labels), does not match size of target_names, \(names)", "warnings.warn(")
        }
    }

    private static func format(_ line: Int, _ category: String, _ message: String, _ source: String) -> String {
        "\(classification):\(line): \(category): \(message)\n  \(source)\n"
    }

    /// Writes the warning into the cell's output, where Jupyter shows stderr.
    func show(_ interpreter: Interpreter) {
        interpreter.write(text)
    }
}
