/// Places a formatted number in its field: sign, prefix, grouped and zero-padded digits,
/// the rest (point, fraction, exponent, `%`), then fill to the width. This mirrors
/// `calc_number_widths`, `fill_number` and `_PyUnicode_InsertThousandsGrouping` in
/// CPython's `Objects/stringlib`/`Python/formatter_unicode.c`.
struct NumberLayout {
    /// `-` when the number is negative, else nil.
    var negative: Bool
    /// `0x`, `0b`, `0o` (or `0X`) for alternate-form integers.
    var prefix = ""
    /// The integer digits to group (may be empty, e.g. for `inf` or `c`).
    var digits: String
    /// Whether a decimal point follows the digits.
    var hasDecimalPoint = false
    /// Everything after the point: fraction, exponent, `%`, or the whole `inf`.
    var remainder = ""

    func render(_ spec: FormatSpec) -> String {
        var signText = ""
        switch spec.sign {
        case "+": signText = negative ? "-" : "+"
        case " ": signText = negative ? "-" : " "
        default: signText = negative ? "-" : ""
        }
        let decimal = hasDecimalPoint ? "." : ""
        let fixedCount = signText.count + prefix.count + decimal.count + remainder.unicodeScalars.count
        let width = spec.width ?? -1
        let minimumWidth = spec.fill == "0" && spec.align == "=" ? width - fixedCount : 0
        let grouped = digits.isEmpty ? "" : Self.group(digits, minimumWidth: minimumWidth, grouping: spec.grouping)
        let padding = width - (fixedCount + grouped.count)
        var left = 0, inner = 0, right = 0
        if padding > 0 {
            switch spec.align {
            case "<": right = padding
            case "^":
                left = padding / 2
                right = padding - left
            case "=": inner = padding
            default: left = padding
            }
        }
        let fill = String(Character(spec.fill))
        func pad(_ n: Int) -> String { n > 0 ? String(repeating: fill, count: n) : "" }
        return pad(left) + signText + prefix + pad(inner) + grouped + decimal + remainder + pad(right)
    }

    /// Inserts separators every 3 (or 4) digits from the right, and pads with zeros
    /// (grouped too) up to `minimumWidth`, never starting with a separator.
    static func group(_ digits: String, minimumWidth: Int, grouping: FormatSpec.Grouping) -> String {
        let characters = Array(digits)
        let size: Int
        let separator: Character
        switch grouping {
        case .none: size = 0; separator = ","
        case .comma: size = 3; separator = ","
        case .underscore: size = 3; separator = "_"
        case .underscoreFour: size = 4; separator = "_"
        }
        var pieces: [String] = []  // from the right
        var remaining = characters.count
        var minimum = minimumWidth
        func take(_ length: Int) {
            let zeros = max(0, length - remaining)
            let count = max(0, min(remaining, length))
            let chunk = characters[(remaining - count)..<remaining]
            pieces.append(String(repeating: "0", count: zeros) + String(chunk))
            remaining -= count
        }
        var broken = false
        if size > 0 {
            while true {
                let length = min(size, max(remaining, minimum, 1))
                take(length)
                minimum -= length
                if remaining <= 0 && minimum <= 0 {
                    broken = true
                    break
                }
                minimum -= 1
            }
        }
        if !broken {
            take(max(remaining, minimum, 1))
        }
        return pieces.reversed().joined(separator: size > 0 ? String(separator) : "")
    }
}
