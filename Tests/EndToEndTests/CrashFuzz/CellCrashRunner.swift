import Foundation

/// Runs cells in a child `labbook run` process, because a trap kills the process that hits
/// it: a notebook of cells, each marked `#| error: true` with a short timeout, run under an
/// address-space limit. Reports whether the child died by a signal.
struct CellCrashRunner {
    /// How a child run ended.
    enum Outcome: Equatable {
        case finished(status: Int32)
        /// Died by this signal: the crash the fuzzer hunts.
        case crashed(signal: Int32, message: String)
        /// Still running at the wall-clock limit (killed); not a crash.
        case hung
    }

    let binary: String
    let directory: URL
    /// The child's address-space limit in KiB (`ulimit -v`), so no mutant can exhaust the machine.
    var memoryLimitKiB = 8_000_000
    var cellTimeout = 2.0
    var wallLimit = 60.0

    init(binary: String) throws {
        self.binary = binary
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-fuzz-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    func removeDirectory() { try? FileManager.default.removeItem(at: directory) }

    /// The notebook text for `cells`: each one a fenced cell that may fail.
    func notebook(_ cells: [String]) -> String {
        cells.map { cell in
            let body = cell.replacingOccurrences(of: "```", with: "'''")
            return "```python\n#| error: true\n#| timeout: \(cellTimeout)\n\(body)\n```\n"
        }.joined(separator: "\n")
    }

    /// Runs `cells` as one notebook in a fresh child.
    func run(_ cells: [String]) throws -> Outcome {
        let notebookURL = directory.appendingPathComponent("nb.md")
        try notebook(cells).write(to: notebookURL, atomically: true, encoding: .utf8)
        let errorURL = directory.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        let process = try LimitRun.shellProcess(binary, [
            "run", notebookURL.path, "-o", directory.appendingPathComponent("out.md").path, "--no-timings", "--quiet",
            "--force", "--cache-dir", directory.appendingPathComponent("cache").path,
        ], addressSpaceKiB: memoryLimitKiB, stderr: errorURL)
        try process.run()
        let deadline = Date().addingTimeInterval(wallLimit)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return .hung
            }
            usleep(5_000)
        }
        if process.terminationReason == .uncaughtSignal {
            let stderr = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
            let message = stderr.components(separatedBy: "\n").first { $0.contains("Fatal error") || $0.contains("error:") } ?? ""
            return .crashed(signal: process.terminationStatus, message: message)
        }
        return .finished(status: process.terminationStatus)
    }

    func crashes(_ cell: String) -> Bool {
        if case .crashed = (try? run([cell])) ?? .hung { return true }
        return false
    }

    /// The smallest cell (by lines, then by chunks of characters) that still crashes.
    func minimize(_ cell: String) -> String {
        var lines = cell.components(separatedBy: "\n")
        var i = 0
        while i < lines.count, lines.count > 1 {
            var shorter = lines
            shorter.remove(at: i)
            if crashes(shorter.joined(separator: "\n")) { lines = shorter } else { i += 1 }
        }
        var text = Array(lines.joined(separator: "\n"))
        var chunk = max(text.count / 2, 1)
        var attempts = 0
        while chunk >= 1, attempts < 80 {
            var start = 0
            while start < text.count, attempts < 80 {
                attempts += 1
                var shorter = text
                shorter.removeSubrange(start..<min(start + chunk, text.count))
                if !shorter.isEmpty, crashes(String(shorter)) { text = shorter } else { start += chunk }
            }
            chunk /= 2
        }
        return String(text)
    }
}
