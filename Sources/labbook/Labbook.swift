import ArgumentParser
import Foundation
import NeuralEngine

/// `labbook`: run Markdown experiment notebooks.
@main
struct Labbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "labbook",
        abstract: "Run Markdown experiment notebooks of Keras-style Python cells.",
        discussion: """
            A notebook is a .md file of prose and ```python cells. `labbook run` executes the
            cells in order in one session and writes the executed Markdown (outputs inlined).
            """,
        version: (["labbook \(LabbookVersion.current)"] + BLASReport.current().lines).joined(separator: "\n"),
        subcommands: [
            RunCommand.self, WatchCommand.self, RenderCommand.self, CleanCommand.self, CacheCommand.self, RunsCommand.self,
            CompareCommand.self, DatasetsCommand.self,
            ImportCommand.self, ExportCommand.self,
        ])

    /// Like ArgumentParser's default, except that bad usage exits with 2 (the exit statuses README lists), not 64.
    static func main() {
        BLASKernelRelaunch.ensureBestKernel()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success {
                    print(message)
                } else {
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
            }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
