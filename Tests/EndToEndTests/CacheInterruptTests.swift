import Foundation
import TestSupport
import Testing

/// Interrupted runs of the real `labbook` binary (built next to the test bundle): killed
/// during a cell or while it writes the cache, the cache stays usable and the previous
/// report intact; the next run is correct. Ctrl-C (SIGINT) is not a kill: it stops the
/// cell with KeyboardInterrupt and the run writes its reports (exit 130); a second one ends
/// the run at once, as a kill.
@Suite(.serialized) struct CacheInterruptTests {
    /// Starts `labbook run` on `nb`.
    static func spawn(_ nb: CachedNotebook) throws -> LabbookBinary.Child {
        try LabbookBinary.spawn(["run", nb.path, "-o", nb.markdownPath, "--html", nb.htmlPath, "--no-timings", "--quiet"])
    }

    /// SIGINT used to be here too; it now stops the cell instead (`ctrlCStopsTheCell`).
    @Test(arguments: [SIGKILL, SIGTERM])
    func killedDuringACell(signal: Int32) throws {
        let nb = try CachedNotebook("```python\nxs = list(range(3000))\n```\n\n```python\ntotal = sum(xs)\n```\n")
        let previous = try nb.run()
        // The second cell now spins: the run is killed while it executes.
        try nb.write("```python\nxs = list(range(3000))\n```\n\n```python\nwhile True:\n    pass\n```\n")
        let child = try Self.spawn(nb)
        usleep(300_000)  // most likely inside the loop by now; correctness does not depend on it
        child.kill(signal)
        #expect(try String(contentsOfFile: nb.markdownPath, encoding: .utf8) == previous.markdown)
        #expect(try String(contentsOfFile: nb.htmlPath, encoding: .utf8) == previous.html)

        let finalText = "```python\nxs = list(range(3000))\n```\n\n```python\nprint(sum(xs))\n```\n"
        try nb.write(finalText)
        let after = try nb.run()
        #expect(after.cached == [0] && after.ran == [1])
        #expect(after.warnings.isEmpty, "\(after.warnings)")
        let scratch = try CachedNotebook(finalText).run()
        #expect(after.markdown == scratch.markdown && after.html == scratch.html)
    }

    /// A notebook whose second cell says it has started (a figure saved to `marker`, the
    /// one side effect a cell has), then spins.
    static func spinning(marker: String) -> String {
        """
        ```python
        xs = list(range(3000))
        ```

        ```python
        import matplotlib.pyplot as plt
        plt.figure()
        plt.savefig('\(marker)')
        plt.close()
        print('spinning')
        while True:
            pass
        ```

        ```python
        print('never')
        ```

        """
    }
    static let fixed = "```python\nxs = list(range(3000))\n```\n\n```python\nprint(sum(xs))\n```\n\n```python\nprint('never')\n```\n"

    /// Runs `spinning` after a first version of the notebook, and waits until its second
    /// cell is running.
    static func spinningRun(_ nb: CachedNotebook, environment: [String: String] = [:]) throws -> (LabbookBinary.Child, CachedNotebook.Run) {
        let previous = try nb.run()
        let marker = nb.directory.appendingPathComponent("running.svg").path
        try nb.write(spinning(marker: marker))
        let child = try LabbookBinary.spawn(
            ["run", nb.path, "-o", nb.markdownPath, "--html", nb.htmlPath, "--no-timings", "--quiet"], environment: environment)
        _ = LabbookBinary.waitUntil(child) { FileManager.default.fileExists(atPath: marker) }
        return (child, previous)
    }

    @Test func ctrlCStopsTheCell() throws {
        let nb = try CachedNotebook("```python\nxs = list(range(3000))\n```\n\n```python\ntotal = sum(xs)\n```\n")
        let (child, _) = try Self.spinningRun(nb)
        kill(child.pid, SIGINT)
        #expect(child.termination() == .exited(130))
        let markdown = try String(contentsOfFile: nb.markdownPath, encoding: .utf8)
        #expect(markdown.contains("""
            ```output error
            spinning
            ---------------------------------------------------------------------------
            KeyboardInterrupt                         Traceback (most recent call last)
            """), "\(markdown)")
        #expect(markdown.contains("\nKeyboardInterrupt: \n```\n"))
        #expect(!markdown.contains("```output\nnever"))
        #expect(try String(contentsOfFile: nb.htmlPath, encoding: .utf8).contains("KeyboardInterrupt"))

        // The cache holds the first cell, not the interrupted one.
        try nb.write(Self.fixed)
        let after = try nb.run()
        #expect(after.cached == [0] && after.ran == [1, 2])
        #expect(after.warnings.isEmpty, "\(after.warnings)")
        #expect(after.markdown == (try CachedNotebook(Self.fixed).run()).markdown)
    }

    /// A second Ctrl-C while the reports are being written (held there by the test hook)
    /// ends the run at once by SIGINT: the previous reports stay, the next run is clean.
    @Test func aSecondCtrlCEndsTheRunAtOnce() throws {
        let nb = try CachedNotebook("```python\nxs = list(range(3000))\n```\n\n```python\ntotal = sum(xs)\n```\n")
        let marker = nb.directory.appendingPathComponent("paused").path
        let (child, previous) = try Self.spinningRun(nb, environment: ["LABBOOK_TEST_PAUSE": "reports-staged:\(marker)"])
        kill(child.pid, SIGINT)
        let paused = LabbookBinary.waitUntil(child) { FileManager.default.fileExists(atPath: marker) }
        kill(child.pid, SIGINT)
        #expect(child.termination() == .signaled(SIGINT))
        #expect(paused)
        #expect(try String(contentsOfFile: nb.markdownPath, encoding: .utf8) == previous.markdown)
        #expect(try String(contentsOfFile: nb.htmlPath, encoding: .utf8) == previous.html)

        try nb.write(Self.fixed)
        let after = try nb.run()
        #expect(after.cached == [0] && after.ran == [1, 2])
        let leftovers = (FileManager.default.enumerator(atPath: nb.directory.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }

    @Test(arguments: [1, 3, 6, 9])
    func killedWhileWritingTheCache(afterEntries: Int) throws {
        // Every cell stores a new blob (a fresh big list) and an entry.
        let cells = (0..<12).map { "```python\nb\($0) = list(range(\($0 * 1000), \($0 * 1000 + 3000)))\nprint(len(b\($0)), b\($0)[-1])\n```\n" }
        let text = cells.joined(separator: "\n")
        let nb = try CachedNotebook(text)
        let child = try Self.spawn(nb)
        _ = LabbookBinary.waitUntil(child) { nb.files(under: "entries").count >= afterEntries }
        child.kill(SIGKILL)

        let after = try nb.run()
        let scratch = try CachedNotebook(text).run()
        #expect(after.markdown == scratch.markdown)
        #expect(after.html == scratch.html)
        #expect(after.result.exitCode == 0)
        #expect(nb.files(under: "").allSatisfy { !$0.hasSuffix(".tmp") && !$0.contains(".tmp.") }, "\(nb.files(under: ""))")
        let again = try nb.run()
        #expect(again.ran.isEmpty && again.markdown == scratch.markdown)
    }
}
