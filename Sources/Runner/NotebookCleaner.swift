import Foundation
import NotebookFormat

/// `labbook clean`: the notebook without its output blocks, written back atomically.
public enum NotebookCleaner {
    public static func clean(path: String) throws(RunFailure) {
        let notebook = try RunFailure.wrapping { try Notebook.load(path: path) }
        let cleaned = notebook.cleaned()
        guard cleaned != (try? String(contentsOfFile: path, encoding: .utf8)) else { return }
        try AtomicFile.write(cleaned, to: path, role: .notebook)
    }
}
