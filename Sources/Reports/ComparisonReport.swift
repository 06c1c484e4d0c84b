/// The comparison page of several runs, in the report's frame and stylesheet: the run
/// table (what is the same in every run folded into one line under it), the metrics
/// against the one parameter that varies, and the training curves of every fit position
/// with a line per run. No script: the table is already in its order.
///
///     let html = ComparisonReport.render(document)
///
/// Deterministic: the same document always gives the same bytes.
public enum ComparisonReport {
    public static func render(_ document: ComparisonDocument) -> String {
        let facts = document.facts.isEmpty ? "" : "<p class=\"report-facts\">"
            + document.facts.map { "<span>\(HTMLText.escape($0))</span>" }.joined(separator: "\n") + "</p>\n"
        var html = "<header class=\"report-header\">\n<h1 class=\"report-title\">\(HTMLText.escape(document.title))</h1>\n"
            + facts + "</header>\n\n"
        html += runs(document)
        if let plot = document.parameterChart {
            let svg = ChartSVG.parameter(plot)
            html += section(id: "against-\(HTMLReport.anchorName(plot.parameter))",
                            heading: "Metrics against \(plot.parameter)" + (plot.group.map { ", a line per \($0.name)" } ?? ""),
                            intro: ChartSVG.logarithmic(plot)
                                ? "One point per run; \(plot.parameter) on a logarithmic axis." : "One point per run.",
                            body: figure(svg))
        }
        if !document.trainingCharts.isEmpty {
            let figures = document.trainingCharts.map { figure(ChartSVG.overlay($0)) }.joined()
            html += section(id: "training", heading: "Training curves",
                            intro: "One chart per fit, a colour per run: training solid, validation dashed.",
                            body: figures)
        }
        return HTMLReport.page(title: document.title, body: html)
    }

    /// The table, with the order above it and the constants and notes below.
    static func runs(_ document: ComparisonDocument) -> String {
        let table = document.table
        var body = "<div class=\"table-wrap\"><table class=\"summary runs\">\n<thead><tr>"
        body += table.header.enumerated().map { column, name in
            "<th\(column < table.parameterColumns ? "" : " class=\"num\"")>\(HTMLText.escape(name))</th>"
        }.joined()
        // A last column links each run's own report, when any run has one.
        let linked = table.links.contains { $0 != nil }
        if linked { body += "<th>report</th>" }
        body += "</tr></thead>\n<tbody>\n"
        for (index, row) in table.rows.enumerated() {
            body += "<tr>" + row.enumerated().map { column, value in
                "<td\(column < table.parameterColumns ? "" : " class=\"num\"")>\(HTMLText.escape(value))</td>"
            }.joined()
            if linked {
                let link = index < table.links.count ? table.links[index] : nil
                body += "<td>" + (link.map { "<a href=\"\(HTMLText.escape($0))\">report</a>" } ?? "-") + "</td>"
            }
            body += "</tr>\n"
        }
        body += "</tbody>\n</table></div>\n"
        var after: [String] = []
        if !document.constants.isEmpty {
            after.append("Same in every run: " + document.constants.map { "<code>\(HTMLText.escape($0))</code>" }
                .joined(separator: ", ") + ".")
        }
        after += document.notes.map { "<strong>Note:</strong> \(HTMLText.escape($0))" }
        let intro = document.sortedBy.map { "Sorted by \($0)." } ?? "In the order given."
        let footer = after.isEmpty ? "" : "<div class=\"prose\">\n" + after.map { "<p>\($0)</p>\n" }.joined() + "</div>\n"
        return section(id: "runs", heading: "Runs", intro: intro, body: body, footer: footer)
    }

    /// A heading and a line of prose, then `body` as one output row, then `footer` (HTML).
    static func section(id: String, heading: String, intro: String, body: String, footer: String = "") -> String {
        let open = "<section class=\"cell comparison\" id=\"\(HTMLText.escape(id))\">\n"
        let prose = "<div class=\"prose\">\n<h2>\(HTMLText.escape(heading))</h2>\n<p>\(HTMLText.escape(intro))</p>\n</div>\n"
        let outputs = "<div class=\"outputs\">\n\(OutputHTML.row(kind: "table", body: body))</div>\n"
        return open + prose + outputs + footer + "</section>\n"
    }

    static func figure(_ svg: String) -> String {
        guard let safe = InlineSVG.sanitized(svg) else { return "" }
        return "<figure class=\"chart\">\n\(safe)\n</figure>\n"
    }
}
