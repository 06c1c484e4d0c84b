/// IPython line magics in cells pasted from Jupyter. `%matplotlib inline` (and any other
/// `%matplotlib` backend line) is accepted and ignored — figures are always shown inline —
/// so such notebooks run unchanged; any other magic or shell escape is a clear SyntaxError.
enum Magics {
    /// The source with ignorable magic lines blanked (line numbers are kept), or the error
    /// for the first magic Labbook does not accept.
    static func neutralise(_ source: String) throws(SyntaxErrorInfo) -> String {
        guard source.contains("%") || source.contains("!") else { return source }
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        for (index, line) in lines.enumerated() {
            guard let first = line.first, first == "%" || first == "!" else { continue }
            if line.hasPrefix("%matplotlib") {
                lines[index] = ""
                changed = true
                continue
            }
            let name = line.prefix { !$0.isWhitespace }
            throw SyntaxErrorInfo.unsupported(
                "IPython magics and shell escapes ('\(name)') are", line: index + 1, column: 0)
        }
        return changed ? lines.joined(separator: "\n") : source
    }
}
