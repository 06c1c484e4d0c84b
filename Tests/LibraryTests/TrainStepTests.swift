import CellLanguage
import Foundation
import Testing
import TestSupport

/// `fit` and `evaluate` running a model's own `train_step`/`test_step` (tf.keras 2's
/// "Customizing what happens in fit()", Deep Learning with Python's chapter 7), metric objects
/// written in Python inside `compile`, and the `from_config` class methods. Messages and
/// printed forms were checked against tf_keras 2.21 on TensorFlow 2.21.
@Suite struct TrainStepTests {
    static let setup = """
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        from tensorflow.keras import layers
        np.random.seed(3)
        x = np.random.rand(100, 6).astype("float32")
        y = np.random.randint(0, 3, 100)
        def graph():
            inputs = keras.Input(shape=(6,))
            h = layers.Dense(16, activation="relu")(inputs)
            h = layers.Dropout(0.3)(h)
            return inputs, layers.Dense(3, activation="softmax")(h)
        class Plain(keras.Model):
            def train_step(self, data):
                x, y = data
                with tf.GradientTape() as tape:
                    y_pred = self(x, training=True)
                    loss = self.compiled_loss(y, y_pred, regularization_losses=self.losses)
                gradients = tape.gradient(loss, self.trainable_variables)
                self.optimizer.apply_gradients(zip(gradients, self.trainable_variables))
                self.compiled_metrics.update_state(y, y_pred)
                return {m.name: m.result() for m in self.metrics}

        """

    /// A `train_step` that does what the default one does trains to the very weights of the
    /// engine's own `fit` (same shuffles, same dropout masks, same arithmetic), and prints the
    /// same log; the history agrees to float32 precision (Keras' metrics keep float32 totals,
    /// the engine's loop float64 sums).
    @Test func aTrainStepDoingTheDefaultTrainsAsFitDoes() {
        let nb = NotebookSession()
        nb.text(Self.setup + """
            a = keras.Model(*graph())
            b = Plain(*graph())
            b.set_weights(a.get_weights())
            start = a.get_weights()
            for m in (a, b):
                m.compile(optimizer=keras.optimizers.RMSprop(), loss="sparse_categorical_crossentropy", metrics=["accuracy"])
            """)
        nb.text("keras.utils.set_random_seed(11)")
        let engineLog = nb.text("ha = a.fit(x, y, batch_size=16, epochs=3, validation_split=0.2)")
        nb.text("keras.utils.set_random_seed(11)")
        let stepLog = nb.text("hb = b.fit(x, y, batch_size=16, epochs=3, validation_split=0.2)")
        #expect(stepLog == engineLog)
        #expect(engineLog.contains("80/80 [==============================] - loss: "))
        #expect(nb.repr("all(np.array_equal(p, q) for p, q in zip(a.get_weights(), b.get_weights()))") == "True")
        #expect(nb.repr("max(float(np.max(np.abs(p - q))) for p, q in zip(start, b.get_weights())) > 1e-3") == "True")
        #expect(nb.repr("list(hb.history) == list(ha.history), list(hb.history)")
            == "(True, ['loss', 'accuracy', 'val_loss', 'val_accuracy'])")
        #expect(nb.repr("max(abs(p - q) / max(abs(p), 1e-3) for k in ha.history for p, q in zip(ha.history[k], hb.history[k])) < 1e-6")
            == "True")
        // Built on the first batch, as Keras' containers: the tracker, then the compiled metrics.
        #expect(nb.repr("[m.name for m in b.metrics], [m.name for m in b.compiled_loss.metrics], b.optimizer.iterations")
            == "(['loss', 'accuracy'], ['loss'], 15)")
        // evaluate runs the default test_step through the compiled containers.
        let evaluated = nb.repr("[round(v, 4) for v in b.evaluate(x, y, verbose=0)] == [round(v, 4) for v in a.evaluate(x, y, verbose=0)]")
        #expect(evaluated == "True")
        #expect(nb.repr("b.evaluate(x, y, verbose=0, return_dict=True).keys()") == "dict_keys(['loss', 'accuracy'])")
    }

    /// Deep Learning with Python's first `CustomModel`: its own loss tracker, named in the
    /// progress bar and reset by `fit` at each epoch because `metrics` lists it.
    @Test func aTrackerListedInMetricsIsLoggedAndResetEachEpoch() {
        let nb = NotebookSession()
        nb.text(Self.setup + """
            loss_fn = keras.losses.SparseCategoricalCrossentropy()
            loss_tracker = keras.metrics.Mean(name="my_loss")
            batch_losses = []
            class Tracked(keras.Model):
                def train_step(self, data):
                    inputs, targets = data
                    with tf.GradientTape() as tape:
                        predictions = self(inputs, training=True)
                        loss = loss_fn(targets, predictions)
                    gradients = tape.gradient(loss, self.trainable_weights)
                    self.optimizer.apply_gradients(zip(gradients, self.trainable_weights))
                    batch_losses.append(float(loss))
                    loss_tracker.update_state(loss)
                    return {"my_loss": loss_tracker.result()}
                @property
                def metrics(self):
                    return [loss_tracker]
            model = Tracked(*graph())
            model.compile(optimizer=keras.optimizers.RMSprop())
            """)
        let log = nb.text("h = model.fit(x, y, epochs=2, batch_size=25)")
        #expect(log.hasPrefix("Epoch 1/2\n100/100 [==============================] - my_loss: "))
        #expect(log.contains("Epoch 2/2\n100/100 [==============================] - my_loss: "))
        // The second epoch's value is the mean of its own four batches only.
        #expect(nb.repr("len(batch_losses), abs(h.history['my_loss'][1] - sum(batch_losses[4:]) / 4) < 1e-6")
            == "(8, True)")
        // Without targets the step receives `(x,)`, as in Keras.
        #expect(nb.error("model.fit(x, epochs=1)") == "ValueError: not enough values to unpack (expected 2, got 1)")
    }

    /// A subclass's own `compile` and `fit` reach Keras' through `super()`, as keras.io's GAN
    /// and models that set defaults do.
    @Test func superReachesCompileAndFit() {
        let nb = NotebookSession()
        nb.text(Self.setup + """
            class Defaults(Plain):
                def compile(self, learning_rate):
                    super().compile(optimizer=keras.optimizers.SGD(learning_rate), loss="sparse_categorical_crossentropy")
                    self.rate = learning_rate
                def fit(self, *args, **kwargs):
                    return super().fit(*args, epochs=2, verbose=0, **kwargs)
            model = Defaults(*graph())
            model.compile(0.05)
            h = model.fit(x, y, batch_size=50)
            """)
        #expect(nb.repr("h.epoch, list(h.history), model.rate, model.optimizer.iterations") == "([0, 1], ['loss'], 0.05, 4)")
    }

    /// Chapter 7's `RootMeanSquaredError` inside `compile(metrics=[...])`: logged as `rmse`
    /// and `val_rmse`, reset at each epoch and before each test pass, its value the one NumPy
    /// computes from the predictions.
    @Test func aMetricSubclassRunsInsideCompile() {
        let nb = NotebookSession()
        nb.text(Self.setup + """
            class RootMeanSquaredError(keras.metrics.Metric):
                def __init__(self, name="rmse", **kwargs):
                    super().__init__(name=name, **kwargs)
                    self.mse_sum = self.add_weight(name="mse_sum", initializer="zeros")
                    self.total_samples = self.add_weight(name="total_samples", initializer="zeros", dtype="int32")
                def update_state(self, y_true, y_pred, sample_weight=None):
                    y_true = tf.one_hot(y_true, depth=tf.shape(y_pred)[1])
                    mse = tf.reduce_sum(tf.square(y_true - y_pred))
                    self.mse_sum.assign_add(mse)
                    num_samples = tf.shape(y_pred)[0]
                    self.total_samples.assign_add(num_samples)
                def result(self):
                    return tf.sqrt(self.mse_sum / tf.cast(self.total_samples, tf.float32))
                def reset_state(self):
                    self.mse_sum.assign(0.)
                    self.total_samples.assign(0)
            rmse = RootMeanSquaredError()
            model = keras.Model(*graph())
            model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy", rmse])
            """)
        let log = nb.text("h = model.fit(x, y, epochs=2, validation_data=(x[:40], y[:40]))")
        #expect(log.contains(" - loss: "))
        #expect(log.contains(" - rmse: "))
        #expect(log.contains(" - val_rmse: "))
        #expect(nb.repr("list(h.history)") == "['loss', 'accuracy', 'rmse', 'val_loss', 'val_accuracy', 'val_rmse']")
        // After the last validation pass the metric holds the 40 validation samples only.
        #expect(nb.repr("int(rmse.total_samples.numpy())") == "40")
        nb.text("""
            loss, accuracy, value = model.evaluate(x, y, verbose=0)
            p = model.predict(x)
            expected = float(np.sqrt(np.sum((np.eye(3)[y] - p) ** 2) / len(x)))
            """)
        #expect(nb.repr("int(rmse.total_samples.numpy()), abs(value - expected) < 1e-5") == "(100, True)")
        #expect(nb.repr("abs(loss - float(keras.losses.SparseCategoricalCrossentropy()(y, p))) < 1e-5") == "True")
        #expect(nb.repr("abs(accuracy - float(np.mean(np.argmax(p, axis=1) == y))) < 1e-6") == "True")
    }

    /// The state after a `fit` through `train_step` resumes from a snapshot as it was: the
    /// next `fit` and the metrics give what a run from scratch gives.
    @Test func aModelWithATrainStepSurvivesACacheResume() throws {
        let setup = Self.setup + """
            tracker = keras.metrics.Mean(name="loss")
            model = Plain(*graph())
            model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
            model.fit(x, y, epochs=1, batch_size=20, verbose=0)
            """
        let continuation = """
            h = model.fit(x, y, epochs=2, batch_size=20, validation_split=0.1)
            print([m.name for m in model.metrics], [float(m.result()) for m in model.metrics], model.optimizer.iterations)
            print([w.round(5).tolist() for w in model.get_weights()[-1:]], h.history)
            """
        let fresh = ResumableSession()
        fresh.run(setup)
        let resumed = try fresh.resumed(through: CountingBlobStore())
        let expected = fresh.run(continuation)
        #expect(resumed.run(continuation) == expected)
        #expect(expected.contains("['loss', 'accuracy']"))
    }

    /// `tf.shape` and `tf.one_hot` as TensorFlow 2.21 prints them.
    @Test func shapeAndOneHotAreTensorFlows() {
        let nb = NotebookSession()
        nb.text("import tensorflow as tf\nimport numpy as np")
        #expect(nb.text("print(tf.shape(tf.ones((2, 3))))") == "tf.Tensor([2 3], shape=(2,), dtype=int32)\n")
        #expect(nb.repr("tf.shape(np.zeros((4, 5, 6)))[1]") == "<tf.Tensor: shape=(), dtype=int32, numpy=5>")
        #expect(nb.text("print(tf.one_hot([0, 2, 5, -1], depth=3))")
            == "tf.Tensor(\n[[1. 0. 0.]\n [0. 0. 1.]\n [0. 0. 0.]\n [0. 0. 0.]], shape=(4, 3), dtype=float32)\n")
        #expect(nb.text("print(tf.one_hot(np.array([[1], [0]], dtype='uint8'), tf.shape(tf.ones((1, 2)))[1], dtype=tf.int32))")
            == "tf.Tensor(\n[[[0 1]]\n\n [[1 0]]], shape=(2, 1, 2), dtype=int32)\n")
        // TensorFlow raises its InvalidArgumentError with this text.
        #expect(nb.error("tf.one_hot(tf.constant([1.0]), 2)")
            == "TypeError: Value for attr 'TI' of float is not in the list of allowed values: uint8, int8, int32, int64")
    }

    /// `from_config` on the classes: a layer, a `Sequential`, a functional model; wrong
    /// configs refused as Keras 2 refuses them.
    @Test func fromConfigIsAClassMethod() {
        let nb = NotebookSession()
        nb.text("""
            import numpy as np
            from tensorflow import keras
            from tensorflow.keras import layers
            dense = layers.Dense(4, activation="relu", name="hidden")
            twin = layers.Dense.from_config(dense.get_config())
            s = keras.Sequential([layers.Dense(3, input_shape=(2,)), layers.Dense(1)])
            s2 = keras.Sequential.from_config(s.get_config())
            inputs = keras.Input(shape=(5,))
            f = keras.Model(inputs, layers.Dense(2)(layers.Dense(3)(inputs)))
            f2 = keras.Model.from_config(f.get_config())
            """)
        #expect(nb.repr("twin.name, twin.get_config() == dense.get_config(), type(twin).__name__") == "('hidden', True, 'Dense')")
        #expect(nb.repr("[l.name for l in s2.layers] == [l.name for l in s.layers], s2.count_params(), s2.get_config() == s.get_config()")
            == "(True, 13, True)")
        #expect(nb.repr("f2.count_params(), f2.get_config() == f.get_config(), f2(np.ones((1, 5))).shape")
            == "(26, True, TensorShape([1, 2]))")
        #expect(nb.repr("layers.Dense.__name__, keras.Sequential.__name__, keras.Model.__name__") == "('Dense', 'Sequential', 'Model')")
        #expect(nb.error("layers.Dense.from_config({'units': 2, 'foo': 1})")
            .hasPrefix("TypeError: Error when deserializing class 'Dense' using config={'units': 2, 'foo': 1}."))
        #expect(nb.error("keras.Sequential.from_config({'name': 'x'})") == "KeyError: 'layers'")
        #expect(nb.error("keras.Model.from_config({'foo': 1})").hasPrefix("TypeError: Unable to revive model from config."))
    }
}
