import Foundation
import Testing
@testable import Jupyter
import NotebookFormat

@Suite struct ImportTests {
    @Test func everyOutputKind() throws {
        let imported = try JupyterFixtures.importing(try JupyterFixtures.data("every-output.ipynb"))
        let notebook = try Notebook.parse(text: imported.markdown, path: "nb.md")
        #expect(notebook.frontMatter.title == "Every output kind")
        // Two markdown cells in a row: two blank lines between them, as jupytext writes.
        #expect(imported.markdown.contains("![logo](nb_files/attachment-1-logo.png)\n\n\nSecond markdown cell"))
        // The raw cell holds a ``` line, so its fence is longer.
        #expect(imported.markdown.contains("\n````raw\n.. note::\n   raw text\n```\nwith a fence\n````\n"))
        #expect(notebook.cells.count == 4)
        let first = try #require(notebook.cells[0].previousOutput)
        #expect(notebook.cells[0].source == "%matplotlib inline\n!pip install keras\nx = 1\nprint('printed')\nx_train.shape")
        #expect(first.text == "printed\na warning\n(60000, 28, 28)\n")
        #expect(!first.isError)
        // A source with a ``` line gets a longer fence and still reads back exactly.
        #expect(notebook.cells[1].source == "s = '''\n```\n'''\nplt.plot([1, 2])")
        #expect(notebook.cells[1].previousOutput?.images == ["nb_files/cell-2-1.png", "nb_files/cell-2-2.svg"])
        let error = try #require(notebook.cells[2].previousOutput)
        #expect(error.isError)
        #expect(!error.text.contains("\u{1B}"))
        #expect(error.text.hasSuffix("----> 1 y\n\nNameError: name 'y' is not defined\n") || error.text.hasSuffix("NameError: name 'y' is not defined\n"))
        // The raises-exception tag becomes the option Labbook reads.
        #expect(notebook.cells[2].options.error)
        #expect(notebook.cells[2].source == "#| error: true\ny")
        #expect(notebook.cells[3].source.isEmpty && notebook.cells[3].previousOutput == nil)
        #expect(imported.files.map(\.name) == ["attachment-1-logo.png", "cell-2-1.png", "cell-2-2.svg"])
        #expect(imported.files[0].data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(String(decoding: imported.files[2].data, as: UTF8.self).hasPrefix("<svg"))
        // The shell line is reported at its line in the Markdown; %matplotlib is not.
        let shellLine = notebook.cells[0].firstCodeLine + 1
        #expect(imported.warnings.contains { $0.hasPrefix("nb.md:\(shellLine): warning: '!pip' is an IPython magic or shell escape") })
        #expect(!imported.warnings.contains { $0.contains("%matplotlib") })
        #expect(imported.warnings.contains { $0.contains("cell 5: warning: output 3 has only text/html") })
    }

    /// A ```python block in a markdown cell is an example Jupyter only shows: it gets a plain
    /// fence, so it does not become a cell that runs; the code cell stays the only cell.
    @Test func pythonExamplesInMarkdownCellsDoNotRun() throws {
        let markdown = "Call it like this:\n\n```python\nmodel.fit(x, y)\n```\n\n- in a list:\n  ~~~py\n  f()\n  ~~~"
        let json = JSONValue.object([
            "nbformat": .int(4), "nbformat_minor": .int(5), "metadata": .object([:]),
            "cells": .array([
                .object(["cell_type": .string("markdown"), "metadata": .object([:]), "source": .string(markdown)]),
                .object(["cell_type": .string("code"), "metadata": .object([:]), "source": .string("x = 1"),
                         "outputs": .array([]), "execution_count": .null]),
            ]),
        ])
        let imported = try JupyterFixtures.importing(Data(json.serialized().utf8))
        let notebook = try Notebook.parse(text: imported.markdown, path: "nb.md")
        #expect(notebook.cells.map(\.source) == ["x = 1"])
        #expect(imported.markdown.contains("Call it like this:\n\n```\nmodel.fit(x, y)\n```\n\n- in a list:\n  ~~~\n  f()\n  ~~~\n"))
        #expect(imported.warnings.filter { $0.hasPrefix("nb.ipynb: cell 1: warning: its ```") }.count == 2)
    }

    @Test func importIsDeterministic() throws {
        let data = try JupyterFixtures.data("every-output.ipynb")
        #expect(try JupyterFixtures.importing(data).markdown == JupyterFixtures.importing(data).markdown)
    }

    @Test(arguments: [
        ("{\"cells\": [", "is not valid JSON"),
        ("[1, 2]", "the top level is not an object"),
        ("{\"cells\": []}", "has no nbformat number"),
        ("{\"nbformat\": 3, \"nbformat_minor\": 0, \"worksheets\": []}", "is nbformat 3; Labbook imports nbformat 4. Convert it first: jupyter nbconvert --to notebook --nbformat 4 bad.ipynb"),
        ("{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}}", "has no list of cells"),
        ("{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": [{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"a\"}, {\"cell_type\": \"code\", \"metadata\": {}, \"source\": 7, \"outputs\": []}]}",
         "cell 2: its source is not a string or a list of strings"),
        ("{\"nbformat\": 4, \"nbformat_minor\": 4, \"metadata\": {}, \"cells\": [{\"cell_type\": \"code\", \"metadata\": {}, \"source\": [\"a\", 1], \"outputs\": []}]}",
         "cell 1: its source is not a string or a list of strings"),
    ])
    func badInputSaysWhy(json: String, reason: String) {
        #expect {
            try JupyterImporter.convert(Data(json.utf8), path: "bad.ipynb", markdownPath: "bad.md")
        } throws: { error in
            let description = "\(error)"
            return description.hasPrefix("bad.ipynb: ") && description.contains(reason)
        }
    }

    @Test func longOutputIsCutWithAWarning() throws {
        let line = String(repeating: "x", count: 99) + "\n"
        let text = String(repeating: line, count: 30_000)  // 3 MB
        let cell: JSONValue = .object([
            "cell_type": .string("code"), "metadata": .object([:]), "source": .string("print(x)"),
            "outputs": .array([.object(["output_type": .string("stream"), "name": .string("stdout"), "text": .string(text)])]),
        ])
        let json = JSONValue.object(["nbformat": .int(4), "nbformat_minor": .int(4), "metadata": .object([:]), "cells": .array([cell])])
        let imported = try JupyterFixtures.importing(Data(json.serialized().utf8))
        #expect(imported.markdown.utf8.count < OutputImport.textLimit + 1000)
        #expect(imported.markdown.contains("more bytes of output not imported]"))
        #expect(imported.warnings.contains { $0.contains("cell 1: warning: its output is 3000000 bytes") })
    }

    @Test func ansiCodesAreStripped() {
        #expect(OutputImport.strippingANSI("\u{1B}[0;31mNameError\u{1B}[0m: x \u{1B}[1;32m----> \u{1B}[39m1") == "NameError: x ----> 1")
    }
}
