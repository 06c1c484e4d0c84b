/// `repr` and `str` of arrays exactly as NumPy 2 prints them with its default options
/// (`linewidth=75`, `threshold=1000`, `edgeitems=3`): nested brackets, elements padded to a
/// common width, lines wrapped with a hanging indent, `...` summaries of large arrays, and
/// `shape=`/`dtype=` suffixes where the text does not imply them.
///
///     ArrayPrinter.repr(x)   // "array([0.5 , 2.25], dtype=float32)"
///     ArrayPrinter.str(x)    // "[0.5  2.25]"
enum ArrayPrinter {
    static let lineWidth = 75
    static let threshold = 1000
    static let edgeItems = 3

    /// `repr(x)`: `array([1, 2, 3])`, `array([], shape=(0, 3), dtype=float64)`.
    static func repr(_ a: NDArray) -> String {
        let prefix = "array("
        let body = a.size == 0 ? "[]" : format(a, separator: ", ", prefix: prefix, suffixLength: 1)
        var extras: [String] = []
        if (a.size == 0 && a.shape != [0]) || a.size > threshold {
            extras.append("shape=" + shapeString(a.shape))
        }
        let implied: Set<DType> = [.int64, .float64, .bool]
        if !implied.contains(a.dtype) || a.size == 0 {
            extras.append("dtype=" + a.dtype.name)
        }
        if extras.isEmpty { return prefix + body + ")" }
        let text = prefix + body + ","
        let extra = extras.joined(separator: ", ") + ")"
        let lastLine = text.count - ((text.lastIndex(of: "\n").map { text.distance(from: text.startIndex, to: $0) } ?? -1) + 1)
        let spacer = lastLine + extra.count + 1 > lineWidth ? "\n" + String(repeating: " ", count: prefix.count) : " "
        return text + spacer + extra
    }

    /// `str(x)` / `print(x)`: `[1 2 3]`; a 0-d array prints as its scalar.
    static func str(_ a: NDArray) -> String {
        if a.ndim == 0 { return NumPyScalar.strText(a) }
        if a.size == 0 { return "[]" }
        return format(a, separator: " ", prefix: "", suffixLength: 0)
    }

    /// `(60000, 784)`, `(3,)`, `()`: a shape as Python prints the tuple.
    static func shapeString(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    // MARK: array2string

    private static func format(_ a: NDArray, separator: String, prefix: String, suffixLength: Int) -> String {
        let summarize = a.size > threshold
        let shown = shownIndices(a.shape, summarize: summarize)
        let element = elementFormatter(a.storage, shown: shown, zeroDimensional: a.ndim == 0)
        let strides = NDArray.strides(for: a.shape)
        let width = lineWidth - suffixLength
        return recurse(a, strides, element, index: [], offset: 0, hangingIndent: " " + String(repeating: " ", count: prefix.count),
                       currentWidth: width, separator: separator, summaryInsert: summarize ? "..." : "")
    }

    /// Flat indices of the elements that are printed (the corners of a summarised array).
    static func shownIndices(_ shape: [Int], summarize: Bool) -> [Int] {
        var result: [Int] = []
        let strides = NDArray.strides(for: shape)
        func visit(_ axis: Int, _ offset: Int) {
            if axis == shape.count { result.append(offset); return }
            let n = shape[axis]
            let positions: [Int] = summarize && n > 2 * edgeItems
                ? Array(0..<edgeItems) + Array((n - edgeItems)..<n) : Array(0..<n)
            for i in positions { visit(axis + 1, offset + i * strides[axis]) }
        }
        visit(0, 0)
        return result
    }

    /// The function printing one element (by flat index), with widths from the shown ones.
    static func elementFormatter(_ storage: ArrayStorage, shown: [Int], zeroDimensional: Bool) -> (Int) -> String {
        switch storage {
        case .bool(let values):
            let trueText = zeroDimensional ? "True" : " True"
            return { values[$0] ? trueText : "False" }
        case .float32(let values):
            let format = FloatingFormat(shown.map { Double(values[$0]) }, single: true)
            return { format.format(Double(values[$0])) }
        case .float64(let values):
            let format = FloatingFormat(shown.map { values[$0] }, single: false)
            return { format.format(values[$0]) }
        case .uint8, .int32, .int64, .uint64:
            let text: (Int) -> String
            switch storage {
            case .uint8(let v): text = { String(v[$0]) }
            case .int32(let v): text = { String(v[$0]) }
            case .uint64(let v): text = { String(v[$0]) }
            case .int64(let v): text = { String(v[$0]) }
            default: text = { _ in "" }
            }
            let width = shown.map { text($0).count }.max() ?? 0
            return { i in
                let s = text(i)
                return String(repeating: " ", count: max(width - s.count, 0)) + s
            }
        }
    }

    /// NumPy's `_formatArray` (non-legacy mode).
    private static func recurse(_ a: NDArray, _ strides: [Int], _ element: (Int) -> String, index: [Int], offset: Int,
                                hangingIndent: String, currentWidth: Int, separator: String,
                                summaryInsert: String) -> String {
        let axis = index.count
        let axesLeft = a.ndim - axis
        if axesLeft == 0 { return element(offset) }
        let nextHangingIndent = hangingIndent + " "
        let nextWidth = currentWidth - 1
        let length = a.shape[axis]
        let showSummary = !summaryInsert.isEmpty && 2 * edgeItems < length
        let leading = showSummary ? edgeItems : 0
        let trailing = showSummary ? edgeItems : length
        func child(_ i: Int) -> String {
            recurse(a, strides, element, index: index + [i], offset: offset + i * strides[axis],
                    hangingIndent: nextHangingIndent, currentWidth: nextWidth, separator: separator,
                    summaryInsert: summaryInsert)
        }
        var s = ""
        if axesLeft == 1 {
            let separatorWidth = separator.trimmingTrailingWhitespace().count
            let elementWidth = currentWidth - max(separatorWidth, 1)
            var line = hangingIndent
            for i in 0..<leading {
                extendPretty(&s, &line, child(i), elementWidth, hangingIndent)
                line += separator
            }
            if showSummary {
                extend(&s, &line, summaryInsert, elementWidth, hangingIndent)
                line += separator
            }
            if trailing > 1 {
                for i in stride(from: trailing, to: 1, by: -1) {
                    extendPretty(&s, &line, child(length - i), elementWidth, hangingIndent)
                    line += separator
                }
            }
            extendPretty(&s, &line, child(length - 1), elementWidth, hangingIndent)
            s += line
        } else {
            let lineSeparator = separator.trimmingTrailingWhitespace() + String(repeating: "\n", count: axesLeft - 1)
            for i in 0..<leading {
                s += hangingIndent + child(i) + lineSeparator
            }
            if showSummary {
                s += hangingIndent + summaryInsert + lineSeparator
            }
            if trailing > 1 {
                for i in stride(from: trailing, to: 1, by: -1) {
                    s += hangingIndent + child(length - i) + lineSeparator
                }
            }
            s += hangingIndent + child(length - 1)
        }
        return "[" + String(s.dropFirst(hangingIndent.count)) + "]"
    }

    private static func extend(_ s: inout String, _ line: inout String, _ word: String, _ width: Int, _ nextLinePrefix: String) {
        var needsWrap = line.count + word.count > width
        if line.count <= nextLinePrefix.count { needsWrap = false }
        if needsWrap {
            s += line.trimmingTrailingWhitespace() + "\n"
            line = nextLinePrefix
        }
        line += word
    }

    private static func extendPretty(_ s: inout String, _ line: inout String, _ word: String, _ width: Int,
                                     _ nextLinePrefix: String) {
        let words = word.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if words.count == 1 { extend(&s, &line, word, width, nextLinePrefix); return }
        let maxWordLength = words.map(\.count).max() ?? 0
        let indent: String
        if line.count + maxWordLength > width && line.count > nextLinePrefix.count {
            s += line.trimmingTrailingWhitespace() + "\n"
            line = nextLinePrefix + words[0]
            indent = nextLinePrefix
        } else {
            indent = String(repeating: " ", count: line.count)
            line += words[0]
        }
        for w in words.dropFirst() {
            s += line.trimmingTrailingWhitespace() + "\n"
            line = indent + w
        }
        line += String(repeating: " ", count: maxWordLength - (words.last?.count ?? 0))
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, let c = self[index(before: end)].unicodeScalars.first, c == " " || c == "\n" || c == "\t" {
            end = index(before: end)
        }
        return String(self[..<end])
    }
}
