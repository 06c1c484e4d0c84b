import Foundation
import Testing
@testable import Runner

@Suite struct RunnerTests {
    @Test func writesOutputsUnderEachCell() throws {
        let nb = try TestNotebook("""
            # Title

            ```python
            x = 6 * 7
            print('x is', x)
            ```

            Prose.

            ```python
            x / 4
            ```

            ```python
            y = x
            ```

            """)
        let (result, output) = try nb.run()
        #expect(result.exitCode == 0)
        #expect(output == """
            # Title

            ```python
            x = 6 * 7
            print('x is', x)
            ```

            ```output
            x is 42
            ```

            Prose.

            ```python
            x / 4
            ```

            ```output
            10.5
            ```

            ```python
            y = x
            ```

            """)
    }

    @Test func runningTheExecutedNotebookAgainIsByteIdentical() throws {
        let nb = try TestNotebook("```python\nfor i in range(3):\n    print(i)\n```\n\n```python\n[i * i for i in range(4)]\n```\n")
        let (_, first) = try nb.run()
        let again = try TestNotebook(first)
        let (_, second) = try again.run()
        #expect(first == second)
        #expect(first.components(separatedBy: "```output").count == 3)
    }

    @Test func failedCellStopsTheRunAndKeepsTheErrorInPlace() throws {
        let nb = try TestNotebook("""
            ```python
            print('before')
            ```

            ```python
            a = 1
            b = a + undefined_name
            ```

            ```python
            print('never')
            ```

            """)
        let (result, output) = try nb.run()
        #expect(result.exitCode == 1)
        #expect(output.contains("```output error\n"))
        #expect(output.contains("Cell In[2], line 2"))
        #expect(output.contains("NameError: name 'undefined_name' is not defined\n```"))
        #expect(!output.contains("never\n```"))
        #expect(result.cells.count == 2)
    }

    @Test func allowErrorsRunsTheRestButStillFails() throws {
        let nb = try TestNotebook("```python\n1 / 0\n```\n\n```python\nprint('after')\n```\n")
        let (result, output) = try nb.run { $0.allowErrors = true }
        #expect(result.exitCode == 1)
        #expect(output.contains("ZeroDivisionError: division by zero"))
        #expect(output.contains("```output\nafter\n```"))
    }

    @Test func expectedErrorDoesNotFailTheRun() throws {
        let nb = try TestNotebook("```python\n#| error: true\n[][3]\n```\n\n```python\nprint('after')\n```\n")
        let (result, output) = try nb.run()
        #expect(result.exitCode == 0)
        #expect(output.contains("IndexError: list index out of range"))
        #expect(output.contains("```output\nafter\n```"))
    }

    @Test func evalFalseAndOutputFalseCells() throws {
        let nb = try TestNotebook("""
            ```python
            #| eval: false
            print('not run')
            ```

            ```python
            #| output: false
            print('hidden')
            ```

            ```python
            print('shown')
            ```

            """)
        let (result, output) = try nb.run()
        #expect(result.exitCode == 0)
        #expect(!output.contains("not run\n```\n\n```output"))
        #expect(!output.contains("```output\nhidden"))
        #expect(output.contains("```output\nshown\n```"))
    }

    @Test func frontMatterParamsAndOverrides() throws {
        let nb = try TestNotebook("""
            ---
            params:
              epochs: 5
              name: adam
              sizes: [32, 64]
            ---

            ```python
            print(epochs, name, sizes)
            ```

            """)
        #expect(try nb.run().output.contains("```output\n5 adam [32, 64]\n```"))
        let overridden = try nb.run { $0.parameterOverrides = [("epochs", "10"), ("name", "'sgd'")] }
        #expect(overridden.output.contains("```output\n10 sgd [32, 64]\n```"))
    }

    @Test func unknownParameterIsAnErrorThatTouchesNothing() throws {
        let nb = try TestNotebook("---\nparams:\n  epochs: 5\n---\n\n```python\nprint(epochs)\n```\n")
        let message = nb.failure { $0.parameterOverrides = [("epoch", "3")] }
        #expect(message?.contains("unknown parameter 'epoch'") == true)
        #expect(message?.contains("epochs") == true)
        #expect(!nb.outputExists)
        let notLiteral = nb.failure { $0.parameterOverrides = [("epochs", "3 +")] }
        #expect(notLiteral?.contains("parameter 'epochs'") == true)
    }

    @Test func cleanStripsOutputs() throws {
        let source = "Intro\n\n```python\nprint('hi')\n```\n\nEnd\n"
        let nb = try TestNotebook(source)
        let (_, output) = try nb.run()
        #expect(output != source)
        try Data(output.utf8).write(to: URL(fileURLWithPath: nb.outputPath))
        try NotebookCleaner.clean(path: nb.outputPath)
        #expect(try String(contentsOfFile: nb.outputPath, encoding: .utf8) == source)
    }
}

@Suite struct BadInputTests {
    func message(for text: Data? = nil, directory: Bool = false, missing: Bool = false) throws -> (String?, Bool) {
        let nb = try TestNotebook("placeholder")
        try Data("previous report\n".utf8).write(to: URL(fileURLWithPath: nb.outputPath))
        if missing { try FileManager.default.removeItem(atPath: nb.path) }
        if directory {
            try FileManager.default.removeItem(atPath: nb.path)
            try FileManager.default.createDirectory(atPath: nb.path, withIntermediateDirectories: false)
        }
        if let text { try text.write(to: URL(fileURLWithPath: nb.path)) }
        let failure = nb.failure()
        let untouched = try String(contentsOfFile: nb.outputPath, encoding: .utf8) == "previous report\n"
        return (failure, untouched)
    }

    func expectOneLine(_ message: String?, mentions: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        guard let message else {
            Issue.record("expected a failure", sourceLocation: sourceLocation)
            return
        }
        #expect(!message.contains("\n"), "not one line: \(message)", sourceLocation: sourceLocation)
        #expect(message.contains("nb.md"), "no file name: \(message)", sourceLocation: sourceLocation)
        for word in mentions {
            #expect(message.contains(word), "\(message) lacks \(word)", sourceLocation: sourceLocation)
        }
    }

    @Test func missingFile() throws {
        let (message, untouched) = try self.message(missing: true)
        expectOneLine(message, mentions: [])
        #expect(untouched)
    }

    @Test func aDirectory() throws {
        let (message, untouched) = try self.message(directory: true)
        expectOneLine(message, mentions: ["director"])
        #expect(untouched)
    }

    @Test func binaryGarbage() throws {
        let (message, untouched) = try self.message(for: Data([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0xFF, 0x00]))
        expectOneLine(message, mentions: [])
        #expect(untouched)
    }

    @Test func invalidUTF8() throws {
        let (message, untouched) = try self.message(for: Data("ok\n```python\nx = '".utf8) + Data([0xC3, 0x28]) + Data("'\n```\n".utf8))
        expectOneLine(message, mentions: ["UTF-8"])
        #expect(untouched)
    }

    @Test func malformedFrontMatter() throws {
        let (message, untouched) = try self.message(for: Data("---\ntitle: [unclosed\nseed: 1\n---\n\n```python\n1\n```\n".utf8))
        expectOneLine(message, mentions: ["nb.md:"])
        #expect(untouched)
    }

    @Test func unterminatedFence() throws {
        let (message, untouched) = try self.message(for: Data("# T\n\n```python\nx = 1\n\nmore prose\n".utf8))
        expectOneLine(message, mentions: ["nb.md:3"])
        #expect(untouched)
    }
}

@Suite struct HTMLReportRunTests {
    @Test func htmlReportHoldsOutputsEscapedAndIsDeterministicWithoutTimings() throws {
        let nb = try TestNotebook("""
            ---
            title: Safety <check>
            ---

            Prose with <script>alert('prose')</script> in it.

            ```python
            print('<script>alert(1)</script>')
            ```

            ```python
            raise ValueError('<script>alert(2)</script>')
            ```

            """)
        let html = nb.directory.appendingPathComponent("report.html").path
        let first = try nb.run { $0.htmlOutput = html; $0.allowErrors = true }
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(first.result.exitCode == 1)
        #expect(!page.lowercased().contains("<script"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(page.contains("ValueError"))
        #expect(page.contains("Safety &lt;check&gt;"))
        let second = try nb.run { $0.htmlOutput = html; $0.allowErrors = true }
        #expect(try String(contentsOfFile: html, encoding: .utf8) == page)
        #expect(second.output == first.output)
    }
}

@Suite struct FigureRunTests {
    @Test func figuresBecomeLinkedSVGFiles() throws {
        let nb = try TestNotebook("""
            ```python
            import matplotlib.pyplot as plt
            plt.plot([1, 2, 3], [2, 4, 3], label='demo')
            plt.legend()
            print('drawn')
            ```

            ```python
            print('no figure')
            ```

            """)
        let (result, output) = try nb.run()
        #expect(result.exitCode == 0)
        // Named by position and content: `cell-1-1-` and 12 hex digits of the SVG's SHA-256.
        let link = try #require(output.firstMatch(of: /```output\ndrawn\n```\n\n!\[figure\]\((out_files\/cell-1-1-[0-9a-f]{12}\.svg)\)\n/))
        let svg = try String(contentsOfFile: nb.directory.appendingPathComponent(String(link.1)).path, encoding: .utf8)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("demo"))
        // Running the executed notebook again replaces the link rather than adding one.
        let again = try TestNotebook(output)
        let (_, second) = try again.run()
        #expect(second == output)
    }
}

/// The `nb.md:LINE: Type: message` lines the command line prints on stderr for editors.
@Suite struct ErrorLocationTests {
    final class Collected: @unchecked Sendable {
        var lines: [String] = []
    }

    func locations(_ text: String) throws -> (lines: [String], output: String) {
        let nb = try TestNotebook(text)
        let collected = Collected()
        var events = RunEvents()
        events.cellFinished = { _, completion in
            if let location = completion.errorLocation { collected.lines.append(location) }
        }
        var config = RunConfiguration(notebookPath: nb.path)
        config.markdownOutput = nb.outputPath
        config.allowErrors = true
        config.timings = false
        config.useCache = false
        _ = try NotebookRunner(config, events: events).run()
        let output = try String(contentsOfFile: nb.outputPath, encoding: .utf8)
        return (collected.lines.map { $0.replacingOccurrences(of: nb.path, with: "nb.md") }, output)
    }

    @Test func runtimeSyntaxAndImportErrorsNameTheNotebookLine() throws {
        let (lines, output) = try locations("""
            # Errors

            ```python
            x = 1
            print(y)
            ```

            ```python
            async def fetch():
                pass
            ```

            Prose between.

            ```python
            import math
            import pandas as pd
            ```

            """)
        #expect(lines == [
            "nb.md:5: NameError: name 'y' is not defined",
            "nb.md:9: SyntaxError: 'async' functions and statements are not supported in Labbook cells",
            "nb.md:17: ModuleNotFoundError: No module named 'pandas' (Labbook provides: numpy, keras, tensorflow, matplotlib, sklearn, math, random)",
        ])
        // The reports name the line within the cell, so they stay stable when lines above move.
        #expect(output.contains("Cell In[1], line 2"))
        #expect(output.contains("Cell In[3], line 2"))
    }
}
