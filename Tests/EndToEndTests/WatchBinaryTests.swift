import Foundation
import TestSupport
import Testing

/// `labbook watch` as a user runs it: the real binary re-running a notebook as it is edited.
private let notebook = "# W\n\n```python\nx = 2\nprint(x)\n```\n\n```python\nprint(x * 10)\n```\n"

@Suite(.serialized) struct WatchBinaryTests {
    @Test func aMissingNotebookIsBadUsage() throws {
        let nb = try CachedNotebook(notebook)
        for path in [nb.path + ".missing", nb.directory.path] {
            let child = try LabbookBinary.spawn(["watch", path, "--quiet"])
            let status = child.exitStatus()
            #expect(status == 2, "\(path): exit status \(String(describing: status))")
        }
    }

    @Test func watchRerunsTheNotebookOnEverySave() throws {
        let nb = try CachedNotebook(notebook)
        let child = try LabbookBinary.spawn(
            ["watch", nb.path, "-o", nb.markdownPath, "--no-timings", "--quiet", "--interval", "0.05"])
        defer { child.kill(SIGTERM) }
        func output() -> String { (try? String(contentsOfFile: nb.markdownPath, encoding: .utf8)) ?? "" }
        #expect(LabbookBinary.waitUntil(child) { output().contains("```output\n20\n```") })

        try nb.write(notebook.replacingOccurrences(of: "x = 2", with: "x = 3"))
        #expect(LabbookBinary.waitUntil(child) { output().contains("```output\n30\n```") })

        // A broken notebook is reported and watching goes on; fixing it runs again.
        try nb.write(notebook + "\n```python\nprint(x + 1)\n")
        usleep(300_000)
        #expect(child.isRunning)
        try nb.write(notebook.replacingOccurrences(of: "x = 2", with: "x = 4") + "\n```python\nprint(x + 1)\n```\n")
        #expect(LabbookBinary.waitUntil(child) { output().contains("```output\n5\n```") })
        #expect(output().contains("```output\n40\n```"))
        #expect(child.isRunning)
    }
}
