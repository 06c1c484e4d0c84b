import Foundation
import Testing
import TestSupport
@testable import Runner

/// Run records: every run writes one into the cache folder's `runs/`, with the fits and
/// evaluations the cells made (also when they came from the cache) and the metrics' final
/// values; `labbook runs` lists them; `cache clean` keeps them unless asked.
@Suite(.serialized) struct RunRecordTests {
    static let text = """
        ---
        params:
          units: 16
        metrics: [acc, final_loss, label, model]
        ---

        ```python
        import numpy as np
        from keras.models import Sequential
        from keras.layers import Dense, Dropout
        from keras.utils import to_categorical
        x = np.random.rand(160, 8).astype('float32')
        y = to_categorical((x.sum(axis=1) > 4).astype('int64'), 2)
        ```

        ```python
        model = Sequential([Dense(units, activation='relu', input_shape=(8,)), Dropout(0.2), Dense(2, activation='softmax')])
        model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
        history = model.fit(x, y, batch_size=16, epochs=2, validation_split=0.25, verbose=0)
        final_loss = history.history['loss'][-1]
        ```

        ```python
        loss, acc = model.evaluate(x, y, verbose=0)
        label = f'units={units}'
        ```

        """

    @Test func everyRunWritesARecordOfWhatItRanAndProduced() throws {
        let nb = try CachedNotebook(Self.text)
        let first = try nb.run()
        #expect(first.result.exitCode == 0 && first.warnings.isEmpty, "\(first.log)")
        let second = try nb.run()
        #expect(second.ran.isEmpty)
        let records = RunRecords.load(cacheDirectory: nb.cacheDirectory, notebook: "nb.md")
        try #require(records.count == 2)
        let (newest, oldest) = (records[0], records[1])
        #expect(oldest.cells.map(\.status) == ["ran", "ran", "ran"])
        #expect(newest.cells.map(\.status) == ["cached", "cached", "cached"])
        #expect(newest.started >= oldest.started)

        for record in records {
            #expect(record.parameters == ["units": "16"])
            #expect(record.notebook.path == nb.path && record.notebook.sha256.count == 64)
            try #require(record.fits.count == 1 && record.evaluations.count == 1)
            let fit = record.fits[0].fit
            #expect(record.fits[0].cell == 1)
            #expect(fit.layers.map(\.className) == ["Dense", "Dropout", "Dense"])
            #expect(fit.parameters == 8 * 16 + 16 + 16 * 2 + 2)
            #expect(fit.epochs == 2 && fit.batchSize == 16 && fit.optimizer == "Adam" && fit.loss == "categorical_crossentropy")
            #expect(abs(fit.learningRate - 0.001) < 1e-9)
            #expect(fit.history.map(\.name) == ["loss", "accuracy", "val_loss", "val_accuracy"])
            #expect(fit.history.allSatisfy { $0.values.count == 2 })
            // The metrics come from the session (restored, for the cached run); the fit and
            // evaluation from the cells' records: they must agree.
            #expect(record.metrics["final_loss"] == .number(fit.history[0].values[1]))
            #expect(record.metrics["acc"] == record.evaluations[0].results["accuracy"].map { .number($0) })
            #expect(record.metrics["label"] == .string("units=16"))
            #expect(record.metrics["model"] == MetricValue.none, "a model is not a metric value")
        }
        #expect(newest.fits == oldest.fits && newest.evaluations == oldest.evaluations && newest.metrics == oldest.metrics)

        // The JSON uses the documented snake_case names.
        let folder = nb.cacheDirectory + "/runs"
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".json") })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))) as? [String: Any])
        #expect(Set(json.keys) == ["version", "id", "notebook", "parameters", "seed", "labbook", "blas", "started",
                                   "seconds", "exit_code", "cells", "fits", "evaluations", "metrics", "metric_names"])
        #expect(json["metric_names"] as? [String] == ["acc", "final_loss", "label", "model"])
        let fits = try #require(json["fits"] as? [[String: Any]])
        let fitJSON = try #require(fits.first?["fit"] as? [String: Any])
        #expect(fitJSON["batch_size"] as? Int == 16 && fitJSON["learning_rate"] != nil)
    }

    @Test func runsListsNewestFirstAndCleanKeepsTheRecords() throws {
        let nb = try CachedNotebook(Self.text)
        _ = try nb.run()
        _ = try nb.run { $0.parameterOverrides = [("units", "4")] }
        let table = try RunRecords.list(notebookPath: nb.path, cacheDirectory: nil, json: false)
        let lines = table.split(separator: "\n")
        #expect(lines.count == 3, "\(table)")
        #expect(lines[0].hasPrefix("id ") && lines[0].contains("parameters") && lines[0].contains("metrics"))
        #expect(lines[1].contains("units=4") && lines[1].contains("label=units=4") && lines[1].contains(" 2/1 "), "\(table)")
        #expect(lines[2].contains("units=16") && lines[2].contains(" 3/0 "), "\(table)")
        let json = try RunRecords.list(notebookPath: nb.path, cacheDirectory: nil, json: true)
        let decoded = try RunRecords.decoder().decode([RunRecord].self, from: Data(json.utf8))
        #expect(decoded.map(\.parameters) == [["units": "4"], ["units": "16"]])

        let message = try CacheCommands.clean(notebookPath: nb.path, cacheDirectory: nil)
        #expect(message.contains("but its 2 run records"), "\(message)")
        #expect(RunRecords.load(cacheDirectory: nb.cacheDirectory, notebook: "nb.md").count == 2)
        #expect(!FileManager.default.fileExists(atPath: nb.cacheDirectory + "/entries"))
        let again = try nb.run()
        #expect(again.cached.isEmpty, "the cell entries are gone")
        #expect(RunRecords.load(cacheDirectory: nb.cacheDirectory, notebook: "nb.md").count == 3)

        _ = try CacheCommands.clean(notebookPath: nb.path, cacheDirectory: nil, runs: true)
        #expect(!FileManager.default.fileExists(atPath: nb.cacheDirectory))
    }
}
