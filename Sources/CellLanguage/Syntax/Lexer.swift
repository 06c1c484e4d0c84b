/// Turns cell source into tokens following Python's rules: INDENT/DEDENT from leading
/// whitespace, implicit line joining inside brackets, backslash continuation, comments,
/// every string and number form of the subset.
///
///     try Lexer("x = 1\n").tokenize()   // name(x) op(=) int(1) newline endOfInput
struct Lexer {
    private let chars: [Unicode.Scalar]
    private var pos = 0
    private var line = 1
    private var lineStart = 0
    private var tokens: [Token] = []
    private var indents: [Int] = [0]
    /// Open brackets with where they opened, for "'(' was never closed".
    private var brackets: [(char: Unicode.Scalar, line: Int, column: Int)] = []
    private var atLineStart = true
    /// Set when input ends inside brackets.
    private(set) var unclosedBracket: SyntaxErrorInfo?
    /// Line offset for sub-lexers of f-string expressions.
    private let firstLine: Int

    init(_ source: String, firstLine: Int = 1) {
        chars = Array(source.unicodeScalars)
        line = firstLine
        self.firstLine = firstLine
    }

    private var column: Int { pos - lineStart }
    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        pos + offset < chars.count ? chars[pos + offset] : nil
    }
    private func error(_ message: String, column: Int? = nil, line: Int? = nil) -> SyntaxErrorInfo {
        SyntaxErrorInfo(message, line: line ?? self.line, column: column ?? self.column)
    }

    /// All tokens, ending with NEWLINE (if the last line had content), DEDENTs and end of input.
    mutating func tokenize() throws -> [Token] {
        while true {
            if atLineStart && brackets.isEmpty {
                if try !readIndentation() { break }
            }
            guard let c = peek() else { break }
            let start = column
            switch c {
            case " ", "\t", "\u{0C}":
                pos += 1
            case "#":
                while let d = peek(), d != "\n" { pos += 1 }
            case "\r":
                pos += 1
            case "\n":
                if brackets.isEmpty {
                    add(.newline, column: start)
                    atLineStart = true
                }
                newLine()
            case "\\":
                // Explicit line joining.
                var p = pos + 1
                if p < chars.count, chars[p] == "\r" { p += 1 }
                guard p < chars.count, chars[p] == "\n" else {
                    throw error("unexpected character after line continuation character")
                }
                pos = p
                newLine()
                if pos >= chars.count { throw error("unexpected EOF while parsing") }
            default:
                if c.properties.isXIDStart || c == "_" {
                    try readNameOrString()
                } else if isDigit(c) || (c == "." && peek(1).map(isDigit) == true) {
                    try readNumber()
                } else if c == "\"" || c == "'" {
                    try readString(prefix: "", start: start)
                } else {
                    try readOperator()
                }
            }
        }
        if let open = brackets.last {
            // Reported only if the parser reaches the end of input (as CPython's tokenizer).
            unclosedBracket = SyntaxErrorInfo("'\(open.char)' was never closed", line: open.line, column: open.column)
        }
        if let last = tokens.last, last.kind != .newline {
            add(.newline, column: column)
        }
        while indents.count > 1 {
            indents.removeLast()
            add(.dedent, column: 0)
        }
        add(.endOfInput, column: 0)
        return tokens
    }

    private mutating func add(_ kind: TokenKind, column: Int, line: Int? = nil) {
        tokens.append(Token(kind: kind, line: line ?? self.line, column: column))
    }

    private mutating func newLine() {
        pos += 1
        line += 1
        lineStart = pos
    }

    /// Measures a new logical line's indentation and emits INDENT/DEDENT. Skips blank and
    /// comment-only lines. Returns false at end of input.
    private mutating func readIndentation() throws -> Bool {
        while true {
            var width = 0
            while let c = peek(), c == " " || c == "\t" || c == "\u{0C}" {
                width = c == "\t" ? (width / 8 + 1) * 8 : (c == " " ? width + 1 : 0)
                pos += 1
            }
            guard let c = peek() else { return false }
            if c == "#" {
                while let d = peek(), d != "\n" { pos += 1 }
                continue
            }
            if c == "\r" { pos += 1; continue }
            if c == "\n" { newLine(); continue }
            if c == "\\" && (peek(1) == "\n") {
                pos += 1
                newLine()
                continue
            }
            atLineStart = false
            if width > indents[indents.count - 1] {
                indents.append(width)
                add(.indent, column: column)
            } else {
                while width < indents[indents.count - 1] {
                    indents.removeLast()
                    add(.dedent, column: column)
                }
                if width != indents[indents.count - 1] {
                    throw SyntaxErrorInfo("unindent does not match any outer indentation level",
                                          line: line, column: column, typeName: "IndentationError")
                }
            }
            return true
        }
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    private mutating func readNameOrString() throws {
        let start = pos
        let startColumn = column
        while let c = peek(), c.properties.isXIDContinue || c == "_" { pos += 1 }
        var name = ""
        name.unicodeScalars.append(contentsOf: chars[start..<pos])
        if let q = peek(), q == "\"" || q == "'", name.count <= 2,
           name.lowercased().allSatisfy({ "rfbu".contains($0) }) {
            try readString(prefix: name.lowercased(), start: startColumn)
            return
        }
        add(pythonKeywords.contains(name) ? .keyword(name) : .name(name), column: startColumn)
    }

    private mutating func readNumber() throws {
        let startColumn = column
        let start = pos
        func digits(_ ok: (Unicode.Scalar) -> Bool) throws -> String {
            var s = ""
            while let c = peek() {
                if ok(c) { s.unicodeScalars.append(c); pos += 1 }
                else if c == "_", let n = peek(1), ok(n) { pos += 1 }
                else { break }
            }
            return s
        }
        if peek() == "0", let x = peek(1), "xXoObB".unicodeScalars.contains(x) {
            pos += 2
            let radix: Int
            let text: String
            switch x {
            case "x", "X": radix = 16; if peek() == "_" { pos += 1 }; text = try digits { $0.properties.isASCIIHexDigit }
            case "o", "O": radix = 8; if peek() == "_" { pos += 1 }; text = try digits { $0 >= "0" && $0 <= "7" }
            default: radix = 2; if peek() == "_" { pos += 1 }; text = try digits { $0 == "0" || $0 == "1" }
            }
            guard !text.isEmpty else { throw error("invalid \(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") literal", column: startColumn) }
            guard let v = Int(text, radix: radix) else {
                throw error("integer literal too large (Labbook integers are 64-bit)", column: startColumn)
            }
            try checkNumberEnd()
            add(.int(v), column: startColumn)
            return
        }
        var text = try digits(isDigit)
        var isFloat = false
        if peek() == ".", !(peek(1).map { $0.properties.isXIDStart } ?? false) || peek(1) == "e" || peek(1) == "E" {
            isFloat = true
            pos += 1
            text += "." + (try digits(isDigit))
        }
        if let e = peek(), e == "e" || e == "E" {
            var p = 1
            if let s = peek(1), s == "+" || s == "-" { p = 2 }
            if let d = peek(p), isDigit(d) {
                isFloat = true
                text += "e"
                if p == 2, let s = peek(1) { text.unicodeScalars.append(s) }
                pos += p
                text += try digits(isDigit)
            }
        }
        if let j = peek(), j == "j" || j == "J" {
            throw SyntaxErrorInfo.unsupported("complex numbers are", line: line, column: startColumn)
        }
        try checkNumberEnd()
        if isFloat {
            if text.hasPrefix(".") { text = "0" + text }
            if text.hasSuffix(".") { text += "0" }
            text = text.replacingOccurrences(of: ".e", with: ".0e")
            add(.float(Double(text) ?? .nan), column: startColumn)
        } else {
            if text.count > 1 && text.hasPrefix("0") && text.contains(where: { $0 != "0" }) {
                throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", column: startColumn)
            }
            guard let v = Int(text) else {
                throw error("integer literal too large (Labbook integers are 64-bit)", column: startColumn)
            }
            add(.int(v), column: startColumn)
        }
        _ = start
    }

    private func checkNumberEnd() throws {
        if let c = peek(), c.properties.isXIDContinue {
            throw error("invalid decimal literal")
        }
    }

    private mutating func readOperator() throws {
        let startColumn = column
        let three = String(String.UnicodeScalarView(chars[pos..<min(pos + 3, chars.count)]))
        for length in [3, 2, 1] where three.unicodeScalars.count >= length {
            let candidate = String(three.unicodeScalars.prefix(length))
            if Lexer.operators[length - 1].contains(candidate) {
                pos += length
                if candidate == "(" || candidate == "[" || candidate == "{" {
                    if brackets.count >= 200 { throw error("too many nested parentheses", column: startColumn) }
                    brackets.append((Unicode.Scalar(candidate.utf8.first ?? 40), line, startColumn))
                } else if candidate == ")" || candidate == "]" || candidate == "}" {
                    let closing = Unicode.Scalar(candidate.utf8.first ?? 41)
                    guard let open = brackets.popLast() else {
                        throw error("unmatched '\(candidate)'", column: startColumn)
                    }
                    let expected: Unicode.Scalar = open.char == "(" ? ")" : open.char == "[" ? "]" : "}"
                    if expected != closing {
                        if open.line == line {
                            throw error("closing parenthesis '\(candidate)' does not match opening parenthesis '\(open.char)'", column: startColumn)
                        }
                        throw error("closing parenthesis '\(candidate)' does not match opening parenthesis '\(open.char)' on line \(open.line)", column: startColumn)
                    }
                }
                add(.op(candidate), column: startColumn)
                return
            }
        }
        let c = chars[pos]
        if c == "$" || c == "?" || c == "`" || c == "!" {
            throw error("invalid syntax")
        }
        throw error("invalid character '\(Character(c))' (U+\(String(c.value, radix: 16, uppercase: true).leftPadded(to: 4)))")
    }

    private static let operators: [Set<String>] = [
        Set("+-*/%@&|^~<>()[]{},:.;=".map { String($0) }),
        ["**", "//", "==", "!=", "<=", ">=", "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=",
         "|=", "^=", "@=", ":=", "->"],
        ["**=", "//=", ">>=", "<<=", "..."],
    ]

    // MARK: Strings

    private mutating func readString(prefix: String, start startColumn: Int) throws {
        if prefix.contains("b") {
            throw SyntaxErrorInfo.unsupported("bytes literals are", line: line, column: startColumn)
        }
        let isRaw = prefix.contains("r")
        let isF = prefix.contains("f")
        let quote = chars[pos]
        let startLine = line
        let triple = peek(1) == quote && peek(2) == quote
        pos += triple ? 3 : 1
        // Collect the raw body with the line/column where it starts.
        let bodyLine = line
        let bodyColumn = column
        var body: [Unicode.Scalar] = []
        while true {
            guard let c = peek() else {
                if triple {
                    throw SyntaxErrorInfo("unterminated triple-quoted string literal (detected at line \(line))",
                                          line: startLine, column: startColumn)
                }
                throw SyntaxErrorInfo("unterminated string literal (detected at line \(line))",
                                      line: startLine, column: startColumn)
            }
            if c == "\\" {
                body.append(c)
                pos += 1
                if let n = peek() {
                    body.append(n)
                    if n == "\n" { newLine() } else { pos += 1 }
                }
                continue
            }
            if c == "\n" {
                if !triple {
                    throw SyntaxErrorInfo("unterminated string literal (detected at line \(line))",
                                          line: startLine, column: startColumn)
                }
                body.append(c)
                newLine()
                continue
            }
            if c == quote {
                if !triple { pos += 1; break }
                if peek(1) == quote && peek(2) == quote { pos += 3; break }
            }
            body.append(c)
            pos += 1
        }
        let literal: StringLiteral
        if isF {
            var parser = FStringScanner(body: body, raw: isRaw, line: bodyLine, column: bodyColumn)
            literal = StringLiteral(pieces: try parser.scan(), isFString: true)
        } else {
            let text = try Lexer.decode(body[...], raw: isRaw, line: bodyLine, column: startColumn)
            literal = StringLiteral(pieces: [.text(text)], isFString: false)
        }
        tokens.append(Token(kind: .string(literal), line: startLine, column: startColumn))
    }

    /// Processes backslash escapes of a (non-raw) string body.
    static func decode(_ body: ArraySlice<Unicode.Scalar>, raw: Bool, line: Int, column: Int) throws -> String {
        var out = String.UnicodeScalarView()
        var i = body.startIndex
        while i < body.endIndex {
            let c = body[i]
            guard c == "\\", i + 1 < body.endIndex else {
                out.append(c)
                i += 1
                continue
            }
            let n = body[i + 1]
            if raw {
                out.append(c)
                out.append(n)
                i += 2
                continue
            }
            i += 2
            switch n {
            case "\n": break
            case "\\": out.append("\\")
            case "'": out.append("'")
            case "\"": out.append("\"")
            case "n": out.append("\n")
            case "t": out.append("\t")
            case "r": out.append("\r")
            case "a": out.append("\u{07}")
            case "b": out.append("\u{08}")
            case "f": out.append("\u{0C}")
            case "v": out.append("\u{0B}")
            case "0"..."7":
                var value = Int(n.value - 48)
                var count = 1
                while count < 3, i < body.endIndex, body[i] >= "0", body[i] <= "7" {
                    value = value * 8 + Int(body[i].value - 48)
                    i += 1
                    count += 1
                }
                out.append(Unicode.Scalar(UInt32(value)) ?? "?")
            case "x", "u", "U":
                let width = n == "x" ? 2 : n == "u" ? 4 : 8
                var hex = ""
                while hex.count < width, i < body.endIndex, body[i].properties.isASCIIHexDigit {
                    hex.unicodeScalars.append(body[i])
                    i += 1
                }
                guard hex.count == width, let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                    let kind = n == "x" ? "truncated \\xXX escape" : n == "u" ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape"
                    throw SyntaxErrorInfo("(unicode error) 'unicodeescape' codec can't decode bytes: \(kind)",
                                          line: line, column: column)
                }
                out.append(scalar)
            default:
                out.append("\\")
                out.append(n)
            }
        }
        return String(out)
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
