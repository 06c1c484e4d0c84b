import ArgumentParser
import Foundation
import Runner

/// `labbook compare RUN... [--html OUT.html]`: runs side by side, from their records.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare runs: a table of their parameters and metrics, or one page with --html.",
        discussion: """
            RUN is a record file (runs/<id>.json), a sweep folder (NOTEBOOK.sweep/, or several
            shards' folders) or a run id from `labbook runs` (looked up in .labbook/runs/, or
            --cache-dir). Two runs show each metric's difference (b - a). See docs/runs.md.
            """)

    @Argument(help: "Record files, sweep folders or run ids.")
    var runs: [String]

    @Option(name: .customLong("html"), help: "Also write the comparison page here.")
    var html: String?

    @Flag(help: "Leave run times, dates and ids out, so the same runs give the same bytes.")
    var noTimings = false

    @Option(help: ArgumentHelp("The cache folder whose runs/ holds the ids (default: .labbook).", valueName: "DIR"))
    var cacheDir: String?

    func validate() throws {
        if runs.isEmpty { throw ValidationError("give the runs to compare: record files, sweep folders or run ids") }
    }

    func run() throws {
        do {
            print(try CompareRuns.run(runs, cacheDirectory: cacheDir, html: html, timings: !noTimings), terminator: "")
        } catch {
            throw Terminal(quiet: false).refuse(error.message)
        }
    }
}
