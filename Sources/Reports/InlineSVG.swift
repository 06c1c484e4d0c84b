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

    /// ` onload=`, `\nonclick =`...: an attribute whose name starts with `on`.
    static func hasEventHandler(_ lower: String) -> Bool {
        let chars = Array(lower.unicodeScalars)
        var i = 0
        while i + 2 < chars.count {
            if isSpace(chars[i]) || chars[i] == "/", chars[i + 1] == "o", chars[i + 2] == "n" {
                var j = i + 3
                while j < chars.count, ("a"..."z").contains(chars[j]) || chars[j] == "-" { j += 1 }
                while j < chars.count, isSpace(chars[j]) { j += 1 }
                if j < chars.count, chars[j] == "=" { return true }
            }
            i += 1
        }
        return false
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
