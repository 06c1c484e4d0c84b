import CellOutput
import Foundation
import Reports
import Testing
import TestSupport
@testable import Runner

/// `labbook compare`: the run table (varying columns, constants folded, sorted by the first
/// metric), the two-run difference, the page (golden), and reading records from files,
/// ids and sweep folders.
@Suite struct CompareTests {
    static let golden = GoldenFile(beside: #filePath)

    /// Three points of a four-point sweep over `units`, made by hand: 32 is worst, 128 best.
    static func records() -> [RunRecord] {
        let axes = [Sweep.Axis(name: "units", literals: ["32", "128", "512", "2048"])]
        func record(_ point: Int, units: Int, testAcc: Double, evalLoss: Double,
                    history: [(String, [Double])]) -> RunRecord {
            let fit = FitRecordFixture.fit(units: units, history: history)
            return RunRecord(
                id: "20261206-1200\(10 + point)-0000000\(point)",
                notebook: .init(path: "/tmp/x/sweep.md", sha256: "0123abcd" + String(repeating: "e", count: 56)),
                parameters: ["units": String(units), "epochs": "3", "note": "'<b>&'"], seed: 0, labbook: "0.9.0",
                blas: "OpenBLAS 0.3.21 (Cooperlake), 2 threads", started: "2026-12-06T12:00:1\(point).000Z", seconds: 2.5,
                exitCode: 0, cells: [], fits: [.init(cell: 2, fit: fit)],
                evaluations: [.init(cell: 3, model: "sequential", results: ["loss": evalLoss, "accuracy": testAcc])],
                metrics: ["test_acc": .number(testAcc)], metricNames: ["test_acc"],
                sweep: .init(axes: axes, point: point))
        }
        return [
            record(0, units: 32, testAcc: 0.91, evalLoss: 0.31, history: [
                ("loss", [0.9, 0.5, 0.35]), ("accuracy", [0.7, 0.85, 0.9]),
                ("val_loss", [0.8, 0.5, 0.4]), ("val_accuracy", [0.75, 0.86, 0.89])]),
            record(1, units: 128, testAcc: 0.96, evalLoss: 0.14, history: [
                ("loss", [0.6, 0.25, 0.15]), ("accuracy", [0.82, 0.93, 0.96]),
                ("val_loss", [0.4, 0.2, 0.15]), ("val_accuracy", [0.88, 0.94, 0.955])]),
            record(2, units: 512, testAcc: 0.95, evalLoss: 0.17, history: [
                ("loss", [0.5, 0.2, 0.1]), ("accuracy", [0.85, 0.94, 0.97]),
                ("val_loss", [0.35, 0.19, 0.18]), ("val_accuracy", [0.9, 0.945, 0.95])]),
        ]
    }

    static let constants = "epochs=3, note='<b>&', seed=0, notebook=sweep.md 0123abcd, labbook=0.9.0, blas=OpenBLAS 0.3.21 (Cooperlake), 2 threads"

    @Test func theTableShowsWhatVariesSortedByTheFirstMetric() throws {
        let records = Self.records()
        let comparison = RunComparison(records: records, timings: false)
        #expect(comparison.runs.map { $0.parameters["units"] } == ["128", "512", "32"])
        #expect(comparison.labels == ["units=128", "units=512", "units=32"])
        let missing = try #require(ComparisonInputs.missingPoints(records))
        let text = comparison.text(notes: [missing])
        let expected = """
            3 runs of sweep.md; sweep units: 3 of 4 points; sorted by test_acc, highest first
            units  test_acc  eval.loss  eval.accuracy  fit.loss  fit.accuracy  fit.val_loss  fit.val_accuracy  fit.params
            128        0.96       0.14           0.96      0.15          0.96          0.15             0.955      101770
            512        0.95       0.17           0.95       0.1          0.97          0.18              0.95      407050
            32         0.91       0.31           0.91      0.35           0.9           0.4              0.89       25450
            same in every run: \(Self.constants)
            note: 1 of 4 points of the sweep have no record (a shard not run or not merged yet?): units=2048

            """
        #expect(text == expected, "\(text)")

        // A loss first is sorted lowest first.
        var lossFirst = records
        for index in lossFirst.indices { lossFirst[index].metricNames = nil; lossFirst[index].metrics = [:] }
        let byLoss = RunComparison(records: lossFirst, timings: false)
        #expect(byLoss.sortKey?.name == "eval.loss" && byLoss.sortKey?.ascending == true)
        #expect(byLoss.runs.map { $0.parameters["units"] } == ["128", "512", "32"])
    }

    @Test func twoRunsShowEachMetricsDifference() {
        let records = Self.records()
        let text = RunComparison(records: [records[0], records[1]], timings: false, sorted: false).difference(timings: false)
        let expected = """
            a: units=32
            b: units=128
            metric                a       b  b - a
            test_acc           0.91    0.96  +0.05 (+5.5%)
            eval.loss          0.31    0.14  -0.17 (-54.8%)
            eval.accuracy      0.91    0.96  +0.05 (+5.5%)
            fit.loss           0.35    0.15  -0.2 (-57.1%)
            fit.accuracy        0.9    0.96  +0.06 (+6.7%)
            fit.val_loss        0.4    0.15  -0.25 (-62.5%)
            fit.val_accuracy   0.89   0.955  +0.065 (+7.3%)
            fit.params        25450  101770  +76320 (+299.9%)
            same in both: \(Self.constants)

            """
        #expect(text == expected, "\(text)")
    }

    @Test func thePageMatchesItsGoldenFile() throws {
        let records = Self.records()
        let comparison = RunComparison(records: records, timings: false)
        let notes = [try #require(ComparisonInputs.missingPoints(records))]
        let document = comparison.document(notes: notes, timings: false)
        #expect(document.parameterChart?.parameter == "units")
        #expect(document.trainingCharts.map(\.title) == ["fit (cell 3)"])
        let html = ComparisonReport.render(document)
        try Self.golden.check(GoldenFile.stylesheetElided(html), named: "comparison.html")
        #expect(!html.contains("<b>&"), "a parameter's text is escaped")
        #expect(html.contains("&lt;b&gt;&amp;"))
        // The same records in another order give the same page.
        #expect(ComparisonReport.render(RunComparison(records: records.reversed(), timings: false)
            .document(notes: notes, timings: false)) == html)
    }

    @Test func recordsComeFromFilesIdsAndSweepFolders() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-compare-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let records = Self.records()
        try FileManager.default.createDirectory(atPath: folder + "/.labbook/runs", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/sweep.sweep", withIntermediateDirectories: true)
        for record in records {
            try RunRecords.save(record, cacheDirectory: folder + "/.labbook")
            try RunRecords.write(record, to: folder + "/sweep.sweep/units=\(record.parameters["units"]!).json")
        }
        // A record of an earlier sweep with other values is left out, with a note.
        var stale = records[0]
        stale.id = "20261205-000000-00000009"
        stale.started = "2026-12-05T00:00:00.000Z"
        stale.sweep = .init(axes: [Sweep.Axis(name: "units", literals: ["1", "2"])], point: 0)
        try RunRecords.write(stale, to: folder + "/sweep.sweep/units=1.json")
        try Data("{}".utf8).write(to: URL(fileURLWithPath: folder + "/sweep.sweep/other.json"))

        let fromFolder = try ComparisonInputs.load([folder + "/sweep.sweep"], cacheDirectory: nil)
        #expect(fromFolder.records.map(\.id) == records.map(\.id))
        #expect(fromFolder.notes.first == "left out 1 record of an earlier sweep with other values")
        #expect(fromFolder.notes.count == 2 && fromFolder.notes[1].hasSuffix(": units=2048"))

        let cache = folder + "/.labbook"
        let byID = try ComparisonInputs.load([records[2].id, "20261206-120011", folder + "/.labbook/runs/\(records[0].id).json"],
                                             cacheDirectory: cache)
        #expect(byID.records.map(\.id) == [records[2].id, records[1].id, records[0].id])
        let twice = try ComparisonInputs.load([records[0].id, folder + "/sweep.sweep"], cacheDirectory: cache)
        #expect(twice.records.count == 3, "each run once")

        for (arguments, message) in [
            (["2026"], "2026: 3 run ids in \(cache)/runs start with it"),
            (["nothing"], "nothing: no such record file, folder or run id in \(cache)/runs"),
            ([folder + "/sweep.sweep/other.json"], "\(folder)/sweep.sweep/other.json: not a Labbook run record (no 'version' field)"),
            ([folder], "\(folder): no run records in this folder"),
        ] {
            do {
                _ = try ComparisonInputs.load(arguments, cacheDirectory: cache)
                Issue.record("\(arguments) should fail")
            } catch {
                #expect(error.message.hasPrefix(message), "\(error.message)")
            }
        }

        let html = folder + "/page.html"
        let printed = try CompareRuns.run([records[0].id, records[1].id], cacheDirectory: cache, html: html, timings: true)
        #expect(printed.hasPrefix("a: units=32 (\(records[0].id))\nb: units=128 (\(records[1].id))\n"), "\(printed)")
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<th class=\"num\">seconds</th>") && page.contains("newest run 2026-12-06 12:00 UTC"))
    }
}

/// A `fit`'s record for the comparison tests: Dense(units) then Dense(10) on 784 inputs.
enum FitRecordFixture {
    static func fit(units: Int, history: [(String, [Double])]) -> FitRecord {
        FitRecord(
            model: "sequential",
            layers: [.init(name: "dense", className: "Dense", outputShape: [units], parameters: 784 * units + units),
                     .init(name: "dense_1", className: "Dense", outputShape: [10], parameters: units * 10 + 10)],
            parameters: 784 * units + units + units * 10 + 10, epochs: 3, batchSize: 128, optimizer: "Adam",
            learningRate: 0.001, loss: "categorical_crossentropy",
            history: history.map { .init(name: $0.0, values: $0.1) })
    }
}
