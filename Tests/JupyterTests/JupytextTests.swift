import Testing
import NotebookFormat

/// What Labbook makes of jupytext's Markdown and MyST notebooks (see docs/jupyter.md).
@Suite struct JupytextTests {
    @Test func jupytextMarkdownRunsAsIs() throws {
        // As `jupytext --to md` writes a notebook.
        let text = """
            ---
            jupyter:
              jupytext:
                text_representation:
                  extension: .md
                  format_name: markdown
              kernelspec:
                display_name: Python 3
                language: python
                name: python3
            ---

            # A jupytext notebook

            ```python
            x = 1
            ```

            """
        let notebook = try Notebook.parse(text: text, path: "nb.md")
        #expect(notebook.warnings.isEmpty)
        #expect(notebook.cells.map(\.source) == ["x = 1"])
        #expect(notebook.title == "A jupytext notebook")
        // The front matter is kept byte for byte when the notebook is written back.
        #expect(notebook.cleaned() == text)
    }

    @Test func mystCodeCellsAreNotCellsAndSaySo() throws {
        let text = """
            ---
            jupytext:
              text_representation:
                format_name: myst
            kernelspec:
              name: python3
            ---

            ```{code-cell} ipython3
            x = 1
            ```

            """
        let notebook = try Notebook.parse(text: text, path: "nb.md")
        #expect(notebook.cells.isEmpty)
        #expect(notebook.warnings.map(\.line) == [9])
        #expect(notebook.warnings.first?.message.contains("MyST {code-cell} block is not a Labbook cell") == true)
    }
}
