import CellOutput
import Testing
@testable import Reports

@Suite struct HTMLReportTests {
    static let attack = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&"

    func page(_ blocks: [ReportBlock], title: String = "t", date: String? = nil, seconds: Double? = nil) -> String {
        HTMLReport.render(ReportDocument(
            title: title, notebookName: "n.md", date: date, seed: 0, cellsRun: 1, cellsCached: 0,
            totalSeconds: seconds, blocks: blocks))
    }

    /// What is left of the page once the stylesheet (which legitimately holds `{`, `>`...) is cut.
    func body(_ html: String) -> Substring {
        html[html.range(of: "</style>")!.upperBound...]
    }

    @Test func nothingFromTheNotebookCanInjectScript() {
        let table = OutputTable(
            plainText: "", header: [Self.attack], rows: [[Self.attack, "1"]], footer: [Self.attack])
        let chart = OutputChart(plainText: Self.attack, title: Self.attack, epochs: [1], series: [(Self.attack, [0.5])])
        let html = page([
            .prose(markdown: Self.attack + "\n\n<script>alert(3)</script>\n\n[x](javascript:alert(4))\n"),
            .cell(ReportCell(
                number: 1, source: Self.attack,
                outputs: [
                    .stream(Self.attack), .result(Self.attack), .table(table), .chart(chart),
                    .figure(OutputFigure(svg: "<svg><script>alert(5)</script></svg>", plainText: Self.attack)),
                    .figure(OutputFigure(svg: "<svg onload=\"alert(6)\"></svg>", plainText: "figure 2")),
                    .error(CellError(typeName: Self.attack, message: Self.attack, cellLine: 1, traceback: Self.attack)),
                ],
                failed: true, id: Self.attack)),
        ], title: Self.attack, date: Self.attack)
        let lower = html.lowercased()
        #expect(!lower.contains("<script"))
        #expect(!lower.contains("<img"))
        // The words may appear as escaped text, never inside a tag.
        let tags = Self.tags(lower)
        #expect(!tags.isEmpty)
        for tag in tags {
            #expect(!tag.contains("javascript:"), "\(tag)")
            // No `on...` attribute; quoted values are text (a chart's aria-label holds the attack, escaped).
            let unquoted = tag.replacingOccurrences(of: #""[^"]*"|'[^']*'"#, with: "''", options: .regularExpression)
            #expect(unquoted.range(of: #"[\s/]on[a-z-]*(\s|=|/|>)"#, options: .regularExpression) == nil, "\(tag)")
            let name = String(tag.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "!" || $0 == "/" })
            #expect(Self.allowedTags.contains(name.replacingOccurrences(of: "/", with: "")), "\(tag)")
        }
        // The text is still there for the reader, escaped.
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("figure 2"))
    }

    static let allowedTags: Set<String> = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2",
        "h3", "h4", "h5", "h6", "p", "span", "section", "div", "pre", "code", "br", "table", "thead",
        "tbody", "tr", "th", "td", "figure", "svg", "g", "path", "line", "text", "rect", "polyline",
        "circle", "a", "em", "strong", "ul", "ol", "li", "input", "del", "blockquote", "hr",
    ]

    /// Every tag in the page: from each `<` to the next `>` (text never holds a raw `<`).
    static func tags(_ html: String) -> [String] {
        var tags: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            let tag = String(rest[open...close])
            if !tag.hasPrefix("<!--") { tags.append(tag) }
            rest = rest[rest.index(after: close)...]
        }
        return tags
    }

    @Test func pageForbidsScriptsAndNetwork() {
        let html = page([])
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:;"))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(!html.contains("@import") && !html.contains("@font-face"))
    }

    @Test func headerSaysWhatRan() {
        let html = HTMLReport.render(ReportDocument(
            title: "MNIST", notebookName: "mnist.md", date: "2025-01-31", seed: 7, cellsRun: 1,
            cellsCached: 3, totalSeconds: 125.4, blocks: []))
        #expect(html.contains("<title>MNIST</title>"))
        #expect(html.contains("<h1 class=\"report-title\">MNIST</h1>"))
        #expect(html.contains("<span class=\"notebook-name\">mnist.md</span>\n<span>2025-01-31</span>\n<span>seed 7</span>\n<span>1 cell run, 3 from cache</span>\n<span>2 min 05 s</span>"))
        let untimed = page([])
        #expect(untimed.contains("<span>seed 0</span>\n<span>1 cell run, 0 from cache</span></p>"))
    }

    @Test func durationsReadNaturally() {
        #expect(HTMLReport.duration(0.0042) == "4 ms")
        #expect(HTMLReport.duration(0.84) == "840 ms")
        #expect(HTMLReport.duration(0.9996) == "1.0 s")
        #expect(HTMLReport.duration(12.34) == "12.3 s")
        #expect(HTMLReport.duration(59.96) == "60.0 s")
        #expect(HTMLReport.duration(3725) == "1 h 02 min")
        #expect(HTMLReport.duration(.nan) == "–")
    }

    @Test func echoFalseHidesCodeKeepsOutput() {
        let html = body(page([.cell(ReportCell(
            number: 3, source: "secret_code()", echo: false, outputs: [.result("42")]))]))
        #expect(!html.contains("secret_code"))
        #expect(!html.contains("In&nbsp;[3]"))
        #expect(html.contains("Out[3]:"))
        #expect(html.contains("42"))
    }

    @Test func outputFalseHidesOutputKeepsCode() {
        let html = body(page([.cell(ReportCell(
            number: 2, source: "shown_code()", showOutput: false, outputs: [.stream("secret output\n")]))]))
        #expect(html.contains("shown_code"))
        #expect(html.contains("In&nbsp;[2]:"))
        #expect(!html.contains("secret output"))
        #expect(!html.contains("class=\"outputs\""))
    }

    @Test func cellIdIsAnAnchor() {
        let html = body(page([.cell(ReportCell(number: 1, source: "x", outputs: [], id: "train model"))]))
        #expect(html.contains("<section class=\"cell code-cell\" id=\"train-model\">"))
    }

    @Test func streamsMergeAndKeepALeadingBlankLine() {
        let html = OutputHTML.render([.stream("\n"), .stream("Test loss: 0.5\n")], number: 1)
        // The parser eats the line break right after <pre>; the written one is that one.
        #expect(html.contains("<pre>\n\nTest loss: 0.5</pre>"))
        #expect(html.components(separatedBy: "<pre>").count == 2)
    }

    @Test func summaryBecomesATable() {
        let html = OutputHTML.table(OutputTable(
            plainText: SampleDocument.summaryText,
            header: ["Layer (type)", "Output Shape", "Param #"],
            rows: [["dense (Dense)", "(None, 32)", "25120"], ["dense_1 (Dense)", "(None, 10)", "330"]],
            footer: ["Total params: 25,450", "Trainable params: 25,450"]))
        #expect(html.contains("<div class=\"table-caption\">Model: &quot;sequential&quot;</div>"))
        #expect(html.contains("<thead><tr><th>Layer (type)</th><th>Output Shape</th><th class=\"num\">Param #</th></tr></thead>"))
        #expect(html.contains("<tr><td>dense (Dense)</td><td>(None, 32)</td><td class=\"num\">25120</td></tr>"))
        #expect(html.contains("<pre class=\"table-footer\">\nTotal params: 25,450\nTrainable params: 25,450</pre>"))
    }

    @Test func seedNotebookSummaryHasNoCaption() {
        #expect(OutputHTML.captionLines("______\nLayer (type)   Output Shape\n") == [])
        #expect(OutputHTML.captionLines("no rule here\n") == [])
        #expect(OutputHTML.captionLines("Model: \"m\"\n━━━━━━\n") == ["Model: \"m\""])
    }

    @Test func tracebackIsColouredLikeJupyter() {
        let html = TracebackHTML.render(CellError(
            typeName: "NameError", message: "name 'undefined_name' is not defined", cellLine: 2,
            traceback: SampleDocument.traceback))
        #expect(html == """
            <span class="tb-rule">---------------------------------------------------------------------------</span>
            <span class="ename">NameError</span>                                 Traceback (most recent call last)
            <span class="tb-location">Cell In[6], line 2</span>
            <span class="tb-lineno">      1</span> x = 1
            <span class="tb-lineno">----&gt; 2</span> print(undefined_name)

            <span class="ename">NameError</span>: name &#39;undefined_name&#39; is not defined
            """)
    }

    @Test func errorWithoutTracebackShowsItsSummary() {
        let html = TracebackHTML.render(CellError(typeName: "ValueError", message: "bad", cellLine: 1, traceback: ""))
        #expect(html == "<span class=\"ename\">ValueError</span>: bad")
    }
}

@Suite struct InlineSVGTests {
    @Test func dropsThePrologAndKeepsTheElement() {
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<!-- made by Charts -->\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"1\"/></svg>\n"
        #expect(InlineSVG.sanitized(svg) == "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"1\"/></svg>")
    }

    @Test(arguments: [
        "<svg><script>x</script></svg>", "<svg><SCRIPT>x</SCRIPT></svg>", "<svg onload=\"x\"></svg>",
        "<svg><g\nonclick = 'x'/></svg>", "<svg><a href=\"javascript:x\">a</a></svg>",
        "<svg><foreignObject><div/></foreignObject></svg>", "<svg><image href=\"https://e.com/a.png\"/></svg>",
        "<svg><rect style=\"fill:url(https://e.com/x)\"/></svg>", "<svg><use xlink:href=\"other.svg#a\"/></svg>",
        "<div>not svg</div>", "<svg>unterminated",
        // Event handlers in every spelling an HTML parser reads as an attribute.
        "<svg/onload=x></svg>", "<svg><rect x=1 onmouseover=alert(1) /></svg>", "<svg><g onfocus></g></svg>",
        "<svg><rect title=\"a>b\" onload=\"x\"/></svg>", "<svg><rect\tONLOAD\t=\t'x'/></svg>",
        "<svg><text>a</text><g\u{0C}onclick=x/></svg>", "<svg><![CDATA[<g onload=x>]]></svg>",
    ])
    func refusesAnythingThatCouldRunOrFetch(svg: String) {
        #expect(InlineSVG.sanitized(svg) == nil)
    }

    @Test func keepsFragmentsAndEmbeddedBitmaps() {
        let svg = "<svg><clipPath id=\"c\"/><g clip-path=\"url(#c)\"><image href=\"data:image/png;base64,AA==\"/></g><text>on = 1</text></svg>"
        #expect(InlineSVG.sanitized(svg) == svg)
    }

    /// `on...=` in text (a plot titled `dropout on = 0.2`) or inside a quoted value is not
    /// an attribute.
    @Test(arguments: [
        "<svg><text x=\"1\">dropout on = 0.2</text></svg>", "<svg><title>model\non=1</title><desc> /on=x</desc></svg>",
        "<svg><g font-family=\"a onload=b\" data-x='c onclick=d'/></svg>", "<svg><text>a &lt; b on=c</text></svg>",
    ])
    func keepsOnEqualsOutsideAttributes(svg: String) {
        #expect(InlineSVG.sanitized(svg) == svg)
    }
}

@Suite struct TerminalTextTests {
    @Test func progressBarsShowTheirLastState() {
        #expect(TerminalText.settle("1/3 [=>...]\r2/3 [==>..]\r3/3 [=====]\nEpoch 2/3\n") == "3/3 [=====]\nEpoch 2/3\n")
    }

    @Test func windowsLineBreaksAndBackspaces() {
        #expect(TerminalText.settle("a\r\nb\r\n") == "a\nb\n")
        #expect(TerminalText.settle("abc\u{08}\u{08}x\n") == "ax\n")
        #expect(TerminalText.settle("plain text\n") == "plain text\n")
        #expect(TerminalText.settle("trailing\r") == "trailing")
        // JupyterLab's fixCarriageReturn: the shorter text overwrites the start of the line.
        #expect(TerminalText.settle("abcdef\rxy\n") == "xycdef\n")
    }
}
