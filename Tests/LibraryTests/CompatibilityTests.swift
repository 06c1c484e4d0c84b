import Foundation
import Testing
import TestSupport

/// The older names published tutorials still use: `tensorflow.compat.v1`, Keras 1's
/// arguments that Keras 2 takes, and freezing layers with `layer.trainable = False`.
@Suite struct CompatibilityTests {
    // MARK: tensorflow.compat.v1

    @Test func compatV1HoldsTensorFlowTwosNamesAndTheEagerSwitches() {
        let nb = NotebookSession(running: """
            import tensorflow.compat.v1 as tf
            from tensorflow import keras
            import tensorflow
            tf.enable_eager_execution()
            tf.enable_v2_behavior()
            tf.logging.set_verbosity(tf.logging.ERROR)
            """)
        // As TensorFlow 2.21 gives them.
        #expect(nb.repr("tf.__version__ == tensorflow.__version__, tf.executing_eagerly(), tf.logging.ERROR") == "(True, True, 40)")
        #expect(nb.repr("tf is tensorflow.compat.v1, tf.logging.get_verbosity(), tf.nn.relu.__name__") == "(True, 40, 'relu')")
        #expect(nb.repr("tf.keras.layers.Dense(3).units, tf.reset_default_graph()") == "(3, None)")
        // tf.nn's functions as activations, as the TF1 tutorials pass them.
        nb.text("""
            model = keras.Sequential([keras.layers.Flatten(input_shape=(2, 2)), keras.layers.Dense(3, activation=tf.nn.relu),
                                      keras.layers.Dense(2, activation=tf.nn.softmax)])
            """)
        #expect(nb.repr("[l.get_config()['activation'] for l in model.layers[1:]]") == "['relu', 'softmax']")
    }

    @Test func graphModeSaysLabbookHasNone() {
        let nb = NotebookSession(running: "import tensorflow.compat.v1 as tf")
        for call in ["tf.Session()", "tf.placeholder(tf.float32, shape=(None, 3))", "tf.disable_eager_execution()",
                     "tf.global_variables_initializer()", "tf.disable_v2_behavior()"] {
            let name = String(call.dropFirst(3).prefix { $0 != "(" })
            #expect(nb.error(call) == "NotImplementedError: tf.compat.v1.\(name): Labbook runs TensorFlow 2's eager execution "
                    + "only and has no graph mode (sessions, placeholders, variable initializers, graph collections); call "
                    + "models and tf functions directly, as TensorFlow 2 does; see docs/keras.md")
        }
        // A name of the real module that Labbook lacks says so.
        let outcome = nb.run("tf.ConfigProto")
        #expect(outcome.error?.summary == "AttributeError: module 'tensorflow.compat.v1' has no attribute 'ConfigProto'\n"
                + "Labbook does not implement tensorflow.compat.v1.ConfigProto yet; see docs/keras.md")
    }

    // MARK: Keras 1's arguments

    @Test func convolution2DTakesKerasOnesRowsColumnsAndBorderMode() {
        let nb = NotebookSession()
        let printed = nb.text("""
            from keras.layers import Convolution2D, MaxPooling2D
            conv = Convolution2D(32, 3, 3,
                                 border_mode='valid',
                                 input_shape=(28, 28, 1))
            plain = Convolution2D(32, 3, 3)
            pool = MaxPooling2D(pool_size=(2, 2), border_mode='same')
            """)
        // Keras 2's legacy interface: kwargs keep their order, converted ones go last; values
        // longer than 10 characters are cut.
        #expect(printed == """
            Cell In[1], line 2: UserWarning: Update your `Conv2D` call to the Keras 2 API: `Conv2D(32, (3, 3), input_shape=(28, 28, 1..., padding="valid")`
              conv = Convolution2D(32, 3, 3,
            Cell In[1], line 5: UserWarning: Update your `Conv2D` call to the Keras 2 API: `Conv2D(32, (3, 3))`
              plain = Convolution2D(32, 3, 3)
            Cell In[1], line 6: UserWarning: Update your `MaxPooling2D` call to the Keras 2 API: `MaxPooling2D(pool_size=(2, 2), padding="same")`
              pool = MaxPooling2D(pool_size=(2, 2), border_mode='same')

            """)
        #expect(nb.repr("conv.kernel_size, conv.padding, conv.name, plain.kernel_size, pool.padding")
                == "((3, 3), 'valid', 'conv2d_1', (3, 3), 'same')")
        #expect(nb.error("Convolution2D(8, 3, 3, padding='same')").hasPrefix(
            "ValueError: It seems that you are using the Keras 2 and you are passing both `kernel_size` and `strides`"))
        #expect(nb.error("Convolution2D(8, 3, 3, 1)") == "TypeError: Layer can receive at most 3 positional arguments.")
        // Keras 2 appends the kernel size, then the converted filters.
        #expect(nb.text("Convolution2D(nb_filter=4, nb_row=2, nb_col=5).kernel_size") == "Cell In[5], line 1: UserWarning: "
                + "Update your `Conv2D` call to the Keras 2 API: `Conv2D(kernel_size=(2, 5), filters=4)`\n"
                + "  Convolution2D(nb_filter=4, nb_row=2, nb_col=5).kernel_size\n(2, 5)\n")
    }

    @Test func denseDropoutAndFitTakeKerasOnesNames() {
        let nb = NotebookSession()
        let printed = nb.text("""
            import warnings
            warnings.simplefilter('ignore')
            import numpy as np
            from keras.models import Sequential
            from keras.layers import Dense, Dropout
            dense = Dense(output_dim=4, init='he_normal', input_dim=3, bias=False)
            drop = Dropout(p=0.25)
            """)
        #expect(printed.isEmpty)
        #expect(nb.repr("dense.units, dense.use_bias, dense.get_config()['kernel_initializer']['class_name'], drop.rate") == "(4, False, 'HeNormal', 0.25)")
        #expect(nb.error("Dense(units=3, output_dim=4)") == "TypeError: For the `units` argument, the layer received both the "
                + "legacy keyword argument `output_dim` and the Keras 2 keyword argument `units`. Stick to the latter!")
        nb.text("""
            model = Sequential([dense, drop, Dense(2, activation='softmax')])
            model.compile(optimizer='adadelta', loss='categorical_crossentropy')
            warnings.simplefilter('default')
            """)
        let fitted = nb.text("history = model.fit(np.ones((8, 3)), np.eye(2)[np.arange(8) % 2], nb_epoch=3, verbose=0)")
        #expect(fitted == "Cell In[5], line 1: UserWarning: The `nb_epoch` argument in `fit` has been renamed `epochs`.\n"
                + "  history = model.fit(np.ones((8, 3)), np.eye(2)[np.arange(8) % 2], nb_epoch=3, verbose=0)\n")
        #expect(nb.repr("history.epoch") == "[0, 1, 2]")
    }

    // MARK: trainable

    static let frozenSetup = """
        import numpy as np
        import keras
        from keras.layers import Dense, BatchNormalization
        x = np.random.rand(64, 4).astype('float32')
        y = keras.utils.to_categorical((x.sum(axis=1) > 2).astype('int64'), 2)
        first = Dense(5, activation='relu', input_shape=(4,))
        norm = BatchNormalization()
        model = keras.Sequential([first, norm, Dense(2, activation='softmax')])
        model.compile(optimizer='sgd', loss='categorical_crossentropy')
        model.fit(x, y, epochs=1, verbose=0)
        first.trainable = False
        norm.trainable = False
        model.compile(optimizer='sgd', loss='categorical_crossentropy')
        before = [w.copy() for w in model.get_weights()]
        model.fit(x, y, epochs=2, verbose=0)
        after = model.get_weights()
        """

    @Test func frozenLayersKeepTheirWeightsAndSummaryCountsThem() {
        let nb = NotebookSession(running: Self.frozenSetup)
        // Dense kernel and bias, BatchNormalization's four (its moving statistics included)
        // unchanged; the last Dense trained.
        #expect(nb.repr("[bool((a == b).all()) for a, b in zip(before, after)]") == "[True, True, True, True, True, True, False, False]")
        #expect(nb.repr("first.trainable, norm.get_config()['trainable'], model.layers[2].trainable") == "(False, False, True)")
        let summary = nb.text("model.summary()")
        // 25 + 20 + 12 parameters; only the last Dense's 12 are trained.
        #expect(summary.contains("Total params: 57\nTrainable params: 12\nNon-trainable params: 45\n"))
        #expect(nb.repr("Dense(3, trainable=False).trainable") == "False")
    }

    @Test func flagsCountFromCompileAsInKerasTwo() {
        let nb = NotebookSession(running: """
            import numpy as np
            import keras
            from keras.layers import Dense
            x = np.random.rand(32, 3).astype('float32')
            y = keras.utils.to_categorical(np.arange(32) % 2, 2)
            first = Dense(4, input_shape=(3,))
            model = keras.Sequential([first, Dense(2, activation='softmax')])
            model.compile(optimizer='adam', loss='categorical_crossentropy')
            first.trainable = False
            before = first.get_weights()[0].copy()
            """)
        // Not compiled again: the summary still counts what compile collected, and fit trains
        // it, with Keras 2's warning.
        #expect(nb.text("model.summary()").contains("Trainable params: 26\nNon-trainable params: 0\n"))
        let fitted = nb.text("model.fit(x, y, epochs=1, verbose=0)\nprint(bool((first.get_weights()[0] == before).all()))")
        #expect(fitted == "Cell In[3], line 1: UserWarning: Discrepancy between trainable weights and collected trainable "
                + "weights, did you set `model.trainable` without calling `model.compile` after ?\n"
                + "  model.fit(x, y, epochs=1, verbose=0)\nFalse\n")
        nb.text("model.compile(optimizer='adam', loss='categorical_crossentropy')\nbefore = first.get_weights()[0].copy()")
        #expect(nb.text("model.summary()").contains("Trainable params: 10\nNon-trainable params: 16\n"))
        #expect(nb.text("model.fit(x, y, epochs=1, verbose=0)\nprint(bool((first.get_weights()[0] == before).all()))") == "True\n")
    }

    @Test func frozenFlagsAndCollectedWeightsSurviveAResume() throws {
        let original = ResumableSession()
        original.run(Self.frozenSetup + "\nfirst.trainable = True")
        let continuation = """
            print(first.trainable, norm.trainable)
            model.summary()
            model.fit(x, y, epochs=1, verbose=0)
            print(model.get_weights())
            """
        let expected = try original.expectSameAfterResume(continuation)
        #expect(expected.contains("Non-trainable params: 45"))
    }

    // MARK: Weights files and the SavedModel folder

    @Test func weightsCheckpointsAndFoldersRoundTrip() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-compat-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = directory.path
        let nb = NotebookSession(running: """
            import os
            import numpy as np
            import tensorflow.compat.v1 as tf
            from tensorflow import keras
            x = np.random.rand(40, 6).astype('float32')
            y = np.arange(40) % 3
            def create_model():
                model = keras.Sequential([keras.layers.Dense(8, activation=tf.keras.activations.relu, input_shape=(6,)),
                                          keras.layers.Dense(3, activation=tf.keras.activations.softmax)])
                model.compile(optimizer='adam', loss=tf.keras.losses.sparse_categorical_crossentropy, metrics=['accuracy'])
                return model
            """)
        let log = nb.text("""
            model = create_model()
            checkpoint_path = '\(base)/training_2/cp-{epoch:04d}.ckpt'
            cp = tf.keras.callbacks.ModelCheckpoint(checkpoint_path, verbose=1, save_weights_only=True, period=5)
            model.save_weights(checkpoint_path.format(epoch=0))
            model.fit(x, y, epochs=10, callbacks=[cp], verbose=0)
            latest = tf.train.latest_checkpoint('\(base)/training_2')
            print(latest)
            """)
        #expect(log.hasSuffix("\nEpoch 00010: saving model to \(base)/training_2/cp-0010.ckpt\n\(base)/training_2/cp-0010.ckpt\n"))
        let files = try FileManager.default.contentsOfDirectory(atPath: base + "/training_2").sorted()
        #expect(files == ["checkpoint", "cp-0000.ckpt.index", "cp-0005.ckpt.index", "cp-0010.ckpt.index"])
        #expect(try String(contentsOfFile: base + "/training_2/checkpoint", encoding: .utf8)
                == "model_checkpoint_path: \"cp-0010.ckpt\"\nall_model_checkpoint_paths: \"cp-0010.ckpt\"\n")
        nb.text("restored = create_model()\nrestored.load_weights(latest)")
        #expect(nb.repr("restored.predict(x).tolist() == model.predict(x).tolist()") == "True")
        #expect(nb.repr("print(tf.train.latest_checkpoint('\(base)/nowhere'))") == "None")
        #expect(nb.error("restored.load_weights('\(base)/missing')")
                == "OSError: No weights found at \(base)/missing (looked for \(base)/missing.index)")
        nb.text("model.save('\(base)/saved_models/1', save_format='tf')\nagain = keras.models.load_model('\(base)/saved_models/1')")
        #expect(FileManager.default.fileExists(atPath: base + "/saved_models/1/labbook_model.json"))
        #expect(nb.repr("again.predict(x).tolist() == model.predict(x).tolist()") == "True")
    }

    // MARK: savefig without an extension

    @Test func savefigWithoutAnExtensionWritesSVGAndSaysSo() throws {
        let directory = try TemporaryFolder.make("labbook-savefig")
        defer { TemporaryFolder.remove(directory) }
        let name = directory.appendingPathComponent("plot_at_epoch_0").path
        let nb = NotebookSession()
        let notices = NoticeRecorder()
        nb.session.onNotice = { cell, line, text in notices.record("\(cell):\(line): \(text)") }
        let printed = nb.text("import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.savefig('\(name)')")
        let message = "savefig('\(name)'): matplotlib would write a PNG, \(name).png; Labbook writes SVG only and wrote "
            + "\(name).svg (give the name an extension, .svg, to choose it)"
        #expect(printed.hasPrefix("Cell In[1], line 3: UserWarning: \(message)\n"))
        #expect(notices.all == ["1:3: \(message)"])
        #expect(FileManager.default.fileExists(atPath: name + ".svg"))
    }
}

final class NoticeRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func record(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
