/// Turns Python source into highlighted HTML: escaped text with `<span>`s whose classes
/// follow Pygments' short names (`k` keyword, `s` string...), styled by `ReportStyle`.
///
///     PythonHighlighter.html("print('hi')")
///     // <span class="nb">print</span><span class="p">(</span><span class="s">&#39;hi&#39;</span><span class="p">)</span>
enum PythonHighlighter {
    static func html(_ source: String) -> String {
        var out = ""
        for token in PythonTokenizer.tokens(source) {
            let text = HTMLText.escape(token.text)
            if let name = cssClass(token.kind) {
                out += "<span class=\"\(name)\">\(text)</span>"
            } else {
                out += text
            }
        }
        return out
    }

    /// The Pygments class for a kind, or nil for text left uncoloured.
    static func cssClass(_ kind: PythonToken.Kind) -> String? {
        switch kind {
        case .keyword: return "k"
        case .constant: return "kc"
        case .builtin: return "nb"
        case .definition: return "nf"
        case .string: return "s"
        case .interpolation: return "si"
        case .number: return "m"
        case .comment: return "c"
        case .operator: return "o"
        case .punctuation: return "p"
        case .name, .whitespace, .other: return nil
        }
    }
}
