import Foundation
import TestSupport
import Testing

/// `labbook import` and `labbook export` through the real binary: bad input is exit 2 with
/// the file and the reason, and leaves no file behind; good input writes the notebook and
/// its images.
@Suite struct JupyterCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("JupyterTests/Fixtures")

    func scratch() throws -> URL {
        try TemporaryFolder.make("labbook-jupyter")
    }

    @Test(arguments: [
        ("{\"nbformat\": 4, \"cells\": [", "is not valid JSON"),
        ("{\"nbformat\": 3, \"nbformat_minor\": 0, \"worksheets\": []}", "is nbformat 3"),
        ("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}}", "has no list of cells"),
        ("{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"source\": {}}]}",
         "cell 1: its source is not a string or a list of strings"),
    ])
    func badNotebookIsRefusedAndWritesNothing(json: String, reason: String) throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ipynb = folder.appendingPathComponent("bad.ipynb").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: ipynb))
        let (termination, stderr) = try LabbookBinary.run(["import", ipynb])
        #expect(termination == .exited(2))
        #expect(stderr.contains("\(ipynb): ") && stderr.contains(reason), "\(stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bad.ipynb"])
    }

    @Test func importWritesTheNotebookAndItsImagesThenExportReadsThem() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let md = folder.appendingPathComponent("every.md").path
        let (imported, importErrors) = try LabbookBinary.run(
            ["import", Self.fixtures.appendingPathComponent("every-output.ipynb").path, "-o", md])
        #expect(imported == .exited(0), "\(importErrors)")
        #expect(importErrors.contains("every.md:21: warning: '!pip' is an IPython magic or shell escape"), "\(importErrors)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("every_files").path)
        #expect(files.sorted() == ["attachment-1-logo.png", "cell-2-1.png", "cell-2-2.svg"])
        let ipynb = folder.appendingPathComponent("every.ipynb").path
        let (exported, exportErrors) = try LabbookBinary.run(["export", md, "--ipynb", ipynb])
        #expect(exported == .exited(0), "\(exportErrors)")
        let text = try String(contentsOfFile: ipynb, encoding: .utf8)
        #expect(text.contains("\"image/png\": \"iVBOR") && text.contains("\"output_type\": \"error\""))
    }

    /// A Markdown notebook already at the import's destination may hold work: import leaves it
    /// alone (exit 2) unless told `--force`.
    @Test func importNeverReplacesANotebookSilently() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let md = folder.appendingPathComponent("every.md").path
        try Data("# My edits\n".utf8).write(to: URL(fileURLWithPath: md))
        let source = Self.fixtures.appendingPathComponent("every-output.ipynb").path
        let (refused, refusal) = try LabbookBinary.run(["import", source, "-o", md])
        #expect(refused == .exited(2) && refusal.contains("\(md): exists; give another path with -o, or --force"), "\(refusal)")
        #expect(try String(contentsOfFile: md, encoding: .utf8) == "# My edits\n")
        let (forced, forcedErrors) = try LabbookBinary.run(["import", source, "-o", md, "--force"])
        #expect(forced == .exited(0), "\(forcedErrors)")
        #expect(try String(contentsOfFile: md, encoding: .utf8) != "# My edits\n")
    }

    @Test func exportRefusesAFolderAndTheNotebookItself() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let md = folder.appendingPathComponent("nb.md").path
        try Data("# N\n\n```python\nx = 1\n```\n".utf8).write(to: URL(fileURLWithPath: md))
        let (intoFolder, folderError) = try LabbookBinary.run(["export", md, "--ipynb", folder.path])
        #expect(intoFolder == .exited(2) && folderError.contains("\(folder.path): is a directory"), "\(folderError)")
        let (overNotebook, notebookError) = try LabbookBinary.run(["export", md, "--ipynb", md])
        #expect(overNotebook == .exited(2) && notebookError.contains("--ipynb would overwrite the notebook itself"), "\(notebookError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["nb.md"])
        let (missing, missingError) = try LabbookBinary.run(["import", folder.appendingPathComponent("none.ipynb").path])
        #expect(missing == .exited(2) && missingError.contains("none.ipynb: no such file"), "\(missingError)")
    }
}
