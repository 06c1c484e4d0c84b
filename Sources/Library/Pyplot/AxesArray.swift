import CellLanguage

/// The numpy object array of axes that `plt.subplots(rows, columns)` returns: 1-D for a
/// single row or column, 2-D otherwise. Indexing, iteration, `len`, `.flat`, `.flatten()`
/// and `.shape` behave as numpy's do.
///
///     fig, axes = plt.subplots(2, 2)
///     axes[0, 1].plot(y)           # one axes
///     for ax in axes.flat: ...     # all four, row by row
///     axes        # array([[<Axes: >, <Axes: >],
///                 #        [<Axes: >, <Axes: >]], dtype=object)
final class AxesArray: HostObject {
    let shape: [Int]
    /// Row-major.
    let items: [AxesObject]

    init(shape: [Int], items: [AxesObject]) {
        self.shape = shape
        self.items = items
    }

    var typeName: String { "ndarray" }

    var repr: String {
        ObjectArrayFormat.repr(items.map(\.repr), shape: shape)
    }

    func length() throws -> Int { shape[0] }

    func iterate(_ interpreter: Interpreter) throws -> PyIterator {
        PyIterator("iterator", values: (0..<shape[0]).map { element($0) })
    }

    /// Row `i` of a 2-D array, item `i` of a 1-D one.
    private func element(_ i: Int) -> Value {
        guard shape.count == 2 else { return .host(items[i]) }
        let columns = shape[1]
        return .host(AxesArray(shape: [columns], items: Array(items[(i * columns)..<((i + 1) * columns)])))
    }

    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value {
        let keys: [Value]
        if case .tuple(let parts) = key { keys = parts } else { keys = [key] }
        guard keys.count <= shape.count else {
            throw PyException(.indexError, "too many indices for array: array is \(shape.count)-dimensional, but \(keys.count) were indexed")
        }
        // Positions selected along each axis; nil marks an axis indexed by an integer (dropped).
        var selections: [[Int]] = []
        var kept: [Bool] = []
        for (axis, size) in shape.enumerated() {
            let part = axis < keys.count ? keys[axis] : .slice(PySlice())
            if case .slice(let slice) = part {
                selections.append(Array(try slice.positions(length: size)))
                kept.append(true)
            } else if let i = part.asInt {
                let position = i < 0 ? i + size : i
                guard position >= 0 && position < size else {
                    throw PyException(.indexError, "index \(i) is out of bounds for axis \(axis) with size \(size)")
                }
                selections.append([position])
                kept.append(false)
            } else {
                throw PyException(.indexError, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
                    + "integer or boolean arrays are valid indices")
            }
        }
        var picked: [AxesObject] = []
        if shape.count == 1 {
            picked = selections[0].map { items[$0] }
        } else {
            for r in selections[0] { for c in selections[1] { picked.append(items[r * shape[1] + c]) } }
        }
        let newShape = zip(selections, kept).filter(\.1).map(\.0.count)
        if newShape.isEmpty, let only = picked.first { return .host(only) }
        return .host(AxesArray(shape: newShape, items: picked))
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "flat": return .host(AxesArray(shape: [items.count], items: items))
        case "shape": return .tuple(shape.map { .int($0) })
        case "ndim": return .int(shape.count)
        case "size": return .int(items.count)
        case "flatten", "ravel":
            return .builtin(BuiltinFunction(name) { _, _ in .host(AxesArray(shape: [self.items.count], items: self.items)) })
        case "tolist":
            return .builtin(BuiltinFunction(name) { _, interpreter in
                guard self.shape.count == 2 else { return .list(PyList(self.items.map { .host($0) })) }
                return .list(PyList((0..<self.shape[0]).map { r in
                    .list(PyList(self.items[(r * self.shape[1])..<((r + 1) * self.shape[1])].map { .host($0) }))
                }))
            })
        default: throw attributeError(name)
        }
    }
}

/// numpy's repr of an object array: `array([a, b], dtype=object)`, lines wrapped at 75
/// columns with numpy's hanging indents.
enum ObjectArrayFormat {
    static let lineWidth = 75

    static func repr(_ elements: [String], shape: [Int]) -> String {
        let prefix = "array("
        let indent = String(repeating: " ", count: prefix.count + 1)
        // array2string leaves room for the "," that follows the data.
        let body = format(elements[...], shape: shape[...], hangingIndent: indent, width: lineWidth - 1)
        let text = prefix + body + ","
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last.map(\.count) ?? 0
        let dtype = "dtype=object)"
        let spacer = lastLine + dtype.count + 1 > lineWidth ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return text + spacer + dtype
    }

    /// numpy's `_formatArray` for one (sub)array, without summarisation.
    private static func format(_ elements: ArraySlice<String>, shape: ArraySlice<Int>,
                               hangingIndent: String, width: Int) -> String {
        guard let count = shape.first else { return elements.first ?? "" }
        let inner = shape.dropFirst()
        let innerSize = inner.reduce(1, *)
        let nextIndent = hangingIndent + " "
        var text = ""
        if inner.isEmpty {
            let elementWidth = width - max(",".count, "]".count)
            var line = hangingIndent
            for (i, word) in elements.enumerated() {
                if line.count + word.count > elementWidth && line.count > hangingIndent.count {
                    text += trailingTrimmed(line) + "\n"
                    line = hangingIndent
                }
                line += word
                if i < count - 1 { line += ", " }
            }
            text += line
        } else {
            let separator = "," + String(repeating: "\n", count: inner.count)
            for i in 0..<count {
                let start = elements.startIndex + i * innerSize
                let nested = format(elements[start..<(start + innerSize)], shape: inner,
                                    hangingIndent: nextIndent, width: width - 1)
                text += hangingIndent + nested + (i < count - 1 ? separator : "")
            }
        }
        return "[" + text.dropFirst(hangingIndent.count) + "]"
    }

    private static func trailingTrimmed(_ line: String) -> String {
        var s = Substring(line)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
