extension PyFormat {
    /// CPython's `repr(s)` of a str: single quotes unless the text has `'` and no `"`;
    /// `\\`, `\n`, `\r`, `\t` and the quote escaped; other control and non-printable
    /// characters as `\xNN`, `\uNNNN` or `\UNNNNNNNN`; printable Unicode kept as is.
    ///
    ///     PyFormat.stringRepr("it's")    // "\"it's\""
    ///     PyFormat.stringRepr("a\tb\u{7}") // "'a\\tb\\x07'"
    public static func stringRepr(_ s: String) -> String {
        stringRepr(s, asciiOnly: false)
    }

    /// `ascii(s)`: the repr with every non-ASCII character escaped too.
    public static func asciiRepr(_ s: String) -> String {
        stringRepr(s, asciiOnly: true)
    }

    static func stringRepr(_ s: String, asciiOnly: Bool) -> String {
        let scalars = s.unicodeScalars
        let quote: Unicode.Scalar = scalars.contains("'") && !scalars.contains("\"") ? "\"" : "'"
        var out = String.UnicodeScalarView()
        out.append(quote)
        func escape(_ text: String) { out.append(contentsOf: text.unicodeScalars) }
        func hex(_ value: UInt32, digits: Int) -> String {
            let raw = String(value, radix: 16)
            return String(repeating: "0", count: max(0, digits - raw.count)) + raw
        }
        for scalar in scalars {
            switch scalar {
            case quote, "\\":
                out.append("\\")
                out.append(scalar)
            case "\t": escape("\\t")
            case "\n": escape("\\n")
            case "\r": escape("\\r")
            default:
                let value = scalar.value
                if value < 0x20 || value == 0x7F {
                    escape("\\x" + hex(value, digits: 2))
                } else if value < 0x7F || (!asciiOnly && isPrintable(scalar)) {
                    out.append(scalar)
                } else if value <= 0xFF {
                    escape("\\x" + hex(value, digits: 2))
                } else if value <= 0xFFFF {
                    escape("\\u" + hex(value, digits: 4))
                } else {
                    escape("\\U" + hex(value, digits: 8))
                }
            }
        }
        out.append(quote)
        return String(out)
    }

    /// `str.isprintable()` for one character: everything except the categories Cc, Cf,
    /// Cs, Co, Cn, Zl, Zp and Zs other than the ASCII space.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned,
             .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }
}
