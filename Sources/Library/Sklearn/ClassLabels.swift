import CellLanguage

/// One class label as scikit-learn sees it: a number (int, float, bool) or a string.
/// Labels sort as `np.unique` sorts them (numbers by value, strings by code point).
enum ClassLabel: Hashable, Comparable {
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case str(String)

    var isString: Bool { if case .str = self { return true } else { return false } }

    /// The label as a number (strings have none).
    var number: Double? {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .str: return nil
        }
    }

    /// `'%s' % label`, as classification_report names its rows.
    var text: String {
        switch self {
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return PyFormat.repr(d)
        case .str(let s): return s
        }
    }

    /// The label as a Python value (a dict key of `output_dict=True`, a list element).
    var value: Value {
        switch self {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .float(let d): return .float(d)
        case .str(let s): return .str(s)
        }
    }

    /// The same label widened to a float, when the other target holds floats
    /// (NumPy promotes `[0, 1]` and `[0.0, 1.0]` to one float array).
    var widened: ClassLabel {
        switch self {
        case .bool, .int: return .float(number ?? 0)
        case .float, .str: return self
        }
    }

    static func < (a: ClassLabel, b: ClassLabel) -> Bool {
        switch (a, b) {
        case (.str(let x), .str(let y)): return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        case (.str, _): return false
        case (_, .str): return true
        default: return (a.number ?? 0) < (b.number ?? 0)
        }
    }

    static func == (a: ClassLabel, b: ClassLabel) -> Bool {
        switch (a, b) {
        case (.str(let x), .str(let y)): return x == y
        case (.str, _), (_, .str): return false
        default: return a.number == b.number
        }
    }

    func hash(into hasher: inout Hasher) {
        if case .str(let s) = self { hasher.combine(s) } else { hasher.combine(number ?? 0) }
    }
}

/// A target array (`y_true`, `y_pred`, `labels`, `stratify`) read from a cell value, with the
/// kind `sklearn.utils.multiclass.type_of_target` gives it.
struct ClassTargets {
    /// scikit-learn's names for what a target holds.
    enum Kind: String {
        case binary, multiclass, continuous
        case multilabelIndicator = "multilabel-indicator"
        case multiclassMultioutput = "multiclass-multioutput"
        case continuousMultioutput = "continuous-multioutput"
    }

    /// One label per sample (1-d targets and `(n, 1)` columns); empty for 2-d kinds.
    var labels: [ClassLabel]
    /// Rows of a 2-d target with several columns (only accuracy reads them).
    var rows: [[ClassLabel]]
    var kind: Kind
    /// Whether the target is a float array (its labels print as `1.0`).
    var isFloat: Bool

    var count: Int { rows.isEmpty ? labels.count : rows.count }

    /// Reads a list, tuple or numpy array of labels.
    init(_ value: Value, name: String) throws {
        let items: [Value]?
        switch value {
        case .list(let l): items = l.items
        case .tuple(let t): items = t
        default: items = nil
        }
        if let items, !items.isEmpty, items.allSatisfy({ if case .str = $0 { return true } else { return false } }) {
            labels = items.map { if case .str(let s) = $0 { return .str(s) } else { return .str("") } }
            rows = []
            isFloat = false
            kind = Set(labels).count > 2 ? .multiclass : .binary
            return
        }
        let array: NDArray
        do {
            array = try ArrayConversion.array(from: value, dtype: nil)
        } catch {
            throw PyException(.typeError, "\(name) must be a list or a numpy array of labels (numbers or strings), got \(value.typeName)")
        }
        isFloat = array.dtype.isFloat
        let storage = array.storage
        let elements: [ClassLabel] = (0..<storage.count).map { i in
            switch array.dtype {
            case .bool: return .bool(storage.integer(at: i) != 0)
            case .float32, .float64: return .float(storage.double(at: i))
            default: return .int(storage.integer(at: i) ?? 0)
            }
        }
        switch array.ndim {
        case 0:
            throw PyException(.typeError, "Singleton array array(\(elements.first?.text ?? "")) cannot be considered a valid collection.")
        case 1:
            labels = elements
            rows = []
        case 2 where array.shape[1] == 1:
            labels = elements
            rows = []
        case 2:
            let width = array.shape[1]
            labels = []
            rows = stride(from: 0, to: elements.count, by: width).map { Array(elements[$0..<($0 + width)]) }
        default:
            throw PyException(.valueError, "y should be a 1d array, got an array of shape \(Self.shapeText(array.shape)) instead.")
        }
        kind = Self.kind(labels: labels, rows: rows, isFloat: isFloat)
    }

    private static func kind(labels: [ClassLabel], rows: [[ClassLabel]], isFloat: Bool) -> Kind {
        let all = rows.isEmpty ? labels : rows.flatMap { $0 }
        let continuous = isFloat && all.contains { ($0.number ?? 0).rounded(.towardZero) != $0.number }
        if !rows.isEmpty {
            if continuous { return .continuousMultioutput }
            return Set(all).isSubset(of: [.int(0), .int(1)]) ? .multilabelIndicator : .multiclassMultioutput
        }
        if continuous { return .continuous }
        return Set(labels).count > 2 ? .multiclass : .binary
    }

    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }
}
