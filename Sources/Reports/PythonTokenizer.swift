/// One piece of Python source, classified for syntax highlighting.
///
/// Tokenizing is lossless: the texts of `PythonTokenizer.tokens(source)` joined together are
/// exactly `source`, whatever it holds (unterminated strings, stray characters, tabs, CRLF).
public struct PythonToken: Sendable, Equatable {
    /// What a highlighter should colour the token as.
    public enum Kind: Sendable, Equatable {
        /// `def`, `for`, `and`, `lambda`...
        case keyword
        /// `True`, `False`, `None`.
        case constant
        /// `print`, `len`, `range`, `ValueError`... when not after a `.`.
        case builtin
        /// The name right after `def` or `class`.
        case definition
        /// Any other identifier.
        case name
        /// A string literal or the literal text of an f-string (prefix and quotes included).
        case string
        /// The `{` and `}` (with conversion and format spec) around an f-string field.
        case interpolation
        case number
        case comment
        /// `+`, `**=`, `==`, `->`...
        case `operator`
        /// `( ) [ ] { } , : ; .`
        case punctuation
        /// Spaces, tabs, newlines and line-continuation backslashes.
        case whitespace
        /// Anything Python would reject (`$`, `?`, a stray backslash): kept, not coloured.
        case other
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// A small, forgiving Python tokenizer for highlighting cell sources.
///
///     PythonTokenizer.tokens("x = f'{a!r}'  # hi")
///     // name "x", whitespace, operator "=", whitespace, string "f'", interpolation "{",
///     // name "a", interpolation "!r}", string "'", whitespace, comment "# hi"
///
/// It never fails: text it does not understand becomes `.other` tokens.
public enum PythonTokenizer {
    public static func tokens(_ source: String) -> [PythonToken] {
        var scanner = Scanner(Array(source.unicodeScalars))
        scanner.scan(0, scanner.scalars.count)
        return scanner.tokens
    }

    static let keywords: Set<String> = [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
        "with", "yield",
    ]

    static let constants: Set<String> = ["True", "False", "None"]

    static let builtins: Set<String> = [
        "abs", "all", "any", "ascii", "bin", "bool", "breakpoint", "bytearray", "bytes",
        "callable", "chr", "classmethod", "compile", "complex", "delattr", "dict", "dir",
        "divmod", "enumerate", "eval", "exec", "filter", "float", "format", "frozenset",
        "getattr", "globals", "hasattr", "hash", "help", "hex", "id", "input", "int",
        "isinstance", "issubclass", "iter", "len", "list", "locals", "map", "max", "min",
        "next", "object", "oct", "open", "ord", "pow", "print", "property", "range", "repr",
        "reversed", "round", "set", "setattr", "slice", "sorted", "staticmethod", "str", "sum",
        "super", "tuple", "type", "vars", "zip", "self", "cls", "__name__",
        "ArithmeticError", "AssertionError", "AttributeError", "BaseException", "Exception",
        "ImportError", "IndexError", "KeyError", "KeyboardInterrupt", "LookupError",
        "ModuleNotFoundError", "NameError", "NotImplemented", "NotImplementedError", "OSError",
        "OverflowError", "RecursionError", "RuntimeError", "StopIteration", "SyntaxError",
        "TypeError", "UnboundLocalError", "ValueError", "ZeroDivisionError", "Ellipsis",
    ]

    static let stringPrefixes: Set<String> = ["r", "u", "b", "f", "br", "rb", "fr", "rf"]
}

/// The tokenizer's state: the source as Unicode scalars (so every slice is exact) and the
/// tokens so far. Every scanning step consumes at least one scalar, so it always ends.
private struct Scanner {
    let scalars: [Unicode.Scalar]
    var tokens: [PythonToken] = []

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    func at(_ i: Int, _ end: Int) -> Unicode.Scalar? { i < end ? scalars[i] : nil }

    func text(_ from: Int, _ to: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[from..<to])
        return String(s)
    }

    mutating func emit(_ kind: PythonToken.Kind, _ from: Int, _ to: Int) {
        guard from < to else { return }
        tokens.append(PythonToken(kind, text(from, to)))
    }

    /// The last token that is not whitespace, to classify names after `.`, `def`, `class`.
    var previousSignificant: PythonToken? { tokens.last { $0.kind != .whitespace } }

    /// Tokenizes `scalars[start..<end]`.
    mutating func scan(_ start: Int, _ end: Int) {
        var i = start
        while i < end {
            let c = scalars[i]
            let next = i
            switch c {
            case "#":
                var j = i
                while j < end, scalars[j] != "\n", scalars[j] != "\r" { j += 1 }
                emit(.comment, i, j); i = j
            case "\"", "'":
                i = scanString(prefixStart: i, quoteAt: i, end)
            case " ", "\t", "\n", "\r", "\u{0C}":
                var j = i
                while j < end, Self.isSpace(scalars[j]) || isContinuation(j, end) { j += 1 }
                emit(.whitespace, i, j); i = j
            case "\\":
                if isContinuation(i, end) {
                    var j = i
                    while j < end, Self.isSpace(scalars[j]) || isContinuation(j, end) { j += 1 }
                    emit(.whitespace, i, j); i = j
                } else {
                    emit(.other, i, i + 1); i += 1
                }
            case "0"..."9":
                i = scanNumber(i, end)
            case ".":
                if let d = at(i + 1, end), ("0"..."9").contains(d) {
                    i = scanNumber(i, end)
                } else {
                    emit(.punctuation, i, i + 1); i += 1
                }
            case "(", ")", "[", "]", "{", "}", ",", ":", ";":
                emit(.punctuation, i, i + 1); i += 1
            default:
                if Self.isOperator(c) {
                    var j = i
                    while j < end, Self.isOperator(scalars[j]) { j += 1 }
                    emit(.operator, i, j); i = j
                } else if Self.isIdentifierStart(c) {
                    i = scanWord(i, end)
                } else {
                    emit(.other, i, i + 1); i += 1
                }
            }
            assert(i > next, "the scanner must always advance")
        }
    }

    /// A backslash followed by a line break joins lines: it belongs with the whitespace.
    func isContinuation(_ i: Int, _ end: Int) -> Bool {
        scalars[i] == "\\" && (at(i + 1, end) == "\n" || at(i + 1, end) == "\r")
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}"
    }

    static func isOperator(_ c: Unicode.Scalar) -> Bool {
        "+-*/%@&|^~<>=!".unicodeScalars.contains(c)
    }

    static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
            || (c.value >= 0x80 && !c.properties.isWhitespace)
    }

    static func isIdentifierContinue(_ c: Unicode.Scalar) -> Bool {
        isIdentifierStart(c) || ("0"..."9").contains(c)
    }

    mutating func scanWord(_ start: Int, _ end: Int) -> Int {
        var j = start
        while j < end, Self.isIdentifierContinue(scalars[j]) { j += 1 }
        let word = text(start, j)
        if let q = at(j, end), q == "\"" || q == "'",
            PythonTokenizer.stringPrefixes.contains(word.lowercased())
        {
            return scanString(prefixStart: start, quoteAt: j, end)
        }
        let previous = previousSignificant
        let kind: PythonToken.Kind
        if previous?.kind == .keyword, previous?.text == "def" || previous?.text == "class" {
            kind = .definition
        } else if previous?.text == "." {
            kind = .name
        } else if PythonTokenizer.keywords.contains(word) {
            kind = .keyword
        } else if PythonTokenizer.constants.contains(word) {
            kind = .constant
        } else if PythonTokenizer.builtins.contains(word) {
            kind = .builtin
        } else {
            kind = .name
        }
        emit(kind, start, j)
        return j
    }

    mutating func scanNumber(_ start: Int, _ end: Int) -> Int {
        var j = start
        let isHex = scalars[start] == "0" && (at(start + 1, end) == "x" || at(start + 1, end) == "X")
        while j < end {
            let c = scalars[j]
            if Self.isIdentifierContinue(c) && c.value < 0x80 || c == "." {
                j += 1
            } else if (c == "+" || c == "-"), !isHex, j > start,
                scalars[j - 1] == "e" || scalars[j - 1] == "E"
            {
                j += 1
            } else {
                break
            }
        }
        emit(.number, start, j)
        return j
    }

    /// Where the string literal whose opening quote is at `quoteAt` ends (one past its closing
    /// quote; before the line break for an unterminated one-line string; `end` otherwise).
    func stringEnd(quoteAt q: Int, _ end: Int) -> (bodyStart: Int, bodyEnd: Int, end: Int) {
        let quote = scalars[q]
        let triple = at(q + 1, end) == quote && at(q + 2, end) == quote
        var j = q + (triple ? 3 : 1)
        let bodyStart = j
        while j < end {
            let c = scalars[j]
            if c == "\\" {
                j += 2
                continue
            }
            if triple {
                if c == quote, at(j + 1, end) == quote, at(j + 2, end) == quote { return (bodyStart, j, j + 3) }
            } else {
                if c == quote { return (bodyStart, j, j + 1) }
                if c == "\n" || c == "\r" { return (bodyStart, j, j) }
            }
            j += 1
        }
        return (bodyStart, end, end)
    }

    mutating func scanString(prefixStart: Int, quoteAt q: Int, _ end: Int) -> Int {
        let (bodyStart, bodyEnd, stringEnd) = stringEnd(quoteAt: q, end)
        let prefix = text(prefixStart, q).lowercased()
        guard prefix.contains("f") else {
            emit(.string, prefixStart, stringEnd)
            return stringEnd
        }
        scanFStringBody(literalStart: prefixStart, bodyStart, bodyEnd)
        emit(.string, bodyEnd, stringEnd)
        return stringEnd
    }

    /// Splits an f-string's body into literal text and `{expression!conversion:spec}` fields,
    /// tokenizing each expression as Python.
    mutating func scanFStringBody(literalStart: Int, _ start: Int, _ end: Int) {
        var literal = literalStart
        var i = start
        while i < end {
            let c = scalars[i]
            if c == "\\" {
                i += 2
            } else if (c == "{" || c == "}"), at(i + 1, end) == c {
                i += 2
            } else if c == "{" {
                emit(.string, literal, i)
                i = scanField(openAt: i, end)
                literal = i
            } else {
                i += 1
            }
        }
        emit(.string, literal, min(i, end))
    }

    /// Tokenizes one f-string field and returns the index just past its closing brace.
    mutating func scanField(openAt open: Int, _ end: Int) -> Int {
        emit(.interpolation, open, open + 1)
        var depth = 0
        var j = open + 1
        var expressionEnd: Int?
        while j < end {
            let c = scalars[j]
            if c == "'" || c == "\"" {
                j = max(stringEnd(quoteAt: j, end).end, j + 1)
                continue
            }
            if "([{".unicodeScalars.contains(c) { depth += 1 }
            if ")]".unicodeScalars.contains(c) { depth = max(0, depth - 1) }
            if c == "}" {
                if depth == 0 { break }
                depth -= 1
            }
            if depth == 0, expressionEnd == nil {
                if c == "!", at(j + 1, end) != "=" { expressionEnd = j }
                if c == ":" { expressionEnd = j }
            }
            j += 1
        }
        let close = j  // the closing brace, or `end` when there is none
        let exprEnd = expressionEnd ?? close
        scan(open + 1, exprEnd)
        let fieldEnd = close < end ? close + 1 : end
        emit(.interpolation, exprEnd, fieldEnd)
        return fieldEnd
    }
}
