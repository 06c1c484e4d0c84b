import CellLanguage
import Foundation
import Testing

/// `fit`'s printed log, its chart part, `History`, and `evaluate`/`predict` results.
@Suite struct FitTests {
    /// A number as Keras' progress bar prints it (`%.4f`).
    static let value = #"\d+\.\d{4}"#

    static func matches(_ text: String, _ pattern: String) -> Bool {
        text.range(of: "^" + pattern + "$", options: .regularExpression) != nil
    }

    @Test func verboseOneLogWithoutTimings() {
        let nb = NotebookSession(showTimings: false)
        nb.text(Synthetic.twoClasses + "\n" + Synthetic.model)
        let outcome = nb.run("history = model.fit(x, y_hot, batch_size=8, epochs=2, verbose=True, validation_split=0.25)")
        #expect(outcome.error == nil)
        // One chart for the reports, then the fit's record for run records.
        #expect(outcome.outputs.count == 2)
        guard case .chart(let chart)? = outcome.outputs.first,
              case .record(.fit(let record))? = outcome.outputs.last else {
            Issue.record("fit should emit one chart part and one record, got \(outcome.outputs)")
            return
        }
        #expect(record.history.map(\.name) == chart.seriesNames && record.history.map(\.values) == chart.seriesValues)
        #expect(record.epochs == 2 && record.batchSize == 8 && record.model == chart.title)
        let lines = chart.plainText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 6)
        #expect(lines[0] == "Train on 30 samples, validate on 10 samples")
        #expect(lines[1] == "Epoch 1/2")
        let v = Self.value
        let line = #"30/30 \[==============================\] - loss: \#(v) - accuracy: \#(v) - val_loss: \#(v) - val_accuracy: \#(v)"#
        #expect(Self.matches(lines[2], line), "\(lines[2])")
        #expect(lines[3] == "Epoch 2/2")
        #expect(Self.matches(lines[4], line), "\(lines[4])")
        #expect(lines[5] == "")
        #expect(chart.epochs == [1, 2])
        #expect(chart.seriesNames == ["loss", "accuracy", "val_loss", "val_accuracy"])
        #expect(chart.title == "sequential_1")
        // The live bar went to the terminal only, and was cleared at the end.
        let statuses = nb.statuses.all
        #expect(statuses.contains { $0?.hasPrefix("Epoch 1/2 ") == true && $0?.contains("[") == true })
        #expect(statuses.last == .some(nil))
    }

    @Test func verboseOneLogWithTimings() {
        let nb = NotebookSession(showTimings: true)
        nb.text(Synthetic.twoClasses + "\n" + Synthetic.model)
        let text = nb.text("h = model.fit(x, y_hot, batch_size=8, epochs=1)")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0] == "Epoch 1/1")
        #expect(Self.matches(lines[1], #"40/40 \[=+\] - \d+s \d+[mu]?s/step - loss: \#(Self.value) - accuracy: \#(Self.value)"#), "\(lines[1])")
    }

    @Test func verboseTwoAndZero() {
        let nb = NotebookSession(running: Synthetic.twoClasses + "\n" + Synthetic.model)
        let two = nb.text("h = model.fit(x, y_hot, epochs=2, verbose=2, validation_data=(x[:5], y_hot[:5]))")
        let lines = two.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[0] == "Train on 40 samples, validate on 5 samples")
        let v = Self.value
        #expect(Self.matches(lines[2], #" - loss: \#(v) - accuracy: \#(v) - val_loss: \#(v) - val_accuracy: \#(v)"#), "\(lines[2])")
        let silent = nb.run("h = model.fit(x, y_hot, epochs=2, verbose=0)")
        #expect(silent.outputs.map(\.plainText).joined() == "")
        // Still one chart for the HTML report (and the record), with nothing printed.
        #expect(silent.outputs.count == 2)
    }

    @Test func historyKeysEpochAndParams() {
        let nb = NotebookSession(running: Synthetic.twoClasses + "\n" + Synthetic.model)
        nb.text("h = model.fit(x, y_hot, batch_size=16, epochs=3, verbose=0, validation_split=0.25)")
        #expect(nb.repr("list(h.history)") == "['loss', 'accuracy', 'val_loss', 'val_accuracy']")
        #expect(nb.repr("h.epoch, len(h.history['loss']), type(h.history['loss'][0]).__name__") == "([0, 1, 2], 3, 'float')")
        #expect(nb.repr("h.params") == "{'batch_size': 16, 'epochs': 3, 'steps': None, 'samples': 30, 'verbose': 0, "
                + "'do_validation': True, 'metrics': ['loss', 'accuracy', 'val_loss', 'val_accuracy']}")
        #expect(nb.repr("h.model is model, model.history is h") == "(True, True)")
        #expect(nb.repr("all(0 <= a <= 1 for a in h.history['val_accuracy'])") == "True")
    }

    @Test func initialEpochContinuesNumbering() {
        let nb = NotebookSession(running: Synthetic.twoClasses + "\n" + Synthetic.model)
        let text = nb.text("h = model.fit(x, y_hot, epochs=3, initial_epoch=1)")
        #expect(text.split(separator: "\n").filter { $0.hasPrefix("Epoch") } == ["Epoch 2/3", "Epoch 3/3"])
        #expect(nb.repr("h.epoch") == "[1, 2]")
    }

    @Test func evaluateReturnsPythonFloats() {
        let nb = NotebookSession(running: Synthetic.twoClasses + "\n" + Synthetic.model)
        #expect(nb.repr("""
            r = model.evaluate(x, y_hot, verbose=0)
            type(r).__name__, len(r), type(r[0]).__name__, type(r[1]).__name__
            """) == "('list', 2, 'float', 'float')")
        #expect(nb.text("loss, acc = model.evaluate(x, y_hot, verbose=1)") == "40/40 [==============================]\n")
        nb.text("""
            bare = Sequential([Dense(1, input_shape=(2,))])
            bare.compile(optimizer='adam', loss='mse')
            """)
        #expect(nb.repr("type(bare.evaluate(x, y, verbose=0)).__name__") == "'float'")
    }

    @Test func predictShape() {
        let nb = NotebookSession(running: Synthetic.twoClasses + "\n" + Synthetic.model)
        #expect(nb.repr("model.predict(x).shape") == "(40, 2)")
        #expect(nb.repr("model.predict(x[:3]).shape") == "(3, 2)")
    }

    @Test func trainingLearnsTheSyntheticProblem() {
        let nb = NotebookSession(seed: 1)
        nb.text(Synthetic.twoClasses)
        nb.text("""
            model = Sequential([Dense(16, activation='tanh', input_shape=(2,)), Dense(2, activation='softmax')])
            model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss='categorical_crossentropy', metrics=['accuracy'])
            h = model.fit(x, y_hot, batch_size=8, epochs=60, verbose=0)
            """)
        #expect(nb.repr("h.history['accuracy'][-1] >= 0.9") == "True")
        #expect(nb.repr("h.history['loss'][-1] < h.history['loss'][0]") == "True")
    }

    @Test func sparseLabelsAndEarlyStopping() {
        let nb = NotebookSession(running: Synthetic.twoClasses)
        nb.text("""
            model = Sequential([Dense(4, activation='relu', input_shape=(2,)), Dense(2, activation='softmax')])
            model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
            stop = keras.callbacks.EarlyStopping(monitor='val_loss', patience=0, min_delta=10)
            h = model.fit(x, y, epochs=20, verbose=0, validation_split=0.5, callbacks=[stop])
            """)
        // min_delta=10 means no epoch ever improves enough: training stops after the second.
        #expect(nb.repr("len(h.epoch), stop.stopped_epoch") == "(2, 1)")
    }

    @Test func timeoutStopsALongFit() {
        let nb = NotebookSession(running: Synthetic.twoClasses + "\n" + Synthetic.model)
        let outcome = nb.run("model.fit(x, y_hot, batch_size=1, epochs=100000, verbose=1)", timeout: 0.3)
        #expect(outcome.error?.typeName == "TimeoutError")
        // The epochs that finished are still in the output, as plain text.
        #expect(outcome.outputs.map(\.plainText).joined().hasPrefix("Epoch 1/100000\n40/40 ["))
    }
}
