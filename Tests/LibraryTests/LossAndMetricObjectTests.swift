import CellLanguage
import Foundation
import Testing
import TestSupport

/// `keras.losses` objects with `from_logits`, Huber and KLDivergence, `keras.metrics` objects
/// and the names Keras 2 logs them under, what is refused, and `verbose` for evaluate/predict.
@Suite struct LossAndMetricObjectTests {
    static let binary = Synthetic.twoClasses + """

        from keras import losses, metrics
        model = Sequential([Dense(8, activation='relu', input_shape=(2,)), Dense(1, activation='sigmoid')])
        """

    @Test func logitsLossTrainsALinearOutput() {
        let nb = NotebookSession(running: Synthetic.twoClasses + """

            import numpy as np
            model = Sequential([Dense(16, activation='relu', input_shape=(2,)), Dense(2)])
            loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
            model.compile(optimizer='adam', loss=loss_fn, metrics=['accuracy'])
            h = model.fit(x, y, epochs=40, batch_size=8, verbose=0)
            """)
        #expect(nb.repr("loss_fn.from_logits, model.loss is loss_fn") == "(True, True)")
        #expect(nb.repr("list(h.history.keys())") == "['loss', 'accuracy']")
        #expect(nb.repr("h.history['loss'][-1] < h.history['loss'][0]") == "True")
        // Logits are not probabilities: the outputs need not lie in [0, 1] or sum to 1.
        #expect(nb.repr("bool(np.abs(model.predict(x).sum(axis=1) - 1).max() > 0.01)") == "True")
    }

    @Test func metricObjectsAreLoggedUnderKerasNames() {
        let nb = NotebookSession(running: Self.binary + """

            model.compile(optimizer='adam', loss=losses.BinaryCrossentropy(),
                          metrics=[metrics.Precision(), metrics.AUC(), metrics.BinaryAccuracy(), 'accuracy'])
            h = model.fit(x, y, epochs=2, batch_size=8, verbose=0, validation_split=0.25)
            """)
        #expect(nb.repr("list(h.history.keys())") == "['loss', 'precision_1', 'auc_1', 'binary_accuracy', 'accuracy', "
            + "'val_loss', 'val_precision_1', 'val_auc_1', 'val_binary_accuracy', 'val_accuracy']")
        #expect(nb.repr("model.metrics_names") == "['loss', 'precision_1', 'auc_1', 'binary_accuracy', 'accuracy']")
        #expect(nb.repr("metrics.Precision().name, metrics.Recall().name, metrics.AUC(name='roc').name") == "('precision_2', 'recall_1', 'roc')")
        #expect(nb.repr("metrics.SparseCategoricalAccuracy().name, metrics.TopKCategoricalAccuracy(k=3).k") == "('sparse_categorical_accuracy', 3)")
        // The binary accuracy object and 'accuracy' compute the same thing on a sigmoid output.
        #expect(nb.repr("h.history['binary_accuracy'] == h.history['accuracy']") == "True")
        #expect(nb.repr("all(0 <= v <= 1 for v in h.history['val_auc_1'])") == "True")
    }

    @Test func huberAndKullbackLeiblerCompile() {
        let nb = NotebookSession(running: Synthetic.twoClasses + """

            import numpy as np
            reg = Sequential([Dense(1, input_shape=(2,))])
            reg.compile(optimizer='sgd', loss=keras.losses.Huber(delta=0.5), metrics=['mae'])
            r = reg.evaluate(x, np.array(y, dtype='float32'), verbose=0)
            clf = Sequential([Dense(2, activation='softmax', input_shape=(2,))])
            clf.compile(optimizer='sgd', loss='kld', metrics=[keras.metrics.CategoricalAccuracy()])
            h = clf.fit(x, y_hot, epochs=1, verbose=0)
            """)
        #expect(nb.repr("keras.losses.Huber(delta=0.5).delta, type(r).__name__") == "(0.5, 'list')")
        #expect(nb.repr("list(h.history.keys())") == "['loss', 'categorical_accuracy']")
    }

    @Test func unsupportedOptionsAreRefusedByName() {
        let nb = NotebookSession(running: Self.binary)
        #expect(nb.error("losses.SparseCategoricalCrossentropy(reduction='sum')")
            == "ValueError: SparseCategoricalCrossentropy(reduction='sum') is not supported by Labbook's engine; it averages over the batch ('auto')")
        #expect(nb.error("losses.CategoricalCrossentropy(label_smoothing=0.1)")
            == "ValueError: CategoricalCrossentropy(label_smoothing=...) is not supported by Labbook's engine")
        #expect(nb.error("metrics.Precision(top_k=2)") == "ValueError: Precision(top_k=...) is not supported by Labbook's engine")
        #expect(nb.error("metrics.AUC(curve='PR')").hasPrefix("ValueError: Labbook's AUC computes the ROC curve's area"))
        nb.text("""
            clf = Sequential([Dense(2, activation='softmax', input_shape=(2,))])
            clf.compile(optimizer='sgd', loss='sparse_categorical_crossentropy', metrics=[metrics.Recall()])
            """)
        #expect(nb.error("clf.fit(x, y, verbose=0)")
            == "ValueError: The metric `recall_1` needs targets shaped like the output (one-hot or binary), but the loss `sparse_categorical_crossentropy` takes class indices.")
    }

    @Test func verboseOfEvaluateAndPredictFollowsKerasTwo() {
        let nb = NotebookSession(running: Synthetic.twoClasses + "\n" + Synthetic.model)
        // Keras 2's test and predict loops draw their bar for verbose=1 only.
        #expect(nb.text("r = model.evaluate(x, y_hot, verbose=2)") == "")
        #expect(nb.text("r = model.evaluate(x, y_hot, verbose=1)") == "40/40 [==============================]\n")
        #expect(nb.text("p = model.predict(x)") == "")
        #expect(nb.text("p = model.predict(x, verbose=2)") == "")
        #expect(nb.text("p = model.predict(x, verbose=1)") == "40/40 [==============================]\n")
    }

    @Test func lossAndMetricObjectsSurviveAResume() throws {
        let original = ResumableSession()
        original.run(Synthetic.threeInputs + """

            y = (x.sum(axis=1) > 1.5).astype('float32')
            loss = keras.losses.BinaryCrossentropy(from_logits=True)
            auc = keras.metrics.AUC(num_thresholds=50)
            m = Sequential([Dense(4, input_shape=(3,)), Dense(1)])
            m.compile(optimizer='adam', loss=loss, metrics=[auc, keras.metrics.Precision()])
            h = m.fit(x, y, epochs=2, batch_size=16, verbose=0)
            """)
        let check = """
            print(loss.from_logits, auc.name, auc.num_thresholds, m.loss is loss, m.metrics_names)
            h2 = m.fit(x, y, epochs=2, batch_size=16, verbose=0)
            print(h2.history, keras.metrics.Precision().name)
            """
        let expected = try original.expectSameAfterResume(check)
        #expect(expected.contains("precision_2"))
    }
}
