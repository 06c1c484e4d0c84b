import CellOutput
import Foundation
import Testing
@testable import Jupyter
import NotebookFormat

@Suite struct ExportTests {
    static let markdown = """
        ---
        title: Exported
        params:
          units: 32
        ---

        # Exported

        ```python
        #| error: true
        model.summary()
        ```

        ```python {#fit}
        #| eval: false
        history = model.fit(x, y)
        ```

        ```raw
        kept as a raw cell
        ```

        """

    static let table = OutputTable(
        plainText: "Model: \"sequential\"\n| Layer | Params |\n| dense <1> | 10 |\nTotal params: 10\n",
        header: ["Layer (type)", "Param #"], rows: [["dense <1>", "10"]], footer: ["Total params: 10"])
    static let chart = OutputChart(
        plainText: "Epoch 1/2\nEpoch 2/2\n", title: "Training", epochs: [1, 2],
        series: [("loss", [0.5, 0.25]), ("accuracy", [0.8, 0.9])])
    static let parts: [OutputPart] = [
        .stream("before\n"), .table(table), .chart(chart), .result("0.95"),
        .figure(OutputFigure(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", plainText: "<Figure size 640x480 with 1 Axes>")),
        .error(CellError(typeName: "ValueError", message: "bad", cellLine: 1, traceback: "----\nValueError: bad\n")),
    ]

    static func exported() throws -> JSONValue {
        let notebook = try Notebook.parse(text: markdown, path: "nb.md")
        return JupyterExporter.export(
            notebook, text: markdown, outputs: [parts.map(ExportOutput.part), nil], parameterLines: ["units = 32"])
    }

    @Test func everyPartHasItsJupyterOutput() throws {
        let cells = try #require(try Self.exported()["cells"]?.array)
        #expect(cells.map { $0["cell_type"]?.string ?? "" } == ["markdown", "code", "code", "code", "raw"])
        let outputs = try #require(cells[2]["outputs"]?.array)
        #expect(outputs.map { $0["output_type"]?.string ?? "" }
                == ["stream", "display_data", "stream", "display_data", "execute_result", "display_data", "error"])
        #expect(outputs[0]["text"]?.multilineText == "before\n")
        let html = try #require(outputs[1]["data"]?["text/html"]?.multilineText)
        #expect(html.contains("<th>Layer (type)</th>") && html.contains("<td>dense &lt;1&gt;</td>"))
        #expect(outputs[1]["data"]?["text/plain"]?.multilineText == "Model: \"sequential\"\n| Layer | Params |\n| dense <1> | 10 |\nTotal params: 10")
        #expect(outputs[2]["text"]?.multilineText == "Epoch 1/2\nEpoch 2/2\n")
        #expect(outputs[3]["data"]?["image/svg+xml"]?.multilineText?.hasPrefix("<svg") == true)
        #expect(outputs[4]["execution_count"] == .int(1))
        #expect(outputs[4]["data"]?["text/plain"]?.multilineText == "0.95")
        #expect(outputs[5]["data"]?["image/svg+xml"]?.multilineText == "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        #expect(outputs[6]["ename"] == .string("ValueError") && outputs[6]["evalue"] == .string("bad"))
        #expect(outputs[6]["traceback"] == .array([.string("----"), .string("ValueError: bad")]))
        #expect(cells[2]["execution_count"] == .int(1))
    }

    @Test func optionsBecomeTagsAndParamsAParametersCell() throws {
        let notebook = try Self.exported()
        let cells = try #require(notebook["cells"]?.array)
        #expect(cells[1]["metadata"]?["tags"] == .array([.string("parameters")]))
        #expect(cells[1]["source"]?.multilineText == "units = 32")
        #expect(cells[2]["metadata"]?["tags"] == .array([.string("raises-exception")]))
        #expect(cells[2]["source"]?.multilineText == "#| error: true\nmodel.summary()")
        #expect(cells[3]["metadata"]?["tags"] == .array([.string("skip-execution")]))
        #expect(cells[3]["id"] == .string("fit"))
        #expect(cells[3]["metadata"]?["labbook"]?["info"] == .string("python {#fit}"))
        // Not run: the second cell is after the last one with output.
        #expect(cells[3]["execution_count"] == .null)
        #expect(notebook["metadata"]?["kernelspec"]?["name"] == .string("python3"))
        #expect(notebook["metadata"]?["language_info"]?["name"] == .string("python"))
        #expect(notebook["metadata"]?["title"] == .string("Exported"))
        #expect(notebook["nbformat"] == .int(4) && notebook["nbformat_minor"] == .int(5))
        // Every cell has a unique id, as nbformat 4.5 requires.
        let ids = cells.compactMap { $0["id"]?.string }
        #expect(ids.count == cells.count && Set(ids).count == ids.count)
    }

    @Test func unexecutedNotebookHasNoCountsOrOutputs() throws {
        let notebook = try Notebook.parse(text: Self.markdown, path: "nb.md")
        let json = JupyterExporter.export(notebook, text: Self.markdown, outputs: [nil, nil], parameterLines: [])
        for cell in json["cells"]?.array ?? [] where cell["cell_type"]?.string == "code" {
            #expect(cell["execution_count"] == .null)
            #expect(cell["outputs"] == .array([]))
        }
    }

    /// `nbformat.validate` (Debian's python3-nbformat) accepts the export with every output
    /// kind, when that package is installed; scripts/check-export.sh runs the same check on
    /// every notebook of the repository.
    @Test(.enabled(if: ExportTests.hasNbformat)) func nbformatAcceptsIt() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-export-\(UUID().uuidString).ipynb")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(try Self.exported().serialized().utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", file.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    static let hasNbformat: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import nbformat"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()
}

@Suite struct ExportThenImportTests {
    /// Importing an export with typed outputs gives the text the executed Markdown shows:
    /// values, tables and the fit's log as text, the figure as a file, and no file for the
    /// training chart (a run draws it again).
    @Test func typedOutputsComeBackAsTheMarkdownShowsThem() throws {
        let exported = try ExportTests.exported()
        let imported = try JupyterImporter.convert(Data(exported.serialized().utf8), path: "nb.ipynb", markdownPath: "nb.md")
        let notebook = try Notebook.parse(text: imported.markdown, path: "nb.md")
        let output = try #require(notebook.cells[0].previousOutput)
        let expected = ExportTests.parts.filter { if case .figure = $0 { false } else { true } }.map(\.plainText).joined()
        #expect(output.text == expected)
        #expect(output.isError)
        #expect(output.images.count == 1 && imported.files.count == 1)
        #expect(notebook.frontMatter.params.map(\.name) == ["units"])
        #expect(notebook.cells.count == 2)
    }
}
