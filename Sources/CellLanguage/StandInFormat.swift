import Foundation

/// Temporary stand-ins for Python's formatting until the `Formatting/` folder (branch
/// `pyfmt`) lands; every formatting call in the interpreter goes through here so the swap
/// is one file.
enum StandInFormat {
    /// `repr(float)`: shortest round-trip digits, Python's exponent rules.
    static func floatRepr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let magnitude = abs(d)
        if magnitude >= 1e16 || magnitude < 1e-4 {
            // Swift's description already uses e-notation here; Python pads the exponent to 2.
            var s = "\(d)"
            if !s.contains("e") { s = String(format: "%.17g", d) }
            if let e = s.firstIndex(of: "e") {
                var mantissa = String(s[..<e])
                var exponent = String(s[s.index(after: e)...])
                if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
                let sign = exponent.hasPrefix("-") ? "-" : "+"
                exponent = exponent.trimmingCharacters(in: CharacterSet(charactersIn: "+-"))
                return mantissa + "e" + sign + exponent.leftPadded(to: 2)
            }
            return s
        }
        var s = "\(d)"
        if s.contains("e") {
            // Swift uses exponents from 2^53 on; Python only from 1e16.
            s = String(format: "%.1f", d)
        }
        return s
    }

    /// `repr(str)`: single quotes unless the text has a single quote and no double quote.
    static func stringRepr(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote { out += "\\" + String(quote) }
                else if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else { out.unicodeScalars.append(scalar) }
            }
        }
        out.append(quote)
        return out
    }

    /// `format(value, spec)` for ints, floats and strings (a small subset).
    static func format(_ value: Value, _ spec: String) throws -> String {
        if spec.isEmpty { return value.str }
        var s = spec
        var align: Character?
        var fill: Character = " "
        if s.count >= 2, "<>^=".contains(s[s.index(after: s.startIndex)]) {
            fill = s.first ?? " "
            align = s[s.index(after: s.startIndex)]
            s.removeFirst(2)
        } else if let f = s.first, "<>^=".contains(f) {
            align = f
            s.removeFirst()
        }
        var sign = ""
        if let f = s.first, "+- ".contains(f) { sign = String(f); s.removeFirst() }
        var zero = false
        if s.first == "0" { zero = true; s.removeFirst() }
        var widthText = ""
        while let c = s.first, c.isNumber { widthText.append(c); s.removeFirst() }
        var comma = false
        if s.first == "," { comma = true; s.removeFirst() }
        var precision: Int?
        if s.first == "." {
            s.removeFirst()
            var p = ""
            while let c = s.first, c.isNumber { p.append(c); s.removeFirst() }
            precision = Int(p)
        }
        let type = s.first
        var body: String
        switch value {
        case .str(let text):
            body = precision.map { String(text.prefix($0)) } ?? text
        case .int(let i) where type == nil || type == "d":
            body = comma ? grouped(String(abs(i))) : String(abs(i))
            if i < 0 { body = "-" + body } else if sign == "+" { body = "+" + body }
        default:
            guard let d = value.asDouble else { return value.str }
            let p = precision ?? 6
            switch type {
            case "f", "F": body = String(format: "%.\(p)f", d)
            case "e", "E": body = String(format: "%.\(p)e", d)
            case "%": body = String(format: "%.\(p)f", d * 100) + "%"
            case "g", "G", nil:
                if precision == nil && type == nil { body = floatRepr(d) }
                else {
                    body = String(format: "%.\(max(p, 1))g", d)
                    if type == nil && !body.contains(".") && !body.contains("e") && !body.contains("n") {
                        // Python's empty type keeps at least one digit after the point only without precision.
                    }
                }
            default: body = value.str
            }
            if sign == "+" && d >= 0 { body = "+" + body }
        }
        let width = Int(widthText) ?? 0
        if body.count < width {
            let pad = width - body.count
            if zero && align == nil {
                return String(repeating: "0", count: pad) + body
            }
            let defaultAlign: Character = { if case .str = value { return "<" } else { return ">" } }()
            switch align ?? defaultAlign {
            case "<": return body + String(repeating: fill, count: pad)
            case "^": return String(repeating: fill, count: pad / 2) + body + String(repeating: fill, count: pad - pad / 2)
            default: return String(repeating: fill, count: pad) + body
            }
        }
        return body
    }

    private static func grouped(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return String(out.reversed())
    }

    /// `text % args` (only `%s`, `%r`, `%d`, `%f`-style conversions).
    static func percent(_ text: String, _ args: Value) throws -> String {
        var values: [Value]
        if case .tuple(let items) = args { values = items } else { values = [args] }
        var out = ""
        var chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "%", i + 1 < chars.count else { out.append(c); i += 1; continue }
            if chars[i + 1] == "%" { out.append("%"); i += 2; continue }
            var j = i + 1
            var spec = ""
            while j < chars.count, !"sdrfegixXo".contains(chars[j]) { spec.append(chars[j]); j += 1 }
            guard j < chars.count else { throw PyException(.valueError, "incomplete format") }
            guard !values.isEmpty else { throw PyException(.typeError, "not enough arguments for format string") }
            let v = values.removeFirst()
            switch chars[j] {
            case "s": out += try format(.str(v.str), spec)
            case "r": out += try format(.str(v.repr), spec)
            case "d", "i": out += try format(.int(Int(v.asDouble ?? 0)), spec)
            default: out += try format(v, spec + String(chars[j]))
            }
            i = j + 1
        }
        chars.removeAll()
        if !values.isEmpty { throw PyException(.typeError, "not all arguments converted during string formatting") }
        return out
    }

    /// `round(x, n)` with ties to even.
    static func round(_ d: Double, _ digits: Int) -> Double {
        let scale = pow(10.0, Double(digits))
        return (d * scale).rounded(.toNearestOrEven) / scale
    }
}
