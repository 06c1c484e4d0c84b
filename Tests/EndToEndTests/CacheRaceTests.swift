import Foundation
import TestSupport
import Testing

/// Runs of the real binary started at the same instant on a fresh folder: one makes the
/// cache, the others find it busy and run without it; none mistakes the cache being made for
/// somebody else's folder.
@Suite(.serialized) struct CacheRaceTests {
    @Test func runsStartingTogetherFindTheCacheBusyNeverForeign() throws {
        let runs = 8
        var busy = 0
        for round in 0..<6 {
            let nb = try CachedNotebook("```python\nprint(\(round))\n```\n")
            let logs = (0..<runs).map { nb.directory.appendingPathComponent("stderr-\($0)").path }
            let children = try logs.enumerated().map { index, log in
                try LabbookBinary.spawn(
                    ["run", nb.path, "-o", nb.directory.appendingPathComponent("out-\(index).md").path, "--quiet"],
                    stderr: log)
            }
            let statuses = children.map { $0.termination() }
            for (log, status) in zip(logs, statuses) {
                let stderr = try String(contentsOfFile: log, encoding: .utf8)
                #expect(status == .exited(0), "\(status): \(stderr)")
                #expect(!stderr.contains("is not a Labbook cache"), "round \(round): \(stderr)")
                if stderr.contains("is in use by another labbook process") { busy += 1 }
            }
        }
        #expect(busy > 0, "no run ever found the cache busy: the runs did not overlap")
    }
}
