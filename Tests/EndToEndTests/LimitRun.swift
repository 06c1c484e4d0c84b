import Foundation
import TestSupport
import Testing

/// One `labbook run` of a notebook text in a fresh folder, through a shell so that an
/// address-space limit (`ulimit -v`) can be set first: how it ended, what it printed and
/// the report it wrote.
struct LimitRun {
    /// The exit status, nil when a signal ended the process.
    var status: Int32?
    var signal: Int32?
    var stderr: String
    /// The executed Markdown, nil when none was written.
    var report: String?
    var seconds: Double

    /// Runs `notebook` with `arguments` added to `run NB -o OUT --no-timings`, under
    /// `ulimit -v addressSpaceKiB` when given; killed (SIGKILL) after `wallLimit` seconds. `folder` is kept (for runs that share a cache), else a temporary one is removed.
    static func run(_ notebook: String, arguments: [String] = [], addressSpaceKiB: Int? = nil,
                    in folder: URL? = nil, wallLimit: Double = 120) throws -> LimitRun {
        let binary = try #require(LabbookBinary.path, "build the labbook binary first")
        let directory = folder ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("labbook-limits-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { if folder == nil { try? FileManager.default.removeItem(at: directory) } }
        let input = directory.appendingPathComponent("nb.md")
        let output = directory.appendingPathComponent("out.md")
        try? FileManager.default.removeItem(at: output)
        try notebook.write(to: input, atomically: true, encoding: .utf8)
        let errorURL = directory.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)

        let process = try shellProcess(binary, ["run", input.path, "-o", output.path, "--no-timings"] + arguments,
                                       addressSpaceKiB: addressSpaceKiB, stderr: errorURL)
        let start = Date()
        try process.run()
        let deadline = Date().addingTimeInterval(wallLimit)
        while process.isRunning {
            if Date() > deadline { kill(process.processIdentifier, SIGKILL) }
            usleep(5_000)
        }
        let seconds = Date().timeIntervalSince(start)
        let signalled = process.terminationReason == .uncaughtSignal
        return LimitRun(
            status: signalled ? nil : process.terminationStatus,
            signal: signalled ? process.terminationStatus : nil,
            stderr: (try? String(contentsOf: errorURL, encoding: .utf8)) ?? "",
            report: try? String(contentsOf: output, encoding: .utf8),
            seconds: seconds)
    }

    /// `binary arguments` started by `sh` after `ulimit -v addressSpaceKiB`, without Swift's
    /// backtracer (a crash is then just a signal) and offline, stderr to `stderr`.
    static func shellProcess(_ binary: String, _ arguments: [String], addressSpaceKiB: Int?, stderr: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let limit = addressSpaceKiB.map { "ulimit -v \($0); " } ?? ""
        process.arguments = ["-c", limit + "exec \"$0\" \"$@\"", binary] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment["LABBOOK_OFFLINE"] = "1"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderr)
        return process
    }

    /// Each cell's time from the progress lines on stderr (`[2/5] line 9 ... 1.02s`).
    var cellSeconds: [Double] {
        stderr.components(separatedBy: "\n").compactMap { line in
            guard line.hasPrefix("["), line.hasSuffix("s"), let dots = line.range(of: " ... ") else { return nil }
            return Double(line[dots.upperBound...].dropLast())
        }
    }

    /// The text of every output block of the report, in order.
    var outputs: [String] {
        guard let report else { return [] }
        var blocks: [String] = []
        var current: [String]?
        for line in report.components(separatedBy: "\n") {
            if current == nil, line.hasPrefix("```output") {
                current = []
            } else if let lines = current {
                if line == "```" {
                    blocks.append(lines.joined(separator: "\n"))
                    current = nil
                } else {
                    current = lines + [line]
                }
            }
        }
        return blocks
    }
}
