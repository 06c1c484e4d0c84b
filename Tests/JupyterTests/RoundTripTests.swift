import Foundation
import Testing
@testable import Jupyter
import NotebookFormat

/// `import` then `export` gives back the Jupyter notebook's cells, sources and outputs;
/// `export` then `import` gives back the Labbook notebook byte for byte.
@Suite struct JupyterRoundTripTests {
    /// The cells of an nbformat notebook as the round trip keeps them: type, source, and
    /// outputs as (kind, text) — ids and execution counts are renumbered by export.
    static func essence(_ notebook: JSONValue) -> [String] {
        (notebook["cells"]?.array ?? []).map { cell in
            var line = (cell["cell_type"]?.string ?? "?") + "|" + (cell["source"]?.multilineText ?? "")
            for output in cell["outputs"]?.array ?? [] {
                let kind = output["output_type"]?.string ?? "?"
                let text = output["text"]?.multilineText ?? output["data"]?["text/plain"]?.multilineText
                    ?? output["traceback"]?.array?.compactMap(\.string).joined(separator: "\n") ?? ""
                line += "|" + kind + ":" + text
            }
            return line
        }
    }

    @Test func referenceNotebookImportsAndExportsBack() throws {
        let data = try JupyterFixtures.data("exploring-mnist.ipynb")
        let original = try JSONValue.parse(data)
        let imported = try JupyterFixtures.importing(data)
        #expect(imported.warnings.isEmpty)
        let notebook = try Notebook.parse(text: imported.markdown, path: "nb.md")
        #expect(notebook.title == "Exploring MNIST And Deep Neural Networks")
        #expect(notebook.cells.count == 14)
        #expect(notebook.cells[1].previousOutput?.text.contains("Total params: 25,450\n") == true)
        let exported = try JupyterFixtures.exporting(imported.markdown)
        #expect(Self.essence(exported) == Self.essence(original))
    }

    @Test func everyOutputNotebookKeepsItsCellsAndOutputs() throws {
        let data = try JupyterFixtures.data("every-output.ipynb")
        let imported = try JupyterFixtures.importing(data)
        let exported = try JupyterFixtures.exporting(imported.markdown, files: JupyterFixtures.linkedFiles(imported))
        let cells = try #require(exported["cells"]?.array)
        #expect(cells.map { $0["cell_type"]?.string ?? "" } == ["markdown", "markdown", "raw", "code", "code", "code", "code"])
        // Images come back as display_data of their type, with the same bytes.
        let images = cells[4]["outputs"]?.array ?? []
        #expect(images.map { $0["data"].map { data in data["image/png"] != nil ? "png" : data["image/svg+xml"] != nil ? "svg" : "?" } } == ["png", "svg"])
        let original = try JSONValue.parse(data)
        #expect(images[0]["data"]?["image/png"]?.string?.trimmingCharacters(in: .whitespacesAndNewlines)
                == original["cells"]?.array?[4]["outputs"]?.array?[0]["data"]?["image/png"]?.string)
        // The error comes back as an error with its name and value.
        let error = try #require(cells[5]["outputs"]?.array?.first)
        #expect(error["output_type"]?.string == "error")
        #expect(error["ename"]?.string == "NameError")
        #expect(error["evalue"]?.string == "name 'y' is not defined")
        #expect(cells[5]["metadata"]?["tags"] == .array([.string("raises-exception")]))
    }

    /// Labbook notebooks in the canonical layout (one blank line between blocks, two between
    /// markdown cells, outputs as `labbook run` writes them) come back byte for byte.
    static let labbookNotebooks = ["notebooks", "notebooks/tutorials", "Tests/RunnerTests/Golden", "Tests/EndToEndTests/Notebooks"]
        .flatMap(JupyterFixtures.markdownFiles(in:))

    @Test(arguments: labbookNotebooks)
    func labbookNotebookComesBackByteForByte(path: String) throws {
        let url = JupyterFixtures.repository.appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        let folder = url.deletingLastPathComponent()
        let notebook = try Notebook.parse(text: text, path: path)
        var files: [String: Data] = [:]
        for image in notebook.cells.compactMap(\.previousOutput).flatMap(\.images) {
            files[image] = FileManager.default.contents(atPath: folder.appendingPathComponent(image).path) ?? Data("<svg/>".utf8)
        }
        let exported = try JupyterFixtures.exporting(text, files: files)
        let imported = try JupyterImporter.convert(
            Data(exported.serialized().utf8), path: "nb.ipynb", markdownPath: url.lastPathComponent)
        #expect(imported.markdown == text)
    }

    /// Blank lines the canonical layout does not have (several between blocks, whitespace-only
    /// lines, none at the end) are kept in the export's metadata and come back as they were.
    @Test func ownBlankLinesComeBackByteForByte() throws {
        let text = "---\ntitle: T\n---\n\n\nSome prose.\n\n\n\n```python\nprint(1)\n```\n  \n```output\n1\n```\n\n\n\nMore  \ntext\n\n\n\n\nEnd.\n\n```python\nx = 2\n```"
        let exported = try JupyterFixtures.exporting(text)
        #expect(exported["metadata"]?["labbook"]?["layout"] != nil)
        #expect(try JupyterFixtures.importing(Data(exported.serialized().utf8)).markdown == text)
        // Without the kept layout, import writes its own; and that layout needs nothing kept.
        let stripped = exported.serialized().replacingOccurrences(of: "\"layout\"", with: "\"ignored\"")
        let canonical = try JupyterFixtures.importing(Data(stripped.utf8)).markdown
        #expect(canonical.hasPrefix("---\ntitle: T\n---\n\nSome prose.\n\n```python\nprint(1)\n```\n\n```output\n1\n```\n\nMore  \ntext\n\n\nEnd.\n"))
        #expect(try JupyterFixtures.exporting(canonical)["metadata"]?["labbook"]?["layout"] == nil)
    }

    /// A cell added in Jupyter changes the non-blank lines: import writes its own layout.
    @Test func aNotebookChangedInJupyterKeepsTheImportLayout() throws {
        let text = "# T\n\n\n\n```python\nprint(1)\n```\n"
        var exported = try JupyterFixtures.exporting(text)
        guard case .object(var root) = exported, case .array(var cells)? = root["cells"] else { Issue.record("no cells"); return }
        cells.append(.object(["cell_type": .string("markdown"), "metadata": .object([:]), "source": .string("Added.")]))
        root["cells"] = .array(cells)
        exported = .object(root)
        #expect(try JupyterFixtures.importing(Data(exported.serialized().utf8)).markdown == "# T\n\n```python\nprint(1)\n```\n\nAdded.\n")
    }

    @Test func blankLineLayoutMapsLinesAndSurvivesJSON() throws {
        let original = "# A\n\n\n\nB\n\n```python\nx\n```\n", canonical = "# A\n\nB\n\n```python\nx\n```\n"
        let layout = try #require(BlankLineLayout(original: original, canonical: canonical))
        #expect(layout.applied(to: canonical) == original)
        #expect(BlankLineLayout(json: layout.json) == layout)
        // Line 3 of the canonical text (B) is line 5 of the original; the fence 5 -> 7.
        #expect([1, 3, 5, 6].map { layout.line($0, of: canonical) } == [1, 5, 7, 8])
        #expect(BlankLineLayout(original: canonical, canonical: canonical) == nil)
        #expect(BlankLineLayout(original: "# A\r\n\r\nB\r\n", canonical: "# A\n\nB\n") == nil, "CRLF is normalised")
        #expect(layout.applied(to: "# A\n\nB\n\nC\n") == nil)
    }

    @Test func exportIsDeterministic() throws {
        let text = "---\ntitle: T\nparams:\n  n: 3\n---\n\n# T\n\n```python\nprint(n)\n```\n\n```output\n3\n```\n"
        #expect(try JupyterFixtures.exporting(text).serialized() == JupyterFixtures.exporting(text).serialized())
    }
}

/// The format corpus holds notebooks in layouts export normalises (CRLF, cells in lists and
/// block quotes, odd fences): after one export and import the notebook is in the canonical
/// layout, and from there both round trips are exact.
@Suite struct NormalisedRoundTripTests {
    static let corpus = JupyterFixtures.markdownFiles(in: "Tests/NotebookFormatTests/Fixtures/roundtrip")

    @Test(arguments: corpus)
    func oneExportNormalisesThenRoundTripsHold(path: String) throws {
        let text = try String(contentsOf: JupyterFixtures.repository.appendingPathComponent(path), encoding: .utf8)
        let first = try JupyterFixtures.exporting(text)
        let normalised = try JupyterFixtures.importing(Data(first.serialized().utf8)).markdown
        let second = try JupyterFixtures.exporting(normalised)
        #expect(JupyterRoundTripTests.essence(second) == JupyterRoundTripTests.essence(first))
        #expect(try JupyterFixtures.importing(Data(second.serialized().utf8)).markdown == normalised)
    }
}
