import CellLanguage
import Foundation
import Testing

/// `tf.GradientTape`: each recorded operation's gradient against central finite differences
/// (float64 tensors, so that the differences are exact to about 1e-9), the tape's rules
/// (watching, None for unconnected sources, one gradient per non-persistent tape), and a
/// training loop written by hand against `fit`. Printed forms and messages were checked
/// against TensorFlow 2.21.
@Suite struct GradientTapeTests {
    /// `max_error(f, v)`: the largest difference between the tape's gradient of
    /// `sum(f()**2)` with respect to the variable `v` and central differences of it.
    static let setup = """
    import numpy as np
    import tensorflow as tf
    from tensorflow import keras

    def objective(f):
        return tf.reduce_sum(tf.square(f()))

    def numeric_grad(f, v, eps):
        base = v.numpy()
        flat = base.reshape(-1)
        grad = np.zeros(flat.shape)
        for i in range(flat.size):
            plus = flat.copy()
            plus[i] += eps
            v.assign(plus.reshape(base.shape))
            fp = float(objective(f))
            minus = flat.copy()
            minus[i] -= eps
            v.assign(minus.reshape(base.shape))
            fm = float(objective(f))
            grad[i] = (fp - fm) / (2 * eps)
        v.assign(base)
        return grad.reshape(base.shape)

    def max_error(f, v, eps=1e-6):
        with tf.GradientTape() as tape:
            y = objective(f)
        g = tape.gradient(y, v)
        return float(np.max(np.abs(g.numpy() - numeric_grad(f, v, eps))))

    np.random.seed(0)
    x = tf.Variable(np.random.rand(2, 3) + 0.5)
    w = tf.Variable(np.random.rand(3) + 0.5)
    W = tf.Variable(np.random.rand(3, 4) * 2 - 1)
    c = tf.constant(np.random.rand(2, 3) * 2 - 1)

    """

    @Test(arguments: [
        "x * w", "x + w", "x - w", "w - x", "x / w", "2.0 / x", "x ** 2", "-x * c", "x * x",
        "tf.matmul(x, W)", "x @ W", "tf.nn.relu(c * x)", "tf.nn.softmax(tf.matmul(x, W))",
        "tf.nn.softmax(x, axis=0)", "tf.nn.sigmoid(c * x)", "tf.sigmoid(x)", "tf.tanh(c * x)", "tf.exp(c * x)",
        "tf.math.log(x)", "tf.sqrt(x)", "tf.square(c + x)", "tf.abs(c * x)", "tf.reduce_sum(x * c, axis=0)",
        "tf.reduce_mean(x * c, axis=1, keepdims=True)", "tf.reduce_mean(x * c)", "tf.reduce_max(x * c, axis=1)",
        "tf.reduce_min(x * c)", "tf.reshape(x * c, (3, 2))", "tf.transpose(x * c)", "tf.cast(x, tf.float64) * c",
        "tf.matmul(tf.transpose(x * c), x)",
    ])
    func everyRecordedOperationMatchesFiniteDifferences(expression: String) {
        let nb = NotebookSession(running: Self.setup)
        for variable in ["x", "w", "W"] where expression.contains(variable) {
            let error = Double(nb.repr("max_error(lambda: \(expression), \(variable))")) ?? .infinity
            #expect(error < 1e-6, "\(expression) with respect to \(variable): \(error)")
        }
    }

    @Test func lossesAndLayersMatchFiniteDifferences() {
        let nb = NotebookSession()
        nb.text(Self.setup + """
        logits = tf.Variable((np.random.rand(4, 3) * 2 - 1).astype("float32"))
        labels = np.array([0, 2, 1, 2])
        onehot = keras.utils.to_categorical(labels, 3)
        sce = keras.losses.SparseCategoricalCrossentropy()
        sce_logits = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
        mse = keras.losses.MeanSquaredError()
        x32 = tf.constant((np.random.rand(5, 3) * 2 - 1).astype("float32"))
        dense = keras.layers.Dense(4, activation="tanh")
        model = keras.Sequential([keras.layers.Dense(4, activation="relu"), keras.layers.Dense(3, activation="softmax")])
        _ = dense(x32), model(x32)
        """)
        // float32: the differences are good to about 1e-4.
        let cases: [(String, String)] = [
            ("sce(labels, tf.nn.softmax(logits))", "logits"),
            ("sce_logits(labels, logits)", "logits"),
            ("sce(labels, tf.nn.softmax(logits), sample_weight=np.array([1., 2., 0., .5]))", "logits"),
            ("keras.losses.sparse_categorical_crossentropy(labels, tf.nn.softmax(logits))", "logits"),
            ("keras.losses.categorical_crossentropy(onehot, tf.nn.softmax(logits))", "logits"),
            ("mse(onehot, logits)", "logits"),
            ("dense(x32)", "dense.kernel"),
            ("dense(x32)", "dense.bias"),
            ("model(x32)", "model.layers[0].kernel"),
            ("model(x32)", "model.layers[1].bias"),
        ]
        for (expression, variable) in cases {
            let error = Double(nb.repr("max_error(lambda: \(expression), \(variable), eps=1e-3)")) ?? .infinity
            #expect(error < 2e-3, "\(expression) with respect to \(variable): \(error)")
        }
    }

    @Test func theTapeFollowsTensorFlowsRules() {
        let nb = NotebookSession(running: "import numpy as np\nimport tensorflow as tf\nx = tf.Variable(0.)\nwith tf.GradientTape() as tape:\n    y = 2 * x + 3\n")
        #expect(nb.repr("x") == "<tf.Variable 'Variable:0' shape=() dtype=float32, numpy=0.0>")
        #expect(nb.repr("tape.gradient(y, x)") == "<tf.Tensor: shape=(), dtype=float32, numpy=2.0>")
        #expect(nb.error("tape.gradient(y, x)")
            == "RuntimeError: A non-persistent GradientTape can only be used to compute one set of gradients (or jacobians)")
        // Structures of sources come back in their structure; an unconnected source gets None.
        nb.text("W = tf.Variable(tf.ones((2, 2)))\nwith tf.GradientTape() as t:\n    s = tf.reduce_sum(W)\n")
        #expect(nb.text("print(t.gradient(s, {'a': W, 'b': [x]}))")
            == "{'a': <tf.Tensor: shape=(2, 2), dtype=float32, numpy=\narray([[1., 1.],\n       [1., 1.]], dtype=float32)>, 'b': [None]}\n")
        // Tensors are watched only when asked; a persistent tape gives gradients again.
        nb.text("c = tf.constant(3.0)\nwith tf.GradientTape(persistent=True) as p:\n    p.watch(c)\n    z = c * c\n    q = x * c\n")
        #expect(nb.repr("p.gradient(z, c), p.gradient(z, c).numpy(), p.gradient(q, [x, c])")
            == "(<tf.Tensor: shape=(), dtype=float32, numpy=6.0>, np.float32(6.0), [<tf.Tensor: shape=(), dtype=float32, numpy=3.0>, <tf.Tensor: shape=(), dtype=float32, numpy=0.0>])")
        nb.text("with tf.GradientTape() as u:\n    z = c * c\n")
        #expect(nb.text("print(u.gradient(z, c))") == "None\n")
        #expect(nb.repr("p.watched_variables()") == "(<tf.Variable 'Variable:0' shape=() dtype=float32, numpy=0.0>,)")
        #expect(nb.error("with tf.GradientTape() as t3:\n    t3.watch(3.0)")
            == "ValueError: Passed in object 3.0 of type 'float', not tf.Tensor or tf.Variable or ExtensionType.")
        // Operations after the tape is left are not recorded; untrainable variables are not watched.
        nb.text("k = tf.Variable(2.0, trainable=False)\nwith tf.GradientTape() as v:\n    a = k * x\nb = a * x\n")
        #expect(nb.repr("v.gradient(b, [x, k])") == "[None, None]")
        // assign_sub and friends, as in TensorFlow (in place, in the variable's dtype).
        nb.text("m = tf.Variable(tf.zeros((2,)))\nm.assign_sub([1., 2.])\nm.assign_add([0.5, 0.5])\n")
        #expect(nb.repr("m.numpy(), tf.Variable(1), tf.Variable([1., 2.], name='w')")
            == "(array([-0.5, -1.5], dtype=float32), <tf.Variable 'Variable:0' shape=() dtype=int32, numpy=1>, <tf.Variable 'w:0' shape=(2,) dtype=float32, numpy=array([1., 2.], dtype=float32)>)")
        #expect(nb.error("tf.matmul(tf.ones((2, 3)), tf.ones((2, 2)))").hasPrefix(
            "ValueError: Matrix size-incompatible: In[0]: [2,3], In[1]: [2,2] [Op:MatMul]"))
    }

    @Test func tfFunctionRunsTheFunctionAsItIs() {
        let nb = NotebookSession(running: "import tensorflow as tf\n@tf.function\ndef f(a):\n    return a * 2\n@tf.function(jit_compile=True)\ndef g(a):\n    return a + 1\n")
        #expect(nb.repr("f(tf.ones(2)), g(1), tf.function(f) is f")
            == "(<tf.Tensor: shape=(2,), dtype=float32, numpy=array([2., 2.], dtype=float32)>, 2, True)")
    }

    /// A loop written by hand (tape, loss object, `apply_gradients`) over a Dense model with
    /// SGD gives the weights `fit` gives from the same start, batch size and order.
    @Test func aHandWrittenLoopTrainsAsFitDoes() {
        let nb = NotebookSession()
        nb.text("""
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        np.random.seed(1)
        x = (np.random.rand(64, 5) * 2 - 1).astype("float32")
        y = np.argmax(np.random.rand(64, 3), axis=1)
        def make():
            return keras.Sequential([keras.layers.Dense(8, activation="relu", input_shape=(5,)),
                                     keras.layers.Dense(3, activation="softmax")])
        a = make()
        b = make()
        b.set_weights(a.get_weights())
        start = a.get_weights()
        a.compile(optimizer=keras.optimizers.SGD(0.1), loss="sparse_categorical_crossentropy")
        a.fit(x, y, batch_size=16, epochs=2, shuffle=False, verbose=0)
        opt = keras.optimizers.SGD(0.1)
        loss_fn = keras.losses.SparseCategoricalCrossentropy()
        for epoch in range(2):
            for i in range(0, 64, 16):
                with tf.GradientTape() as tape:
                    loss = loss_fn(y[i:i + 16], b(x[i:i + 16], training=True))
                grads = tape.gradient(loss, b.trainable_variables)
                opt.apply_gradients(zip(grads, b.trainable_variables))
        difference = max(float(np.max(np.abs(p - q))) for p, q in zip(a.get_weights(), b.get_weights()))
        moved = max(float(np.max(np.abs(p - q))) for p, q in zip(start, b.get_weights()))
        """)
        // The weights did move, so the comparison is not between two untouched models.
        #expect((Double(nb.repr("moved")) ?? 0) > 1e-2)
        let difference = Double(nb.repr("difference")) ?? .infinity
        #expect(difference < 1e-6, "largest weight difference \(difference)")
        #expect(nb.repr("opt.iterations, len(b.trainable_variables)") == "(8, 4)")
    }

    @Test func adamAndSchedulesKeepTheirStateAcrossSteps() {
        let nb = NotebookSession()
        nb.text("""
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        v = tf.Variable([1.0, -2.0])
        opt = keras.optimizers.Adam(learning_rate=0.1)
        for step in range(3):
            with tf.GradientTape() as tape:
                loss = tf.reduce_sum(v * v)
            opt.apply_gradients(zip(tape.gradient(loss, [v]), [v]))
        """)
        // Plain SGD on a cell's variables is `v -= rate * g`, exactly (large enough that freed
        // memory would be reused if the step read gradients from buffers already released).
        nb.text("big = tf.Variable(tf.ones((300, 300)))\nsmall = tf.Variable([1.0, 2.0])\nsgd = keras.optimizers.SGD(0.5)\n"
                + "sgd.apply_gradients(zip([tf.ones((300, 300)) * 2, tf.constant([1.0, 4.0])], [big, small]))\n")
        #expect(nb.repr("float(tf.reduce_max(tf.abs(big))), small.numpy()") == "(0.0, array([0.5, 0. ], dtype=float32))")
        // TensorFlow 2.21 prints (3, [0.702, -1.701]) for the same loop.
        #expect(nb.repr("opt.iterations, [round(float(t), 3) for t in v.numpy()]") == "(3, [0.702, -1.701])")
        #expect(nb.error("opt.apply_gradients([(None, v)])") == "ValueError: No gradients provided for any variable: ['Variable:0'].")
    }

    @Test func dropoutIsActiveOnlyWhenTraining() {
        let nb = NotebookSession()
        nb.text("""
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        model = keras.Sequential([keras.layers.Dropout(0.5, input_shape=(100,))])
        x = np.ones((1, 100), dtype="float32")
        """)
        #expect(nb.repr("float(tf.reduce_sum(model(x)))") == "100.0")
        let trained = nb.repr("sorted(set(model(x, training=True).numpy().ravel().tolist()))")
        #expect(trained == "[0.0, 2.0]")
    }
}
