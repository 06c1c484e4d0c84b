import Foundation
@testable import Runner

/// A notebook in a fresh temporary directory, run in-process.
struct TestNotebook {
    let directory: URL
    let path: String

    init(_ text: String, name: String = "nb.md") throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("labbook-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    var outputPath: String { directory.appendingPathComponent("out.md").path }

    /// Runs with `-o out.md` (plus `configure`), returning the result and the written text.
    func run(_ configure: (inout RunConfiguration) -> Void = { _ in }) throws -> (result: RunResult, output: String) {
        var config = RunConfiguration(notebookPath: path)
        config.markdownOutput = outputPath
        config.timings = false
        configure(&config)
        let result = try NotebookRunner(config).run()
        let output = (try? String(contentsOfFile: config.markdownOutput ?? outputPath, encoding: .utf8)) ?? ""
        return (result, output)
    }

    /// The message of the `RunFailure` a run throws, or nil if it does not throw one.
    func failure(_ configure: (inout RunConfiguration) -> Void = { _ in }) -> String? {
        do {
            _ = try run(configure)
            return nil
        } catch {
            return "\(error)"
        }
    }

    var outputExists: Bool { FileManager.default.fileExists(atPath: outputPath) }
}
