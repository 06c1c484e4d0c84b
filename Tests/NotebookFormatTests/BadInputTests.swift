import Foundation
import Testing
@testable import NotebookFormat

/// Every unreadable notebook is a `NotebookError` whose description is one line naming the
/// file (and the line where there is one) and saying what to do.
@Suite struct BadInputTests {
    func loadError(_ path: String) -> NotebookError? {
        do {
            _ = try Notebook.load(path: path)
            return nil
        } catch {
            return error
        }
    }

    func parseError(_ text: String) -> NotebookError? {
        do {
            _ = try Notebook.parse(text: text, path: "nb.md")
            return nil
        } catch {
            return error
        }
    }

    func expectOneLine(_ error: NotebookError?, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else {
            Issue.record("expected a NotebookError", sourceLocation: sourceLocation)
            return
        }
        #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
        #expect(error.description.hasPrefix(error.path + ":"), sourceLocation: sourceLocation)
    }

    @Test func missingFile() throws {
        let path = Fixtures.scratch().appendingPathComponent("missing.md").path
        let error = try #require(loadError(path))
        #expect(error.description == "\(path): no such file; check the path")
        #expect(error.line == nil)
    }

    @Test func directory() throws {
        let path = Fixtures.scratch().path
        let error = try #require(loadError(path))
        #expect(error.description == "\(path): is a directory, not a notebook; give the path of a .md file")
    }

    @Test func binaryGarbage() throws {
        let path = Fixtures.scratch().appendingPathComponent("model.md").path
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF]
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let error = try #require(loadError(path))
        // The NUL follows "\r\n" (line 1) and "\u{1A}\n" (line 2).
        #expect(error.line == 3)
        #expect(error.message.contains("binary"))
        expectOneLine(error)
    }

    @Test func invalidUTF8NamesTheLine() throws {
        let path = Fixtures.scratch().appendingPathComponent("latin1.md").path
        // "café" in Latin-1 on line 3.
        let bytes = Array("# Title\n\ncaf".utf8) + [0xE9] + Array("\n".utf8)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        let error = try #require(loadError(path))
        #expect(error.description == "\(path):3: is not valid UTF-8 text; save the notebook as UTF-8")
    }

    /// Parse errors whose line matters more than their wording: the line, in one line of text.
    @Test(arguments: [
        // A NUL byte: parse rejects it too, not only load.
        ("a\nb\u{0}c\n", 2),
        // libyaml reports "mapping values are not allowed in this context" on line 3 of the
        // YAML, which is notebook line 4.
        ("---\ntitle: a\nseed: 1\n  bad: indentation: here\n---\n", 4),
        // Front matter that is not a mapping.
        ("---\n- a\n- b\n---\n", 2),
        // A fence left open inside a block quote.
        ("> ```python\n> x = 1\n\nafter\n", 1),
    ])
    func parseErrorNamesItsLine(text: String, line: Int) throws {
        let error = try #require(parseError(text))
        #expect(error.line == line)
        expectOneLine(error)
    }

    /// Parse errors word for word: the line, what is wrong, what to do.
    @Test(arguments: [
        ("---\ntitle: MNIST\nseed: forty-two\n---\n", "nb.md:3: front matter 'seed' must be an integer, such as: seed: 42"),
        ("---\nexecute:\n  eval: maybe\n---\n",
         "nb.md:3: front matter execute: cell option 'eval' must be true or false, not 'maybe'"),
        ("---\ntitle: x\n\n# Heading\n", "nb.md:1: the front matter opened here is never closed; add a --- line after it"),
        ("# T\n\n```python\nx = 1\n```\n\nProse.\n\n```python\ny = 2\n\nMore prose swallowed.\n",
         "nb.md:9: the ```python fence opened here is never closed; add a closing ``` line"),
        ("~~~~py", "nb.md:1: the ~~~~py fence opened here is never closed; add a closing ~~~~ line"),
        // cmark-gfm ends the fence with the list item, so the top-level ``` on line 5
        // opens a new block instead of closing the cell.
        ("Steps:\n\n- ```python\n  x = 1\n```\n",
         "nb.md:3: the ```python fence opened here is never closed; "
            + "add a closing ``` line, with the same prefix as the opening one"),
        ("```python\nx\n```\n\n```output\n1\n\n# Heading\n",
         "nb.md:5: the ```output block opened here is never closed; add a closing ``` line"),
    ])
    func parseErrorSaysWhatToDo(text: String, description: String) throws {
        let error = try #require(parseError(text))
        #expect(error.description == description)
    }

    @Test func malformedFrontMatter() throws {
        // The unclosed flow sequence starts on notebook line 3.
        let error = try #require(parseError("---\ntitle: x\nseed: [1, 2\n---\n\ntext\n"))
        #expect(error.line == 3)
        #expect(error.message.hasPrefix("the front matter is not valid YAML"))
        #expect(error.message.hasSuffix("fix it between the --- lines"))
        expectOneLine(error)
    }

    @Test func metricsAreGlobalNames() throws {
        let parsed = try Notebook.parse(text: "---\nmetrics: [test_acc, loss_2]\n---\n", path: "nb.md")
        #expect(parsed.frontMatter.metrics == ["test_acc", "loss_2"])
        let error = try #require(parseError("---\ntitle: a\nmetrics: [acc, 2nd]\n---\n"))
        #expect(error.description == "nb.md:3: front matter 'metrics' must be a list of global names, such as: metrics: [test_acc, test_loss]")
    }

    @Test func sweepIsAMapOfParametersToLists() throws {
        let parsed = try Notebook.parse(
            text: "---\nparams:\n  units: 4\n  lr: 0.1\nsweep:\n  units: [32, 128]\n  lr: [0.01]\n---\n", path: "nb.md")
        #expect(parsed.frontMatter.sweep.map(\.name) == ["units", "lr"])
        #expect(parsed.frontMatter.sweep.map(\.values) == [[.int(32), .int(128)], [.float(0.01)]])
        for (text, message) in [
            ("---\nparams: {units: 4}\nsweep: [32, 128]\n---\n",
             "nb.md:3: front matter 'sweep' must be a mapping of parameter names to lists of values, such as:  sweep: {units: [32, 128]}"),
            ("---\nparams: {units: 4}\nsweep:\n  units: 32\n---\n",
             "nb.md:4: sweep: 'units' must be a non-empty list of values, such as:  units: [32, 128]"),
            ("---\nparams: {units: 4}\nsweep:\n  units: []\n---\n",
             "nb.md:4: sweep: 'units' must be a non-empty list of values, such as:  units: [32, 128]"),
            ("---\nsweep:\n  units: [1, 2]\nparams: {width: 4}\n---\n",
             "nb.md:3: sweep: 'units' is not one of the params; declare it under params: with its default value"),
        ] {
            let error = try #require(parseError(text), "\(text)")
            #expect(error.description == message)
        }
    }

    @Test func thematicBreakAtTopIsNotFrontMatter() throws {
        let notebook = try Notebook.parse(text: "---\n\ntext\n", path: "nb.md")
        #expect(notebook.frontMatter.lines == nil)
    }

    @Test func unterminatedOtherFenceIsOnlyAWarning() throws {
        let notebook = try Notebook.parse(text: "```python\nx\n```\n\n```text\nswallowed\n", path: "nb.md")
        #expect(notebook.cells.count == 1)
        #expect(notebook.warnings.map(\.line) == [5])
    }

    @Test func multiLineMessagesAreFlattened() {
        let error = NotebookError(path: "nb.md", line: 2, message: "first\nsecond")
        #expect(error.description == "nb.md:2: first second")
    }
}
