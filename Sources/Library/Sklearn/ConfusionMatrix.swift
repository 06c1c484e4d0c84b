import CellLanguage

/// `sklearn.metrics.confusion_matrix`: counts of (true label, predicted label) over the
/// sorted labels (or `labels=`, in its order), as an int64 array; with `normalize=` the
/// rows (`'true'`), columns (`'pred'`) or whole (`'all'`) divided to sum to one, as float64.
enum ConfusionMatrix {
    static func compute(_ b: BoundArguments, warn: (SklearnWarning) -> Void) throws -> Value {
        let normalize: String?
        switch b["normalize"] {
        case .none: normalize = nil
        case .str(let s) where ["true", "pred", "all"].contains(s): normalize = s
        case let other:
            throw PyException(.valueError, "The 'normalize' parameter of confusion_matrix must be a str among {'all', 'pred', 'true'} "
                              + "or None. Got \(other.repr) instead.")
        }
        let pair = try TargetPair(b["y_true"], b["y_pred"], withWeights: true)
        guard pair.kind != .multilabelIndicator else { throw PyException(.valueError, "multilabel-indicator is not supported") }
        let labels: [ClassLabel]
        if let given = try TargetPair.labels(b["labels"]) {
            guard !given.isEmpty else { throw PyException(.valueError, "'labels' should contain at least one label.") }
            guard !Set(given).isDisjoint(with: pair.truth.labels) else {
                throw PyException(.valueError, "At least one label specified must be in y_true")
            }
            labels = given
        } else {
            labels = pair.present
        }
        let n = labels.count
        let index = Dictionary(labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var counts = [Int64](repeating: 0, count: n * n)
        for (t, p) in zip(pair.truth.labels, pair.predicted.labels) {
            if let i = index[t], let j = index[p] { counts[i * n + j] += 1 }
        }
        let result: NDArray
        if let normalize {
            result = NDArray(shape: [n, n], storage: .float64(normalized(counts, n, normalize)))
        } else {
            result = NDArray(shape: [n, n], storage: .int64(counts))
        }
        if n == 1 { warn(.singleLabel) }
        return .host(result)
    }

    /// Counts over their row, column or total sum; a zero sum gives zeros (NumPy's nan,
    /// then `nan_to_num`).
    private static func normalized(_ counts: [Int64], _ n: Int, _ how: String) -> [Double] {
        let c = counts.map(Double.init)
        let total = c.reduce(0, +)
        return (0..<(n * n)).map { k in
            let i = k / n, j = k % n
            let divisor: Double
            switch how {
            case "true": divisor = (0..<n).reduce(0) { $0 + c[i * n + $1] }
            case "pred": divisor = (0..<n).reduce(0) { $0 + c[$1 * n + j] }
            default: divisor = total
            }
            return divisor == 0 ? 0 : c[k] / divisor
        }
    }
}
