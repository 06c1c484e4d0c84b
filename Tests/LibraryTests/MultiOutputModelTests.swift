import CellLanguage
import Foundation
import Testing
import TestSupport

/// Functional models with several inputs and outputs trained end to end, as Deep Learning
/// with Python's chapter 7 trains its ticket classifier: losses and metrics as lists and dicts,
/// `loss_weights`, `weighted_metrics`, targets as lists and dicts, and the names Keras 2 logs
/// (checked against tf.keras 2.x: the `tf_keras` package's `fit`, `metrics_names`, history).
@Suite struct MultiOutputModelTests {
    static let ticketModel = """
        import numpy as np
        import keras
        from keras import layers
        title = keras.Input(shape=(6,), name="title")
        text_body = keras.Input(shape=(6,), name="text_body")
        tags = keras.Input(shape=(3,), name="tags")
        features = layers.Concatenate()([title, text_body, tags])
        features = layers.Dense(8, activation="relu")(features)
        priority = layers.Dense(1, activation="sigmoid", name="priority")(features)
        department = layers.Dense(4, activation="softmax", name="department")(features)
        model = keras.Model(inputs=[title, text_body, tags], outputs=[priority, department])
        n = 40
        title_data = np.random.randint(0, 2, size=(n, 6))
        text_body_data = np.random.randint(0, 2, size=(n, 6))
        tags_data = np.random.randint(0, 2, size=(n, 3))
        priority_data = np.random.random(size=(n, 1))
        department_data = np.random.randint(0, 2, size=(n, 4))
        inputs = [title_data, text_body_data, tags_data]
        named = {"title": title_data, "text_body": text_body_data, "tags": tags_data}
        """

    @Test func listsOfLossesMetricsAndArraysLogKerasNames() {
        let nb = NotebookSession(running: Self.ticketModel)
        let log = nb.text("""
            model.compile(optimizer="rmsprop", loss=["mean_squared_error", "categorical_crossentropy"],
                          metrics=[["mean_absolute_error"], ["accuracy"]])
            h = model.fit(inputs, [priority_data, department_data], epochs=1, verbose=2, validation_split=0.25)
            """)
        #expect(log.contains(" - loss: "))
        let names = [" - loss: ", " - priority_loss: ", " - department_loss: ", " - priority_mean_absolute_error: ",
                     " - department_accuracy: ", " - val_loss: ", " - val_priority_loss: ", " - val_department_loss: ",
                     " - val_priority_mean_absolute_error: ", " - val_department_accuracy: "]
        let positions = names.compactMap { log.range(of: $0)?.lowerBound }
        #expect(positions.count == names.count && positions == positions.sorted(), "\(log)")
        #expect(nb.repr("sorted(h.history) == sorted(['loss', 'priority_loss', 'department_loss', 'priority_mean_absolute_error', 'department_accuracy', 'val_loss', 'val_priority_loss', 'val_department_loss', 'val_priority_mean_absolute_error', 'val_department_accuracy'])") == "True")
        #expect(nb.repr("model.metrics_names") == "['loss', 'priority_loss', 'department_loss', 'priority_mean_absolute_error', 'department_accuracy']")
        #expect(nb.repr("""
            r = model.evaluate(inputs, [priority_data, department_data], verbose=0)
            len(r), abs(r[0] - r[1] - r[2]) < 1e-5
            """) == "(5, True)")
        #expect(nb.repr("""
            p, d = model.predict(inputs)
            p.shape, d.shape
            """) == "((40, 1), (40, 4))")
    }

    @Test func dictsByNameTrainAsLists() {
        func run(_ cell: String) -> String {
            let nb = NotebookSession(seed: 4)
            nb.text(Self.ticketModel)
            nb.text(cell)
            return nb.repr("h.history, model.get_weights()[0][0], r")
        }
        let lists = run("""
            model.compile(optimizer="rmsprop", loss=["mse", "categorical_crossentropy"], metrics=[["mae"], ["accuracy"]])
            h = model.fit(inputs, [priority_data, department_data], epochs=2, verbose=0)
            r = model.evaluate(inputs, [priority_data, department_data], verbose=0)
            """)
        let dicts = run("""
            model.compile(optimizer="rmsprop", loss={"priority": "mse", "department": "categorical_crossentropy"},
                          metrics={"priority": ["mae"], "department": ["accuracy"]})
            h = model.fit(named, {"priority": priority_data, "department": department_data}, epochs=2, verbose=0)
            r = model.evaluate(named, {"department": department_data, "priority": priority_data}, verbose=0)
            """)
        #expect(lists == dicts)
    }

    @Test func lossWeightsAndWeightedMetrics() {
        let nb = NotebookSession(running: Self.ticketModel)
        #expect(nb.repr("""
            model.compile(optimizer="rmsprop", loss={"priority": "mse", "department": "categorical_crossentropy"},
                          metrics={"priority": ["mae"], "department": ["accuracy"]}, loss_weights=[1.0, 0.5],
                          weighted_metrics=["accuracy", "mae"])
            model.metrics_names
            """) == "['loss', 'priority_loss', 'department_loss', 'priority_mae', 'priority_accuracy', 'priority_weighted_mae', 'department_accuracy', 'department_weighted_accuracy', 'department_mae']")
        #expect(nb.repr("""
            r = model.evaluate(inputs, [priority_data, department_data], verbose=0)
            abs(r[0] - (r[1] + 0.5 * r[2])) < 1e-5
            """) == "True")
        #expect(nb.repr("""
            model.compile(optimizer="rmsprop", loss={"department": "categorical_crossentropy"}, metrics=["mae"])
            model.metrics_names
            """) == "['loss', 'department_loss', 'priority_mae', 'department_mae']")
    }

    @Test func errorsSayWhatIsWrong() {
        let nb = NotebookSession(running: Self.ticketModel)
        #expect(nb.error("model.compile(optimizer='rmsprop', loss=['mse'])").hasPrefix(
            "ValueError: When passing a list as loss, it should have one entry per model outputs. The model has 2 outputs"))
        #expect(nb.error("model.compile(optimizer='rmsprop', loss={'prio': 'mse'})") == "ValueError: Unknown entries in loss "
                + "dictionary: ['prio']. Only expected following keys: ['priority', 'department']")
        nb.text("model.compile(optimizer='rmsprop', loss='mse')")
        #expect(nb.error("model.fit(inputs, priority_data, verbose=0)").hasPrefix(
            "ValueError: Error when checking model target: the list of Numpy arrays that you are passing to your model is "
                + "not the size the model expected. Expected to see 2 array(s)"))
        #expect(nb.error("model.fit(inputs, [priority_data, department_data], class_weight={0: 1.0}, verbose=0)")
                == "ValueError: `class_weight` is only supported for Models with a single output.")
        #expect(nb.error("model.fit(inputs, {'priority': priority_data}, verbose=0)") == "ValueError: No data provided for "
                + "\"department\". Need data for each key in: ['priority', 'department']")
    }

    /// The book's feature extraction: a layer's symbolic input and output (a merge's input is
    /// the list of its inputs), and a new model on an intermediate output.
    @Test func layerOutputsBuildANewModel() {
        let nb = NotebookSession(running: Self.ticketModel)
        #expect(nb.repr("[t.name for t in model.layers[3].input]") == "['title', 'text_body', 'tags']")
        #expect(nb.repr("model.layers[3].output.shape, model.layers[4].output.shape") == "((None, 15), (None, 8))")
        #expect(nb.repr("""
            difficulty = layers.Dense(3, activation="softmax", name="difficulty")(model.layers[4].output)
            new_model = keras.Model(inputs=[title, text_body, tags], outputs=[priority, department, difficulty])
            new_model.output_names, [p.shape for p in new_model.predict(inputs)]
            """) == "(['priority', 'department', 'difficulty'], [(40, 1), (40, 4), (40, 3)])")
    }

    /// Keras writes a PNG with Graphviz; Labbook shows an SVG, writes it as `.svg` and says so.
    @Test func plotModelDrawsSVGAndSaysSo() throws {
        let folder = try TemporaryFolder.make("plot-model")
        defer { TemporaryFolder.remove(folder) }
        let nb = NotebookSession(running: Self.ticketModel)
        let path = folder.appendingPathComponent("ticket.png").path
        let outcome = nb.run("keras.utils.plot_model(model, \(Value.str(path).repr), show_shapes=True)")
        #expect(outcome.error == nil)
        let svgPath = folder.appendingPathComponent("ticket.svg").path
        #expect(outcome.outputs.first?.plainText == "WARNING:labbook:plot_model drew the model as SVG and wrote \(svgPath) "
                + "(Labbook writes no PNG; Keras would have written \(path) with Graphviz)\n")
        let svg = try String(contentsOfFile: svgPath, encoding: .utf8)
        #expect(svg.contains(">concatenate_1: Concatenate</text>"))
        #expect(svg.contains(">input: [(None, 6), (None, 6), (None, 3)]</text>"))
        #expect(svg.contains(">output: [(None, 6)]</text>"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func tensorBoardTrainsAndWritesNothing() {
        let nb = NotebookSession(running: Self.ticketModel)
        let text = nb.text("""
            tensorboard = keras.callbacks.TensorBoard(log_dir="/nonexistent/logs")
            model.compile(optimizer="rmsprop", loss=["mse", "categorical_crossentropy"])
            h = model.fit(inputs, [priority_data, department_data], epochs=2, verbose=0, callbacks=[tensorboard])
            """)
        #expect(text.hasPrefix("WARNING:labbook:keras.callbacks.TensorBoard writes no logs"))
        #expect(nb.repr("len(h.history['loss'])") == "2")
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent"))
    }

    /// Fixed weights and data: `evaluate`'s values equal what tf_keras (2.21) returns for the
    /// same cell, unweighted and with `sample_weight` (loss weights 0.3 and 0.7, a weighted
    /// metric broadcast to both outputs).
    @Test func evaluateMatchesTfKeras() {
        let nb = NotebookSession()
        let text = nb.text("""
            import numpy as np
            import keras
            from keras import layers
            a = keras.Input(shape=(3,), name="a"); b = keras.Input(shape=(2,), name="b")
            h = layers.Dense(4, activation="relu")(layers.Concatenate()([a, b]))
            model = keras.Model([a, b], [layers.Dense(1, activation="sigmoid", name="p")(h), layers.Dense(3, activation="softmax", name="q")(h)])
            model.set_weights([np.sin(np.arange(w.size) + 1.0).reshape(w.shape).astype("float32") for w in model.get_weights()])
            xa = np.cos(np.arange(24.0)).reshape(8, 3); xb = np.sin(np.arange(16.0) * 0.7).reshape(8, 2)
            yp = (np.arange(8.0) % 3 / 2).reshape(8, 1); yq = np.eye(3)[np.arange(8) % 3]
            w = np.linspace(0.5, 2.0, 8)
            model.compile(optimizer="sgd", loss=["mse", "categorical_crossentropy"], metrics=[["mae"], ["accuracy"]], loss_weights=[0.3, 0.7], weighted_metrics=["mae"])
            print([round(v, 5) for v in model.evaluate([xa, xb], [yp, yq], batch_size=3, verbose=0)])
            print([round(v, 5) for v in model.evaluate({"a": xa, "b": xb}, {"p": yp, "q": yq}, batch_size=3, sample_weight=w, verbose=0)])
            """)
        #expect(text == "[0.89183, 0.38466, 1.10919, 0.51499, 0.51499, 0.25, 0.43452]\n"
                + "[1.10234, 0.46675, 1.37473, 0.51499, 0.51388, 0.25, 0.43244]\n")
    }
}
