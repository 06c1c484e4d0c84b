import ArgumentParser
import Foundation
import Runner

/// `labbook cache info|clean NOTEBOOK.md`
struct CacheCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cache",
        abstract: "Inspect or empty the cache of cell results beside a notebook.",
        discussion: "The cache is .labbook/ beside the notebook (or --cache-dir). See docs/cache.md.",
        subcommands: [Info.self, Clean.self])

    /// The notebook whose cache a subcommand works on.
    struct Target: ParsableArguments {
        @Argument(help: "The notebook (.md).")
        var notebook: String

        @Option(help: ArgumentHelp("The cache folder (default: .labbook beside the notebook).", valueName: "DIR"))
        var cacheDir: String?

        /// Prints what `action` reports; a failure is one line on stderr and exit 2.
        func report(_ action: (String, String?) throws(RunFailure) -> String) throws {
            do {
                print(try action(notebook, cacheDir), terminator: "")
            } catch {
                throw Terminal(quiet: false).refuse(error.message)
            }
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the cache's entries, size and runs.")
        @OptionGroup var target: Target
        func run() throws { try target.report(CacheCommands.info) }
    }

    struct Clean: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete the cache folder and everything in it but the run records.")
        @OptionGroup var target: Target
        @Flag(help: "Delete the run records (runs/) too.")
        var runs = false
        func run() throws {
            try target.report { (notebook, directory) throws(RunFailure) in
                try CacheCommands.clean(notebookPath: notebook, cacheDirectory: directory, runs: runs)
            }
        }
    }
}
