import Foundation
import Testing
import TestSupport
@testable import Runner

/// `notebooks/mnist-sweep.md`, on a small slice: its front-matter sweep loads the data once for
/// the six points, and a plain run with `-P epochs=...` re-runs only from the training cell.
@Suite(.serialized) struct SweepExampleTests {
    static let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("notebooks/mnist-sweep.md")

    @Test(.enabled(if: ProcessInfo.processInfo.environment["LABBOOK_DATASETS"] != nil, "needs MNIST: set LABBOOK_DATASETS"))
    func theSweepSharesTheDataAndEpochsReRunsFromTraining() throws {
        let nb = try CachedNotebook(String(contentsOf: Self.source, encoding: .utf8))
        defer { try? FileManager.default.removeItem(at: nb.directory) }
        let small = [("train_size", "300"), ("epochs", "1")]
        var base = RunConfiguration(notebookPath: nb.path)
        base.timings = false
        base.parameterOverrides = small
        let sweep = try #require(try Sweep.forRun(notebookPath: nb.path, commandLine: [], pinned: small.map(\.0)))
        #expect(sweep.points.map(\.label) == ["width=16, lr=0.01", "width=16, lr=0.1", "width=64, lr=0.01",
                                              "width=64, lr=0.1", "width=256, lr=0.01", "width=256, lr=0.1"])
        let results = try sweep.run(base: base, events: EventLog().events)
        #expect(results.allSatisfy { $0.exitCode == 0 })
        // Cell 0 loads the data (reads train_size only): once for the sweep. The model cell
        // (width) runs once per width, the compile cell (lr) and below once per point.
        #expect(results.map { $0.cells.filter { !$0.cached }.map(\.cellIndex) }
            == [[0, 1, 2, 3, 4], [2, 3, 4], [1, 2, 3, 4], [2, 3, 4], [1, 2, 3, 4], [2, 3, 4]])
        let inputs = try ComparisonInputs.load([Sweep.folder(forNotebook: nb.path)], cacheDirectory: nil)
        #expect(inputs.records.count == 6 && inputs.notes.isEmpty)
        #expect(RunComparison(records: inputs.records, timings: false).sortKey?.name == "test_acc")

        // A plain run of one point, then the same with two epochs: only training and below run.
        let first = try nb.run { $0.parameterOverrides = small }
        #expect(first.result.exitCode == 0)
        let log = EventLog()
        var config = RunConfiguration(notebookPath: nb.path)
        config.markdownOutput = nb.markdownPath
        config.timings = false
        config.parameterOverrides = [("train_size", "300"), ("epochs", "2")]
        let second = try NotebookRunner(config, events: log.events).run()
        #expect(second.cells.filter { !$0.cached }.map(\.cellIndex) == [3, 4])
        #expect(log.all.contains { $0.hasSuffix(": ran: parameter 'epochs' changed") }, "\(log.all)")
    }
}
