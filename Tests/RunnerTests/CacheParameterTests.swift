import Foundation
import Testing
import TestSupport
@testable import Runner

/// Parameter-aware keys: a cell's key holds only the parameters it and the cells above it
/// read or assigned, so changing a parameter re-runs from the first cell that used it, and
/// the result is still the result of a run from scratch with the new values.
///
/// Serialized like `CachePropertyTests` (see there).
@Suite(.serialized) struct CacheParameterTests {
    static let front = "params:\n  units: 4\n  lr: 0.5\n  tag: 'a'\n  unused: 1\n  rebound: 3\n  widths: [2, 3]\n"
    /// Reads through a function defined two cells earlier, in a loop, a read that depends on
    /// another parameter (`lr` only while `tag == 'a'`), an assignment without a read, and a
    /// list parameter read inside a comprehension.
    static let cells = [
        "data = list(range(6))\nprint(len(data))",
        "def scaled(x):\n    return x * units",
        "total = 0\nfor i in data:\n    total += i",
        "print([scaled(i) for i in data])",
        "rate = lr if tag == 'a' else 0.0\nprint(rate)",
        "rebound = 10\nprint(rebound + total)",
        "sizes = [w * 2 for w in widths]\nprint(total, rate, sizes)",
    ]

    /// A change of parameters, with the first cell that must run for it (`nil`: none).
    static let changes: [(overrides: [(name: String, value: String)], firstRun: Int?)] = [
        ([("units", "5")], 3),
        ([("lr", "0.25")], 4),
        ([("tag", "'b'")], 4),
        ([("unused", "2")], nil),
        ([("rebound", "4")], 5),
        ([("widths", "[1]")], 6),
        ([("unused", "7"), ("widths", "[5, 6, 7]")], 6),
        ([("lr", "0.25"), ("units", "6"), ("unused", "0")], 3),
    ]

    static func text(_ cells: [String]) -> String {
        "---\n\(front)---\n# Parameters\n\n"
            + cells.enumerated().map { "Prose \($0.offset).\n\n```python\n\($0.element)\n```\n" }.joined(separator: "\n")
    }

    @Test(arguments: changes.indices)
    func changingParametersRunsFromTheFirstCellThatUsesThem(changeIndex: Int) throws {
        let (overrides, firstRun) = Self.changes[changeIndex]
        let context = "change \(overrides)"
        let base = try CachedNotebook(Self.text(Self.cells))
        _ = try base.run()
        let incremental = try base.run { $0.parameterOverrides = overrides }
        let scratch = try CachedNotebook(Self.text(Self.cells))
        let fresh = try scratch.run { $0.parameterOverrides = overrides }
        #expect(incremental.markdown == fresh.markdown, "\(context): Markdown differs")
        #expect(incremental.html == fresh.html, "\(context): HTML differs")
        #expect(incremental.ran == Array((firstRun ?? Self.cells.count)..<Self.cells.count), "\(context): ran \(incremental.ran)")
        let state = try base.cachedFinalState(overrides: overrides)
        #expect(state == (try scratch.cachedFinalState(overrides: overrides)), "\(context): final state differs")
        #expect(state.contains("unused = \(overrides.last { $0.name == "unused" }?.value ?? "1")"), "\(state)")
        #expect(incremental.warnings.isEmpty, "\(context): \(incremental.warnings)")

        // Back to the defaults: every cell's entry for them is still there.
        let back = try base.run()
        #expect(back.ran.isEmpty, "\(context): going back ran \(back.ran)")
    }

    /// The property test's edits, now with parameter changes: editing cell k and changing a
    /// parameter at once runs from the earlier of the two, and equals a run from scratch.
    @Test(arguments: cells.indices)
    func sourceEditsTogetherWithParameterChanges(k: Int) throws {
        for (overrides, firstRun) in Self.changes {
            var edited = Self.cells
            edited[k] += "\nedited_\(k) = [\(k)] * 2"
            let base = try CachedNotebook(Self.text(Self.cells))
            _ = try base.run()
            try base.write(Self.text(edited))
            let incremental = try base.run { $0.parameterOverrides = overrides }
            let scratch = try CachedNotebook(Self.text(edited))
            let fresh = try scratch.run { $0.parameterOverrides = overrides }
            let context = "cell \(k) edited, \(overrides)"
            #expect(incremental.markdown == fresh.markdown, "\(context): Markdown differs")
            #expect(incremental.ran == Array(min(k, firstRun ?? k)..<Self.cells.count), "\(context): ran \(incremental.ran)")
            #expect(try base.cachedFinalState(overrides: overrides) == (try scratch.cachedFinalState(overrides: overrides)),
                    "\(context): final state differs")
        }
    }

    @Test func aReadThroughAFunctionDefinedTwoCellsEarlierRerunsTheCell() throws {
        let nb = try CachedNotebook("""
            ---
            params:
              units: 32
              epochs: 2
            ---

            ```python
            def layer_sizes(depth):
                return [units] * depth
            ```

            ```python
            depth = 3
            ```

            ```python
            print(layer_sizes(depth), epochs)
            ```

            """)
        _ = try nb.run()
        let changed = try nb.run { $0.parameterOverrides = [("units", "128")] }
        #expect(changed.ran == [2])
        #expect(changed.markdown.contains("[128, 128, 128] 2"))
        #expect(changed.log.contains { $0.hasSuffix("[3/3] line 16: ran: parameter 'units' changed") }, "\(changed.log)")
        let both = try nb.run { $0.parameterOverrides = [("units", "64"), ("epochs", "5")] }
        #expect(both.log.contains { $0.hasSuffix("[3/3] line 16: ran: parameters 'units', 'epochs' changed") }, "\(both.log)")
    }
}
