import CellLanguage
import CellOutput
import Foundation
import NotebookFormat
import Reports

/// Builds the HTML report's document from a notebook and what its cells produced.
enum ReportBuilder {
    /// What one cell contributes to the report.
    struct CellResult {
        var outputs: [OutputPart]
        var failed: Bool
        var seconds: Double?
        var cached: Bool
    }

    static func document(
        notebook: Notebook, results: [Int: CellResult], seed: Int, timings: Bool, totalSeconds: Double?,
        date: Date?
    ) -> ReportDocument {
        let name = URL(fileURLWithPath: notebook.path).lastPathComponent
        var blocks: [ReportBlock] = []
        for segment in notebook.segments {
            switch segment {
            case .prose(let markdown, _):
                var images: [String: String] = [:]
                for url in ProseHTML.imageURLs(markdown) where images[url] == nil {
                    images[url] = LinkedImages.dataURL(url, notebookPath: notebook.path)
                }
                blocks.append(.prose(markdown: markdown, images: images))
            case .cell(let index):
                let cell = notebook.cells[index]
                let result = results[index]
                blocks.append(.cell(ReportCell(
                    number: index + 1, source: cell.source, echo: cell.options.echo,
                    showOutput: cell.options.output, outputs: result?.outputs ?? [],
                    failed: result?.failed ?? false, seconds: timings ? result?.seconds : nil,
                    cached: result?.cached ?? false, id: cell.id)))
            }
        }
        return ReportDocument(
            title: notebook.title ?? name, notebookName: name,
            date: timings ? date.map(\.utcMinute) : nil, seed: seed,
            cellsRun: results.values.filter { !$0.cached }.count,
            cellsCached: results.values.filter(\.cached).count,
            totalSeconds: timings ? totalSeconds : nil, blocks: blocks)
    }

    /// An executed notebook's own output blocks and the figures it links as report results
    /// (for `labbook render`).
    static func previousResults(of notebook: Notebook) -> [Int: CellResult] {
        var results: [Int: CellResult] = [:]
        for cell in notebook.cells {
            guard let output = cell.previousOutput else { continue }
            var parts: [OutputPart] = []
            if output.isError {
                parts.append(.error(CellError(typeName: "", message: "", cellLine: 0, traceback: output.text)))
            } else if !output.text.isEmpty {
                parts.append(.stream(output.text))
            }
            parts += output.images.compactMap { LinkedImages.figure($0, notebookPath: notebook.path) }
            results[cell.index] = CellResult(outputs: parts, failed: output.isError, seconds: nil, cached: false)
        }
        return results
    }
}
