import CellLanguage
import Foundation
import Testing
import TestSupport

/// A `Sequential` inside a `Sequential` (TensorFlow's "Basic classification"), Adadelta
/// (Keras 2's `mnist_cnn.py`), and `sample_weight=`/`class_weight=`, each against a value
/// worked by hand from Keras 2.3's rules.
@Suite struct TrainingBreadthTests {
    /// The tutorial's probability model: its summary lists the inner model as one
    /// `Sequential` row, its predictions are the softmax of the inner model's logits, and
    /// training it trains the inner model (they share their weights).
    @Test func aSequentialIsALayerOfAnotherSequential() {
        let nb = NotebookSession()
        let summary = nb.text("""
            import numpy as np
            import tensorflow as tf
            model = tf.keras.Sequential([
                tf.keras.layers.Flatten(input_shape=(2, 3)),
                tf.keras.layers.Dense(4, activation='relu'),
                tf.keras.layers.Dense(3)
            ])
            probability_model = tf.keras.Sequential([model, tf.keras.layers.Softmax()])
            probability_model.summary()
            """)
        #expect(summary == """
            _________________________________________________________________
            Layer (type)                 Output Shape              Param #   
            =================================================================
            sequential_1 (Sequential)    (None, 3)                 43        
            _________________________________________________________________
            softmax_1 (Softmax)          (None, 3)                 0         
            =================================================================
            Total params: 43
            Trainable params: 43
            Non-trainable params: 0
            _________________________________________________________________

            """)
        let check = nb.text("""
            x = np.random.rand(5, 2, 3).astype('float32')
            logits = model.predict(x)
            e = np.exp(logits - logits.max(axis=1, keepdims=True))
            p = probability_model.predict(x)
            print(p.shape, np.allclose(p, e / e.sum(axis=1, keepdims=True), atol=1e-6))
            probability_model.compile(optimizer='sgd', loss='sparse_categorical_crossentropy')
            before = model.get_weights()[0].copy()
            probability_model.fit(x, np.array([0, 1, 2, 0, 1]), epochs=1, verbose=0)
            print(not np.array_equal(before, model.get_weights()[0]),
                  np.array_equal(probability_model.layers[0].get_weights()[0], model.get_weights()[0]))
            """)
        #expect(check == "(5, 3) True\nTrue True\n")
        #expect(nb.error("tf.keras.Sequential([tf.keras.Sequential([tf.keras.layers.Dense(2)])])")
                == "ValueError: Labbook can use the Sequential model sequential_3 as a layer only once it is built: give "
                + "its first layer an `input_shape`, or call `build` or `fit` first.")
    }

    /// Keras 2.3's Adadelta from a weight of 1 and a gradient of 1 (MSE of w * 1 against 0.5):
    /// a = 0.05, u = sqrt(1e-7) / sqrt(0.05 + 1e-7), w = 1 - u = 0.99858576 (numpy float32).
    @Test func adadeltaTrainsWithKeras23Defaults() {
        let nb = NotebookSession(running: """
            import numpy as np
            import keras
            opt = keras.optimizers.Adadelta()
            model = keras.models.Sequential([keras.layers.Dense(1, use_bias=False, input_shape=(1,))])
            model.set_weights([np.ones((1, 1))])
            model.compile(optimizer=opt, loss='mse')
            model.fit(np.ones((1, 1)), np.full((1, 1), 0.5), epochs=1, verbose=0)
            """)
        #expect(nb.repr("opt.get_config(), opt.iterations") == "({'name': 'Adadelta', 'learning_rate': 1.0, 'rho': 0.95, "
                + "'epsilon': 1e-07}, 1)")
        #expect(nb.repr("float(model.get_weights()[0][0, 0])") == "0.9985857605934143")
        #expect(nb.repr("keras.optimizers.Adadelta(lr=0.5, rho=0.9).get_config()['learning_rate']") == "0.5")
        nb.text("m2 = keras.models.Sequential([keras.layers.Dense(1, input_shape=(1,))])\nm2.compile(optimizer='adadelta', loss='mse')")
        #expect(nb.repr("type(m2.optimizer).__name__, m2.optimizer.learning_rate, m2.optimizer.rho") == "('Adadelta', 1.0, 0.95)")
    }

    static let weighted = """
        import numpy as np
        import keras
        model = keras.models.Sequential([keras.layers.Dense(1, use_bias=False, input_shape=(1,))])
        model.set_weights([np.ones((1, 1))])
        model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss='mse')
        x = np.array([[1.0], [2.0]])
        y = np.zeros((2, 1))
        """

    /// Keras' `SUM_OVER_BATCH_SIZE`: with w = 1, the losses are 1 and 4; weights 1 and 3 give
    /// (1 * 1 + 3 * 4) / 2 = 6.5 (not divided by the weights' sum); the gradient is
    /// (1 * 2 * 1 + 3 * 2 * 4) / 2 = 13, so one SGD step at 0.1 takes w to -0.3.
    @Test func sampleWeightsScaleEachSamplesLoss() {
        let nb = NotebookSession(running: Self.weighted)
        #expect(nb.repr("model.evaluate(x, y, verbose=0), model.evaluate(x, y, verbose=0, sample_weight=np.array([1.0, 3.0]))")
                == "(2.5, 6.5)")
        nb.text("h = model.fit(x, y, batch_size=2, epochs=1, verbose=0, shuffle=False, sample_weight=np.array([1.0, 3.0]))")
        #expect(nb.repr("h.history['loss'], round(float(model.get_weights()[0][0, 0]), 6)") == "([6.5], -0.3)")
        #expect(nb.error("model.fit(x, y, verbose=0, sample_weight=np.ones((2, 1)))").hasPrefix(
            "ValueError: Found a sample_weight array with shape (2, 1). In order to use timestep-wise sample weights"))
        #expect(nb.error("model.evaluate(x, y, verbose=0, sample_weight=np.ones(3))")
                == "ValueError: Found a sample_weight array with shape (3,) for an input with shape (2, 1). "
                + "sample_weight cannot be broadcast.")
    }

    /// Class weights become per-sample weights: a zero kernel gives p = 0.5 for both classes,
    /// a cross-entropy of ln 2 per sample; labels 0, 1, 1 weighted 1, 3, 3 give
    /// 7 / 3 * ln 2 = 1.617343. Keras 2's `metrics=` stay unweighted (accuracy 1/3: the
    /// argmax of a tie is class 0). The weights of the split-off validation samples weight
    /// `val_loss` too, as Keras slices them with the data.
    @Test func classWeightsWeightTheLossNotTheMetrics() {
        let nb = NotebookSession(running: """
            import numpy as np
            import keras
            model = keras.models.Sequential([keras.layers.Dense(2, activation='softmax', input_shape=(1,))])
            model.set_weights([np.zeros((1, 2)), np.zeros(2)])
            model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.0), loss='sparse_categorical_crossentropy',
                          metrics=['accuracy'])
            x = np.ones((4, 1))
            y = np.array([0, 1, 1, 1])
            h = model.fit(x, y, batch_size=3, epochs=1, verbose=0, shuffle=False, class_weight={0: 1, 1: 3},
                          validation_split=0.25)
            """)
        #expect(nb.repr("[round(h.history[k][0], 5) for k in ['loss', 'accuracy', 'val_loss', 'val_accuracy']]")
                == "[1.61734, 0.33333, 2.07944, 0.0]")
        #expect(nb.error("model.fit(x, y, verbose=0, class_weight={0: 1.0})")
                == "ValueError: `class_weight` must contain all classes in the data. The classes {1} exist in the data "
                + "but not in `class_weight`.")
    }

    /// The probability model, trained with Adadelta, saved and resumed in a fresh session:
    /// the outer model still shares the inner one's weights, Adadelta's accumulators and the
    /// `lr` variable come back, and further training gives bit for bit what the original gives.
    @Test func aNestedModelAndAdadeltaSurviveAResumeBitForBit() throws {
        let original = ResumableSession(seed: 3)
        original.run("""
            import numpy as np
            import keras
            x = np.random.rand(30, 4).astype('float32')
            y = (x[:, 0] > x[:, 1]).astype('int64')
            inner = keras.Sequential([keras.layers.Dense(5, activation='relu', input_shape=(4,)), keras.layers.Dense(2)])
            outer = keras.Sequential([inner, keras.layers.Softmax()])
            opt = keras.optimizers.Adadelta()
            outer.compile(optimizer=opt, loss='sparse_categorical_crossentropy', metrics=['accuracy'])
            outer.fit(x, y, batch_size=8, epochs=2, verbose=0)
            lr = opt.lr
            """)
        let check = """
            keras.backend.set_value(lr, 0.5)
            more = outer.fit(x, y, batch_size=8, epochs=2, verbose=0, sample_weight=np.linspace(0.5, 1.5, 30))
            print(more.history, opt.iterations, float(opt.lr))
            print(outer.predict(x[:2]), inner.predict(x[:2]))
            print(np.array_equal(outer.layers[0].get_weights()[0], inner.get_weights()[0]))
            """
        let expected = try original.expectSameAfterResume(check)
        #expect(expected.hasSuffix("True\n"))
        #expect(expected.contains(" 16 0.5\n"))
    }
}
