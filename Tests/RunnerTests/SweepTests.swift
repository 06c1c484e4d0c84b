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
    }
}
