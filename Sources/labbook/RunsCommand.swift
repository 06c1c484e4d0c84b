import ArgumentParser
import Foundation
import Runner

/// `labbook runs NOTEBOOK.md [--json]`: the records of the notebook's runs, newest first.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "List the records of a notebook's runs, newest first.",
        discussion: "Every run writes a record into the cache folder's runs/. See docs/runs.md.")

    @OptionGroup var target: CacheCommand.Target

    @Flag(help: "Print the records as a JSON array.")
    var json = false

    func run() throws {
        try target.report { (notebook, directory) throws(RunFailure) in
            try RunRecords.list(notebookPath: notebook, cacheDirectory: directory, json: json)
        }
    }
}
