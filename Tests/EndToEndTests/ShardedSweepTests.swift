import Foundation
import TestSupport
import Testing

/// A sweep split with `--shard K/N` over separate processes (each in its own folder, as on
/// separate machines), merged by `labbook compare`, gives the very page the single-process
/// `--sweep --html` writes, and the same executed Markdown per point.
@Suite struct ShardedSweepTests {
    static let notebook = """
        ---
        params:
          units: 4
          epochs: 2
        sweep:
          units: [2, 4, 8]
        metrics: [acc]
        ---

        ```python
        import numpy as np
        from keras.models import Sequential
        from keras.layers import Dense
        from keras.utils import to_categorical
        x = np.random.rand(120, 6).astype('float32')
        y = to_categorical((x.sum(axis=1) > 3).astype('int64'), 2)
        ```

        ```python
        model = Sequential([Dense(units, activation='relu', input_shape=(6,)), Dense(2, activation='softmax')])
        model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
        model.fit(x, y, batch_size=20, epochs=epochs, validation_split=0.25, verbose=0)
        loss, acc = model.evaluate(x, y, verbose=0)
        ```

        """

    func folder(_ root: URL, _ name: String) throws -> String {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Data(Self.notebook.utf8).write(to: url.appendingPathComponent("nb.md"))
        return url.path
    }

    @Test func shardsMergeIntoTheSingleProcessPage() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let single = try folder(root, "single")
        let (whole, wholeErrors) = try LabbookBinary.run(["run", single + "/nb.md", "--html", single + "/page.html", "--no-timings"])
        #expect(whole == .exited(0), "\(wholeErrors)")
        #expect(wholeErrors.contains("run 3/3 (units=8)"), "\(wholeErrors)")

        // Two shards at once, each in its own folder with its own cache.
        let shards = try (0..<2).map { try folder(root, "shard\($0)") }
        let logs = shards.map { $0 + "/stderr.txt" }
        let children = try (0..<2).map { index in
            try LabbookBinary.spawn(["run", shards[index] + "/nb.md", "--shard", "\(index)/2", "--html", shards[index] + "/page.html", "--no-timings"], stderr: logs[index])
        }
        #expect(children.map { $0.termination() } == [.exited(0), .exited(0)])
        let first = try String(contentsOfFile: logs[0], encoding: .utf8)
        #expect(first.contains("run 1/2 (point 1/3: units=2)") && first.contains("run 2/2 (point 3/3: units=8)"), "\(first)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: shards[1] + "/nb.sweep").sorted() == ["units=4.html", "units=4.json", "units=4.md"])

        let merged = root.appendingPathComponent("merged.html").path
        let (compared, compareErrors) = try LabbookBinary.run(
            ["compare", shards[0] + "/nb.sweep", shards[1] + "/nb.sweep", "--html", merged, "--no-timings"])
        #expect(compared == .exited(0), "\(compareErrors)")
        let page = try String(contentsOfFile: single + "/page.html", encoding: .utf8)
        // The same page, but each run's report link leads into the shard's folder that holds it.
        let mergedPage = try String(contentsOfFile: merged, encoding: .utf8)
        #expect(mergedPage.contains("<a href=\"shard1/nb.sweep/units=4.html\">report</a>"))
        #expect(mergedPage.replacingOccurrences(of: "href=\"shard0/", with: "href=\"").replacingOccurrences(of: "href=\"shard1/", with: "href=\"") == page)
        #expect(page.contains("<a href=\"nb.sweep/units=8.html\">report</a>"))
        #expect(page.contains("sweep units: 3 of 3 points") && page.contains("Metrics against units"))
        for point in ["units=2.md", "units=4.md", "units=8.md"] {
            let shard = point == "units=4.md" ? shards[1] : shards[0]
            #expect(try String(contentsOfFile: shard + "/nb.sweep/" + point, encoding: .utf8)
                == String(contentsOfFile: single + "/nb.sweep/" + point, encoding: .utf8), "\(point)")
        }

        // One shard's folder alone says which points are missing.
        let (alone, aloneErrors) = try LabbookBinary.run(["compare", shards[1] + "/nb.sweep", "--html", merged, "--no-timings"])
        #expect(alone == .exited(0), "\(aloneErrors)")
        #expect(try String(contentsOfFile: merged, encoding: .utf8).contains("2 of 3 points of the sweep have no record"))

        // Bad usage is exit 2 with the argument named; a sweep takes no -o.
        let (missing, missingErrors) = try LabbookBinary.run(["compare", root.appendingPathComponent("nothing").path])
        #expect(missing == .exited(2) && missingErrors.contains("nothing: no such record file, folder or run id"), "\(missingErrors)")
        let (output, outputErrors) = try LabbookBinary.run(["run", single + "/nb.md", "-o", single + "/x.md"])
        #expect(output == .exited(2) && outputErrors.contains("it takes no -o or --in-place"), "\(outputErrors)")
        let (shard, shardErrors) = try LabbookBinary.run(["run", single + "/nb.md", "--shard", "2/2"])
        #expect(shard == .exited(2) && shardErrors.contains("--shard takes K/N with 0 <= K < N"), "\(shardErrors)")
    }
}
