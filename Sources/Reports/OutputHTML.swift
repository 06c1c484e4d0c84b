import Foundation
import CellOutput
import Charts

/// The output rows of a code cell, one per `OutputPart`, each with a prompt column
/// (`Out[n]:` for a result, empty otherwise) and a body.
enum OutputHTML {
    static func render(_ parts: [OutputPart], number: Int) -> String {
        var html = ""
        // A cell that trains several models (or one several times) gets one chart overlaying
        // them all, after their own charts, or instead of them past three models (their
        // epoch logs stay).
        let fits = parts.compactMap { part -> FitRecord? in
            if case .record(.fit(let fit)) = part { return fit }
            return nil
        }
        let models = fits.count > 1 ? ChartSVG.cellModels(fits) : []
        let ownCharts = models.count <= overlayLimit
        var pendingStream = ""
        // Consecutive prints read as one text, as in Jupyter.
        func flushStream() {
            guard !pendingStream.isEmpty else { return }
            html += row(kind: "stream", body: pre(HTMLText.escape(TerminalText.settle(pendingStream))))
            pendingStream = ""
        }
        for part in parts {
            if case .stream(let text) = part {
                pendingStream += text
                continue
            }
            // Records are for `labbook runs`, not for people reading the report.
            if case .record = part { continue }
            flushStream()
            switch part {
            case .stream: break
            case .result(let text):
                html += row(kind: "result", prompt: "Out[\(number)]:", body: pre(HTMLText.escape(text)))
            case .table(let table):
                html += row(kind: "table", body: Self.table(table))
            case .chart(let chart):
                let body = Self.chart(chart, drawn: ownCharts)
                if !body.isEmpty { html += row(kind: "chart", body: body) }
            case .figure(let figure):
                html += row(kind: "figure", body: Self.figure(figure))
            case .error(let error):
                html += row(kind: "error", body: pre(TracebackHTML.render(error)))
            case .record: break
            }
        }
        flushStream()
        if fits.count > 1 { html += row(kind: "chart", body: overlay(models, fits: fits.count)) }
        return html
    }

    /// Past this many models in one cell, only the overlaid chart is drawn.
    static let overlayLimit = 3

    /// The models of one cell on one chart.
    static func overlay(_ models: [RunOverlayChart.Line], fits: Int) -> String {
        InlineSVG.sanitized(ChartSVG.cellOverlay(models, fits: fits)).map { "<figure class=\"chart\">\n\($0)\n</figure>\n" } ?? ""
    }

    static func row(kind: String, prompt: String = "", body: String) -> String {
        let promptClass = prompt.isEmpty ? "prompt" : "prompt out-prompt"
        return "<div class=\"output output-\(kind)\">\n<div class=\"\(promptClass)\">\(prompt)</div>\n"
            + "<div class=\"output-body\">\(body)</div>\n</div>\n"
    }

    /// A `<pre>` for already-escaped text. The parser drops one line break right after
    /// `<pre>`, so one is always written: a text that starts with a blank line keeps it.
    static func pre(_ escaped: String) -> String {
        let text = escaped.hasSuffix("\n") ? String(escaped.dropLast()) : escaped
        return "<pre>\n\(text)</pre>"
    }

    /// `summary()`: the lines printed above the table (`Model: "sequential"`), the table
    /// itself with numeric columns right-aligned, then the footer lines.
    static func table(_ table: OutputTable) -> String {
        var html = ""
        let caption = captionLines(table.plainText)
        if !caption.isEmpty {
            html += "<div class=\"table-caption\">\(HTMLText.escape(caption.joined(separator: "\n")))</div>\n"
        }
        let width = max(table.header.count, table.rows.map(\.count).max() ?? 0)
        let numeric = (0..<width).map { column in
            let values = table.rows.compactMap { column < $0.count ? $0[column] : nil }.filter { !$0.isEmpty }
            return !values.isEmpty && values.allSatisfy(isNumber)
        }
        func cells(_ values: [String], tag: String) -> String {
            (0..<width).map { column in
                let value = column < values.count ? values[column] : ""
                let align = numeric[column] ? " class=\"num\"" : ""
                return "<\(tag)\(align)>\(HTMLText.escape(value))</\(tag)>"
            }.joined()
        }
        html += "<div class=\"table-wrap\"><table class=\"summary\">\n"
        if !table.header.isEmpty {
            html += "<thead><tr>\(cells(table.header, tag: "th"))</tr></thead>\n"
        }
        html += "<tbody>\n"
        for row in table.rows { html += "<tr>\(cells(row, tag: "td"))</tr>\n" }
        html += "</tbody>\n</table></div>\n"
        if !table.footer.isEmpty {
            html += "<pre class=\"table-footer\">\n\(HTMLText.escape(table.footer.joined(separator: "\n")))</pre>\n"
        }
        return html
    }

    /// Lines before the table's first rule (`____`, `====`, `━━━━`), e.g. `Model: "sequential"`.
    static func captionLines(_ plainText: String) -> [String] {
        var lines: [String] = []
        for line in plainText.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, trimmed.allSatisfy({ "_=━─-┏┃┡│└┗".contains($0) }) { return lines }
            if !trimmed.isEmpty { lines.append(String(line)) }
        }
        return []  // no rule at all: not a ruled table, so nothing is a caption
    }

    /// `25120`, `25,450`, `0.5`: right-aligned like numbers in a spreadsheet.
    static func isNumber(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first, first.isASCII, first.isNumber else { return false }
        return trimmed.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." || $0 == "_" }
    }

    /// The epoch log as printed, then (unless `drawn` is false) the training curves.
    static func chart(_ chart: OutputChart, drawn: Bool = true) -> String {
        var html = ""
        if !chart.plainText.isEmpty {
            html += pre(HTMLText.escape(TerminalText.settle(chart.plainText))) + "\n"
        }
        if drawn, let svg = ChartSVG.training(chart).flatMap(InlineSVG.sanitized) {
            html += "<figure class=\"chart\">\n\(svg)\n</figure>\n"
        }
        return html
    }

    /// A matplotlib figure inline, or its text stand-in if the SVG is not one we can trust.
    static func figure(_ figure: OutputFigure) -> String {
        if let svg = InlineSVG.sanitized(figure.svg) {
            return "<figure class=\"figure\">\n\(svg)\n</figure>\n"
        }
        return pre(HTMLText.escape(figure.plainText))
    }
}
