import Foundation
import Testing
import TestSupport
@testable import Runner

/// `--sweep`: one run per point of the grid, sharing the cache, each run's Markdown in
/// `NB.sweep/<point>.md` and byte-identical to a plain run of the same point.
@Suite(.serialized) struct SweepTests {
    static let text = """
        ---
        params:
          units: 4
          lr: 0.5
          note: 'plain'
        timings: false
        ---

        ```python
        data = [i * i for i in range(50)]
        print('loaded', len(data))
        ```

        ```python
        def score(xs):
            return sum(x * units for x in xs) * lr
        ```

        ```python
        print(units, lr, score(data[:10]), note)
        ```

        """

    @Test func pointsFileNamesAndErrors() throws {
        let sweep = try Sweep.parse(["units=[32, 128, 512]", "lr=(0.01, 0.1)"], notebookPath: "nb.md")
        #expect(sweep.points.count == 6)
        #expect(sweep.points[2].label == "units=128, lr=0.01")
        #expect(sweep.points[2].fileName == "units=128,lr=0.01.md")
        let strings = try Sweep.parse(["act=['relu', \"tanh\"]", "sizes=[[32, 64]]"], notebookPath: "nb.md")
        #expect(strings.points.map(\.fileName) == ["act=_relu_,sizes=_32,_64_.md", "act=_tanh_,sizes=_32,_64_.md"])
        #expect(strings.points[0].label == "act='relu', sizes=[32, 64]")
        #expect(Sweep.folder(forNotebook: "dir/nb.md") == "dir/nb.sweep")
        for (bad, message) in [
            ("units", "nb.md: --sweep units: write --sweep name=[value, ...]"),
            ("units=32", "nb.md: --sweep units=32: not a list of Python literals"),
            ("units=[]", "nb.md: --sweep units: the list of values is empty"),
            ("act=['a b', 'a_b']", "nb.md: --sweep: the points (act='a b') and (act='a_b') would both write act=_a_b_.md"),
        ] {
            #expect(throws: RunFailure.self) { try Sweep.parse([bad], notebookPath: "nb.md") }
            do {
                _ = try Sweep.parse([bad], notebookPath: "nb.md")
            } catch {
                #expect(error.message.hasPrefix(message), "\(error.message)")
            }
        }
    }

    @Test func frontMatterSweepCommandLineAxesPinsAndShards() throws {
        let nb = try CachedNotebook(Self.text.replacingOccurrences(
            of: "timings: false\n", with: "timings: false\nsweep:\n  units: [1, 2]\n  lr: [0.5, 2.0]\n"))
        let fromFile = try #require(try Sweep.forRun(notebookPath: nb.path, commandLine: [], pinned: []))
        #expect(fromFile.axes == [Sweep.Axis(name: "units", literals: ["1", "2"]), Sweep.Axis(name: "lr", literals: ["0.5", "2.0"])])
        // --sweep replaces the axis of its name and adds new ones after; -P pins one.
        let mixed = try #require(try Sweep.forRun(notebookPath: nb.path, commandLine: ["lr=[0.1]", "note=['a', 'b']"], pinned: ["units"]))
        #expect(mixed.points.map(\.label) == ["lr=0.1, note='a'", "lr=0.1, note='b'"])
        #expect(try Sweep.forRun(notebookPath: nb.path, commandLine: [], pinned: ["units", "lr"]) == nil)
        #expect(try Sweep.forRun(notebookPath: nb.path, commandLine: [], pinned: [], ignoreFrontMatter: true) == nil)
        for (commandLine, pinned, shard, message) in [
            (["units=[3]"], ["units"], nil, "nb.md: --sweep units and -P units both give units"),
            ([String](), ["units", "lr"], Sweep.Shard(index: 0, count: 2), "nb.md: --shard divides a sweep's points, and nothing is swept"),
        ] as [([String], [String], Sweep.Shard?, String)] {
            do {
                _ = try Sweep.forRun(notebookPath: nb.path, commandLine: commandLine, pinned: pinned, shard: shard)
                Issue.record("\(commandLine) should fail")
            } catch {
                #expect(error.message.hasPrefix(nb.path.replacingOccurrences(of: "nb.md", with: "") + message), "\(error.message)")
            }
        }
        // Shards: every N-th point from K; together, each point once.
        let grid = Sweep(axes: [Sweep.Axis(name: "u", literals: ["1", "2", "3", "4", "5"])])
        let shards = (0..<2).map { Sweep(axes: grid.axes, shard: Sweep.Shard(index: $0, count: 2)) }
        #expect(shards.map { $0.pointsToRun.map(\.index) } == [[0, 2, 4], [1, 3]])
        #expect(shards[1].progress(number: 2, total: 2, point: shards[1].pointsToRun[1]) == "run 2/2 (point 4/5: u=4)")
        #expect(grid.progress(number: 4, total: 5, point: grid.points[3]) == "run 4/5 (u=4)")
        #expect(Sweep.Shard.parse("3/4") == Sweep.Shard(index: 3, count: 4))
        #expect(["4/4", "-1/2", "1/0", "1", "a/b", "1/2/3"].allSatisfy { Sweep.Shard.parse($0) == nil })
    }

    @Test func aSweepSharesTheCacheAndEachRunEqualsAPlainRun() throws {
        let nb = try CachedNotebook(Self.text)
        let sweep = try Sweep.parse(["units=[1, 2, 3]", "lr=[0.5, 2.0]"], notebookPath: nb.path)
        var base = RunConfiguration(notebookPath: nb.path)
        base.markdownOutput = nb.markdownPath
        var started: [String] = []
        let log = EventLog()
        let results = try sweep.run(base: base, events: log.events, starting: { number, total, point in
            started.append("run \(number)/\(total) (\(point.label))")
        })
        #expect(started[2] == "run 3/6 (units=2, lr=0.5)")
        // The data cell and the `def` read no swept parameter (the function reads them when
        // called): they run once for the whole sweep.
        #expect(results.map { $0.cells.filter { !$0.cached }.map(\.cellIndex) } == [[0, 1, 2]] + Array(repeating: [2], count: 5))
        let folder = Sweep.folder(forNotebook: nb.path)
        for point in sweep.points {
            let swept = try String(contentsOfFile: folder + "/" + point.fileName, encoding: .utf8)
            let plain = try CachedNotebook(Self.text)
            let fresh = try plain.run { $0.parameterOverrides = point.values.map { ($0.name, $0.literal) } }
            #expect(swept == fresh.markdown, "\(point.label)")
        }
        #expect(!FileManager.default.fileExists(atPath: nb.markdownPath), "a sweep writes only into its folder")
        #expect(RunRecords.load(cacheDirectory: nb.cacheDirectory, notebook: "nb.md").count == 6)
        // Each point's record is also beside its Markdown, with its place in the grid.
        let inputs = try ComparisonInputs.load([folder], cacheDirectory: nil)
        #expect(inputs.records.map { $0.sweep?.point } == Array(0..<6) && inputs.notes.isEmpty)
        #expect(inputs.records.map(\.parameters["units"]) == ["1", "1", "2", "2", "3", "3"])
        #expect(Set(inputs.records.map(\.id)) == Set(RunRecords.load(cacheDirectory: nb.cacheDirectory, notebook: "nb.md").map(\.id)))
    }

    /// With `--html`, each point's own report lies beside its Markdown and the comparison
    /// page links it; a later sweep without `--html` leaves no stale report to link.
    @Test func aSweepWithHTMLLinksEachRunsOwnReport() throws {
        let nb = try CachedNotebook(Self.text)
        let sweep = try Sweep.parse(["units=[1, 2]"], notebookPath: nb.path)
        var base = RunConfiguration(notebookPath: nb.path)
        base.htmlOutput = nb.htmlPath
        _ = try sweep.run(base: base, events: EventLog().events)
        try CompareRuns.writeSweepPage(notebookPath: nb.path, html: nb.htmlPath, timings: false)
        let folder = Sweep.folder(forNotebook: nb.path)
        for point in sweep.points {
            let report = try String(contentsOfFile: folder + "/" + point.reportName, encoding: .utf8)
            #expect(report.contains("<!DOCTYPE html>") && report.contains("\(point.values[0].literal) 0.5 "), "\(point.label)")
        }
        let page = try String(contentsOfFile: nb.htmlPath, encoding: .utf8)
        #expect(page.contains("<th>report</th>"))
        #expect(page.contains("<td><a href=\"nb.sweep/units=1.html\">report</a></td>"))
        #expect(page.contains("<td><a href=\"nb.sweep/units=2.html\">report</a></td>"))

        base.htmlOutput = nil
        _ = try sweep.run(base: base, events: EventLog().events)
        #expect(sweep.points.allSatisfy { !FileManager.default.fileExists(atPath: folder + "/" + $0.reportName) })
        let unlinked = try CompareRuns.run([folder], cacheDirectory: nil, html: nb.htmlPath, timings: false)
        #expect(unlinked.contains("units"))
        #expect(!(try String(contentsOfFile: nb.htmlPath, encoding: .utf8)).contains("report</a>"))
    }

    @Test func relativeURLsFromThePageToAReport() {
        #expect(CompareRuns.relativeURL(of: "/a/nb.sweep/u=1,lr=0.1.html", fromPageAt: "/a/page.html") == "nb.sweep/u=1,lr=0.1.html")
        #expect(CompareRuns.relativeURL(of: "/a/nb.sweep/u=1.html", fromPageAt: "/a/out/page.html") == "../nb.sweep/u=1.html")
        #expect(CompareRuns.relativeURL(of: "/a/nb.sweep/act=_a b_.html", fromPageAt: "/a/nb.sweep/page.html") == "act=_a%20b_.html")
        #expect(CompareRuns.relativeURL(of: "/x/y/r#1.html", fromPageAt: "/a/b/page.html") == "../../x/y/r%231.html")
    }
}
