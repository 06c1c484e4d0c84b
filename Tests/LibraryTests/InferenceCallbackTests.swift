import CellLanguage
import Foundation
import Testing

/// Callbacks in `evaluate`, `predict` and the validation inside `fit`, `steps_per_epoch`,
/// and the learning rate as a variable, as keras.io's "Writing your own callbacks" uses them.
@Suite struct InferenceCallbackTests {
    static let recorder = """
        import numpy as np
        import keras
        from keras.models import Sequential
        from keras.layers import Dense
        x = np.arange(16, dtype='float32').reshape(8, 2) / 16
        y = x.sum(axis=1, keepdims=True)
        calls = []
        class Recorder(keras.callbacks.Callback):
            def on_train_begin(self, logs=None): calls.append(('train_begin', list(logs)))
            def on_train_end(self, logs=None): calls.append(('train_end', list(logs)))
            def on_epoch_begin(self, epoch, logs=None): calls.append(('epoch_begin', epoch, list(logs)))
            def on_epoch_end(self, epoch, logs=None): calls.append(('epoch_end', epoch, list(logs)))
            def on_train_batch_begin(self, batch, logs=None): calls.append(('train_batch_begin', batch, list(logs)))
            def on_train_batch_end(self, batch, logs=None): calls.append(('train_batch_end', batch, list(logs)))
            def on_test_begin(self, logs=None): calls.append(('test_begin', list(logs), self.params.get('samples')))
            def on_test_end(self, logs=None): calls.append(('test_end', list(logs)))
            def on_test_batch_begin(self, batch, logs=None): calls.append(('test_batch_begin', batch, list(logs)))
            def on_test_batch_end(self, batch, logs=None): calls.append(('test_batch_end', batch, list(logs)))
            def on_predict_begin(self, logs=None): calls.append(('predict_begin', list(logs), self.model is model))
            def on_predict_end(self, logs=None): calls.append(('predict_end', list(logs)))
            def on_predict_batch_begin(self, batch, logs=None): calls.append(('predict_batch_begin', batch, list(logs)))
            def on_predict_batch_end(self, batch, logs=None):
                calls.append(('predict_batch_end', batch, list(logs), [o.shape for o in logs['outputs']]))
        model = Sequential([Dense(1, input_shape=(2,))])
        model.compile(optimizer='sgd', loss='mean_squared_error', metrics=['mean_absolute_error'])
        """

    /// Keras 2.3's `fit_loop` runs the validation through `test_loop` with the same callbacks,
    /// so the test hooks fire inside the epoch, before `on_epoch_end`; batch logs hold `batch`
    /// and `size`, then the loss and metrics after the batch; begin and end logs are empty.
    @Test func fitCallsTheTestHooksForValidation() {
        let nb = NotebookSession(running: Self.recorder)
        nb.text("h = model.fit(x, y, batch_size=4, epochs=1, verbose=0, validation_split=0.5, callbacks=[Recorder()])")
        let calls = nb.repr("for c in calls: print(c)").split(separator: "\n").map(String.init)
        #expect(calls == [
            "('train_begin', [])",
            "('epoch_begin', 0, [])",
            "('train_batch_begin', 0, ['batch', 'size'])",
            "('train_batch_end', 0, ['batch', 'size', 'loss', 'mean_absolute_error'])",
            "('test_begin', [], 4)",
            "('test_batch_begin', 0, ['batch', 'size'])",
            "('test_batch_end', 0, ['batch', 'size', 'loss', 'mean_absolute_error'])",
            "('test_end', [])",
            "('epoch_end', 0, ['val_loss', 'val_mean_absolute_error', 'loss', 'mean_absolute_error'])",
            "('train_end', [])",
        ])
    }

    @Test func evaluateAndPredictCallTheirHooksPerBatch() {
        let nb = NotebookSession(running: Self.recorder)
        nb.text("""
            res = model.evaluate(x, y, batch_size=5, verbose=0, callbacks=[Recorder()])
            test_calls = list(calls)
            calls.clear()
            out = model.predict(x, batch_size=5, callbacks=[Recorder()])
            """)
        #expect(nb.repr("for c in test_calls: print(c)").split(separator: "\n").map(String.init) == [
            "('test_begin', [], 8)",
            "('test_batch_begin', 0, ['batch', 'size'])",
            "('test_batch_end', 0, ['batch', 'size', 'loss', 'mean_absolute_error'])",
            "('test_batch_begin', 1, ['batch', 'size'])",
            "('test_batch_end', 1, ['batch', 'size', 'loss', 'mean_absolute_error'])",
            "('test_end', [])",
        ])
        #expect(nb.repr("for c in calls: print(c)").split(separator: "\n").map(String.init) == [
            "('predict_begin', [], True)",
            "('predict_batch_begin', 0, ['batch', 'size'])",
            "('predict_batch_end', 0, ['batch', 'size', 'outputs'], [(5, 1)])",
            "('predict_batch_begin', 1, ['batch', 'size'])",
            "('predict_batch_end', 1, ['batch', 'size', 'outputs'], [(3, 1)])",
            "('predict_end', [])",
        ])
    }

    /// The test batch logs carry the batch's own loss (the first batch's equals `evaluate` on
    /// those samples alone), and what a hook prints is the cell's output, in order.
    @Test func testBatchLogsHoldTheBatchLoss() {
        let nb = NotebookSession(running: Self.recorder)
        let text = nb.text("""
            class Losses(keras.callbacks.Callback):
                def on_test_batch_end(self, batch, logs=None):
                    print(batch, logs['size'], round(logs['loss'], 6))
            total = model.evaluate(x, y, batch_size=5, verbose=0, callbacks=[Losses()])
            first = model.evaluate(x[:5], y[:5], batch_size=5, verbose=0)
            last = model.evaluate(x[5:], y[5:], batch_size=5, verbose=0)
            print(round(first[0], 6), round(last[0], 6), abs(total[0] - (5 * first[0] + 3 * last[0]) / 8) < 1e-6)
            """)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        let first = lines[0].split(separator: " "), second = lines[1].split(separator: " ")
        #expect(first[0] == "0" && first[1] == "5" && second[0] == "1" && second[1] == "3")
        #expect(lines[2] == "\(first[2]) \(second[2]) True")
    }

    /// As tf.keras feeds arrays: one stream of batches over successive passes, carried from
    /// epoch to epoch. 10 samples in batches of 4 give passes of 4, 4, 2; two steps per epoch
    /// take [4, 4], then [2, 4] (the second pass begins), then [4, 2].
    @Test func stepsPerEpochCarriesTheBatchStreamAcrossEpochs() {
        let nb = NotebookSession(running: Self.recorder)
        let text = nb.text("""
            x10 = np.arange(20, dtype='float32').reshape(10, 2) / 20
            y10 = x10.sum(axis=1)
            sizes = []
            class Sizes(keras.callbacks.Callback):
                def on_epoch_begin(self, epoch, logs=None): sizes.append([])
                def on_train_batch_begin(self, batch, logs=None): sizes[-1].append(logs['size'])
            h = model.fit(x10, y10, batch_size=4, steps_per_epoch=2, epochs=3, verbose=0, callbacks=[Sizes()])
            print(sizes, h.epoch, h.params['steps'], h.params['samples'])
            """)
        #expect(text == "[[4, 4], [2, 4], [4, 2]] [0, 1, 2] 2 None\n")
    }

    /// When `steps_per_epoch * epochs` batches are more than `epochs` passes give, training
    /// stops after the epoch in which the stream ran dry, with TensorFlow's warning.
    @Test func stepsPerEpochStopsWhenTheDataRunsOut() {
        let nb = NotebookSession(running: Self.recorder)
        let text = nb.text("""
            h = model.fit(x, y, batch_size=4, steps_per_epoch=3, epochs=3, verbose=0)
            print(h.epoch)
            """)
        #expect(text == "WARNING:tensorflow:Your input ran out of data; interrupting training. Make sure that your "
            + "dataset or generator can generate at least `steps_per_epoch * epochs` batches (in this case, 9 batches). "
            + "You may need to use the repeat() function when building your dataset.\n[0, 1]\n")
        // With `verbose=1` the bar counts steps and no `Train on` banner is printed.
        let log = nb.text("model.fit(x, y, batch_size=2, steps_per_epoch=2, epochs=1, validation_split=0.5, validation_steps=1)")
        #expect(log.hasPrefix("Epoch 1/1\n2/2 [==============================] - loss: "), "\(log)")
        #expect(!log.contains("Train on"))
    }

    /// keras.io's custom scheduler: `hasattr(opt, 'lr')`, `get_value(opt.learning_rate)`,
    /// `set_value(opt.lr, x)` sets the rate of the next updates.
    @Test func setValueSetsTheOptimizersRate() {
        let nb = NotebookSession(running: Self.recorder)
        nb.text("""
            import tensorflow as tf
            opt = keras.optimizers.SGD(learning_rate=0.1)
            before = tf.keras.backend.get_value(opt.learning_rate)
            tf.keras.backend.set_value(opt.lr, 0.25)
            """)
        #expect(nb.repr("before, hasattr(opt, 'lr'), float(opt.lr), opt.learning_rate, '%6.4f' % opt.lr, opt.lr * 2")
                == "(0.1, True, 0.25, 0.25, '0.2500', 0.5)")
        #expect(nb.repr("opt.lr") == "<tf.Variable 'learning_rate:0' shape=() dtype=float32, numpy=0.25>")
        #expect(nb.error("tf.keras.backend.set_value(0.1, 0.2)").hasPrefix("TypeError: Labbook's keras.backend.set_value"))
    }
}
