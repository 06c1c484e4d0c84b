import Foundation
import TestSupport
import Testing

/// Output paths through the real binary: a bad one is exit 2 naming it before anything
/// runs (the notebook's cell would spin until its timeout), with nothing touched; symbolic
/// links are written through, never replaced.
@Suite struct OutputPathTests {
    /// A cell that would spin until `--timeout 5` if the run got as far as running it.
    static let spinning = "```python\nwhile True:\n    pass\n```\n"
    static let notebookText = "# N\n\n" + spinning

    /// Runs `labbook run` in `nb`'s folder and checks that it is refused: exit 2, the
    /// message names `named`, and nothing ran (no cache was made) or changed.
    func expectRefused(_ nb: CachedNotebook, _ arguments: [String], naming named: String, saying words: String,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try snapshot(of: nb.directory.path)
        let (termination, stderr) = try LabbookBinary.run(["run"] + arguments + ["--timeout", "5", "--quiet"])
        #expect(termination == .exited(2), "\(arguments): \(termination) \(stderr)", sourceLocation: sourceLocation)
        #expect(stderr.contains("labbook: error: \(named)") && stderr.contains(words), "\(stderr)", sourceLocation: sourceLocation)
        #expect(try snapshot(of: nb.directory.path) == before, "something was written", sourceLocation: sourceLocation)
    }

    /// Every entry under `folder` with its kind and content (links as their targets).
    func snapshot(of folder: String) throws -> [String: String] {
        var entries: [String: String] = [:]
        for name in FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? [] {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFLNK: entries[name] = "link -> " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))
            case S_IFREG: entries[name] = try String(contentsOfFile: path, encoding: .utf8)
            default: entries[name] = "mode \(info.st_mode & S_IFMT)"  // never opened: a FIFO would block
            }
        }
        return entries
    }

    @Test func anOutputThatIsTheNotebookIsRefused() throws {
        let nb = try CachedNotebook(Self.notebookText)
        try expectRefused(nb, [nb.path, "--html", nb.path], naming: nb.path, saying: "--html would overwrite the notebook")
        try expectRefused(nb, [nb.path, "-o", nb.path], naming: nb.path, saying: "use --in-place")
        // Through a link and a hard link: the same file.
        let link = nb.directory.appendingPathComponent("link.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "nb.md")
        try expectRefused(nb, [nb.path, "-o", link], naming: link, saying: "would overwrite the notebook")
        let hard = nb.directory.appendingPathComponent("hard.md").path
        try FileManager.default.linkItem(atPath: nb.path, toPath: hard)
        try expectRefused(nb, [nb.path, "--in-place", "--html", hard], naming: hard, saying: "would overwrite the notebook")
    }

    @Test func twoOutputsThatAreOneFileAreRefused() throws {
        let nb = try CachedNotebook(Self.notebookText)
        let report = nb.directory.appendingPathComponent("r").path
        try expectRefused(nb, [nb.path, "-o", report, "--html", report], naming: report,
                          saying: "is both the executed Markdown and the HTML report")
        let link = nb.directory.appendingPathComponent("r-link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "r")
        try expectRefused(nb, [nb.path, "-o", report, "--html", link], naming: report, saying: "give them different paths")
    }

    @Test func foldersEmptyPathsAndAFileInPlaceOfTheFiguresFolderAreRefused() throws {
        let nb = try CachedNotebook(Self.notebookText)
        let folder = nb.directory.appendingPathComponent("reports").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try expectRefused(nb, [nb.path, "-o", folder], naming: folder, saying: "is a directory; -o takes the path of a file")
        try expectRefused(nb, [nb.path, "--html", folder], naming: folder, saying: "is a directory; --html takes")
        try expectRefused(nb, [nb.path, "-o", ""], naming: "-o: the path of the executed Markdown is empty", saying: "give a file name")
        try expectRefused(nb, [nb.path, "--html", ""], naming: "--html: the path", saying: "is empty")
        let figures = nb.directory.appendingPathComponent("out_files").path
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: figures))
        try expectRefused(nb, [nb.path, "-o", nb.markdownPath], naming: figures, saying: "is a file, but the figures of")
        let (termination, stderr) = try LabbookBinary.run(["render", nb.path, "--html", nb.path])
        #expect(termination == .exited(2) && stderr.contains("would overwrite the notebook"), "\(stderr)")
        #expect(try String(contentsOfFile: nb.path, encoding: .utf8) == Self.notebookText)
    }

    /// `-o /dev/stdout`, played by stand-ins in a temporary folder: a link to a FIFO and a
    /// link to `/dev/null` (a character device). Neither is written nor replaced.
    @Test func devicesAndFIFOsAreRefusedAndTheirLinksKept() throws {
        let nb = try CachedNotebook(Self.notebookText)
        let fifo = nb.directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let stdout = nb.directory.appendingPathComponent("stdout").path
        try FileManager.default.createSymbolicLink(atPath: stdout, withDestinationPath: "pipe")
        let null = nb.directory.appendingPathComponent("null").path
        try FileManager.default.createSymbolicLink(atPath: null, withDestinationPath: "/dev/null")
        try expectRefused(nb, [nb.path, "-o", stdout], naming: stdout, saying: "is a FIFO (named pipe), not a regular file")
        try expectRefused(nb, [nb.path, "-o", fifo], naming: fifo, saying: "is a FIFO")
        try expectRefused(nb, [nb.path, "--html", null], naming: null, saying: "is a character device, not a regular file")
        var info = stat()
        #expect(lstat(stdout, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
        #expect(lstat(null, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
    }

    static let figureNotebook = """
        # Linked

        ```python
        import matplotlib.pyplot as plt
        plt.plot([1, 2, 3], [2, 4, 3])
        print('drawn')
        ```

        """

    /// `nb.md -> real/nb.md`: `--in-place` updates `real/nb.md` (keeping its permissions),
    /// puts the figures beside it, and the link stays a link.
    @Test func inPlaceWritesThroughALink() throws {
        let nb = try CachedNotebook("")
        let real = nb.directory.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: false)
        let target = real.appendingPathComponent("nb.md").path
        try Data(Self.figureNotebook.utf8).write(to: URL(fileURLWithPath: target))
        #expect(chmod(target, 0o600) == 0)
        try FileManager.default.removeItem(atPath: nb.path)
        try FileManager.default.createSymbolicLink(atPath: nb.path, withDestinationPath: "real/nb.md")

        let (termination, stderr) = try LabbookBinary.run(["run", nb.path, "--in-place", "--quiet", "--no-cache"])
        #expect(termination == .exited(0), "\(stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: nb.path) == "real/nb.md")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.contains("```output\ndrawn\n```\n\n![figure](nb_files/cell-1-1-"), "\(written)")
        let figures = try FileManager.default.contentsOfDirectory(atPath: real.appendingPathComponent("nb_files").path)
        #expect(figures.count == 1 && written.contains("nb_files/" + figures[0]))
        var info = stat()
        #expect(stat(target, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: real.path).sorted() == ["nb.md", "nb_files"])
    }

    /// `-o link.md` where the link points at a file not made yet, then at the file made.
    @Test func anOutputLinkIsWrittenThrough() throws {
        let nb = try CachedNotebook("```python\nprint(6 * 7)\n```\n")
        let link = nb.directory.appendingPathComponent("link.md").path
        let real = nb.directory.appendingPathComponent("reports/out.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "reports/out.md")
        for _ in 0..<2 {
            let (termination, stderr) = try LabbookBinary.run(["run", nb.path, "-o", link, "--quiet", "--no-cache"])
            #expect(termination == .exited(0), "\(stderr)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "reports/out.md")
            #expect(try String(contentsOfFile: real, encoding: .utf8).contains("```output\n42\n```"))
        }
    }
}
