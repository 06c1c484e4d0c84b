import Testing
@testable import NotebookFormat

@Suite struct NotebookParseTests {
    @Test func frontMatterFields() throws {
        let text = """
            ---
            title: Exploring MNIST
            seed: 42
            params:
              epochs: 5
              lr: 0.01
              optimizer: adam
              layers: [32, 32]
              verbose: true
              note: null
              quoted: "7"
              nested: {b: 1, a: [x]}
            timings: false
            author: me
            ---

            Text.

            """
        let parsed = try Notebook.parse(text: text, path: "nb.md")
        #expect(parsed.title == "Exploring MNIST")
        #expect(parsed.seed == 42)
        #expect(parsed.timings == false)
        #expect(parsed.frontMatter.lines == 1...15)
        #expect(parsed.params.map(\.name) == ["epochs", "lr", "optimizer", "layers", "verbose", "note", "quoted", "nested"])
        #expect(parsed.params.map(\.value) == [
            .int(5), .float(0.01), .string("adam"), .list([.int(32), .int(32)]), .bool(true), .none,
            .string("7"), .dict([(.string("b"), .int(1)), (.string("a"), .list([.string("x")]))]),
        ])
        #expect(parsed.warnings == [FormatWarning(
            line: 14, message: "unknown front matter key 'author' is ignored; the keys are title, seed, params, execute, timings, metrics, sweep")])
        #expect(parsed.segments == [.prose("\nText.\n", firstLine: 16)])
    }

    /// Without a front-matter title the first top-level `# ` heading is the title, as plain
    /// text; a heading inside a code block, a block quote or of level 2 is not.
    @Test func firstLevelOneHeadingIsTheTitle() throws {
        let text = """
            > # Quoted

            ## Second level

            ```text
            # in a code block
            ```

            Exploring *MNIST* with `keras`
            ===

            # Later
            """
        #expect(try Notebook.parse(text: text, path: "nb.md").title == "Exploring MNIST with keras")
        #expect(try Notebook.parse(text: "---\ntitle: Given\n---\n# Heading\n", path: "nb.md").title == "Given")
        #expect(try Notebook.parse(text: "## Only level two\n\nText.\n", path: "nb.md").title == nil)
    }

    @Test func noFrontMatterMeansDefaults() throws {
        let parsed = try Notebook.parse(text: "# Title\n", path: "nb.md")
        #expect(parsed.frontMatter == FrontMatter())
        #expect(parsed.seed == 0)
        #expect(parsed.frontMatter.title == nil && parsed.title == "Title")
        #expect(parsed.params.isEmpty)
    }

    @Test func commandLineParams() {
        #expect(ParamValue(commandLine: "0.01") == .float(0.01))
        #expect(ParamValue(commandLine: "5") == .int(5))
        #expect(ParamValue(commandLine: "adam") == .string("adam"))
        #expect(ParamValue(commandLine: "[32, 64]") == .list([.int(32), .int(64)]))
        #expect(ParamValue(commandLine: "true") == .bool(true))
        #expect(ParamValue(commandLine: "a: b: c") == .string("a: b: c"))
        #expect(ParamValue(commandLine: "") == .string(""))
    }

    @Test func cellPositionsAndSources() throws {
        let text = "# T\n\n```python\nx = 1\n\nprint(x)\n```\n\n> ```py\n> y = 2\n>\n>     indented\n> ```\n\n1. item\n\n   ```python3\n   z = 3\n   ```\n"
        let cells = try Notebook.parse(text: text, path: "nb.md").cells
        #expect(cells.count == 3)
        #expect(cells.map(\.index) == [0, 1, 2])
        #expect(cells.map(\.fenceLine) == [3, 9, 17])
        #expect(cells.map(\.firstCodeLine) == [4, 10, 18])
        #expect(cells.map(\.lastLine) == [7, 13, 19])
        #expect(cells.map(\.source) == ["x = 1\n\nprint(x)", "y = 2\n\n    indented", "z = 3"])
        #expect(cells.map(\.containerPrefix) == ["", "> ", "   "])
        #expect(cells.map(\.infoString) == ["python", "py", "python3"])
    }

    @Test func emptyCellHasEmptySource() throws {
        let cell = try #require(try Notebook.parse(text: "```python\n```\n", path: "nb.md").cells.first)
        #expect(cell.source == "")
        #expect(cell.firstCodeLine == 2)
        #expect(cell.lastLine == 2)
    }

    @Test func previousOutputIsRead() throws {
        let text = "```python\nprint(1)\n```\n\n````output error\n1\n```\nTraceback\n````\n\n![figure](nb_files/a%20b.svg)\n![x](<nb_files/c.svg>)\n\nProse.\n"
        let parsed = try Notebook.parse(text: text, path: "nb.md")
        let cell = parsed.cells[0]
        #expect(cell.previousOutput == CellRendering(text: "1\n```\nTraceback\n", isError: true, images: ["nb_files/a b.svg", "nb_files/c.svg"]))
        #expect(cell.previousOutputLines == 4...12)
        #expect(parsed.segments == [.cell(0), .prose("\nProse.\n", firstLine: 13)])
    }

    @Test func userImagesAreProse() throws {
        let text = "```python\nx\n```\n\n![diagram](images/net.png)\n"
        let parsed = try Notebook.parse(text: text, path: "nb.md")
        #expect(parsed.cells[0].previousOutput == nil)
        #expect(parsed.segments == [.cell(0), .prose("\n![diagram](images/net.png)\n", firstLine: 4)])
    }

    @Test func segmentsInDocumentOrder() throws {
        let text = "---\ntitle: t\n---\n# Title\n\nIntro.\n\n```python\na\n```\n\n```output\n1\n```\n```python\nb\n```\n\n\nMiddle **bold**.\n\n```python\nc\n```\n\n"
        let parsed = try Notebook.parse(text: text, path: "nb.md")
        #expect(parsed.segments == [
            .prose("# Title\n\nIntro.\n\n", firstLine: 4),
            .cell(0),
            .cell(1),
            .prose("\n\nMiddle **bold**.\n\n", firstLine: 18),
            .cell(2),
        ])
    }

    @Test func crlfSegmentsKeepTheirEndings() throws {
        let parsed = try Notebook.parse(text: "Intro.\r\n\r\n```python\r\nx\r\n```\r\nEnd.\r\n", path: "nb.md")
        #expect(parsed.lineEnding == "\r\n")
        #expect(parsed.cells[0].source == "x")
        #expect(parsed.segments == [.prose("Intro.\r\n\r\n", firstLine: 1), .cell(0), .prose("End.\r\n", firstLine: 6)])
    }

    @Test func frontMatterWithCRLFAndByteOrderMark() throws {
        let text = "\u{FEFF}---\r\ntitle: T\r\nseed: 7\r\n---\r\n```python\r\nx\r\n```\r\n"
        let parsed = try Notebook.parse(text: text, path: "nb.md")
        #expect(parsed.title == "T")
        #expect(parsed.seed == 7)
        #expect(parsed.cells.map(\.fenceLine) == [5])
        let written = parsed.executedMarkdown([CellRendering(text: "1\n")])
        #expect(written == text + "\r\n```output\r\n1\r\n```\r\n")
    }
}
