import ArgumentParser
import Foundation

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
        subcommands: [RunCommand.self, CleanCommand.self, DatasetsCommand.self])
}
