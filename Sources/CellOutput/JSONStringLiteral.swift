/// A string as a JSON string literal, escaped exactly as Python's `json` module writes it:
/// `"`, `\` and the C0 controls escaped (the common ones by their short forms, the rest as
/// `\u00XX` in lower-case hex), and with `ensureASCII` every character outside printable
/// ASCII as `\uXXXX` UTF-16 units. Both the cell language's `json.dumps` and the Jupyter
/// writer use it, so a notebook file and a cell's `json.dumps` agree byte for byte.
public enum JSONStringLiteral {
    public static func write(_ text: String, ensureASCII: Bool = false, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || (ensureASCII && scalar.value > 0x7e) {
                    for unit in String(scalar).utf16 { out += "\\u" + hex4(unit) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    public static func quoted(_ text: String, ensureASCII: Bool = false) -> String {
        var out = ""
        write(text, ensureASCII: ensureASCII, to: &out)
        return out
    }

    private static func hex4(_ unit: UInt16) -> String {
        let digits = String(unit, radix: 16)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}
