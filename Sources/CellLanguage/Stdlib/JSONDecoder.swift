/// Parses JSON text as CPython's `json.loads` does (NaN/Infinity accepted, duplicate keys:
/// the last wins), with its `JSONDecodeError` messages and positions.
struct JSONDecoder {
    private let chars: [Unicode.Scalar]
    private var i = 0

    init(_ text: String) { chars = Array(text.unicodeScalars) }

    mutating func document() throws -> Value {
        skipSpace()
        let v = try value()
        skipSpace()
        if i < chars.count { throw error("Extra data", at: i) }
        return v
    }

    private func error(_ message: String, at position: Int) -> PyException {
        var line = 1, column = 1
        for c in chars[0..<min(position, chars.count)] {
            if c == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return PyException(.jsonDecodeError, "\(message): line \(line) column \(column) (char \(position))")
    }

    private mutating func skipSpace() {
        while i < chars.count, [" ", "\t", "\n", "\r"].contains(chars[i]) { i += 1 }
    }

    private func starts(with word: String) -> Bool {
        let w = Array(word.unicodeScalars)
        return i + w.count <= chars.count && Array(chars[i..<i + w.count]) == w
    }

    private mutating func value() throws -> Value {
        guard i < chars.count else { throw error("Expecting value", at: i) }
        switch chars[i] {
        case "{": return try object()
        case "[": return try array()
        case "\"": return .str(try string())
        default:
            for (word, v) in [("null", Value.none), ("true", .bool(true)), ("false", .bool(false)),
                              ("NaN", .float(.nan)), ("Infinity", .float(.infinity)), ("-Infinity", .float(-.infinity))]
            where starts(with: word) {
                i += word.unicodeScalars.count
                return v
            }
            return try number()
        }
    }

    private mutating func number() throws -> Value {
        let start = i
        if i < chars.count, chars[i] == "-" { i += 1 }
        let digitsStart = i
        while i < chars.count, ("0"..."9").contains(chars[i]) { i += 1 }
        guard i > digitsStart else { i = start; throw error("Expecting value", at: start) }
        if chars[digitsStart] == "0", i - digitsStart > 1 { i = digitsStart + 1 }
        var isFloat = false
        if i + 1 < chars.count, chars[i] == ".", ("0"..."9").contains(chars[i + 1]) {
            isFloat = true
            i += 1
            while i < chars.count, ("0"..."9").contains(chars[i]) { i += 1 }
        }
        if i < chars.count, chars[i] == "e" || chars[i] == "E" {
            var j = i + 1
            if j < chars.count, chars[j] == "+" || chars[j] == "-" { j += 1 }
            if j < chars.count, ("0"..."9").contains(chars[j]) {
                isFloat = true
                i = j
                while i < chars.count, ("0"..."9").contains(chars[i]) { i += 1 }
            }
        }
        let text = String(String.UnicodeScalarView(chars[start..<i]))
        if isFloat { return .float(Double(text) ?? .nan) }
        guard let n = Int(text) else { throw PyException(.overflowError, "int too large for Labbook: \(text)") }
        return .int(n)
    }

    private mutating func string() throws -> String {
        let start = i
        i += 1
        var out = String.UnicodeScalarView()
        while true {
            guard i < chars.count else { throw error("Unterminated string starting at", at: start) }
            let c = chars[i]
            if c == "\"" { i += 1; return String(out) }
            if c.value < 0x20 { throw error("Invalid control character at", at: i) }
            if c != "\\" { out.append(c); i += 1; continue }
            guard i + 1 < chars.count else { throw error("Unterminated string starting at", at: start) }
            let e = chars[i + 1]
            let simple: [Unicode.Scalar: Unicode.Scalar] = ["\"": "\"", "\\": "\\", "/": "/", "b": "\u{08}",
                                                            "f": "\u{0C}", "n": "\n", "r": "\r", "t": "\t"]
            if let s = simple[e] { out.append(s); i += 2; continue }
            guard e == "u", let unit = hex(at: i + 2) else { throw error("Invalid \\escape", at: i) }
            i += 6
            if (0xD800..<0xDC00).contains(unit), i + 1 < chars.count, chars[i] == "\\", chars[i + 1] == "u",
               let low = hex(at: i + 2), (0xDC00..<0xE000).contains(low) {
                i += 6
                out.append(Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))!)
            } else {
                out.append(Unicode.Scalar(unit) ?? "\u{FFFD}")
            }
        }
    }

    private func hex(at position: Int) -> UInt32? {
        guard position + 4 <= chars.count else { return nil }
        return UInt32(String(String.UnicodeScalarView(chars[position..<position + 4])), radix: 16)
    }

    private mutating func array() throws -> Value {
        i += 1
        var items: [Value] = []
        skipSpace()
        if i < chars.count, chars[i] == "]" { i += 1; return .list(PyList()) }
        while true {
            skipSpace()
            items.append(try value())
            skipSpace()
            guard i < chars.count else { throw error("Expecting ',' delimiter", at: i) }
            if chars[i] == "]" { i += 1; return .list(PyList(items)) }
            guard chars[i] == "," else { throw error("Expecting ',' delimiter", at: i) }
            i += 1
        }
    }

    private mutating func object() throws -> Value {
        i += 1
        let d = PyDict()
        skipSpace()
        if i < chars.count, chars[i] == "}" { i += 1; return .dict(d) }
        while true {
            skipSpace()
            guard i < chars.count, chars[i] == "\"" else {
                throw error("Expecting property name enclosed in double quotes", at: i)
            }
            let key = try string()
            skipSpace()
            guard i < chars.count, chars[i] == ":" else { throw error("Expecting ':' delimiter", at: i) }
            i += 1
            skipSpace()
            try d.set(.str(key), try value())
            skipSpace()
            guard i < chars.count else { throw error("Expecting ',' delimiter", at: i) }
            if chars[i] == "}" { i += 1; return .dict(d) }
            guard chars[i] == "," else { throw error("Expecting ',' delimiter", at: i) }
            i += 1
        }
    }
}
