import Foundation
import NotebookFormat
import Reports

/// `labbook render`: an executed notebook's Markdown to the HTML report, nothing run.
public enum NotebookRenderer {
    public static func render(path: String, html: String) throws(RunFailure) {
        _ = try RunFailure.wrapping { try ReportPaths(notebook: path, markdown: nil, html: html, inPlace: false) }
        let notebook = try RunFailure.wrapping { try Notebook.load(path: path) }
        let results = ReportBuilder.previousResults(of: notebook)
        let page = HTMLReport.render(ReportBuilder.document(
            notebook: notebook, results: results, seed: notebook.seed, timings: false, totalSeconds: nil,
            date: nil))
        try AtomicFile.write(page, to: html, role: .html)
    }
}
