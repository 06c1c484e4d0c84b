import CellLanguage
import Foundation
import Testing
import TestSupport

/// Subclasses of `keras.layers.Layer` run eagerly, as keras.io's "Making new layers and
/// models via subclassing" uses them. Printed forms and counts were checked against tf_keras
/// 2.21 on the same cells (`tf.Tensor([0.], shape=(1,), dtype=float32)`, `[2. 2.]` then
/// `[4. 4.]`, six weights for the MLP block, one loss per top-level call, `(0, 2, 2)` for a
/// frozen layer); layer names follow Keras 2.3's session counters (`linear_1`) as every
/// other layer here does.
@Suite struct CustomLayerTests {
    static let setup = """
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        class Linear(keras.layers.Layer):
            def __init__(self, units=32, input_dim=32):
                super().__init__()
                self.w = self.add_weight(shape=(input_dim, units), initializer="random_normal", trainable=True)
                self.b = self.add_weight(shape=(units,), initializer="zeros", trainable=True)
            def call(self, inputs):
                return tf.matmul(inputs, self.w) + self.b
        class LazyLinear(keras.layers.Layer):
            def __init__(self, units=32, **kwargs):
                super().__init__(**kwargs)
                self.units = units
            def build(self, input_shape):
                self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal", trainable=True)
                self.b = self.add_weight(name="bias", shape=(self.units,), initializer="random_normal", trainable=True)
            def call(self, inputs):
                return tf.matmul(inputs, self.w) + self.b
            def get_config(self):
                config = super().get_config()
                config.update({"units": self.units})
                return config
        x = tf.ones((2, 2))

        """

    /// A layer adding the sum of its kernel as a loss (`EagerModelTests` wraps it in a model).
    static let penalised = """
        class Penalised(keras.layers.Layer):
            def build(self, input_shape):
                self.w = self.add_weight(shape=(input_shape[-1], 1), initializer="glorot_uniform")
                self.b = self.add_weight(shape=(1,), initializer="zeros")
            def call(self, inputs):
                self.add_loss(tf.reduce_sum(self.w))
                return tf.matmul(inputs, self.w) + self.b

        """

    @Test func weightsMadeInInitAreTrackedAndTheCallComputes() {
        let nb = NotebookSession(running: Self.setup + "linear_layer = Linear(4, 2)\ny = linear_layer(x)\n")
        #expect(nb.repr("y.shape, y.dtype") == "(TensorShape([2, 4]), tf.float32)")
        #expect(nb.repr("linear_layer.weights == [linear_layer.w, linear_layer.b]") == "True")
        #expect(nb.repr("linear_layer.name, [w.name for w in linear_layer.weights], linear_layer.built")
            == "('linear_1', ['Variable:0', 'Variable:0'], True)")
        // The call is x @ w + b (b starts at zeros): each row is the column sums of w.
        #expect(nb.repr("np.allclose(y.numpy(), np.ones((2, 2)) @ linear_layer.w.numpy())") == "True")
        // A list of arrays equals itself item by item (CPython compares identical items as equal).
        #expect(nb.repr("a = np.ones(3)\n[a, a] == [a, a], a in [a]") == "(True, True)")
        // random_normal: Keras' stddev of 0.05 around 0.
        #expect(nb.repr("abs(float(np.std(Linear(100, 100).w.numpy())) - 0.05) < 0.005") == "True")
    }

    @Test func nonTrainableWeightsKeepStateAcrossCalls() {
        let nb = NotebookSession(running: Self.setup + """
            class ComputeSum(keras.layers.Layer):
                def __init__(self, input_dim):
                    super().__init__()
                    self.total = self.add_weight(initializer="zeros", shape=(input_dim,), trainable=False)
                def call(self, inputs):
                    self.total.assign_add(tf.reduce_sum(inputs, axis=0))
                    return self.total
            my_sum = ComputeSum(2)

            """)
        #expect(nb.text("y = my_sum(x)\nprint(y.numpy())\ny = my_sum(x)\nprint(y.numpy())") == "[2. 2.]\n[4. 4.]\n")
        #expect(nb.text("""
            print("weights:", len(my_sum.weights))
            print("non-trainable weights:", len(my_sum.non_trainable_weights))
            print("trainable_weights:", my_sum.trainable_weights)
            """) == "weights: 1\nnon-trainable weights: 1\ntrainable_weights: []\n")
        // A frozen layer lists every weight as non-trainable.
        #expect(nb.repr("l = Linear(3, 2)\nl.trainable = False\nlen(l.trainable_weights), len(l.non_trainable_weights), len(l.weights)")
            == "(0, 2, 2)")
    }

    @Test func buildRunsOnTheFirstCallWithTheInputShapeAndScopesTheNames() {
        let nb = NotebookSession(running: Self.setup + "layer = LazyLinear(32)\n")
        #expect(nb.repr("layer.built, layer.weights") == "(False, [])")
        nb.text("y = layer(np.ones((3, 5)))")
        #expect(nb.repr("layer.built, [w.shape.as_list() for w in layer.weights]") == "(True, [[5, 32], [32]])")
        #expect(nb.repr("[w.name for w in layer.weights]") == "['lazy_linear_1/Variable:0', 'lazy_linear_1/bias:0']")
        // A float64 array arrives as a float32 tensor, as Keras autocasts it.
        #expect(nb.repr("y.dtype") == "tf.float32")
        #expect(nb.repr("layer.get_config()") == "{'name': 'lazy_linear_1', 'trainable': True, 'dtype': 'float32', 'units': 32}")
        #expect(nb.repr("LazyLinear.from_config(layer.get_config()).units") == "32")
    }

    @Test func nestedLayersAreTrackedAndLossesResetAtEachTopLevelCall() {
        let nb = NotebookSession(running: Self.setup + """
            class MLPBlock(keras.layers.Layer):
                def __init__(self):
                    super().__init__()
                    self.linear_1 = LazyLinear(32)
                    self.linear_2 = LazyLinear(32)
                    self.linear_3 = LazyLinear(1)
                def call(self, inputs):
                    x = tf.nn.relu(self.linear_1(inputs))
                    x = tf.nn.relu(self.linear_2(x))
                    return self.linear_3(x)
            class ActivityRegularizationLayer(keras.layers.Layer):
                def __init__(self, rate=1e-2):
                    super().__init__()
                    self.rate = rate
                def call(self, inputs):
                    self.add_loss(self.rate * tf.reduce_mean(inputs))
                    return inputs
            class OuterLayer(keras.layers.Layer):
                def __init__(self):
                    super().__init__()
                    self.activity_reg = ActivityRegularizationLayer(1e-2)
                def call(self, inputs):
                    return self.activity_reg(inputs)

            """)
        #expect(nb.text("""
            mlp = MLPBlock()
            y = mlp(tf.ones(shape=(3, 64)))
            print("weights:", len(mlp.weights))
            print("trainable weights:", len(mlp.trainable_weights))
            """) == "weights: 6\ntrainable weights: 6\n")
        #expect(nb.repr("[w.shape.as_list() for w in mlp.weights][:3]") == "[[64, 32], [32], [32, 32]]")
        // Built inside the block's call, under both name scopes (tf_keras: 'mlp_block/lazy_linear/bias:0').
        #expect(nb.repr("[w.name for w in mlp.weights][:2]") == "['mlp_block_1/lazy_linear_1/Variable:0', 'mlp_block_1/lazy_linear_1/bias:0']")
        #expect(nb.repr("""
            layer = OuterLayer()
            counts = [len(layer.losses)]
            _ = layer(tf.zeros(1, 1))
            counts.append(len(layer.losses))
            _ = layer(tf.zeros(1, 1))
            counts + [len(layer.losses)]
            """) == "[0, 1, 1]")
        #expect(nb.repr("tf.zeros(1, 1)") == "<tf.Tensor: shape=(1,), dtype=float32, numpy=array([0.], dtype=float32)>")
        #expect(nb.repr("_ = layer(tf.ones((2, 2)) * 3)\nlen(layer.losses), round(float(layer.losses[0]), 7)") == "(1, 0.03)")
    }

    @Test func aHeldDenseLayersKernelPenaltyIsALoss() {
        let nb = NotebookSession(running: Self.setup + """
            class OuterLayerWithKernelRegularizer(keras.layers.Layer):
                def __init__(self):
                    super().__init__()
                    self.dense = keras.layers.Dense(32, kernel_regularizer=keras.regularizers.l2(1e-3))
                def call(self, inputs):
                    return self.dense(inputs)
            layer = OuterLayerWithKernelRegularizer()
            _ = layer(tf.zeros((1, 1)))

            """)
        #expect(nb.repr("len(layer.losses), layer.losses[0].shape, layer.losses[0].dtype") == "(1, TensorShape([]), tf.float32)")
        #expect(nb.repr("k = layer.dense.get_weights()[0]\nabs(float(layer.losses[0]) - 1e-3 * float((k * k).sum())) < 1e-7") == "True")
        #expect(nb.repr("[w.name for w in layer.weights]") == "['dense_1/kernel:0', 'dense_1/bias:0']")
    }

    /// Gradients reach the layer's variables through its `call` and its `add_loss` terms:
    /// for loss = mean((x w + b - t)^2) + sum(w), d/dw = 2/n x^T (x w + b - t) + 1.
    @Test func aTapeDifferentiatesThroughCallAndAddedLosses() {
        let nb = NotebookSession(running: Self.setup + Self.penalised + """
            layer = Penalised()
            xs = np.arange(12, dtype='float32').reshape(4, 3) / 10
            t = np.array([[1.], [0.], [1.], [0.]], dtype='float32')
            with tf.GradientTape() as tape:
                out = layer(xs)
                loss = tf.reduce_mean(tf.square(out - t)) + sum(layer.losses)
            gw, gb = tape.gradient(loss, layer.trainable_weights)
            w = layer.w.numpy()
            residual = xs @ w - t
            expected_w = 2 / 4 * xs.T @ residual + 1
            expected_b = 2 / 4 * residual.sum(axis=0)

            """)
        #expect(nb.repr("np.allclose(gw.numpy(), expected_w, atol=1e-5), np.allclose(gb.numpy(), expected_b, atol=1e-5)")
            == "(True, True)")
        // One SGD step with the gradients moves the variables the layer holds.
        #expect(nb.repr("""
            before = layer.w.numpy().copy()
            keras.optimizers.SGD(learning_rate=0.1).apply_gradients(zip([gw, gb], layer.trainable_weights))
            np.allclose(layer.w.numpy(), before - 0.1 * gw.numpy())
            """) == "True")
    }

    @Test func initializersAsObjectsAndTrainingArgument() {
        let nb = NotebookSession(running: Self.setup + """
            class CustomDropout(keras.layers.Layer):
                def __init__(self, rate, **kwargs):
                    super().__init__(**kwargs)
                    self.rate = rate
                def call(self, inputs, training=False):
                    if training:
                        return inputs * 0
                    return inputs
            d = CustomDropout(0.5, name="drop")

            """)
        #expect(nb.repr("d.name, d(np.ones((1, 2))).numpy(), d(np.ones((1, 2)), training=True).numpy()")
            == "('drop', array([[1., 1.]], dtype=float32), array([[0., 0.]], dtype=float32))")
        // A call without a training parameter is not given one (Keras drops it).
        #expect(nb.repr("LazyLinear(2)(np.ones((1, 3)), training=True).shape") == "TensorShape([1, 2])")
        #expect(nb.repr("i = tf.random_normal_initializer()\ni(shape=(2, 3)).shape, i(shape=(2, 3)).dtype")
            == "(TensorShape([2, 3]), tf.float32)")
        #expect(nb.repr("keras.initializers.Zeros()(shape=(2,))") == "<tf.Tensor: shape=(2,), dtype=float32, numpy=array([0., 0.], dtype=float32)>")
        #expect(nb.repr("v = keras.initializers.Constant(3)(shape=(2,))\nv.numpy()") == "array([3., 3.], dtype=float32)")
        #expect(nb.repr("w_init = tf.random_normal_initializer()\ntf.Variable(initial_value=w_init(shape=(2, 4), dtype='float32'), trainable=True).shape")
            == "TensorShape([2, 4])")
        #expect(nb.error("Linear(2, 2).add_weight(shape=(2,), initializer='nope')").hasPrefix("ValueError: Unknown initializer: 'nope'"))
    }

    @Test func onKerasInputsItSaysItRunsEagerly() {
        let nb = NotebookSession(running: Self.setup)
        #expect(nb.error("LazyLinear(3)(keras.Input(shape=(4,)))").hasPrefix(
            "NotImplementedError: Labbook runs a keras.layers.Layer subclass eagerly"))
        #expect(nb.error("keras.Sequential([LazyLinear(3), keras.layers.Dense(2)])").hasSuffix(
            "a Sequential model cannot hold LazyLinear yet (call it on tensors, or hold it in another Layer subclass)"))
    }

    /// Through the cache, a custom layer keeps its variables, built state and name.
    @Test func aCustomLayerResumesWithItsWeights() throws {
        let original = ResumableSession()
        original.run(Self.setup + "layer = LazyLinear(3)\nout = layer(np.ones((2, 4)))\n")
        let printed = try original.expectSameAfterResume("print(layer.name, layer.built, layer(np.ones((1, 4))).numpy().round(5))")
        #expect(printed.hasPrefix("lazy_linear_1 True [["))
    }
}
