import Testing
@testable import NotebookFormat

@Suite struct CellOptionsTests {
    func notebook(_ text: String) throws -> Notebook {
        try Notebook.parse(text: text, path: "nb.md")
    }

    @Test func defaultsWithoutOptions() throws {
        let cell = try #require(try notebook("```python\nx = 1\n```\n").cells.first)
        #expect(cell.options == CellOptions())
        #expect(cell.options.eval && cell.options.echo && cell.options.output && cell.options.cache)
        #expect(!cell.options.error)
        #expect(cell.options.timeout == nil)
        #expect(cell.id == nil)
    }

    @Test func readsEveryOption() throws {
        let text = """
            Intro.

            ```python
            #| id: train
            #| eval: false
            #| echo: false
            #| output: false
            #| error: true
            #| cache: false
            #| timeout: 2.5
            model.fit(x, y)
            ```

            """
        let parsed = try notebook(text)
        let cell = try #require(parsed.cells.first)
        #expect(cell.options == CellOptions(
            id: "train", eval: false, echo: false, output: false, error: true, cache: false, timeout: 2.5))
        #expect(cell.id == "train")
        #expect(parsed.warnings.isEmpty)
        // Option lines stay in the source (the cache key includes them).
        #expect(cell.source.hasPrefix("#| id: train\n"))
        #expect(cell.source.hasSuffix("model.fit(x, y)"))
    }

    @Test func acceptsYAMLSpellingsAndTightColons() throws {
        let cell = try #require(try notebook("```python\n#|eval:False\n#| echo: no\n#| timeout: 600\n#| id: \"quoted\"\npass\n```\n").cells.first)
        #expect(!cell.options.eval)
        #expect(!cell.options.echo)
        #expect(cell.options.timeout == 600)
        #expect(cell.id == "quoted")
    }

    @Test func optionsStopAtTheFirstOtherLine() throws {
        let cell = try #require(try notebook("```python\n#| eval: false\nx = 1\n#| echo: false\n```\n").cells.first)
        #expect(!cell.options.eval)
        #expect(cell.options.echo)
    }

    @Test func unknownKeyIsAWarningWithItsLine() throws {
        let parsed = try notebook("# T\n\n```python\n#| eval: false\n#| colour: red\nx = 1\n```\n")
        #expect(parsed.warnings == [FormatWarning(
            line: 5,
            message: "unknown cell option 'colour'; the options are id, eval, echo, output, error, cache, timeout; it is ignored")])
        #expect(!parsed.cells[0].options.eval)
        #expect(parsed.warnings[0].formatted(path: "nb.md").hasPrefix("nb.md:5: warning: unknown cell option 'colour'"))
    }

    @Test func badValuesAreWarningsAndKeepTheDefault() throws {
        let text = "```python\n#| eval: maybe\n#| timeout: -3\n#| timeout: soon\n#| id: two words\n#| no colon here\npass\n```\n"
        let parsed = try notebook(text)
        #expect(parsed.cells[0].options == CellOptions())
        // Line 4 has two: 'timeout' is given twice, and 'soon' is not a number.
        #expect(parsed.warnings.map(\.line) == [2, 3, 4, 4, 5, 6])
        #expect(parsed.warnings[0].message == "cell option 'eval' must be true or false, not 'maybe'; it is ignored")
        #expect(parsed.warnings[1].message
            == "cell option 'timeout' must be a number of seconds above 0, not '-3'; it is ignored")
        #expect(parsed.warnings[2].message == "cell option 'timeout' is given twice; the last one counts")
        #expect(parsed.warnings[5].message.contains("'#| key: value'"))
    }

    @Test func frontMatterExecuteGivesDefaults() throws {
        let text = "---\nexecute:\n  echo: false\n  timeout: 60\n  cache: no\n---\n\n```python\n#| echo: true\nx\n```\n\n```python\ny\n```\n"
        let parsed = try notebook(text)
        #expect(parsed.frontMatter.execute == CellOptions(echo: false, cache: false, timeout: 60))
        #expect(parsed.cells[0].options == CellOptions(echo: true, cache: false, timeout: 60))
        #expect(parsed.cells[1].options == CellOptions(echo: false, cache: false, timeout: 60))
    }

    @Test func unknownExecuteKeyIsAWarning() throws {
        let parsed = try notebook("---\nexecute:\n  id: x\n  colour: red\n---\n")
        #expect(parsed.warnings.map(\.line) == [3, 4])
    }

    @Test func idFromAttributeAndConflicts() throws {
        let text = "```python {#load}\nx\n```\n\n```python {#a .b}\n#| id: b\ny\n```\n\n```py {#load}\nz\n```\n"
        let parsed = try notebook(text)
        #expect(parsed.cells.map(\.id) == ["load", "b", "load"])
        #expect(parsed.cell(id: "load")?.index == 0)
        #expect(parsed.cell(id: "b")?.fenceLine == 5)
        #expect(parsed.cell(id: "a") == nil)
        #expect(parsed.cells[0].options.id == "load")
        // Line 5: option and attribute disagree; line 10: a second cell called 'load'.
        #expect(parsed.warnings.map(\.line) == [5, 10])
        #expect(parsed.warnings[1].message == "cell id 'load' is also the id of the cell at line 1; give each cell its own id")
    }
}
