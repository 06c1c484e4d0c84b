import Foundation
import Testing
@testable import Runner

/// Interrupted runs of the real `labbook` binary (built next to the test bundle): killed
/// during a cell or while it writes the cache, the cache stays usable and the previous
/// report intact; the next run is correct.
@Suite(.serialized) struct CacheInterruptTests {
    static var binary: String? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        return candidates.map { $0.appendingPathComponent("labbook").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A child process started with posix_spawn and every signal unblocked (the test
    /// runner's threads block SIGINT and SIGTERM, and a child inherits that mask).
    struct Child {
        let pid: pid_t

        var isRunning: Bool {
            var status: Int32 = 0
            return waitpid(pid, &status, WNOHANG) == 0
        }

        func kill(_ signal: Int32) {
            Foundation.kill(pid, signal)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
    }

    /// Starts `labbook run` on `nb`.
    static func spawn(_ nb: CachedNotebook) throws -> Child {
        try spawn(["run", nb.path, "-o", nb.markdownPath, "--html", nb.htmlPath, "--no-timings", "--quiet"])
    }

    /// Starts `labbook` with these arguments, its output discarded.
    static func spawn(_ labbookArguments: [String]) throws -> Child {
        let path = try #require(binary, "build the labbook binary first")
        let arguments = [path] + labbookArguments
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, &attributes, &argv, environ)
        try #require(code == 0, "posix_spawn failed: \(code)")
        return Child(pid: pid)
    }

    /// Polls (every 2 ms, up to 60 s) until `condition` holds or the child ends.
    static func waitUntil(_ child: Child, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if condition() { return true }
            if !child.isRunning { return condition() }
            usleep(2_000)
        }
        return false
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
        _ = Self.waitUntil(child) { nb.files(under: "entries").count >= afterEntries }
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
