import CellLanguage
import CellOutput
import Foundation
import Library
import NotebookCache
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
    /// Ctrl-C: stops the running cell with KeyboardInterrupt (see `RunInterruption`).
    public let interruption = RunInterruption()

    public init(_ configuration: RunConfiguration, events: RunEvents = RunEvents()) {
        self.configuration = configuration
        self.events = events
    }

    /// Loads, runs and writes. Throws `RunFailure` (exit 2) before running or writing
    /// anything when the notebook, an output path or the command line is unusable.
    ///
    /// With the cache on, cells whose key is cached up to the last one with a saved state
    /// are not run: their outputs are re-emitted, and that state is restored (lazily: only
    /// if a later cell runs) before the first cell that does.
    public func run() throws(RunFailure) -> RunResult {
        let paths: ReportPaths
        do {
            paths = try ReportPaths(configuration)
        } catch {
            throw RunFailure(message: error.description)
        }
        let notebook = try RunFailure.wrapping { try Notebook.load(path: configuration.notebookPath) }
        for warning in notebook.warnings {
            events.warning("\(configuration.notebookPath):\(warning.line): warning: \(warning.message)")
        }
        if let memoryLimit = configuration.memoryLimit { MemoryLimit.bytes = memoryLimit }
        let seed = configuration.seed ?? notebook.frontMatter.seed
        let timings = configuration.timings ?? notebook.frontMatter.timings ?? true
        let parameters = try resolvedParameters(of: notebook)
        let fromIndex = try fromCellIndex(in: notebook)

        let warn = events.warning
        let cache = configuration.useCache ? CacheRun.open(
            directory: configuration.cacheDirectory ?? NotebookCache.defaultDirectory(forNotebook: configuration.notebookPath),
            notebook: notebook, parameters: parameters, seed: seed, timings: timings, warn: warn) : nil
        var plan = cache?.plan(force: configuration.force, fromIndex: fromIndex, fromID: configuration.fromCellID)
            ?? CacheRun.Plan(firstReason: "the cache is off")
        let context = RunContext(
            notebook: notebook, seed: seed, timings: timings, parameters: parameters, cache: cache, paths: paths)
        var execution: Execution
        do {
            execution = try execute(context, plan: plan)
        } catch {
            guard case .restore(let index, let reason) = error else { throw error.failure }
            events.warning("\(cache?.location(index) ?? configuration.notebookPath): warning: cannot restore the cached state after this cell (\(reason)); running every cell")
            plan = CacheRun.Plan(firstReason: "the cached state could not be restored")
            do {
                execution = try execute(context, plan: plan)
            } catch {
                throw error.failure
            }
        }
        cache?.finish()
        let result = try writeReports(of: execution, context)
        saveRecord(of: result, startDate: execution.startDate)
        return result
    }

    /// Writes the run's record into the cache folder's `runs/` (not with `--no-cache`, nor
    /// when the folder is not a Labbook cache), and for a sweep's run also beside its
    /// Markdown. A record that cannot be written is a warning: the run itself is done.
    private func saveRecord(of result: RunResult, startDate: Date) {
        let directory = CacheCommands.directory(
            forNotebook: configuration.notebookPath, cacheDirectory: configuration.cacheDirectory)
        let intoCache = configuration.useCache && FileManager.default.fileExists(atPath: directory + "/CACHEDIR.TAG")
        guard intoCache || configuration.recordCopy != nil else { return }
        let bytes = FileManager.default.contents(atPath: configuration.notebookPath) ?? Data()
        var record = RunRecord(result: result, notebookPath: configuration.notebookPath, notebookBytes: bytes,
                               startDate: startDate)
        record.sweep = configuration.sweepPoint
        do {
            if intoCache { try RunRecords.save(record, cacheDirectory: directory) }
            if let copy = configuration.recordCopy { try RunRecords.write(record, to: copy) }
        } catch {
            events.warning("\(configuration.notebookPath): warning: the run record was not written: \(error)")
        }
    }

    /// What the cell loop produced.
    struct Execution {
        var outcomes: [CellRun] = []
        var renderings: [CellRendering?]
        var figures: FigureFiles
        var failed = false
        /// Stopped by Ctrl-C (exit 130).
        var interrupted = false
        var started = ContinuousClock.now
        var startDate = Date()
        /// What failed cells would have defined, for knock-on NameErrors.
        var failedDefinitions = FailedDefinitions()
        /// The final values of front-matter `metrics:` globals, for the run record.
        var metrics: [String: MetricValue] = [:]

        /// Why the cells after a stop are skipped (`--explain`).
        var stopReason: String { interrupted ? ": after Ctrl-C" : ": after a failed cell" }
    }

    struct RunContext {
        var notebook: Notebook
        var seed: Int
        var timings: Bool
        var parameters: [NotebookParameter]
        var cache: CacheRun?
        var paths: ReportPaths
    }

    enum ExecutionError: Error {
        case restore(index: Int, reason: String)
        case failure(RunFailure)

        var failure: RunFailure {
            switch self {
            case .failure(let failure): return failure
            case .restore(_, let reason): return RunFailure(message: "cannot restore the cached state: \(reason)")
            }
        }
    }

    /// The cell loop: reuse cached cells of `plan`, run the others, save the state after each
    /// that ran. The error policy is decided here, the same for cached and run cells.
    private func execute(_ context: RunContext, plan: CacheRun.Plan) throws(ExecutionError) -> Execution {
        let notebook = context.notebook
        let session = Session(modules: LabbookModules.registry(
            settings: LibrarySettings(seed: context.seed, showTimings: context.timings,
                                     notebookPath: configuration.notebookPath)))
        session.onLiveStatus = events.liveStatus
        let notebookPath = configuration.notebookPath, firstLines = notebook.cells.map(\.firstCodeLine)
        let warning = events.warning
        session.onNotice = { cellNumber, line, text in
            let place = firstLines.indices.contains(cellNumber - 1) ? ":\(firstLines[cellNumber - 1] + line - 1)" : ""
            warning("\(notebookPath)\(place): warning: \(text)")
        }
        do {
            try bindParameters(context.parameters, into: session)
        } catch {
            throw .failure(error)
        }
        // Which parameters each cell reads or assigns makes its cache key (see CacheRun).
        session.watchGlobals(context.parameters.map(\.name))
        context.cache?.startCells(reusing: plan.entries.count)
        var run = Execution(
            renderings: Array(repeating: nil, count: notebook.cells.count),
            figures: FigureFiles(directory: context.paths.figures))
        var saver = StateSaver(cache: context.cache, notebook: notebook, events: events)
        interruption.cellsStarted(in: session)
        defer { interruption.cellsEnded() }
        var stopped = false
        var changed = false
        for cell in notebook.cells {
            let progress = CellProgress(
                number: cell.index + 1, total: notebook.cells.count, line: cell.fenceLine, id: cell.options.id)
            let label = "[\(progress.number)/\(progress.total)] line \(cell.fenceLine)"
            // The state to restore before the first cell that runs: the one after the last
            // cached cell, even when that cell itself is skipped.
            if cell.index == plan.resumeIndex { saver.pending = plan.entries[cell.index].snapshot }
            switch fate(of: cell, plan: plan, stopped: stopped, changed: changed, stopReason: run.stopReason) {
            case .skipped(let why):
                events.explanation("\(label): skipped" + why)
                events.cellFinished(progress, CellCompletion(
                    seconds: 0, cached: false, skipped: true, errorLocation: nil, errorExpected: false))
                // A cell skipped by `eval: false` past the cached ones keeps the state as it is.
                if !stopped, !plan.isCached(cell.index) {
                    context.cache?.keyCell(cell.index, reads: [])
                    saver.keepState(after: cell, session: session)
                }
            case .cached(let entry):
                events.explanation("\(label): cached")
                record(entry.outputs, seconds: entry.duration, cached: true, cell: cell, progress: progress,
                       into: &run, stopped: &stopped)
            case .run(let reason):
                events.explanation("\(label): ran: \(reason)")
                changed = true
                if let pending = saver.pending, let cache = context.cache {
                    do {
                        try cache.restore(pending, into: session)
                    } catch {
                        throw .restore(index: (plan.resumeIndex ?? 0), reason: "\(error)")
                    }
                    // The state holds the parameter values of the run that stored it; those
                    // no cell so far read are not in its key, so they take this run's values.
                    do {
                        try bindParameters(cache.unreadParameters, into: session)
                    } catch {
                        throw .failure(error)
                    }
                    saver.pending = nil
                }
                events.cellStarted(progress)
                let cellStart = ContinuousClock.now
                var outcome = session.run(
                    cell.source, cellNumber: cell.index + 1, timeout: cell.options.timeout ?? configuration.timeout)
                outcome.outputs += LabbookModules.cellEndOutputs(session.interpreter)
                if let error = outcome.error { outcome.outputs.append(.error(error)) }
                let seconds = (ContinuousClock.now - cellStart) / .seconds(1)
                context.cache?.keyCell(cell.index, reads: session.takeTouchedGlobals())
                record(outcome.outputs, seconds: seconds, cached: false, cell: cell, progress: progress,
                       into: &run, stopped: &stopped)
                saver.save(after: cell, outcome: outcome, seconds: seconds, session: session)
                // Ctrl-C ends the run after the cell it stopped, whatever the error policy.
                if interruption.wasRequested { stopped = true }
            }
        }
        run.interrupted = interruption.wasRequested
        run.metrics = metricValues(of: notebook, session: session, pending: saver.pending, context)
        return run
    }

    /// The final values of the globals front-matter `metrics:` lists. When every cell came
    /// from the cache the session holds nothing yet: the last state is restored for them.
    private func metricValues(
        of notebook: Notebook, session: Session, pending: StateSnapshot?, _ context: RunContext
    ) -> [String: MetricValue] {
        let names = notebook.frontMatter.metrics
        guard !names.isEmpty else { return [:] }
        if let pending, let cache = context.cache {
            do {
                try cache.restore(pending, into: session)
                try bindParameters(cache.unreadParameters, into: session)
            } catch {
                events.warning("\(configuration.notebookPath): warning: the metrics could not be read from the cached state: \(error)")
                return Dictionary(names.map { ($0, MetricValue.none) }, uniquingKeysWith: { $1 })
            }
        }
        var values: [String: MetricValue] = [:]
        for name in names {
            switch session[global: name] {
            case .int(let value)?: values[name] = .int(value)
            case .float(let value)?: values[name] = .number(value)
            case .bool(let value)?: values[name] = .bool(value)
            case .str(let value)? where value.count <= 200: values[name] = .string(value)
            case .host(let object)? where object.asDouble != nil: values[name] = .number(object.asDouble!)
            default: values[name] = MetricValue.none
            }
        }
        return values
    }

    /// What becomes of a cell in this run, decided once per cell.
    private enum CellFate {
        /// Not run: after a failed or interrupted cell, or `eval: false` (the reason, as
        /// `--explain` words it).
        case skipped(String)
        /// Its outputs and state come from the cache.
        case cached(CacheEntry)
        /// It runs, for this reason.
        case run(String)
    }

    private func fate(of cell: Cell, plan: CacheRun.Plan, stopped: Bool, changed: Bool, stopReason: String) -> CellFate {
        if stopped { return .skipped(stopReason) }
        if !cell.options.eval { return .skipped(": eval: false") }
        if plan.isCached(cell.index) { return .cached(plan.entries[cell.index]) }
        return .run(!cell.options.cache ? "cache: false" : changed ? "after a changed cell" : plan.firstReason)
    }

    /// Reports a finished cell (run or cached) and applies the error policy.
    private func record(
        _ outputs: [OutputPart], seconds: Double, cached: Bool, cell: Cell, progress: CellProgress,
        into run: inout Execution, stopped: inout Bool
    ) {
        var location: String?
        var error: CellError?
        let outputs = run.failedDefinitions.explain(outputs)
        for case .error(let e) in outputs { error = e }
        if let error {
            run.failedDefinitions.noteFailure(cellNumber: cell.index + 1, source: cell.source)
            location = "\(configuration.notebookPath):\(cell.firstCodeLine + error.cellLine - 1): \(error.summary)"
            if !cell.options.error {
                run.failed = true
                if !configuration.allowErrors { stopped = true }
            }
        }
        events.cellFinished(progress, CellCompletion(
            seconds: seconds, cached: cached, skipped: false, errorLocation: location,
            errorExpected: cell.options.error))
        run.outcomes.append(CellRun(cellIndex: cell.index, outputs: outputs, error: error, seconds: seconds, cached: cached))
        if cell.options.output {
            run.renderings[cell.index] = run.figures.rendering(of: outputs, cellNumber: cell.index + 1)
        }
    }

    private func writeReports(of run: Execution, _ context: RunContext) throws(RunFailure) -> RunResult {
        let notebook = context.notebook
        let total = (ContinuousClock.now - run.started) / .seconds(1)
        let markdown = notebook.executedMarkdown(run.renderings)
        var html: String?
        if configuration.htmlOutput != nil {
            var results: [Int: ReportBuilder.CellResult] = [:]
            for cell in run.outcomes {
                // With timings off the report says what the cells produced, not how: a cached
                // re-run is then byte-identical to a fresh run (see docs/cache.md).
                results[cell.cellIndex] = ReportBuilder.CellResult(
                    outputs: cell.outputs, failed: cell.error != nil, seconds: cell.seconds,
                    cached: context.timings && cell.cached)
            }
            html = HTMLReport.render(ReportBuilder.document(
                notebook: notebook, results: results, seed: context.seed, timings: context.timings,
                totalSeconds: total, date: run.startDate))
        }
        try ReportFiles(paths: context.paths).write(markdown: markdown, html: html, figures: run.figures)
        return RunResult(
            exitCode: run.interrupted ? 130 : run.failed ? 1 : 0, cells: run.outcomes, totalSeconds: total,
            seed: context.seed, notebook: notebook, interrupted: run.interrupted,
            parameters: context.parameters, metrics: run.metrics)
    }

    /// `--from ID` as a cell index.
    private func fromCellIndex(in notebook: Notebook) throws(RunFailure) -> Int? {
        guard let id = configuration.fromCellID else { return nil }
        guard let cell = notebook.cell(id: id) else {
            let ids = notebook.cells.compactMap(\.id)
            throw RunFailure(message: "\(configuration.notebookPath): --from \(id): no cell has the id '\(id)'; "
                + (ids.isEmpty ? "give the cell a `#| id: \(id)` line" : "the ids are: \(ids.joined(separator: ", "))"))
        }
        return cell.index
    }

    /// Front-matter `params` overridden by `-P name=value`, as (name, Python literal) pairs
    /// in front-matter order: they become globals, and the keys of the cells that read them
    /// hold their values.
    private func resolvedParameters(of notebook: Notebook) throws(RunFailure) -> [NotebookParameter] {
        var values = notebook.frontMatter.params.map { NotebookParameter($0.name, $0.value.pythonLiteral) }
        for (name, literal) in configuration.parameterOverrides {
            guard let index = values.firstIndex(where: { $0.name == name }) else {
                let known = values.map(\.name)
                throw RunFailure(message: "\(configuration.notebookPath): unknown parameter '\(name)' in -P \(name)=\(literal); "
                    + (known.isEmpty ? "the notebook declares no params in its front matter"
                        : "the notebook's params are: \(known.joined(separator: ", "))"))
            }
            values[index].literal = literal
        }
        let probe = Session(modules: ModuleRegistry())
        for parameter in values {
            do {
                _ = try probe.evaluateLiteral(parameter.literal)
            } catch {
                throw badLiteral(parameter, error)
            }
        }
        return values
    }

    private func bindParameters(_ values: [NotebookParameter], into session: Session) throws(RunFailure) {
        for parameter in values {
            do {
                session[global: parameter.name] = try session.evaluateLiteral(parameter.literal)
            } catch {
                throw badLiteral(parameter, error)
            }
        }
    }

    private func badLiteral(_ parameter: NotebookParameter, _ error: Error) -> RunFailure {
        RunFailure(message: "\(configuration.notebookPath): parameter '\(parameter.name)': \(parameter.literal) is not a Python literal (\(error))")
    }

}

/// What one cell did in this run.
public struct CellRun: Sendable {
    public var cellIndex: Int
    public var outputs: [OutputPart]
    public var error: CellError?
    /// How long it ran (for a cached cell: when it last actually ran).
    public var seconds: Double
    /// Whether its outputs came from the cache.
    public var cached = false
}

/// The result of a run that got as far as writing its reports.
public struct RunResult: Sendable {
    /// 0 every cell ran; 1 a cell failed; 130 Ctrl-C stopped a cell.
    public var exitCode: Int32
    public var cells: [CellRun]
    public var totalSeconds: Double
    public var seed: Int
    public var notebook: Notebook
    /// Ctrl-C stopped the run (the reports hold the cell's KeyboardInterrupt).
    public var interrupted = false
    /// The parameters after `-P` overrides, in front-matter order.
    public var parameters: [NotebookParameter] = []
    /// The final values of the front matter's `metrics:` globals.
    public var metrics: [String: MetricValue] = [:]
}

/// The run could not start (exit 2): the message names the file and, where there is one,
/// the line, and says what to do.
public struct RunFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    /// `body`'s result, or its error (which names the file and what to do) as a `RunFailure`.
    static func wrapping<T>(_ body: () throws -> T) throws(RunFailure) -> T {
        do {
            return try body()
        } catch {
            throw RunFailure(message: String(describing: error))
        }
    }
}
