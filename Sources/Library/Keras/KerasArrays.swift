import CellLanguage
import Datasets
import NeuralEngine

/// The one place the keras module meets numpy arrays: what it accepts as data (anything
/// that is a `SampleSource`, or nested lists of numbers) and the arrays it returns
/// (`load_data`, `predict`, `get_weights`, `to_categorical`).
enum KerasArrays {
    // MARK: Reading

    /// `x`/`y` of `fit`, `evaluate`, `predict`: a numpy array, or nested Python lists/tuples
    /// of numbers (converted to float32, as `np.asarray` would).
    static func samples(_ value: Value, _ what: String) throws -> any SampleSource {
        if case .host(let h) = value, let source = h as? any SampleSource {
            guard !source.shape.isEmpty else {
                throw PyException(.valueError, "`\(what)` must have a sample axis, got a 0-d array")
            }
            return source
        }
        switch value {
        case .list, .tuple: return try tensor(fromNested: value, what)
        case .none: throw PyException(.valueError, "`\(what)` is None; pass a numpy array")
        default:
            throw PyException(.typeError, "`\(what)` must be a numpy array or a list of numbers, got \(Convert.describe(value))")
        }
    }

    /// Every element of an array-like as float32, with its shape.
    static func tensor(_ value: Value, _ what: String) throws -> Tensor {
        if case .host(let h) = value, let source = h as? any SampleSource, !source.shape.isEmpty {
            return contents(of: source)
        }
        switch value {
        case .list, .tuple: return try tensor(fromNested: value, what)
        default:
            if let d = value.asDouble { return Tensor(shape: [], scalars: [Float(d)]) }
            throw PyException(.typeError, "`\(what)` must be a numpy array or a list of numbers, got \(Convert.describe(value))")
        }
    }

    /// All of a source's elements, row-major, as float32.
    static func contents(of source: any SampleSource) -> Tensor {
        let n = source.shape.first ?? 0
        let width = source.shape.dropFirst().reduce(1, *)
        var scalars = [Float](repeating: 0, count: n * width)
        let rows = Array(0..<n)
        rows.withUnsafeBufferPointer { r in
            scalars.withUnsafeMutableBufferPointer { out in
                if let base = out.baseAddress { source.copyRows(r, to: base) }
            }
        }
        return Tensor(shape: source.shape, scalars: scalars)
    }

    private static func tensor(fromNested value: Value, _ what: String) throws -> Tensor {
        var shape: [Int] = []
        var scalars: [Float] = []
        func visit(_ v: Value, depth: Int) throws {
            let items: [Value]?
            switch v {
            case .list(let l): items = l.items
            case .tuple(let t): items = t
            default: items = nil
            }
            if let items {
                if depth == shape.count { shape.append(items.count) }
                guard depth < shape.count, shape[depth] == items.count else {
                    throw PyException(.valueError, "`\(what)`: the nested lists have different lengths (not a rectangular array)")
                }
                for item in items { try visit(item, depth: depth + 1) }
            } else {
                guard depth == shape.count, let d = v.asDouble else {
                    throw PyException(.valueError, "`\(what)`: expected numbers in nested lists of equal length, found \(Convert.describe(v))")
                }
                scalars.append(Float(d))
            }
        }
        try visit(value, depth: 0)
        guard shape.reduce(1, *) == scalars.count else {
            throw PyException(.valueError, "`\(what)`: not a rectangular array")
        }
        return Tensor(shape: shape, scalars: scalars)
    }

    // MARK: Making arrays

    /// A float32 numpy array.
    static func array(_ tensor: Tensor) -> Value { .host(NDArray(tensor)) }

    /// A uint8 numpy array (what `load_data` returns); shares the loader's bytes.
    static func array(_ bytes: UInt8Array) -> Value {
        .host(NDArray(shape: bytes.shape, storage: .uint8(bytes.bytes)))
    }

    /// An int64 numpy array (`predict_classes`).
    static func array(shape: [Int], int64 values: [Int]) -> Value {
        .host(NDArray(shape: shape, storage: .int64(values.map { Int64($0) })))
    }
}
