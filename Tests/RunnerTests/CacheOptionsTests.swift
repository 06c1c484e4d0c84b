import Foundation
import Testing
import TestSupport
@testable import Runner

/// `--force`, `--from ID`, `--explain`, `--cache-dir`, `cache: false`, and what reports say
/// about cached cells.
@Suite struct CacheOptionsTests {
    static let text = """
        ```python
        x = 2
        ```

        ```python
        #| id: middle
        y = x * 10
        ```

        ```python
        print(x + y)
        ```

        """

    @Test func explainSaysWhyEachCellRanOrWasReused() throws {
        let nb = try CachedNotebook(Self.text)
        let first = try nb.run()
        #expect(first.log.filter { $0.hasPrefix("[") } == [
            "[1/3] line 1: ran: not in the cache", "[2/3] line 5: ran: after a changed cell",
            "[3/3] line 10: ran: after a changed cell",
        ])
        try nb.write(Self.text.replacingOccurrences(of: "print(x + y)", with: "print(x - y)"))
        let edited = try nb.run()
        #expect(edited.log.filter { $0.hasPrefix("[") } == [
            "[1/3] line 1: cached", "[2/3] line 5: cached", "[3/3] line 10: ran: source changed",
        ])
        #expect(edited.markdown.contains("```output\n-18\n```"))
        let forced = try nb.run { $0.force = true }
        #expect(forced.ran == [0, 1, 2] && forced.log.first == "[1/3] line 1: ran: --force")
        let from = try nb.run { $0.fromCellID = "middle" }
        #expect(from.cached == [0] && from.ran == [1, 2])
        #expect(from.log.filter { $0.hasPrefix("[") }[1] == "[2/3] line 5: ran: --from middle")
        #expect(from.markdown == edited.markdown)
        #expect(try nb.failure { $0.fromCellID = "nope" }?.contains("no cell has the id 'nope'; the ids are: middle") == true)
    }

    @Test func cacheFalseAlwaysRunsThatCellAndTheRest() throws {
        let nb = try CachedNotebook(Self.text.replacingOccurrences(of: "#| id: middle", with: "#| cache: false"))
        _ = try nb.run()
        let again = try nb.run()
        #expect(again.cached == [0] && again.ran == [1, 2])
        #expect(again.log.contains("[2/3] line 5: ran: cache: false"))
    }

    @Test func cacheDirectoryIsUsedAndTheNotebookFolderLeftAlone() throws {
        let nb = try CachedNotebook(Self.text)
        let elsewhere = nb.directory.appendingPathComponent("elsewhere").path
        _ = try nb.run { $0.cacheDirectory = elsewhere }
        #expect(!FileManager.default.fileExists(atPath: nb.cacheDirectory))
        #expect(try nb.run { $0.cacheDirectory = elsewhere }.ran.isEmpty)
        #expect(try nb.run { $0.useCache = false }.ran == [0, 1, 2])
    }

    @Test func withTimingsTheHTMLCountsCachedCellsWithoutItIsIdentical() throws {
        let nb = try CachedNotebook(Self.text)
        let fresh = try nb.run()
        let cached = try nb.run()
        #expect(cached.ran.isEmpty && cached.html == fresh.html && cached.markdown == fresh.markdown)
        #expect(cached.html.contains("3 cells run, 0 from cache"))
        _ = try nb.run { $0.timings = true }
        let timed = try nb.run { $0.timings = true }
        #expect(timed.html.contains("0 cells run, 3 from cache"))
        #expect(timed.html.contains("<span class=\"cell-time\">cached</span>"))
    }

    @Test func aFailedCellRunsAgainAndStillFailsTheRun() throws {
        // Its error may come from outside the notebook (a dataset not there yet), which the
        // cell's key cannot see: it is not stored, and the cells above it are reused.
        let nb = try CachedNotebook("```python\nx = 1\n```\n\n```python\nprint(undefined)\n```\n\n```python\nprint(x)\n```\n")
        let first = try nb.run()
        let second = try nb.run()
        #expect(first.result.exitCode == 1 && second.result.exitCode == 1)
        #expect(second.ran == [1] && second.cached == [0] && second.markdown == first.markdown)
        let allowing = try nb.run { $0.allowErrors = true }
        #expect(allowing.ran == [1, 2] && allowing.markdown.contains("```output\n1\n```"))
    }

    @Test func aCellThatExpectsItsErrorIsReplayed() throws {
        let nb = try CachedNotebook("```python\nx = 1\n```\n\n```python\n#| error: true\nprint(undefined)\n```\n\n```python\nprint(x)\n```\n")
        let first = try nb.run()
        let second = try nb.run()
        #expect(first.result.exitCode == 0 && second.result.exitCode == 0)
        #expect(second.ran.isEmpty && second.markdown == first.markdown)
        #expect(second.markdown.contains("NameError: name 'undefined' is not defined"))
    }
}

extension CachedNotebook {
    func failure(_ configure: (inout RunConfiguration) -> Void) -> String? {
        do {
            _ = try run(configure)
            return nil
        } catch {
            return "\(error)"
        }
    }
}
