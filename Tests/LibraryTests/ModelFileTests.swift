import Foundation
import Testing
import TestSupport

/// `model.save` / `keras.models.load_model`, and weights in and out.
@Suite struct ModelFileTests {
    @Test func saveAndLoadRoundTrip() throws {
        let directory = try TemporaryFolder.make("labbook-keras")
        defer { TemporaryFolder.remove(directory) }
        let path = directory.appendingPathComponent("model.h5").path
        let nb = NotebookSession(running: Synthetic.twoClasses + "\n" + Synthetic.model)
        nb.text("""
            model.fit(x, y_hot, epochs=2, verbose=0)
            model.save('\(path)')
            loaded = keras.models.load_model('\(path)')
            """)
        #expect(nb.repr("loaded.name, [l.name for l in loaded.layers]") == "('sequential_1', ['dense_1', 'dense_2'])")
        #expect(nb.repr("model.predict(x).tolist() == loaded.predict(x).tolist()") == "True")
        #expect(nb.repr("model.evaluate(x, y_hot, verbose=0) == loaded.evaluate(x, y_hot, verbose=0)") == "True")
        // Training goes on from the saved optimizer state in both, identically.
        #expect(nb.repr("loaded.optimizer.iterations == model.optimizer.iterations") == "True")
        let json = try String(contentsOfFile: path, encoding: .utf8)
        #expect(json.hasPrefix("{\"format\":\"labbook-keras-model\""))
    }

    @Test func convnetSaveAndLoadRoundTrip() throws {
        let directory = try TemporaryFolder.make("labbook-keras")
        defer { TemporaryFolder.remove(directory) }
        let path = directory.appendingPathComponent("convnet.keras").path
        let nb = NotebookSession(running: """
            import numpy as np
            import keras
            from keras import layers
            x = np.random.rand(20, 5, 5, 2).astype('float32')
            y = keras.utils.to_categorical(np.arange(20) % 3, 3)
            model = keras.Sequential([
                layers.Rescaling(2.0, offset=-1.0, input_shape=(5, 5, 2)),
                layers.Conv2D(4, (2, 3), strides=(1, 2), padding='same'),
                layers.BatchNormalization(momentum=0.9),
                layers.LeakyReLU(alpha=0.1),
                layers.AveragePooling2D(pool_size=2, padding='same'),
                layers.GlobalMaxPooling2D(),
                layers.Dense(3),
                layers.Softmax(),
            ])
            model.compile(optimizer='rmsprop', loss='categorical_crossentropy')
            model.fit(x, y, batch_size=8, epochs=2, verbose=0)
            model.save('\(path)')
            loaded = keras.models.load_model('\(path)')
            """)
        #expect(nb.repr("[l.name for l in loaded.layers] == [l.name for l in model.layers]") == "True")
        #expect(nb.repr("all((a == b).all() for a, b in zip(model.get_weights(), loaded.get_weights()))") == "True")
        #expect(nb.repr("model.predict(x).tolist() == loaded.predict(x).tolist()") == "True")
        nb.text("model.fit(x, y, batch_size=8, epochs=1, verbose=0)\nloaded.fit(x, y, batch_size=8, epochs=1, verbose=0)")
        #expect(nb.repr("len(loaded.get_weights()), loaded.layers[2].get_weights()[3].shape") == "(8, (4,))")
    }

    @Test func loadingAMissingOrForeignFile() throws {
        let nb = NotebookSession()
        #expect(nb.error("import keras\nkeras.models.load_model('/nonexistent/model.h5')")
                == "OSError: No file or directory found at /nonexistent/model.h5")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-\(UUID().uuidString).h5").path
        try Data([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a]).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(nb.error("keras.models.load_model('\(path)')").contains("is a Keras HDF5 file"))
    }

    @Test func weightsInAndOut() {
        let nb = NotebookSession(running: Synthetic.twoClasses + "\n" + Synthetic.model)
        nb.text("""
            w = model.get_weights()
            other = Sequential([Dense(8, activation='relu', input_shape=(2,)), Dense(2, activation='softmax')])
            other.set_weights(w)
            """)
        #expect(nb.repr("[a.shape for a in w]") == "[(2, 8), (8,), (8, 2), (2,)]")
        #expect(nb.repr("other.predict(x).tolist() == model.predict(x).tolist()") == "True")
        #expect(nb.error("other.set_weights(w[:3])").hasPrefix("ValueError: You called `set_weights(weights)`"))
    }
}
