import Foundation
import Testing

/// Memory that grows without bound ends in `MemoryError` in the cell, reported in place,
/// and the run goes on: under `ulimit -v` (where an allocation that fails would trap and
/// take the run down), and under `--memory-limit`.
@Suite(.serialized) struct MemoryBudgetTests {
    @Test func aListGrownWithoutBoundUnderUlimitIsAMemoryError() throws {
        let notebook = """
            ```python
            #| error: true
            xs = []
            while True:
                xs.append('x' * 10**6 + str(len(xs)))
            ```

            ```python
            print(len(xs) > 100)
            xs = None
            print('still running')
            ```

            """
        let run = try LimitRun.run(notebook, arguments: ["--no-cache"], addressSpaceKiB: 4_194_304)
        #expect(run.signal == nil, "\(run.stderr)")
        #expect(run.status == 0, "\(run.stderr)")
        let outputs = run.outputs
        try #require(outputs.count == 2, "\(run.stderr)")
        #expect(outputs[0].hasPrefix("-----") && outputs[0].hasSuffix("\nMemoryError: "), "\(outputs[0])")
        #expect(outputs[1] == "True\nstill running")
    }

    @Test func memoryLimitOptionBoundsListsAndArrays() throws {
        let notebook = """
            ```python
            #| error: true
            ys = []
            while True:
                ys.append([0] * 10**5)
            ```

            ```python
            print(20 < len(ys) * 10**5 * 16 // 2**20 < 600)
            ys = None
            ```

            ```python
            #| error: true
            import numpy as np
            arrs = []
            while True:
                arrs.append(np.ones(10**6) * 2)
            ```

            ```python
            print(20 < len(arrs) * 8 < 600)
            ```

            """
        let run = try LimitRun.run(notebook, arguments: ["--no-cache", "--memory-limit", "600M"])
        #expect(run.signal == nil && run.status == 0, "\(run.stderr)")
        let outputs = run.outputs
        try #require(outputs.count == 4, "\(run.stderr)")
        #expect(outputs[0].hasSuffix("\nMemoryError: "), "\(outputs[0])")
        #expect(outputs[1] == "True")
        #expect(outputs[2].contains("MemoryError"), "\(outputs[2])")
        #expect(outputs[3] == "True")
    }

    @Test func aBadMemoryLimitIsBadUsage() throws {
        let run = try LimitRun.run("```python\nprint(1)\n```\n", arguments: ["--memory-limit", "lots"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--memory-limit takes a size such as 4G"), "\(run.stderr)")
        #expect(run.report == nil)
    }
}
