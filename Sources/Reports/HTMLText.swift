import Charts

/// Escaping for text and attribute values placed in the HTML report.
enum HTMLText {
    /// Replaces `& < > " '` with character references, so the result is inert both as
    /// element content and inside a quoted attribute; every other character stays.
    ///
    ///     HTMLText.escape("<b class='x'>")   // "&lt;b class=&#39;x&#39;&gt;"
    static func escape(_ text: String) -> String {
        XMLEscape.text(text, keepingWhitespace: true)
    }
}
