import CellLanguage
import Foundation
import Library
import NotebookFormat
import Reports

/// Runs a notebook's cells in order in one session and writes the reports.
///
/// The loop is one function (`run()`), with the error policy decided in one place:
/// a failed cell stops the run unless it expects its error (`#| error: true`) or the run
/// allows errors; either way the report is written with the error in place.
///
///     let result = try NotebookRunner(RunConfiguration(notebookPath: "nb.md")).run()
///     result.exitCode   // 0, or 1 when a cell failed
public final class NotebookRunner {
    public let configuration: RunConfiguration
    public let events: RunEvents

    public init(_ configuration: RunConfiguration, events: RunEvents = RunEvents()) {
        self.configuration = configuration
        self.events = events
    }

    /// Loads, runs and writes. Throws `RunFailure` (exit 2) before writing anything when the
    /// notebook or the command line is unusable.
    public func run() throws(RunFailure) -> RunResult {
        let notebook: Notebook
        do {
            notebook = try Notebook.load(path: configuration.notebookPath)
        } catch {
            throw RunFailure(message: error.description)
        }
        for warning in notebook.warnings {
            events.warning("\(configuration.notebookPath):\(warning.line): warning: \(warning.message)")
        }
        let seed = configuration.seed ?? notebook.frontMatter.seed
        let timings = configuration.timings ?? notebook.frontMatter.timings ?? true
        let session = Session(modules: LabbookModules.registry(
            settings: LibrarySettings(seed: seed, showTimings: timings)))
        session.onLiveStatus = events.liveStatus
        try bindParameters(of: notebook, into: session)

        let started = ContinuousClock.now
        let startDate = Date()
        var renderings: [CellRendering?] = Array(repeating: nil, count: notebook.cells.count)
        var figures = FigureFiles(markdownPath: configuration.markdownOutput)
        var outcomes: [CellRun] = []
        var failed = false
        var stopped = false
        for cell in notebook.cells {
            let progress = CellProgress(
                number: cell.index + 1, total: notebook.cells.count, line: cell.fenceLine, id: cell.options.id)
            guard !stopped, cell.options.eval else {
                events.cellFinished(progress, CellCompletion(
                    seconds: 0, cached: false, skipped: true, errorLocation: nil, errorExpected: false))
                continue
            }
            events.cellStarted(progress)
            let cellStart = ContinuousClock.now
            var outcome = session.run(
                cell.source, cellNumber: cell.index + 1, timeout: cell.options.timeout ?? configuration.timeout)
            outcome.outputs += LabbookModules.cellEndOutputs(session.interpreter)
            if let error = outcome.error, !outcome.outputs.contains(.error(error)) {
                outcome.outputs.append(.error(error))
            }
            let seconds = (ContinuousClock.now - cellStart).seconds
            var location: String?
            if let error = outcome.error {
                location = "\(configuration.notebookPath):\(cell.firstCodeLine + error.cellLine - 1): \(error.summary)"
                if !cell.options.error {
                    failed = true
                    if !configuration.allowErrors { stopped = true }
                }
            }
            events.cellFinished(progress, CellCompletion(
                seconds: seconds, cached: false, skipped: false, errorLocation: location,
                errorExpected: cell.options.error))
            outcomes.append(CellRun(cellIndex: cell.index, outputs: outcome.outputs, error: outcome.error, seconds: seconds))
            if cell.options.output {
                renderings[cell.index] = figures.rendering(of: outcome.outputs, cellNumber: cell.index + 1)
            }
        }
        let total = (ContinuousClock.now - started).seconds

        let markdown = notebook.executedMarkdown(renderings)
        var html: String?
        if configuration.htmlOutput != nil {
            var results: [Int: ReportBuilder.CellResult] = [:]
            for run in outcomes {
                results[run.cellIndex] = ReportBuilder.CellResult(
                    outputs: run.outputs, failed: run.error != nil, seconds: run.seconds, cached: false)
            }
            html = HTMLReport.render(ReportBuilder.document(
                notebook: notebook, results: results, seed: seed, timings: timings, totalSeconds: total,
                date: startDate))
        }
        do {
            try figures.write()
        } catch {
            throw RunFailure(message: "\(figures.directory ?? ""): cannot write figures: \(error.localizedDescription)")
        }
        try write(markdown, to: configuration.markdownOutput)
        if let html { try write(html, to: configuration.htmlOutput) }
        return RunResult(
            exitCode: failed ? 1 : 0, cells: outcomes, totalSeconds: total, seed: seed,
            notebook: notebook)
    }

    /// Front-matter `params` become globals, overridden by `-P name=value` (Python literals).
    private func bindParameters(of notebook: Notebook, into session: Session) throws(RunFailure) {
        var values: [(name: String, literal: String)] = notebook.frontMatter.params.map {
            ($0.name, $0.value.pythonLiteral)
        }
        for (name, literal) in configuration.parameterOverrides {
            guard let index = values.firstIndex(where: { $0.name == name }) else {
                let known = values.map(\.name)
                throw RunFailure(message: "\(configuration.notebookPath): unknown parameter '\(name)' in -P \(name)=\(literal); "
                    + (known.isEmpty ? "the notebook declares no params in its front matter"
                        : "the notebook's params are: \(known.joined(separator: ", "))"))
            }
            values[index].literal = literal
        }
        for (name, literal) in values {
            do {
                session[global: name] = try session.evaluateLiteral(literal)
            } catch {
                throw RunFailure(message: "\(configuration.notebookPath): parameter '\(name)': \(literal) is not a Python literal (\(error))")
            }
        }
    }

    private func write(_ text: String, to path: String?) throws(RunFailure) {
        guard let path else { return }
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw RunFailure(message: "\(path): cannot write the report: \(error.localizedDescription)")
        }
    }

}

/// What one cell did in this run.
public struct CellRun: Sendable {
    public var cellIndex: Int
    public var outputs: [OutputPart]
    public var error: CellError?
    public var seconds: Double
}

/// The result of a run that got as far as writing its reports.
public struct RunResult: Sendable {
    public var exitCode: Int32
    public var cells: [CellRun]
    public var totalSeconds: Double
    public var seed: Int
    public var notebook: Notebook
}

/// The run could not start (exit 2): the message names the file and, where there is one,
/// the line, and says what to do.
public struct RunFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

extension Duration {
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }
}
