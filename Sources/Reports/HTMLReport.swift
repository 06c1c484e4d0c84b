import CellOutput
import Charts
import Foundation
import NotebookFormat

/// The self-contained HTML page for an executed notebook, styled like JupyterLab's light
/// theme: `In [n]:` prompts beside highlighted code, output areas below, prose rendered by
/// cmark-gfm. Inline CSS only, no script, no network; a Content-Security-Policy forbids both
/// so that nothing in a notebook can run in the reader's browser.
///
///     let html = HTMLReport.render(document)
///     try html.write(toFile: "report.html", atomically: true, encoding: .utf8)
///
/// Deterministic: the same document always gives the same bytes.
public enum HTMLReport {
    public static func render(_ document: ReportDocument) -> String {
        var html = header(document)
        for block in document.blocks {
            switch block {
            case .prose(let markdown, let images): html += prose(markdown, images: images)
            case .cell(let cell): html += self.cell(cell)
            }
        }
        return page(title: document.title, body: html)
    }

    /// The page around `body` (already HTML): head, stylesheet, security policy, main column.
    /// Every page Labbook writes (reports, comparisons) has this frame.
    static func page(title: String, body: String) -> String {
        """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
            <meta name="generator" content="Labbook">
            <title>\(HTMLText.escape(title))</title>
            <style>
            \(ReportStyle.css)</style>
            </head>
            <body>
            <main class="notebook">
            \(body)</main>
            </body>
            </html>

            """
    }

    /// No scripts, no network: styles and images may only come from the page itself.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    /// Title, then one line of facts: notebook, date, seed, cells run / from cache, time.
    static func header(_ document: ReportDocument) -> String {
        var facts = ["<span class=\"notebook-name\">\(HTMLText.escape(document.notebookName))</span>"]
        if let date = document.date { facts.append("<span>\(HTMLText.escape(date))</span>") }
        facts.append("<span>seed \(document.seed)</span>")
        let cells = document.cellsRun == 1 ? "cell" : "cells"
        facts.append("<span>\(document.cellsRun) \(cells) run, \(document.cellsCached) from cache</span>")
        if let seconds = document.totalSeconds { facts.append("<span>\(duration(seconds))</span>") }
        return """
            <header class="report-header">
            <h1 class="report-title">\(HTMLText.escape(document.title))</h1>
            <p class="report-facts">\(facts.joined(separator: "\n"))</p>
            </header>

            """
    }

    static func prose(_ markdown: String, images: [String: String]) -> String {
        let html = ProseHTML.render(markdown, imageSource: images.isEmpty ? nil : { images[$0] })
        return "<section class=\"cell markdown-cell\">\n<div class=\"prose\">\n\(html)</div>\n</section>\n"
    }

    /// A code cell: the input row (unless `echo: false`) and one row per output part
    /// (unless `output: false`). A cell showing neither leaves only its anchor.
    static func cell(_ cell: ReportCell) -> String {
        var classes = ["cell", "code-cell"]
        if cell.failed { classes.append("failed") }
        if !cell.echo { classes.append("no-echo") }
        let anchor = cell.id.map { " id=\"\(HTMLText.escape(anchorName($0)))\"" } ?? ""
        var html = "<section class=\"\(classes.joined(separator: " "))\"\(anchor)>\n"
        if cell.echo {
            html += "<div class=\"input\">\n"
            html += "<div class=\"prompt in-prompt\">In&nbsp;[\(cell.number)]:\(timing(cell))</div>\n"
            html += "<div class=\"editor\"><pre><code class=\"language-python\">"
            html += PythonHighlighter.html(trimmingFinalNewline(cell.source))
            html += "</code></pre></div>\n</div>\n"
        }
        if cell.showOutput, !cell.outputs.isEmpty {
            html += "<div class=\"outputs\">\n"
            html += OutputHTML.render(cell.outputs, number: cell.number)
            html += "</div>\n"
        }
        html += "</section>\n"
        return html
    }

    /// `cached` and `840 ms` under the prompt; nothing when timings are off and it ran.
    static func timing(_ cell: ReportCell) -> String {
        var notes: [String] = []
        if cell.cached { notes.append("cached") }
        if let seconds = cell.seconds { notes.append(duration(seconds)) }
        return notes.map { "<span class=\"cell-time\">\($0)</span>" }.joined()
    }

    /// An id attribute may not hold whitespace: `my cell` becomes `my-cell`.
    static func anchorName(_ id: String) -> String {
        String(id.map { $0.isWhitespace ? "-" : $0 })
    }

    /// `3 ms`, `840 ms`, `3.5 s`, `2 min 05 s`, rounded the same way on every platform.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "–" }
        if seconds < 0.9995 { return String(format: "%.0f ms", seconds * 1000) }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let whole = Int(seconds.rounded())
        if whole < 3600 { return String(format: "%d min %02d s", whole / 60, whole % 60) }
        return String(format: "%d h %02d min", whole / 3600, (whole % 3600) / 60)
    }

    static func trimmingFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
