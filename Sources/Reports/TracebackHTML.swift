import CellOutput

/// An IPython-style traceback as escaped HTML, coloured the way Jupyter colours it: the
/// exception's type in red, `Cell In[n], line m` and the `---->` line markers in green.
///
///     ---------------------------------------------------------------------------
///     NameError                                 Traceback (most recent call last)
///     Cell In[3], line 2
///           1 x = 1
///     ----> 2 print(y)
///
///     NameError: name 'y' is not defined
enum TracebackHTML {
    static func render(_ error: CellError) -> String {
        let text = error.traceback.isEmpty ? error.summary : error.traceback
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line(String($0), typeName: error.typeName) }
            .joined(separator: "\n")
    }

    static func line(_ line: String, typeName: String) -> String {
        if line.count >= 10, line.allSatisfy({ $0 == "-" }) {
            return span("tb-rule", line)
        }
        if !typeName.isEmpty, line.hasPrefix(typeName) {
            let rest = line.dropFirst(typeName.count)
            if rest.isEmpty || rest.first == ":" || rest.first == " " {
                return span("ename", typeName) + HTMLText.escape(String(rest))
            }
        }
        if line.hasPrefix("Cell In[") || line.hasPrefix("File ") || line.hasPrefix("  File ") {
            return span("tb-location", line)
        }
        // `----> 2 code` and `      1 code`: the marker and line number, then the code.
        let marker = line.prefix { $0 == "-" || $0 == ">" || $0 == " " }
        let digits = line.dropFirst(marker.count).prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, marker.count + digits.count < line.count,
            line.dropFirst(marker.count + digits.count).first == " ",
            marker.hasSuffix(" "), marker.allSatisfy({ $0 == " " }) || marker.hasPrefix("---->")
        {
            let head = String(line.prefix(marker.count + digits.count))
            return span("tb-lineno", head) + HTMLText.escape(String(line.dropFirst(head.count)))
        }
        return HTMLText.escape(line)
    }

    static func span(_ cssClass: String, _ text: String) -> String {
        "<span class=\"\(cssClass)\">\(HTMLText.escape(text))</span>"
    }
}
