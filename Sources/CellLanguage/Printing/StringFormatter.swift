/// `str.format`: `{}`/`{0}`/`{name}` fields with `.attr` and `[key]` lookups, `!r`/`!s`,
/// and format specs (which may hold nested fields, `{:{width}}`).
struct StringFormatter {
    let interpreter: Interpreter
    private var automatic = 0
    private var numbering: Bool?
    /// 1 inside a format spec's nested fields, which may not nest again (CPython's limit).
    private var nesting = 0

    init(_ interpreter: Interpreter) {
        self.interpreter = interpreter
    }

    mutating func format(_ text: String, _ args: Arguments) throws -> String {
        var out = ""
        let chars = Array(text.unicodeScalars)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{" {
                if i + 1 < chars.count && chars[i + 1] == "{" { out += "{"; i += 2; continue }
                // Find the matching close brace, allowing one level of nesting in the spec.
                var depth = 1
                var j = i + 1
                while j < chars.count && depth > 0 {
                    if chars[j] == "{" { depth += 1 } else if chars[j] == "}" { depth -= 1 }
                    if depth > 0 { j += 1 }
                }
                guard j < chars.count else {
                    if i + 1 == chars.count { throw PyException(.valueError, "Single '{' encountered in format string") }
                    throw PyException(.valueError, "expected '}' before end of string")
                }
                let field = String(String.UnicodeScalarView(chars[(i + 1)..<j]))
                out += try replacement(field, args)
                i = j + 1
            } else if c == "}" {
                if i + 1 < chars.count && chars[i + 1] == "}" { out += "}"; i += 2; continue }
                throw PyException(.valueError, "Single '}' encountered in format string")
            } else {
                out.unicodeScalars.append(c)
                i += 1
            }
        }
        return out
    }

    private mutating func replacement(_ field: String, _ args: Arguments) throws -> String {
        var name = field
        var spec = ""
        var conversion: Character?
        if let colon = firstTopLevel(":", in: name) {
            spec = String(name[name.index(after: colon)...])
            name = String(name[..<colon])
        }
        if let bang = name.firstIndex(of: "!") {
            let conv = name[name.index(after: bang)...]
            guard conv.count == 1, let c = conv.first, "rsa".contains(c) else {
                throw PyException(.valueError, "Unknown conversion specifier \(conv)")
            }
            conversion = c
            name = String(name[..<bang])
        }
        // The first part of the name selects the argument; the rest are .attr / [key].
        var headEnd = name.endIndex
        if let i = name.firstIndex(where: { $0 == "." || $0 == "[" }) { headEnd = i }
        let head = String(name[..<headEnd])
        var value: Value
        if head.isEmpty {
            if numbering == false {
                throw PyException(.valueError, "cannot switch from manual field specification to automatic field numbering")
            }
            numbering = true
            value = try positional(automatic, args)
            automatic += 1
        } else if let index = Self.index(head) {
            if numbering == true {
                throw PyException(.valueError, "cannot switch from automatic field numbering to manual field specification")
            }
            numbering = false
            value = try positional(index, args)
        } else {
            guard let v = args.keyword(head) else { throw PyException(.keyError, args: [.str(head)]) }
            value = v
        }
        var rest = name[headEnd...]
        while let first = rest.first {
            if first == "." {
                rest = rest.dropFirst()
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                value = try interpreter.getAttribute(value, String(rest[..<end]))
                rest = rest[end...]
            } else {
                rest = rest.dropFirst()
                guard let close = rest.firstIndex(of: "]") else {
                    throw PyException(.valueError, "Missing ']' in format string")
                }
                let key = String(rest[..<close])
                value = try interpreter.getItem(value, Self.index(key).map { .int($0) } ?? .str(key))
                rest = rest[rest.index(after: close)...]
            }
        }
        switch conversion {
        case "r": value = .str(try interpreter.repr(value))
        case "s": value = .str(try interpreter.str(value))
        case "a": value = .str(interpreter.ascii(try interpreter.repr(value)))
        default: break
        }
        if spec.contains("{") {
            if nesting > 0 { throw PyException(.valueError, "Max string recursion exceeded") }
            var nested = self
            nested.nesting = nesting + 1
            spec = try nested.format(spec, args)
            automatic = nested.automatic
            numbering = nested.numbering
        }
        return try interpreter.format(value, spec)
    }

    /// A field name or key is an index only when it is all digits, as in CPython: `{-2}`
    /// names the keyword `'-2'`.
    private static func index<S: StringProtocol>(_ text: S) -> Int? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }

    private func positional(_ index: Int, _ args: Arguments) throws -> Value {
        guard index < args.positional.count else {
            throw PyException(.indexError, "Replacement index \(index) out of range for positional args tuple")
        }
        return args.positional[index]
    }

    private func firstTopLevel(_ c: Character, in s: String) -> String.Index? {
        var depth = 0
        for i in s.indices {
            if s[i] == "[" { depth += 1 } else if s[i] == "]" { depth -= 1 }
            else if s[i] == c && depth == 0 { return i }
        }
        return nil
    }
}
