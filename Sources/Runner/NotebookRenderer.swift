import Foundation
import NotebookFormat
import Reports

/// `labbook render`: an executed notebook's Markdown to the HTML report, nothing run.
public enum NotebookRenderer {
    public static func render(path: String, html: String) throws(RunFailure) {
        do {
            _ = try ReportPaths(notebook: path, markdown: nil, html: html, inPlace: false)
        } catch {
            throw RunFailure(message: error.description)
        }
        let notebook: Notebook
        do {
            notebook = try Notebook.load(path: path)
        } catch {
            throw RunFailure(message: error.description)
        }
        let results = ReportBuilder.previousResults(of: notebook)
        let page = HTMLReport.render(ReportBuilder.document(
            notebook: notebook, results: results, seed: notebook.seed, timings: false, totalSeconds: nil,
            date: nil))
        try AtomicFile.write(page, to: html, role: .html)
    }
}
