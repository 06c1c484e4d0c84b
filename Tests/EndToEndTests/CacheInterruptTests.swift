import Foundation
import TestSupport
import Testing

/// Interrupted runs of the real `labbook` binary (built next to the test bundle): killed
/// during a cell or while it writes the cache, the cache stays usable and the previous
/// report intact; the next run is correct.
@Suite(.serialized) struct CacheInterruptTests {
    /// Starts `labbook run` on `nb`.
    static func spawn(_ nb: CachedNotebook) throws -> LabbookBinary.Child {
        try LabbookBinary.spawn(["run", nb.path, "-o", nb.markdownPath, "--html", nb.htmlPath, "--no-timings", "--quiet"])
    }

    @Test(arguments: [SIGKILL, SIGTERM, SIGINT])
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
