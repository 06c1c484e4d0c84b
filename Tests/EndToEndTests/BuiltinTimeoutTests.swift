import Foundation
import Testing

/// `#| timeout:` and `--timeout` stop a cell whose time goes into one builtin (a repetition,
/// `sum` or `max` over a huge range, `sorted`, `join`, `str.replace`, `list(range(...))`, a list doubled by
/// concatenation (found by the crash fuzzer), the repr of a value
/// that shares itself three times per level): a `TimeoutError`
/// shortly after the deadline, the report written with it in place.
@Suite(.serialized) struct BuiltinTimeoutTests {
    /// Cells that run for minutes (or hours) without a deadline, each alone in a builtin.
    static let longCells = [
        "total = sum(range(10**12))",
        "m = max(x * x for x in range(10**12))",
        "ok = all(x >= 0 for x in range(10**12))",
        "ys = sorted(range(10**7), key=lambda v: -v)",
        "t = ','.join(map(str, range(10**9)))",
        "zs = list(range(2 * 10**7))",
        "h_ = [1]\nwhile True:\n    h_ = h_ + h_",
        "d = None\nfor _ in range(40):\n    d = [d, (d,), {1: d}]\nr = repr(d)",
    ]
    /// Cells that may finish in time on a fast build, else must time out as the others.
    static let bigCells = [
        (cell: "s = 'a' * (2 * 10**8)\nprint(len(s))", printed: "200000000"),
        (cell: "xs = [0] * (5 * 10**7)\nprint(len(xs))", printed: "50000000"),
        (cell: "ws = [1, 2] * (3 * 10**7)\nprint(len(ws))", printed: "60000000"),
        // Found by the crash fuzzer: `str.replace` went code point by code point, a minute.
        (cell: "h_ = 'a' * 10**8\nh_ = h_.replace('a', 'bb')\nprint(len(h_))", printed: "200000000"),
    ]
    /// Time past the deadline allowed for stopping. Generous, because the tests run in a
    /// debug build beside other tests on two cores (a release build on a quiet machine stops
    /// within a few milliseconds); without the checks these cells run for minutes or hours.
    static let slack = 3.0
    /// More for the big cells, which free hundreds of megabytes of values once stopped
    /// (a third of a second in a debug build, unloaded; with the suite's other tests and other
    /// builds on the two cores, at load average 8-10, their cells took 6.2-7.1 s). Still far
    /// below the minutes they take without the checks.
    static let freeingSlack = 9.0

    @Test func cellTimeoutStopsOneLongBuiltin() throws {
        let cells = Self.longCells + Self.bigCells.map(\.cell)
        let notebook = cells.map { "```python\n#| timeout: 1\n#| error: true\n\($0)\n```\n" }.joined(separator: "\n")
        let run = try LimitRun.run(notebook, arguments: ["--no-cache"], wallLimit: 60)
        #expect(run.signal == nil && run.status == 0, "\(run.stderr)")
        let outputs = run.outputs
        try #require(outputs.count == cells.count, "\(run.stderr)")
        let finished: [String?] = Self.longCells.map { _ in nil } + Self.bigCells.map(\.printed)
        for (i, output) in outputs.enumerated() {
            let timedOut = output.hasSuffix("TimeoutError: cell timed out after 1 seconds")
            #expect(timedOut || output == finished[i], "\(cells[i]): \(output)")
        }
        let seconds = run.cellSeconds
        #expect(seconds.count == cells.count)
        for (i, (cell, time)) in zip(cells, seconds).enumerated() {
            #expect(time < 1 + (i < Self.longCells.count ? Self.slack : Self.freeingSlack), "\(cell): \(time)s")
        }
    }

    @Test func commandLineTimeoutStopsALongBuiltin() throws {
        let run = try LimitRun.run("```python\nprint('before')\ntotal = sum(range(10**12))\n```\n",
                                   arguments: ["--no-cache", "--timeout", "2"], wallLimit: 30)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.outputs.count == 1)
        #expect(run.outputs.first?.hasPrefix("before\n") == true)
        #expect(run.outputs.first?.hasSuffix("TimeoutError: cell timed out after 2 seconds") == true)
        #expect(run.seconds < 2 + Self.slack + 3, "the whole run took \(run.seconds)s")
    }
}
