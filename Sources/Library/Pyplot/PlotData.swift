import CellLanguage

/// Numbers handed to a plotting call, read the way `np.asarray` would read them: a number,
/// a (nested) list, tuple or range of numbers, a numpy array, or any iterable host object.
///
///     try PlotData.read(.list(PyList([.int(1), .float(2.5)])), interpreter)   // shape [2]
///     try PlotData.read(x_train[0], interpreter)                             // shape [28, 28]
struct PlotData {
    /// The extent of each axis; `[]` for a single number.
    var shape: [Int]
    /// The numbers, row-major.
    var values: [Double]

    /// `(3,)`, `(28, 28)`: the shape as NumPy prints it in messages.
    var shapeText: String { PlotData.describe(shape) }

    static func describe(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// Reads `value` as an array of numbers; raises TypeError for text or None and
    /// ValueError for ragged nesting (NumPy's "inhomogeneous shape" message).
    static func read(_ value: Value, _ interpreter: Interpreter) throws -> PlotData {
        if let number = value.asDouble, !isContainer(value) { return PlotData(shape: [], values: [number]) }
        switch value {
        case .none, .str, .dict, .set, .function, .builtin, .boundMethod, .module, .exception, .type:
            throw PyException(.typeError, "Labbook's pyplot plots numbers, not '\(value.typeName)' values")
        case .host(let host):
            if let array = host as? NDArray {
                return PlotData(shape: array.shape, values: array.storage.asFloat64())
            }
        default: break
        }
        let items = try interpreter.toArray(value)
        // The common case, a flat list of numbers, without recursion.
        var flat: [Double] = []
        flat.reserveCapacity(items.count)
        for item in items {
            guard let number = item.asDouble, !isContainer(item) else { break }
            flat.append(number)
        }
        if flat.count == items.count { return PlotData(shape: [items.count], values: flat) }
        let parts = try items.map { try read($0, interpreter) }
        let inner = parts.first?.shape ?? []
        if parts.contains(where: { $0.shape != inner }) {
            throw PyException(.valueError, "setting an array element with a sequence. The requested array has an "
                + "inhomogeneous shape after 1 dimensions. The detected shape was (\(items.count),) + inhomogeneous part.")
        }
        return PlotData(shape: [items.count] + inner, values: parts.flatMap(\.values))
    }

    /// A host object that is an array (a 0-d numpy array still counts as a number).
    private static func isContainer(_ value: Value) -> Bool {
        if case .host(let host) = value, let array = host as? NDArray { return array.ndim > 0 }
        return false
    }

    /// The numbers as one series; a single number is a series of one. Raises ValueError for
    /// 2-D and higher data where only a sequence makes sense.
    func series(_ what: String) throws -> [Double] {
        guard shape.count <= 1 else {
            throw PyException(.valueError, "\(what) must be 1-dimensional, but has shape \(shapeText)")
        }
        return values
    }

    /// The columns of 2-D data (matplotlib draws one line per column); 1-D data is one column.
    func columns() throws -> [[Double]] {
        switch shape.count {
        case 0, 1: return [values]
        case 2:
            let rows = shape[0], count = shape[1]
            return (0..<count).map { c in (0..<rows).map { r in values[r * count + c] } }
        default:
            throw PyException(.valueError, "x and y can be no greater than 2D, but have shapes \(shapeText)")
        }
    }

    /// The rows of 2-D data, for `imshow`.
    func rows() -> [[Double]] {
        guard shape.count == 2 else { return [values] }
        let count = shape[1]
        return (0..<shape[0]).map { r in Array(values[(r * count)..<((r + 1) * count)]) }
    }

    /// The value as a number (`linewidth=2`), or a TypeError naming the parameter.
    static func number(_ value: Value, _ name: String) throws -> Double {
        guard let number = value.asDouble else {
            throw PyException(.typeError, "\(name) must be a number, not '\(value.typeName)'")
        }
        return number
    }

    /// The value as an integer (`bins=10`), or a TypeError naming the parameter.
    static func integer(_ value: Value, _ name: String) throws -> Int {
        guard let integer = value.asInt else {
            throw PyException(.typeError, "\(name) must be an integer, not '\(value.typeName)'")
        }
        return integer
    }

    /// Text arguments (`title`, labels): str as is, anything else as `str(x)`, like matplotlib.
    static func text(_ value: Value) -> String { value.str }
}

extension PlotData {
    /// The items of an iterable as texts (`['a', 'b']`, `range(3)` gives `'0'`, `'1'`, `'2'`).
    static func textList(_ value: Value) throws -> [String] {
        switch value {
        case .list(let list): return list.items.map(text)
        case .tuple(let items): return items.map(text)
        default: throw PyException(.typeError, "labels must be a list of strings, not '\(value.typeName)'")
        }
    }
}
