/// Escapes text for XML and HTML character data and attribute values: `& < > " '` become
/// character references, so the result is inert both as element content and inside a quoted
/// attribute.
///
///     XMLEscape.text("<script>alert('x')</script>")
///     // "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
///
/// For SVG text (the default), control characters that XML 1.0 forbids are dropped and
/// tabs and line breaks become spaces, so any string a notebook makes becomes well-formed,
/// inert SVG text. HTML pages keep every other character as it is (`keepingWhitespace`).
public enum XMLEscape {
    public static func text(_ string: String, keepingWhitespace: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r":
                if keepingWhitespace { out.unicodeScalars.append(scalar) } else { out += " " }
            default:
                let v = scalar.value
                // XML 1.0 Char production: no C0 controls, no U+FFFE/U+FFFF.
                if !keepingWhitespace && (v < 0x20 || v == 0xFFFE || v == 0xFFFF) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
