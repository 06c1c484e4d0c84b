/// Escapes text for XML character data and attribute values.
///
///     XMLEscape.text("<script>alert('x')</script>")
///     // "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
///
/// Control characters that XML 1.0 forbids are dropped, so any string a notebook makes
/// becomes well-formed, inert SVG text.
enum XMLEscape {
    static func text(_ string: String) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out += " "
            default:
                let v = scalar.value
                // XML 1.0 Char production: no C0 controls, no U+FFFE/U+FFFF.
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
