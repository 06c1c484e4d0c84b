import Foundation
import NeuralEngine
import Testing
import TestSupport

/// The `labbook` binary's BLAS kernel choice at launch: a user's `OPENBLAS_CORETYPE` wins,
/// otherwise the best kernel runs, and the relaunch that gets it there cannot loop.
@Suite struct KernelLaunchTests {
    @Test func versionNamesTheBestKernelTheCPUSupports() throws {
        let run = try LabbookProcess.run(["--version"])
        #expect(run.status == 0)
        let best = try #require(BLASKernel.best(for: .current)?.coreType)
        let kernel = try #require(run.line(startingWith: "kernel: "))
        let running = String(kernel.dropFirst("kernel: ".count).prefix { $0 != " " })
        // OpenBLAS' own choice may be a kernel newer than our table; it must never be older.
        #expect(running == best || !BLASKernel.isOlder(running, than: best), "\(kernel)")
        #expect(run.stdout.hasPrefix("labbook \(LabbookVersion.current)\nBLAS: OpenBLAS "))
        #expect(run.line(startingWith: "threads: ") != nil)
        #expect(run.line(startingWith: "CPU: ") != nil)
    }

    @Test func aUsersCoreTypeWins() throws {
        let run = try LabbookProcess.run(["--version"], environment: ["OPENBLAS_CORETYPE": "Haswell"])
        #expect(run.line(startingWith: "kernel: ") == "kernel: Haswell (set by OPENBLAS_CORETYPE=Haswell)")
        #expect(run.stdout.contains("DYNAMIC_ARCH NO_AFFINITY Haswell"))
    }

    /// The test switch makes every image believe OpenBLAS picked Prescott. Without the guard the
    /// relaunched image would relaunch again, forever: this run would never end (the watchdog
    /// kills it after a minute and the test fails).
    @Test func theRelaunchHappensOnceAndKeepsArgumentsStreamsAndStatus() throws {
        let best = try #require(BLASKernel.best(for: .current)?.coreType)
        let simulated = [BLASKernelRelaunch.simulatedDetectionVariable: "Prescott"]
        let run = try LabbookProcess.run(["--version"], environment: simulated)
        #expect(run.status == 0)
        #expect(run.line(startingWith: "kernel: ") == "kernel: \(best) (Labbook's choice; OpenBLAS picked Prescott)")
        // Bad usage still exits 2 with its message on stderr, after the relaunch.
        let bad = try LabbookProcess.run(["no-such-command"], environment: simulated)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("no-such-command"))
    }

    @Test func aRelaunchedImageDoesNotRelaunch() throws {
        // The guard alone (no OPENBLAS_CORETYPE) with a simulated bad detection: it runs as it is.
        let run = try LabbookProcess.run(["--version"], environment: [
            BLASKernelRelaunch.simulatedDetectionVariable: "Prescott", BLASKernelRelaunch.guardVariable: "Prescott",
        ])
        #expect(run.status == 0)
        #expect(run.line(startingWith: "kernel: ")?.hasSuffix("(Labbook's choice; OpenBLAS picked Prescott)") == true)
    }

    @Test func switchingTheKernelRerunsEveryCellAndExplainSaysWhy() throws {
        let folder = try TemporaryFolder.make("labbook-kernel")
        defer { TemporaryFolder.remove(folder) }
        let notebook = folder.appendingPathComponent("nb.md").path
        try "# K\n\n```python\nx = 2\n```\n\n```python\nprint(x * 21)\n```\n".write(toFile: notebook, atomically: true, encoding: .utf8)
        let arguments = ["run", notebook, "-o", folder.appendingPathComponent("out.md").path, "--explain", "--no-timings"]

        let first = try LabbookProcess.run(arguments, environment: ["OPENBLAS_CORETYPE": "Prescott"])
        #expect(first.status == 0, "\(first.stderr)")
        let same = try LabbookProcess.run(arguments, environment: ["OPENBLAS_CORETYPE": "Prescott"])
        #expect(same.stderr.components(separatedBy: ": cached").count - 1 == 2, "\(same.stderr)")

        let switched = try LabbookProcess.run(arguments, environment: ["OPENBLAS_CORETYPE": "Haswell"])
        #expect(switched.status == 0)
        #expect(!switched.stderr.contains(": cached"), "\(switched.stderr)")
        let why = try #require(switched.stderr.split(separator: "\n").first { $0.contains(": ran: ") })
        #expect(why.contains("the engine changed: was BLAS OpenBLAS"), "\(why)")
        #expect(why.contains("Prescott") && why.contains("Haswell"), "\(why)")
        let output = try String(contentsOfFile: folder.appendingPathComponent("out.md").path, encoding: .utf8)
        #expect(output.contains("```output\n42\n```"))
    }
}
