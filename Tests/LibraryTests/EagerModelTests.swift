import CellLanguage
import Foundation
import Testing
import TestSupport

/// A `keras.Model` subclass that holds a `keras.layers.Layer` subclass runs eagerly, as
/// keras.io's "Making new layers and models via subclassing" trains its variational
/// autoencoder. Counts and forms were checked against tf_keras 2.21 on the same cells (`False
/// 0 []` before the first call, two losses after each call of a model adding one loss around a
/// layer adding one, `['penalised']` as its layers, `['loss']` as the history's keys after a
/// compile with no loss).
@Suite struct EagerModelTests {
    static let setup = """
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras

        """ + CustomLayerTests.penalised + """
        class Wrap(keras.Model):
            def __init__(self):
                super().__init__()
                self.inner = Penalised()
            def call(self, inputs):
                out = self.inner(inputs)
                self.add_loss(0.5 * tf.reduce_mean(out))
                return out
        xs = np.arange(12, dtype='float32').reshape(4, 3) / 10
        t = np.array([[1.], [0.], [1.], [0.]], dtype='float32')

        """

    @Test func aModelHoldingACustomLayerRunsItsCallEachTime() {
        let nb = NotebookSession(running: Self.setup + "m = Wrap()\n")
        #expect(nb.repr("m.built, len(m.losses), m.trainable_weights") == "(False, 0, [])")
        #expect(nb.repr("type(m(xs)).__name__, len(m.losses)") == "('EagerTensor', 2)")
        // The losses of the last top-level call only: the model's and its layer's.
        #expect(nb.repr("m(xs)\nm(xs)\nlen(m.losses), m.built, [l.name for l in m.layers], len(m.weights)")
            == "(2, True, ['penalised_1'], 2)")
        // The call runs again on new data: the output follows the weights.
        #expect(nb.repr("np.allclose(m(xs).numpy(), xs @ m.inner.w.numpy() + m.inner.b.numpy())") == "True")
        #expect(nb.repr("m.trainable_weights == [m.inner.w, m.inner.b]") == "True")
        #expect(nb.error("m(keras.Input(shape=(3,)))").hasPrefix("NotImplementedError: Labbook runs model wrap_1 eagerly"))
    }

    /// Gradients reach the held layer's variables through the model's `call` and both added
    /// losses: for loss = mean((x w + b - t)^2) + sum(w) + 0.5 mean(x w + b),
    /// d/dw = 2/n x^T (x w + b - t) + 1 + 0.5/n x^T 1 and d/db = 2/n sum(x w + b - t) + 0.5.
    @Test func aTapeDifferentiatesThroughTheModelsCallAndLosses() {
        let nb = NotebookSession(running: Self.setup + """
            m = Wrap()
            with tf.GradientTape() as tape:
                out = m(xs)
                loss = tf.reduce_mean(tf.square(out - t)) + sum(m.losses)
            gw, gb = tape.gradient(loss, m.trainable_weights)
            w = m.inner.w.numpy()
            residual = xs @ w - t
            expected_w = 2 / 4 * xs.T @ residual + 1 + 0.5 / 4 * xs.sum(axis=0, keepdims=True).T
            expected_b = 2 / 4 * residual.sum(axis=0) + 0.5

            """)
        #expect(nb.repr("np.allclose(gw.numpy(), expected_w, atol=1e-5), np.allclose(gb.numpy(), expected_b, atol=1e-5)")
            == "(True, True)")
        // The same gradient by central differences on one weight.
        #expect(nb.repr("""
            def total():
                out = m(xs)
                return float(tf.reduce_mean(tf.square(out - t)) + sum(m.losses))
            h = 1e-2
            w0 = m.inner.w.numpy().copy()
            up = w0.copy(); up[1, 0] += h
            down = w0.copy(); down[1, 0] -= h
            m.inner.w.assign(up); f_up = total()
            m.inner.w.assign(down); f_down = total()
            m.inner.w.assign(w0)
            abs((f_up - f_down) / (2 * h) - gw.numpy()[1, 0]) < 1e-3
            """) == "True")
    }

    /// `training=` reaches `call` only when its signature takes it, as Keras passes it.
    @Test func theTrainingArgumentReachesCallOnlyWhenItIsTaken() {
        let nb = NotebookSession(running: Self.setup + """
            class Flagged(keras.Model):
                def __init__(self):
                    super().__init__()
                    self.inner = Penalised()
                def call(self, inputs, training=None):
                    return self.inner(inputs) * (0.0 if training else 1.0)
            f = Flagged()

            """)
        #expect(nb.repr("float(tf.reduce_sum(tf.abs(f(xs, training=True)))), Wrap()(xs, training=True).shape")
            == "(0.0, TensorShape([4, 1]))")
    }

    @Test func fitOnAnEagerModelLowersTheLoss() {
        let nb = NotebookSession(running: Self.setup + """
            m = Wrap()
            m.compile(optimizer=keras.optimizers.Adam(learning_rate=0.05), loss="mse")
            h = m.fit(xs, t, epochs=8, batch_size=2, verbose=0)

            """)
        #expect(nb.repr("sorted(h.history), h.history['loss'][-1] < h.history['loss'][0]") == "(['loss'], True)")
        #expect(nb.repr("type(m.evaluate(xs, t, verbose=0)).__name__, m.predict(xs).shape, m.predict(xs).dtype")
            == "('float', (4, 1), dtype('float32'))")
        #expect(nb.repr("int(m.optimizer.iterations), m.loss") == "(16, 'mse')")
        // Keras 2's progress lines, as every fit through a train_step prints them.
        #expect(nb.text("m.fit(xs, t, epochs=1, batch_size=2, verbose=2)").hasPrefix("Epoch 1/1\n"))
        // Without a compiled loss the added losses alone train it (and are what is logged).
        #expect(nb.repr("""
            n = Wrap()
            n.compile(optimizer="adam")
            g = n.fit(xs, t, epochs=3, verbose=0)
            sorted(g.history), g.history['loss'][-1] < g.history['loss'][0]
            """) == "(['loss'], True)")
        #expect(nb.error("m.fit(xs, t, callbacks=[keras.callbacks.EarlyStopping()])").hasPrefix(
            "NotImplementedError: Labbook's fit on model wrap_1, which runs eagerly, takes no callbacks= yet"))
    }

    /// Through the cache, an eager model keeps its weights, compile settings and optimizer
    /// state: training on after a resume gives the same numbers as without one.
    @Test func anEagerModelResumesBitForBit() throws {
        let original = ResumableSession()
        original.run(Self.setup + """
            m = Wrap()
            m.compile(optimizer="adam", loss="mse")
            m.fit(xs, t, epochs=2, batch_size=2, verbose=0)
            """)
        let printed = try original.expectSameAfterResume("""
            h = m.fit(xs, t, epochs=2, batch_size=2, verbose=0)
            print(m.name, m.built, len(m.losses), h.history['loss'], m.predict(xs).ravel().tolist())
            """)
        #expect(printed.hasPrefix("wrap_1 True 2 ["))
    }

    /// keras.io's GAN pattern: a model with no `call` of its own whose `train_step` trains
    /// the model it holds; `fit` runs the step (on arrays and on a dataset of inputs alone),
    /// and calling the model itself says it has no `call`, as Keras does.
    @Test func aModelWithoutCallTrainsThroughItsOwnTrainStep() {
        let nb = NotebookSession(running: """
            import numpy as np
            import tensorflow as tf
            from tensorflow import keras
            class Holder(keras.Model):
                def __init__(self, inner):
                    super().__init__()
                    self.inner = inner
                def compile(self, opt, loss_fn):
                    super().compile()
                    self.opt = opt
                    self.loss_fn = loss_fn
                def train_step(self, data):
                    if isinstance(data, tuple):
                        data = data[0]
                    with tf.GradientTape() as tape:
                        loss = self.loss_fn(tf.ones((tf.shape(data)[0], 1)), self.inner(data))
                    grads = tape.gradient(loss, self.inner.trainable_weights)
                    self.opt.apply_gradients(zip(grads, self.inner.trainable_weights))
                    return {"loss": loss}
            h = Holder(keras.Sequential([keras.layers.Dense(1, input_shape=(2,))]))
            h.compile(keras.optimizers.SGD(0.1), keras.losses.MeanSquaredError())
            x = np.random.rand(32, 2).astype('float32')

            """)
        #expect(nb.repr("""
            before = float(tf.reduce_mean(tf.square(h.inner(x) - 1)))
            hist = h.fit(x, epochs=3, batch_size=8, verbose=0)
            len(hist.history['loss']), float(tf.reduce_mean(tf.square(h.inner(x) - 1))) < before
            """) == "(3, True)")
        #expect(nb.text("h.fit(tf.data.Dataset.from_tensor_slices(x).batch(8).take(2), epochs=1, verbose=2)")
            .hasPrefix("Epoch 1/1\n"))
        #expect(nb.error("h(x)") == "NotImplementedError: When subclassing the `Model` class, you should implement a `call` method.")
    }
}
