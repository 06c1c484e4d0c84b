/// A syntax error found while reading a cell: `SyntaxError` or `IndentationError`, with
/// the 1-based line and 0-based column CPython would point its caret at.
struct SyntaxErrorInfo: Error, Equatable {
    var typeName: String
    var message: String
    var line: Int
    var column: Int

    init(_ message: String, line: Int, column: Int, typeName: String = "SyntaxError") {
        self.typeName = typeName
        self.message = message
        self.line = line
        self.column = column
    }

    /// The error for a construct outside Labbook's subset, e.g. `'match' statements`.
    static func unsupported(_ construct: String, line: Int, column: Int) -> SyntaxErrorInfo {
        SyntaxErrorInfo("\(construct) not supported in Labbook cells", line: line, column: column)
    }
}
