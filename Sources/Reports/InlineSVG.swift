import Foundation

/// Checks an SVG document before it is placed inside the page.
///
/// Charts' SVG is ours and escapes its own text, but a figure travels through the cache and
/// the runner, so every SVG is checked the same way: the XML prolog is dropped, and an SVG
/// that could run script or fetch something (`<script>`, `on...=` handlers, `javascript:`,
/// `<foreignObject>`, links other than `#fragment`) is refused; the caller then shows the
/// figure's text stand-in instead.
enum InlineSVG {
    /// The `<svg ...>...</svg>` element ready to inline, or nil if it is refused.
    static func sanitized(_ document: String) -> String? {
        var text = Substring(document)
        // Drop `<?xml ...?>`, `<!DOCTYPE ...>` and comments before the root element.
        while true {
            text = text.drop { $0.isWhitespace }
            if text.hasPrefix("<?"), let end = text.range(of: "?>") {
                text = text[end.upperBound...]
            } else if text.hasPrefix("<!--"), let end = text.range(of: "-->") {
                text = text[end.upperBound...]
            } else if text.hasPrefix("<!"), let end = text.firstIndex(of: ">") {
                text = text[text.index(after: end)...]
            } else {
                break
            }
        }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        guard text.hasPrefix("<svg"), text.hasSuffix("</svg>") else { return nil }
        let lower = text.lowercased()
        for forbidden in ["<script", "<foreignobject", "javascript:", "<iframe", "<object", "<embed",
                          "<!entity", "<?", "<use", "<a ", "<a\n", "<animate", "<set"] where lower.contains(forbidden) {
            return nil
        }
        if hasEventHandler(lower) || hasExternalReference(lower) { return nil }
        return String(text)
    }

    /// Whether a tag has an attribute whose name starts with `on` (`onload=`, `ONCLICK =`,
    /// `<svg/onload=...>`, even without a value). Only markup counts, read as an HTML parser
    /// reads it: text between tags (`dropout on = 0.2`, escaped by the writer) and quoted
    /// attribute values are not attributes.
    static func hasEventHandler(_ lower: String) -> Bool {
        let chars = Array(lower.unicodeScalars)
        var i = 0
        while i < chars.count {
            // Text up to the next `<` that opens a tag (a letter, `/`, `!` or `?` after it).
            guard chars[i] == "<", i + 1 < chars.count, isTagStart(chars[i + 1]) else {
                i += 1
                continue
            }
            i += 1
            while i < chars.count, !isSpace(chars[i]), chars[i] != "/", chars[i] != ">" { i += 1 }  // the tag's name
            // Attributes: name [= value], up to the `>` outside quotes.
            while i < chars.count, chars[i] != ">" {
                if isSpace(chars[i]) || chars[i] == "/" {
                    i += 1
                    continue
                }
                let nameStart = i
                repeat { i += 1 } while i < chars.count && !isSpace(chars[i]) && chars[i] != "/" && chars[i] != ">" && chars[i] != "="
                if chars[nameStart] == "o", nameStart + 1 < i, chars[nameStart + 1] == "n" { return true }
                while i < chars.count, isSpace(chars[i]) { i += 1 }
                guard i < chars.count, chars[i] == "=" else { continue }
                i += 1
                while i < chars.count, isSpace(chars[i]) { i += 1 }
                if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                    let quote = chars[i]
                    i += 1
                    while i < chars.count, chars[i] != quote { i += 1 }
                    i += 1
                } else {
                    while i < chars.count, !isSpace(chars[i]), chars[i] != ">" { i += 1 }
                }
            }
            i += 1
        }
        return false
    }

    private static func isTagStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || c == "/" || c == "!" || c == "?"
    }

    /// Any `href` or `url(` pointing somewhere other than a fragment of this page or an
    /// embedded bitmap (`imshow` draws `<image href="data:image/png;base64,...">`).
    static func hasExternalReference(_ lower: String) -> Bool {
        for marker in ["href=\"", "href='", "url("] {
            var rest = Substring(lower)
            while let range = rest.range(of: marker) {
                rest = rest[range.upperBound...]
                let target = rest.drop { $0 == " " || $0 == "\"" || $0 == "'" }
                let embedded = ["data:image/png", "data:image/jpeg", "data:image/gif"].contains { target.hasPrefix($0) }
                if !target.hasPrefix("#"), !embedded { return true }
            }
        }
        return false
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}"
    }
}
