import CellOutput
import Charts

/// A cell's outputs as nbformat 4 output objects: printed text as `stream`, a value as
/// `execute_result`, tables, training charts, figures and images as `display_data`, an
/// error as `error`.
enum OutputJSON {
    static func outputs(_ items: [ExportOutput], executionCount: Int?) -> [JSONValue] {
        var result: [JSONValue] = []
        var pendingStream = ""
        func flush() {
            guard !pendingStream.isEmpty else { return }
            result.append(.object([
                "name": .string("stdout"), "output_type": .string("stream"), "text": JSONValue.lines(pendingStream),
            ]))
            pendingStream = ""
        }
        for item in items {
            switch item {
            case .part(.stream(let text)):
                pendingStream += text
            case .part(.chart(let chart)):
                pendingStream += chart.plainText
                guard !chart.epochs.isEmpty, !chart.seriesNames.isEmpty else { continue }
                flush()
                let svg = TrainingChart.svg(title: chart.title, epochs: chart.epochs, series: chart.series)
                // Marked, so that importing the export back does not make the chart a figure
                // file: Labbook draws it again from the fit's history.
                result.append(display(
                    ["image/svg+xml": JSONValue.lines(svg), "text/plain": .array([.string("<Figure: \(chart.title)>")])],
                    metadata: ["labbook": .object(["chart": .bool(true)])]))
            case .part(.result(let text)):
                flush()
                result.append(.object([
                    "data": .object(["text/plain": JSONValue.lines(withoutFinalNewline(text))]),
                    "execution_count": executionCount.map(JSONValue.int) ?? .null,
                    "metadata": .object([:]), "output_type": .string("execute_result"),
                ]))
            case .part(.table(let table)):
                flush()
                result.append(display([
                    "text/html": JSONValue.lines(html(table)), "text/plain": JSONValue.lines(withoutFinalNewline(table.plainText)),
                ]))
            case .part(.figure(let figure)):
                flush()
                result.append(display([
                    "image/svg+xml": JSONValue.lines(figure.svg), "text/plain": JSONValue.lines(figure.plainText),
                ]))
            case .part(.error(let error)):
                flush()
                var lines = error.traceback.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                if lines.last == "" { lines.removeLast() }
                result.append(.object([
                    "ename": .string(error.typeName), "evalue": .string(error.message),
                    "output_type": .string("error"), "traceback": .array(lines.map(JSONValue.string)),
                ]))
            case .part(.record):
                continue  // run records' structured results: in no report, nor in Jupyter's outputs
            case .image(let file):
                flush()
                guard let mime = file.mimeType, let value = file.bundleValue else { continue }
                result.append(display([mime: value], metadata: ["labbook": .object(["file": .string(file.name)])]))
            }
        }
        flush()
        return result
    }

    private static func display(_ data: [String: JSONValue], metadata: [String: JSONValue] = [:]) -> JSONValue {
        .object(["data": .object(data), "metadata": .object(metadata), "output_type": .string("display_data")])
    }

    private static func withoutFinalNewline(_ text: String) -> String {
        text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// A summary table as Jupyter front ends show pandas frames: a plain `<table>`, every
    /// string escaped.
    static func html(_ table: OutputTable) -> String {
        func escape(_ text: String) -> String { XMLEscape.text(text, keepingWhitespace: true) }
        var html = "<table>\n<thead>\n<tr>" + table.header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            html += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        for line in table.footer { html += "<p>\(escape(line))</p>\n" }
        return html
    }
}
