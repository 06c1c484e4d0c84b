import Foundation
import NotebookFormat
import Reports

/// `labbook render`: an executed notebook's Markdown to the HTML report, nothing run.
public enum NotebookRenderer {
    public static func render(path: String, html: String) throws(RunFailure) {
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
        do {
            try AtomicFile.write(page, to: html)
        } catch {
            throw RunFailure(message: "\(html): cannot write the report: \(error.localizedDescription)")
        }
    }
}
