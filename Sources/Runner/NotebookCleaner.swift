import Foundation
import NotebookFormat

/// `labbook clean`: the notebook without its output blocks, written back atomically.
public enum NotebookCleaner {
    public static func clean(path: String) throws(RunFailure) {
        let notebook: Notebook
        do {
            notebook = try Notebook.load(path: path)
        } catch {
            throw RunFailure(message: error.description)
        }
        let cleaned = notebook.cleaned()
        guard cleaned != (try? String(contentsOfFile: path, encoding: .utf8)) else { return }
        try AtomicFile.write(cleaned, to: path, role: .notebook)
    }
}
