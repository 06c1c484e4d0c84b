import Foundation
import Testing

/// Values nested 100,000 deep, built in a loop as CPython allows: the run ends normally,
/// with its report, whether the cache saves the state or declines it, and freeing them
/// (at the end of the run, or when a cell drops them) never overflows a stack.
@Suite(.serialized) struct DeepDataTests {
    static let building = """
        ```python
        x = []
        for i in range(100000):
            x = [x]
        d = {}
        for i in range(100000):
            d = {'k': d, 0: [d]}
        m = [x, d]
        for i in range(3000):
            m = ([m], {i: m}, {frozenset([i])})
        print('built')
        ```

        """

    @Test func nestedListsAndDictsEndTheRunNormally() throws {
        let run = try LimitRun.run(Self.building + "```python\nx = d = None\nprint('dropped')\n```\n", arguments: ["--no-cache"])
        #expect(run.signal == nil, "\(run.stderr)")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.outputs == ["built", "dropped"])
    }

    @Test func deepStateIsCachedAndRestored() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-deep-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let building = "```python\nx = []\nfor i in range(100000):\n    x = [x]\nd = {}\nfor i in range(100000):\n    d = {'k': d}\n```\n\n"
        let first = try LimitRun.run(building + "```python\nprint(len(x), len(d))\n```\n", in: folder)
        #expect(first.signal == nil && first.status == 0, "\(first.stderr)")
        // An edited second cell restores the deep state from the cache.
        let second = try LimitRun.run(building + "```python\nprint(len(d) + 1, len(d['k']))\n```\n",
                                      arguments: ["--explain"], in: folder)
        #expect(second.signal == nil && second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("line 1: cached"), "\(second.stderr)")
        #expect(second.outputs == ["2 1"])
    }

    @Test func aTupleTooDeepToSaveIsNotCachedButRuns() throws {
        let notebook = """
            ```python
            t = ()
            for i in range(200000):
                t = (t, i)
            print(len(t))
            ```

            """
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-deep-tuple-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try LimitRun.run(notebook, in: folder)
        #expect(run.signal == nil && run.status == 0, "\(run.stderr)")
        #expect(run.outputs == ["2"])
        #expect(run.stderr.contains("not cached after this cell: global 't' is nested more than 10000 levels deep"), "\(run.stderr)")
    }

    /// Printing and comparing such values raise CPython's RecursionError (messages as
    /// Python 3.11 prints them for these cells) instead of overflowing the stack.
    @Test func printingAndComparingDeepValuesRaiseRecursionError() throws {
        let repr = "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
        let comparison = "RecursionError: maximum recursion depth exceeded in comparison"
        let cells = [
            ("x = []\nfor i in range(300000):\n    x = [x]\ny = []\nfor i in range(300000):\n    y = [y]\nx == y", comparison),
            ("repr(x)", repr), ("print(x)", repr), ("x < y", comparison), ("{'k': x} == {'k': y}", comparison),
            ("t = ()\nfor i in range(300000):\n    t = (t,)\nt", repr), ("f'{t!r}'", repr), ("str(t)", repr),
        ]
        let notebook = cells.map { "```python\n#| error: true\n\($0.0)\n```\n" }.joined(separator: "\n")
        let run = try LimitRun.run(notebook, arguments: ["--no-cache"])
        #expect(run.signal == nil && run.status == 0, "\(run.stderr)")
        let outputs = run.outputs
        try #require(outputs.count == cells.count, "\(run.stderr)")
        for (output, cell) in zip(outputs, cells) { #expect(output.hasSuffix("\n" + cell.1), "\(cell.0): \(output)") }
    }
}
