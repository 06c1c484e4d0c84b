/// Splits the body of an f-string into literal text and `{...}` replacement fields,
/// following Python 3.11's rules (`{{`/`}}` escapes, `!r`/`!s`/`!a`, `:spec` with nested
/// fields, `{x=}` self-documenting fields, no backslashes inside expressions).
struct FStringScanner {
    private let body: [Unicode.Scalar]
    private let raw: Bool
    private var i = 0
    private var line: Int
    private var column: Int

    init(body: [Unicode.Scalar], raw: Bool, line: Int, column: Int) {
        self.body = body
        self.raw = raw
        self.line = line
        self.column = column
    }

    private func error(_ message: String) -> SyntaxErrorInfo {
        SyntaxErrorInfo("f-string: " + message, line: line, column: column)
    }

    private mutating func advance() {
        if body[i] == "\n" { line += 1; column = 0 } else { column += 1 }
        i += 1
    }

    mutating func scan() throws -> [StringPiece] {
        try scanPieces(inSpec: false)
    }

    /// Reads literal text and fields until the end (or, inside a spec, until the closing `}`).
    private mutating func scanPieces(inSpec: Bool) throws -> [StringPiece] {
        var pieces: [StringPiece] = []
        var text: [Unicode.Scalar] = []
        func flush() throws {
            if !text.isEmpty {
                let decoded = try Lexer.decode(text[...], raw: raw, line: line, column: column)
                pieces.append(.text(decoded))
                text.removeAll()
            }
        }
        while i < body.count {
            let c = body[i]
            if c == "{" {
                if !inSpec, i + 1 < body.count, body[i + 1] == "{" {
                    text.append("{")
                    advance(); advance()
                    continue
                }
                try flush()
                advance()
                pieces.append(.field(try scanField()))
            } else if c == "}" {
                if inSpec { break }
                if i + 1 < body.count, body[i + 1] == "}" {
                    text.append("}")
                    advance(); advance()
                    continue
                }
                throw error("single '}' is not allowed")
            } else if c == "\\", !raw, i + 1 < body.count {
                text.append(c)
                advance()
                text.append(body[i])
                advance()
            } else {
                text.append(c)
                advance()
            }
        }
        try flush()
        return pieces
    }

    /// Reads one field after its `{`, through its closing `}`.
    private mutating func scanField() throws -> FormatField {
        let startLine = line
        let startColumn = column
        var depth = 0
        var expr: [Unicode.Scalar] = []
        var quote: Unicode.Scalar?
        var debugText: String?
        while true {
            guard i < body.count else { throw error("expecting '}'") }
            let c = body[i]
            if let q = quote {
                expr.append(c)
                advance()
                if c == q { quote = nil }
                continue
            }
            if c == "\\" { throw error("expression part cannot include a backslash") }
            if c == "'" || c == "\"" { quote = c; expr.append(c); advance(); continue }
            if c == "#" { throw error("expression part cannot include '#'") }
            if "([{".unicodeScalars.contains(c) { depth += 1 }
            if ")]".unicodeScalars.contains(c) || (c == "}" && depth > 0) { depth -= 1 }
            if depth == 0 {
                let next: Unicode.Scalar? = i + 1 < body.count ? body[i + 1] : nil
                if c == "}" || c == ":" { break }
                if c == "!" && next != "=" { break }
                if c == "=" && next != "=" {
                    let previous = expr.last
                    if previous != "=" && previous != "!" && previous != "<" && previous != ">" {
                        expr.append(c)
                        advance()
                        var text = String(String.UnicodeScalarView(expr))
                        expr.removeLast()
                        // Whitespace after '=' belongs to the debug text too.
                        while i < body.count, body[i] == " " {
                            text += " "
                            advance()
                        }
                        debugText = text
                        break
                    }
                }
            }
            expr.append(c)
            advance()
        }
        let source = String(String.UnicodeScalarView(expr))
        if source.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\t" }) {
            let next = i < body.count ? Character(body[i]) : "}"
            throw error(next == "}" ? "empty expression not allowed" : "expression required before '\(next)'")
        }
        var field = FormatField(source: source, line: startLine, column: startColumn,
                                conversion: nil, spec: nil, debugText: debugText)
        if i < body.count, body[i] == "!" {
            advance()
            guard i < body.count, "rsa".unicodeScalars.contains(body[i]) else {
                throw error("invalid conversion character: expected 's', 'r', or 'a'")
            }
            field.conversion = Character(body[i])
            advance()
        }
        if i < body.count, body[i] == ":" {
            advance()
            field.spec = try scanPieces(inSpec: true)
        }
        guard i < body.count, body[i] == "}" else { throw error("expecting '}'") }
        advance()
        return field
    }
}
