import Foundation
import TestSupport
import Testing

/// The report set (Markdown, HTML, figures folder) of the real binary, killed by SIGKILL at
/// each step of writing it (`LABBOOK_TEST_PAUSE` stops the run at a named point, see
/// `TestPause`): the Markdown on disk always sits beside the very figures it links, each
/// file is old or new, and the next run leaves no temporary behind.
@Suite(.serialized) struct ReportSetTests {
    static func notebook(title: String) -> String {
        """
        ```python
        import matplotlib.pyplot as plt
        plt.plot([1, 2, 3], [2, 4, 3])
        plt.title('\(title)')
        print('drawn')
        ```

        """
    }

    /// The figures `markdown` links, with their content; a missing file is `nil`.
    static func linkedFigures(_ markdown: String, in folder: URL) -> [String: String?] {
        var figures: [String: String?] = [:]
        for line in markdown.split(separator: "\n") where line.hasPrefix("![figure](") {
            let path = String(line.dropFirst("![figure](".count).dropLast())
            figures[path] = try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        return figures
    }

    static func temporaries(in folder: URL) -> [String] {
        let names = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        return names.filter { $0.hasSuffix(".tmp") }
    }

    @Test(arguments: ["reports-staged", "html-committed", "markdown-committed"])
    func killedWhileWritingTheReports(point: String) throws {
        let nb = try CachedNotebook(Self.notebook(title: "old"))
        let old = try nb.run()
        // Temporaries of earlier killed runs: Labbook's present form and its earlier one.
        let stale = [".out.md.2147480001.tmp", ".out.html.2147480002.5a5a.tmp", "out_files/.cell-1-1.svg.2147480003.tmp"]
        for name in stale { try Data().write(to: nb.directory.appendingPathComponent(name)) }
        let foreign = nb.directory.appendingPathComponent(".out.md.notes.tmp")
        try Data("someone else's".utf8).write(to: foreign)

        try nb.write(Self.notebook(title: "new"))
        let marker = nb.directory.appendingPathComponent("paused").path
        let child = try LabbookBinary.spawn(
            ["run", nb.path, "-o", nb.markdownPath, "--html", nb.htmlPath, "--no-timings", "--quiet"],
            environment: ["LABBOOK_TEST_PAUSE": "\(point):\(marker)"])
        let paused = LabbookBinary.waitUntil(child) { FileManager.default.fileExists(atPath: marker) }
        child.kill(SIGKILL)
        try #require(paused, "the run never reached \(point)")

        let markdown = try String(contentsOfFile: nb.markdownPath, encoding: .utf8)
        let html = try String(contentsOfFile: nb.htmlPath, encoding: .utf8)
        let markdownIsNew = point == "markdown-committed"
        #expect(markdown == old.markdown ? !markdownIsNew : markdownIsNew, "\(markdown)")
        #expect((html == old.html) == (point == "reports-staged"))
        let figures = Self.linkedFigures(markdown, in: nb.directory)
        #expect(figures.count == 1)
        for (path, svg) in figures {
            #expect(svg?.contains(markdownIsNew ? ">new<" : ">old<") == true, "\(path) does not match the Markdown")
        }
        #expect(stale.allSatisfy { FileManager.default.fileExists(atPath: nb.directory.appendingPathComponent($0).path) == false })

        let after = try nb.run()
        let scratch = try CachedNotebook(Self.notebook(title: "new")).run()
        #expect(after.markdown == scratch.markdown && after.html == scratch.html)
        #expect(Self.temporaries(in: nb.directory) == [".out.md.notes.tmp"], "\(Self.temporaries(in: nb.directory))")
        let files = try FileManager.default.contentsOfDirectory(atPath: nb.directory.appendingPathComponent("out_files").path)
        #expect(files.map { "out_files/" + $0 } == Array(Self.linkedFigures(after.markdown, in: nb.directory).keys))
    }
}
