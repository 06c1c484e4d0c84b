import Foundation
@testable import Jupyter
import NotebookFormat

/// Fixtures read from the source tree, and the conversions the tests chain.
enum JupyterFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// Every `.md` under `folder` of the repository (relative path), sorted.
    static func markdownFiles(in folder: String) -> [String] {
        let url = repository.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted().map { folder + "/" + $0 }
    }

    /// Imports `data` as `nb.md` in memory.
    static func importing(_ data: Data, path: String = "nb.ipynb") throws -> JupyterImporter.Imported {
        try JupyterImporter.convert(data, path: path, markdownPath: "nb.md")
    }

    /// Exports Markdown `text` with the outputs its blocks hold; figures come from `files`
    /// (by their linked path).
    static func exporting(_ text: String, files: [String: Data] = [:]) throws -> JSONValue {
        let notebook = try Notebook.parse(text: text, path: "nb.md")
        let (outputs, _) = ExportOutput.fromMarkdown(notebook) { files[$0] }
        return JupyterExporter.export(notebook, text: text, outputs: outputs, parameterLines: [])
    }

    /// The imported files by the path the Markdown links them with.
    static func linkedFiles(_ imported: JupyterImporter.Imported) -> [String: Data] {
        Dictionary(uniqueKeysWithValues: imported.files.map { (imported.folder + "/" + $0.name, $0.data) })
    }
}
