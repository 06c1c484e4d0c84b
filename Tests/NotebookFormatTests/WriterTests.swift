import Testing
@testable import NotebookFormat

@Suite struct WriterTests {
    func write(_ text: String, _ outputs: [CellRendering?]) throws -> String {
        try Notebook.parse(text: text, path: "nb.md").executedMarkdown(outputs)
    }

    @Test func insertsAfterOneBlankLine() throws {
        let written = try write("# T\n\n```python\nprint(2)\n```\n\nEnd.\n", [CellRendering(text: "2\n")])
        #expect(written == "# T\n\n```python\nprint(2)\n```\n\n```output\n2\n```\n\nEnd.\n")
    }

    @Test func textWithoutFinalNewlineGetsOne() throws {
        #expect(try write("```python\nx\n```\n", [CellRendering(text: "no newline")])
            == "```python\nx\n```\n\n```output\nno newline\n```\n")
    }

    @Test func errorBlocksAndFigures() throws {
        let rendering = CellRendering(text: "oops\n", isError: true, images: ["nb_files/a.svg", "nb_files/b c.svg"])
        #expect(try write("```python\nx\n```\n", [rendering])
            == "```python\nx\n```\n\n```output error\noops\n```\n\n![figure](nb_files/a.svg)\n![figure](nb_files/b%20c.svg)\n")
    }

    @Test func fenceIsLongerThanAnyBacktickRunInTheText() throws {
        let written = try write("```python\nx\n```\n", [CellRendering(text: "a\n  ````\n```b\n")])
        #expect(written == "```python\nx\n```\n\n`````output\na\n  ````\n```b\n`````\n")
    }

    @Test func outputTextIsNormalised() throws {
        // CRLF is a newline, a lone CR returns to the line start (the last part is kept,
        // as a terminal shows it), NUL becomes U+FFFD.
        let written = try write("```python\nx\n```\n", [CellRendering(text: "a\r\n10%\r100%\nnul\u{0}\n")])
        #expect(written == "```python\nx\n```\n\n```output\na\n100%\nnul\u{FFFD}\n```\n")
    }

    @Test func figuresFollowedDirectlyByTextGetAnEndMarker() throws {
        // Without the marker "Text right after." would join the figures' paragraph.
        let text = "```python\nplot()\n```\nText right after.\n"
        let written = try write(text, [CellRendering(text: "", images: ["nb_files/a.svg"])])
        #expect(written == "```python\nplot()\n```\n\n![figure](nb_files/a.svg)\n<!-- end of figures -->\nText right after.\n")
        let reparsed = try Notebook.parse(text: written, path: "nb.md")
        #expect(reparsed.cells[0].previousOutputLines == 4...6)
        #expect(reparsed.cleaned() == text)
        #expect(ProseHTML.render(written).contains("<p>Text right after.</p>"))
    }

    @Test func everyStaleBlockAfterACellIsReplaced() throws {
        let text = "```python\nx\n```\n\n```output\na\n```\n\n```output error\nb\n```\n\n![figure](nb_files/c.svg)\n\nEnd.\n"
        let notebook = try Notebook.parse(text: text, path: "nb.md")
        #expect(notebook.cells[0].previousOutput == CellRendering(text: "a\nb\n", isError: true, images: ["nb_files/c.svg"]))
        #expect(notebook.cleaned() == "```python\nx\n```\n\nEnd.\n")
        #expect(notebook.executedMarkdown([CellRendering(text: "new\n")]) == "```python\nx\n```\n\n```output\nnew\n```\n\nEnd.\n")
    }

    @Test func captionedImagesAreTheUsers() throws {
        let text = "```python\nx\n```\n\n![figure](nb_files/a.svg)\nCaption text.\n"
        let notebook = try Notebook.parse(text: text, path: "nb.md")
        #expect(notebook.cells[0].previousOutput == nil)
        #expect(notebook.executedMarkdown([CellRendering(text: "1\n")])
            == "```python\nx\n```\n\n```output\n1\n```\n\n![figure](nb_files/a.svg)\nCaption text.\n")
    }

    @Test func missingRenderingsRemoveOldOutput() throws {
        let text = "```python\na\n```\n\n```output\nold\n```\n\n```python\nb\n```\n\n```output\nold\n```\n"
        #expect(try write(text, [CellRendering(text: "new\n")])
            == "```python\na\n```\n\n```output\nnew\n```\n\n```python\nb\n```\n")
    }

    @Test func runnerCanKeepPreviousOutputs() throws {
        let text = "```python\na\n```\n\n```output error\nold\n```\n\n![figure](nb_files/x.svg)\n"
        let notebook = try Notebook.parse(text: text, path: "nb.md")
        #expect(notebook.executedMarkdown(notebook.cells.map(\.previousOutput)) == text)
    }
}
