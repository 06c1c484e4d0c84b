/// A lexical token of the cell language, with where it starts in the cell.
///
/// Lines are 1-based (as in tracebacks); columns are 0-based offsets in Unicode scalars,
/// as CPython's `SyntaxError.offset - 1`.
struct Token: Equatable {
    var kind: TokenKind
    var line: Int
    var column: Int
}

/// The closed set of token kinds.
enum TokenKind: Equatable {
    /// An identifier that is not a keyword.
    case name(String)
    /// A reserved word (`if`, `def`, `None`, ...).
    case keyword(String)
    case int(Int)
    case float(Double)
    /// One string literal (adjacent literals are joined by the parser).
    case string(StringLiteral)
    /// An operator or delimiter: `+`, `**=`, `(`, `:`, `->`, ...
    case op(String)
    case newline
    case indent
    case dedent
    case endOfInput

    /// How CPython would name this token in an error message.
    var display: String {
        switch self {
        case .name(let n), .keyword(let n), .op(let n): return n
        case .int(let v): return String(v)
        case .float(let v): return String(v)
        case .string: return "string"
        case .newline: return "newline"
        case .indent: return "indent"
        case .dedent: return "dedent"
        case .endOfInput: return "end of input"
        }
    }
}

/// A string literal: plain text, or for f-strings text interleaved with replacement fields.
struct StringLiteral: Equatable {
    var pieces: [StringPiece]
    var isFString: Bool
}

/// A piece of an f-string: literal text or a `{expression!conversion:spec}` field.
enum StringPiece: Equatable {
    case text(String)
    case field(FormatField)
}

/// One replacement field of an f-string, still as source text; the parser parses `source`.
struct FormatField: Equatable {
    /// The expression's source text.
    var source: String
    var line: Int
    var column: Int
    /// `r`, `s` or `a` after `!`.
    var conversion: Character?
    /// The format spec after `:`, itself possibly holding nested fields (`{x:{width}}`).
    var spec: [StringPiece]?
    /// For `f'{x=}'`: the text `x=` that precedes the value.
    var debugText: String?
}

/// Python's reserved words.
let pythonKeywords: Set<String> = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield",
]
