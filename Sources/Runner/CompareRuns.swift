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
        let links = inputs.reports.mapValues { relativeURL(of: $0, fromPageAt: html) }
        let page = ComparisonReport.render(comparison.document(notes: inputs.notes, timings: timings, links: links))
        try AtomicFile.write(page, to: html, role: .html)
    }

    /// The URL of the file at `path` relative to the page at `page` (both relative to the
    /// working folder or absolute): `nb.sweep/units=32,lr=0.1.html` for a page beside `nb.sweep/`,
    /// `../nb.sweep/...` for one in a sibling folder. Each path component percent-encoded.
    static func relativeURL(of path: String, fromPageAt page: String) -> String {
        func components(_ path: String) -> [String] {
            URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        }
        let target = components(path)
        let base = Array(components(page).dropLast())
        var common = 0
        while common < min(target.count - 1, base.count), target[common] == base[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        let downs = target[common...].map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/;?#"))) ?? $0 }
        return (ups + downs).joined(separator: "/")
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
