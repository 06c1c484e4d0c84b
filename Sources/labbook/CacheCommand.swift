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

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the cache's entries, size and runs.")

        @Argument(help: "The notebook (.md).")
        var notebook: String

        @Option(help: ArgumentHelp("The cache folder (default: .labbook beside the notebook).", valueName: "DIR"))
        var cacheDir: String?

        func run() throws {
            do {
                print(try CacheCommands.info(notebookPath: notebook, cacheDirectory: cacheDir), terminator: "")
            } catch {
                Terminal(quiet: false).error(error.message)
                throw ExitCode(2)
            }
        }
    }

    struct Clean: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete the cache folder and everything in it.")

        @Argument(help: "The notebook (.md).")
        var notebook: String

        @Option(help: ArgumentHelp("The cache folder (default: .labbook beside the notebook).", valueName: "DIR"))
        var cacheDir: String?

        func run() throws {
            do {
                print(try CacheCommands.clean(notebookPath: notebook, cacheDirectory: cacheDir), terminator: "")
            } catch {
                Terminal(quiet: false).error(error.message)
                throw ExitCode(2)
            }
        }
    }
}
