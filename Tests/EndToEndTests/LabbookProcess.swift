import Foundation
import TestSupport
import Testing

/// Runs the built `labbook` binary (`LabbookBinary.path`) with pipes, and collects what it
/// printed on stdout and stderr (`LabbookBinary.run` keeps stderr only).
struct LabbookProcess {
    var status: Int32
    var stdout: String
    var stderr: String

    func line(startingWith prefix: String) -> String? {
        stdout.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init)
    }

    /// Runs `labbook arguments` with `environment` added to a copy of this process' one,
    /// without the `OPENBLAS_`/`LABBOOK_` variables of the caller. A run still going after
    /// `limit` seconds is killed (it then fails on its status).
    static func run(_ arguments: [String], environment: [String: String] = [:], limit: Double = 60) throws -> LabbookProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(LabbookBinary.path, "build the labbook binary first"))
        process.arguments = arguments
        var inherited = ProcessInfo.processInfo.environment.filter {
            !$0.key.hasPrefix("OPENBLAS_") && !$0.key.hasPrefix("LABBOOK_BLAS") && !$0.key.hasPrefix("LABBOOK_TEST")
        }
        inherited.merge(environment) { $1 }
        process.environment = inherited
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        return LabbookProcess(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                              stderr: String(decoding: stderr, as: UTF8.self))
    }
}
