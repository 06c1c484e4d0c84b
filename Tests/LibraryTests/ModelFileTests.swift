import Foundation
import Testing

/// `model.save` / `keras.models.load_model`, and weights in and out.
@Suite struct ModelFileTests {
    @Test func saveAndLoadRoundTrip() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-keras-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("model.h5").path
        let nb = NotebookSession()
        nb.text(Synthetic.twoClasses + "\n" + Synthetic.model)
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
        let nb = NotebookSession()
        nb.text(Synthetic.twoClasses + "\n" + Synthetic.model)
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
