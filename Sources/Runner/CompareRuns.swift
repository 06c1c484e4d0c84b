import Foundation
import Reports

/// `labbook compare RUN... [--html OUT.html] [--no-timings]`: the runs' table (two runs:
/// each metric's difference) for the terminal, and the comparison page.
///
///     print(try CompareRuns.run(["nb.sweep"], cacheDirectory: nil, html: "sweep.html", timings: true))
public enum CompareRuns {
    /// Reads the records, writes the page when `html` is given (atomically), and returns
    /// what to print.
    public static func run(_ arguments: [String], cacheDirectory: String?, html: String?, timings: Bool) throws(RunFailure) -> String {
        let inputs = try ComparisonInputs.load(arguments, cacheDirectory: cacheDirectory)
        if let html { try write(inputs, html: html, timings: timings) }
        if inputs.records.count == 2 {
            let pair = RunComparison(records: inputs.records, timings: timings, sorted: false)
            return pair.difference(timings: timings) + inputs.notes.map { "note: \($0)\n" }.joined()
        }
        return RunComparison(records: inputs.records, timings: timings).text(notes: inputs.notes)
    }

    /// The page of `inputs`, written to `html`.
    static func write(_ inputs: ComparisonInputs, html: String, timings: Bool) throws(RunFailure) {
        let comparison = RunComparison(records: inputs.records, timings: timings)
        let page = ComparisonReport.render(comparison.document(notes: inputs.notes, timings: timings))
        try AtomicFile.write(page, to: html, role: .html)
    }

    /// Checks the page's path before a sweep runs, as a run checks its outputs (a regular
    /// file or nothing yet, not the notebook).
    public static func checkPagePath(_ html: String, notebookPath: String) throws(RunFailure) {
        var probe = RunConfiguration(notebookPath: notebookPath)
        probe.htmlOutput = html
        do throws(OutputPathError) {
            try probe.validateOutputs()
        } catch {
            throw RunFailure(message: error.description)
        }
    }

    /// The page `labbook run --sweep --html` writes after its runs: the records in the sweep
    /// folder, as `labbook compare NB.sweep --html` reads them (a shard's, or every shard's
    /// on a shared file system).
    public static func writeSweepPage(notebookPath: String, html: String, timings: Bool) throws(RunFailure) {
        let inputs = try ComparisonInputs.load([Sweep.folder(forNotebook: notebookPath)], cacheDirectory: nil)
        try write(inputs, html: html, timings: timings)
    }
}
