/// Escaping for text and attribute values placed in the HTML report.
enum HTMLText {
    /// Replaces `& < > " '` with character references, so the result is inert both as
    /// element content and inside a quoted attribute.
    ///
    ///     HTMLText.escape("<b class='x'>")   // "&lt;b class=&#39;x&#39;&gt;"
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
