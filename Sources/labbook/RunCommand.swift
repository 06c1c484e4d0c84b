import ArgumentParser
import Foundation
import Runner

/// `labbook run NOTEBOOK.md [-o OUT.md | --in-place] ...`
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Execute a notebook's cells in order and write the executed Markdown.",
        discussion: """
            Without -o, --in-place or --html, the executed Markdown goes to NOTEBOOK.out.md.
            Exit status: 0 all cells ran; 1 a cell failed (the report is still written, with the
            error in place); 2 bad usage, an unreadable notebook or an output path that cannot be
            written (nothing is run, no output is touched); 130 Ctrl-C stopped a cell (the report
            is written with its KeyboardInterrupt; a second Ctrl-C ends the run at once).
            """)

    @Argument(help: "The notebook (.md) to run.")
    var notebook: String

    @OptionGroup var options: RunOptions

    @Option(parsing: .unconditionalSingleValue, help: ArgumentHelp(
        "Run once per value of a parameter (a Python list); repeat for a grid. Each run's Markdown goes to NOTEBOOK.sweep/; --html writes the comparison page.",
        valueName: "name=[v1,v2,...]"))
    var sweep: [String] = []

    @Option(help: ArgumentHelp(
        "Run only every N-th point of the sweep, starting at K (0-based), so N processes share it.",
        valueName: "K/N"))
    var shard: String?

    @Flag(help: "Ignore the front matter's sweep: map (one plain run).")
    var noSweep = false

    func validate() throws {
        if let shard, Sweep.Shard.parse(shard) == nil {
            throw ValidationError("--shard takes K/N with 0 <= K < N, such as --shard 0/4, got '\(shard)'")
        }
    }

    func run() throws {
        let config = options.configuration(notebook: notebook)
        let terminal = Terminal(quiet: options.quiet, explain: options.explain)
        let sweep: Sweep?
        do {
            sweep = try Sweep.forRun(
                notebookPath: notebook, commandLine: self.sweep, pinned: config.parameterOverrides.map(\.name),
                ignoreFrontMatter: noSweep, shard: shard.flatMap(Sweep.Shard.parse))
        } catch {
            throw terminal.refuse(error.message)
        }
        if let sweep { return try runSweep(sweep, base: config, terminal: terminal) }
        let runner = NotebookRunner(config, events: terminal.events)
        InterruptSignal.route(to: runner.interruption)
        do {
            let result = try runner.run()
            terminal.finish(result: result, config: config)
            if result.exitCode != 0 { throw ExitCode(result.exitCode) }
        } catch let failure as RunFailure {
            throw terminal.refuse(failure.message)
        }
    }
}

extension RunCommand {
    /// A sweep: the runs one after the other, `run 3/6 (units=128, lr=0.01)` before each,
    /// then the comparison page if `--html` is given; the exit code is the first non-zero one.
    func runSweep(_ sweep: Sweep, base: RunConfiguration, terminal: Terminal) throws {
        if options.output != nil || options.inPlace {
            throw terminal.refuse("\(notebook): a sweep writes each run's Markdown to \(Sweep.folder(forNotebook: notebook))/; it takes no -o or --in-place "
                + "(--no-sweep, or -P for each swept parameter, runs one point)")
        }
        do {
            if let html = base.htmlOutput { try CompareRuns.checkPagePath(html, notebookPath: notebook) }
            var exitCode: Int32 = 0
            let results = try sweep.run(base: base, events: terminal.events, starting: { number, total, point in
                terminal.note(sweep.progress(number: number, total: total, point: point))
            }, finished: { result, configuration in
                terminal.finish(result: result, config: configuration)
                if exitCode == 0 { exitCode = result.exitCode }
            }, runner: { InterruptSignal.route(to: $0.interruption) })
            if let html = base.htmlOutput, results.last?.interrupted != true {
                try CompareRuns.writeSweepPage(notebookPath: notebook, html: html, timings: base.timings ?? results.first?.notebook.frontMatter.timings ?? true)
                terminal.note("wrote the comparison of the sweep's runs to \(html)")
            }
            if exitCode != 0 { throw ExitCode(exitCode) }
        } catch let failure as RunFailure {
            throw terminal.refuse(failure.message)
        }
    }
}

/// `labbook watch NOTEBOOK.md [run's options]`: run, then re-run incrementally on every save.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Run a notebook, then run it again (incrementally) every time it is saved.",
        discussion: """
            Takes the options of `run`. Only the edited cell and those below it run again; the
            others come from the cache. A failed cell or an unreadable notebook is reported and
            watching goes on. Ctrl-C stops.
            """)

    @Argument(help: "The notebook (.md) to watch.")
    var notebook: String

    @OptionGroup var options: RunOptions

    @Option(help: "Seconds between two looks at the notebook.")
    var interval: Double = 0.25

    func validate() throws {
        guard interval > 0 else { throw ValidationError("--interval takes a positive number of seconds") }
    }

    func run() throws {
        let config = options.configuration(notebook: notebook)
        let terminal = Terminal(quiet: options.quiet, explain: options.explain)
        do throws(OutputPathError) {
            try config.validateOutputs()
        } catch {
            throw terminal.refuse(error.description)
        }
        // A mistyped path is bad usage, not a file to wait for (a notebook that exists but
        // does not parse is reported and watched: it is being edited).
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: notebook, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw terminal.refuse("\(notebook): \(isDirectory.boolValue ? "is a directory, not a notebook; give the path of a .md file" : "no such file; check the path")")
        }
        NotebookWatcher(path: notebook, interval: interval).watch(
            run: {
                do throws(RunFailure) {
                    let result = try NotebookRunner(config, events: terminal.events).run()
                    terminal.finish(result: result, config: config)
                } catch {
                    terminal.error(error.message)
                }
            },
            watching: { terminal.note("watching \(notebook) for changes (Ctrl-C stops)") })
    }
}

/// The options `run` and `watch` share.
struct RunOptions: ParsableArguments {
    @Option(name: [.short, .customLong("output")], help: "Write the executed Markdown to this file.")
    var output: String?

    @Flag(help: "Write the executed Markdown back into the notebook itself.")
    var inPlace = false

    @Option(name: .customLong("html"), help: "Also write a self-contained HTML report here.")
    var html: String?

    @Flag(help: "Go on after a failed cell (the exit status is still 1).")
    var allowErrors = false

    @Flag(help: "Leave timing figures out of the reports, so two runs are byte-identical.")
    var noTimings = false

    @Flag(name: [.short, .long], help: "Print nothing on stderr but errors.")
    var quiet = false

    @Option(name: .customShort("P"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Set a notebook parameter (a Python literal).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: "Seed of the random generator (overrides the front matter's seed).")
    var seed: Int?

    @Option(help: "Stop any cell that runs longer than this many seconds.")
    var timeout: Double?

    @Option(help: ArgumentHelp(
        "The most memory the run may use (e.g. 4G, 512M); past it a cell gets MemoryError. Default: half of the memory, or of ulimit -v when lower.",
        valueName: "SIZE"))
    var memoryLimit: String?

    @Flag(help: "Run every cell, ignoring cached results (the new results are still cached).")
    var force = false

    @Option(name: .customLong("from"), help: ArgumentHelp("Run from the cell with this id (`#| id:`); cells above may come from the cache.", valueName: "ID"))
    var fromCell: String?

    @Flag(help: "Say for each cell why it ran or came from the cache.")
    var explain = false

    @Option(help: ArgumentHelp("The cache folder (default: .labbook beside the notebook).", valueName: "DIR"))
    var cacheDir: String?

    @Flag(help: "Neither read nor write the cache.")
    var noCache = false

    func validate() throws {
        if inPlace && output != nil {
            throw ValidationError("use either -o/--output or --in-place, not both")
        }
        for parameter in parameters where !parameter.contains("=") {
            throw ValidationError("-P takes name=value, got '\(parameter)'")
        }
        if force && fromCell != nil {
            throw ValidationError("use either --force or --from, not both")
        }
        if let timeout, timeout <= 0 {
            throw ValidationError("--timeout takes a positive number of seconds")
        }
        if let memoryLimit, MemorySize.bytes(memoryLimit) == nil {
            throw ValidationError("--memory-limit takes a size such as 4G, 512M or 1500000000 (bytes), got '\(memoryLimit)'")
        }
    }

    /// The run these options describe, for `notebook`.
    func configuration(notebook: String) -> RunConfiguration {
        var config = RunConfiguration(notebookPath: notebook)
        if inPlace {
            config.markdownOutput = notebook
            config.inPlace = true
        } else if let output {
            config.markdownOutput = output
        } else if html == nil {
            config.markdownOutput = RunConfiguration.defaultMarkdownOutput(for: notebook)
        }
        config.htmlOutput = html
        config.allowErrors = allowErrors
        config.timings = noTimings ? false : nil
        config.seed = seed
        config.timeout = timeout
        config.memoryLimit = memoryLimit.flatMap(MemorySize.bytes)
        config.force = force
        config.fromCellID = fromCell
        config.cacheDirectory = cacheDir
        config.useCache = !noCache
        config.parameterOverrides = parameters.map { parameter in
            let (name, value) = parameter.split(separator: "=", maxSplits: 1).map(String.init).pair
            return (name.trimmingCharacters(in: .whitespaces), value)
        }
        return config
    }
}

/// `labbook clean NOTEBOOK.md`
struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean", abstract: "Strip the output blocks from a notebook, in place.")

    @Argument(help: "The notebook (.md) to clean.")
    var notebook: String

    func run() throws {
        do {
            try NotebookCleaner.clean(path: notebook)
        } catch {
            throw Terminal(quiet: false).refuse(error.message)
        }
    }
}

extension Array where Element == String {
    fileprivate var pair: (String, String) { (self[0], count > 1 ? self[1] : "") }
}

/// `labbook render NOTEBOOK.md --html OUT.html`
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render", abstract: "Turn an executed notebook into the HTML report; nothing is run.")

    @Argument(help: "The executed notebook (.md).")
    var notebook: String

    @Option(name: .customLong("html"), help: "Where to write the HTML report.")
    var html: String

    func run() throws {
        do {
            try NotebookRenderer.render(path: notebook, html: html)
        } catch {
            throw Terminal(quiet: false).refuse(error.message)
        }
    }
}
