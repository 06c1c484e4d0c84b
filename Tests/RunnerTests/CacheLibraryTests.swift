import Foundation
import Testing
import TestSupport
@testable import Runner

/// The cache's promise on notebooks that use the library: numpy arrays, Keras models trained
/// and trained again, histories, layer-name counters and random draws after a resume. After
/// editing cell k, the incremental run equals a run from scratch of the edited notebook
/// (Markdown, HTML, final state) and runs only cells from k on.
struct CacheLibraryTests {
    static let numpyCells = [
        "import numpy as np\nnp.random.seed(3)\na = np.arange(12).reshape(3, 4).astype('float32')\nb = np.random.rand(3, 4)\ns = a.sum()\ndt = a.dtype\nt = np.float32",
        "a[0, 0] = 100\nc = a * 2 + b\nm = c.max()\nbig = np.zeros((100, 100), dtype='float32')",
        "big[5] = np.random.rand(100)\nidx = np.random.permutation(10)\nflags = big > 0.5",
        "print(a, b.round(3), s, dt, t, c.shape, m, big.sum(), flags.sum(), idx, np.random.rand(2))",
    ]

    static let kerasCells = [
        """
        import numpy as np
        import keras
        from keras.models import Sequential
        from keras.layers import Dense, Dropout
        from keras.utils import to_categorical
        x = np.random.rand(160, 8).astype('float32')
        labels = (x.sum(axis=1) > 4).astype('int64')
        y = to_categorical(labels, 2)
        """,
        """
        model = Sequential()
        first = Dense(16, activation='relu', input_shape=(8,))
        model.add(first)
        model.add(Dropout(0.2))
        model.add(Dense(2, activation='softmax'))
        model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
        spare = Dense(4)
        model.summary()
        """,
        """
        history = model.fit(x, y, batch_size=16, epochs=2, validation_split=0.25, verbose=2)
        print(model.optimizer.iterations)
        """,
        """
        stop = keras.callbacks.EarlyStopping(monitor='loss', patience=0, min_delta=1.0)
        history2 = model.fit(x, y, batch_size=32, epochs=3, verbose=0, callbacks=[stop])
        loss, acc = model.evaluate(x, y, verbose=0)
        pred = model.predict(x[:4])
        print(first is model.layers[0], history.model is model, model.history is history2, stop.stopped_epoch)
        """,
        """
        m2 = Sequential([Dense(3, activation='relu', input_shape=(8,)), Dense(2, activation='softmax')])
        m2.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1, momentum=0.5), loss='categorical_crossentropy')
        m2.fit(x, y, batch_size=40, epochs=1, verbose=0)
        print([l.name for l in model.layers + m2.layers], m2.name, spare.name, np.random.rand(3))
        print(history.history, history2.epoch, loss, acc)
        print(pred, first.get_weights()[1], model.optimizer.iterations, m2.get_weights()[0][0])
        """,
    ]

    /// A small convnet: the convolution's kernel, BatchNormalization's moving statistics (which
    /// `predict` uses) and the optimizer state must come back bit for bit after a resume.
    static let convnetCells = [
        """
        import numpy as np
        from keras import layers, Sequential
        from keras.utils import to_categorical
        x = np.random.rand(48, 6, 6, 1).astype('float32')
        flat = x.reshape(48, 36)
        y = to_categorical((flat[:, :18].sum(axis=1) > flat[:, 18:].sum(axis=1)).astype('int64'), 2)
        """,
        """
        model = Sequential([
            layers.Conv2D(4, 3, activation='relu', padding='same', input_shape=(6, 6, 1)),
            layers.BatchNormalization(),
            layers.MaxPooling2D(),
            layers.Reshape((3, 12)),
            layers.Conv1D(3, 2, activation='tanh'),
            layers.GlobalAveragePooling1D(),
            layers.Dense(2, activation='softmax'),
        ])
        model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
        """,
        """
        history = model.fit(x, y, batch_size=16, epochs=2, validation_split=0.25, verbose=0)
        bn = model.layers[1]
        """,
        """
        model.fit(x, y, batch_size=8, epochs=1, verbose=0)
        print(bn.get_weights()[2], bn.get_weights()[3], model.predict(x[:3]), history.history['val_loss'])
        """,
    ]

    /// sklearn bound three ways, and a split drawn from the session's generator
    /// (`random_state=None`), so a resume must restore both the modules and the generator.
    static let sklearnCells = [
        """
        import numpy as np
        import sklearn.metrics
        from sklearn import metrics
        from sklearn.metrics import classification_report, confusion_matrix
        from sklearn.model_selection import train_test_split
        y = np.arange(40) % 4
        """,
        """
        y_train, y_test = train_test_split(y, test_size=0.25)
        seeded = train_test_split(list(range(8)), random_state=42)
        """,
        """
        pred = (y_test + (y_test > 1)) % 4
        print(confusion_matrix(y_test, pred), metrics.accuracy_score(y_test, pred), seeded)
        print(classification_report(y_test, pred, zero_division=0), sklearn.metrics.f1_score(y_test, pred, average=None))
        """,
    ]

    static let mnistCells = [
        """
        import keras
        from keras.datasets import mnist
        from keras.layers import Dense
        from keras.models import Sequential
        (x_train, y_train), (x_test, y_test) = mnist.load_data()
        x_small = x_train[:300].reshape(300, 784).astype('float32') / 255
        y_small = keras.utils.to_categorical(y_train[:300], 10)
        """,
        """
        model = Sequential()
        model.add(Dense(units=16, activation='sigmoid', input_shape=(784,)))
        model.add(Dense(units=10, activation='softmax'))
        model.compile(optimizer='sgd', loss='categorical_crossentropy', metrics=['accuracy'])
        """,
        """
        history = model.fit(x_small, y_small, batch_size=32, epochs=2, verbose=True, validation_split=.1)
        """,
        """
        loss, accuracy = model.evaluate(x_test[:200].reshape(200, 784) / 255, keras.utils.to_categorical(y_test[:200], 10), verbose=False)
        print(f'Test loss: {loss:.3}', f'Test accuracy: {accuracy:.3}', history.history['loss'])
        """,
    ]

    /// TensorFlow's tensors, shapes, dtypes and variables: a variable read after a resume and
    /// more training must show the trained weights of the model's very layer.
    static let tensorCells = [
        """
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        x = np.random.rand(64, 4).astype('float32')
        y = (x.sum(axis=1) > 2).astype('int64')
        ones = tf.ones((2, 3))
        noise = tf.random.normal((3,))
        shape, kind = ones.shape, ones.dtype
        """,
        """
        model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(5, activation='relu'), keras.layers.Dense(2)])
        kernel = model.weights[0]
        out = model(x[:2])
        loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
        first_loss = loss_fn(y[:2], out)
        """,
        """
        model.compile(optimizer='adam', loss=loss_fn, metrics=['accuracy'])
        model.fit(x, y, epochs=2, batch_size=16, verbose=0)
        probs = tf.nn.softmax(model(x[:3]))
        """,
        """
        print(repr(ones), noise, shape, kind, repr(first_loss), out.numpy().shape)
        print(kernel, model.weights[0] is kernel, len(model.trainable_weights), probs)
        print(tf.argmax(probs, axis=1), tf.reduce_sum(ones), model.inputs[0].shape)
        """,
    ]

    /// Two edits per cell: one that binds a new global, one that draws from the generator
    /// (so every later draw, dropout mask and shuffle differs from the first run's).
    static func edits(of cell: String, index: Int) -> [String] {
        [cell + "\nedited_\(index) = [\(index)] * 2", cell + "\nimport numpy as np\nextra_\(index) = np.random.rand(2)"]
    }

    static func check(_ name: String, _ cells: [String], edits: (String, Int) -> [String] = edits) throws {
        for k in cells.indices {
            for (variant, edited) in edits(cells[k], k).enumerated() {
                var editedCells = cells
                editedCells[k] = edited
                let base = try CachedNotebook(CachePropertyTests.text(cells, front: ""))
                let scratch = try CachedNotebook(CachePropertyTests.text(editedCells, front: ""))
                defer {
                    try? FileManager.default.removeItem(at: base.directory)
                    try? FileManager.default.removeItem(at: scratch.directory)
                }
                let first = try base.run()
                let context = "\(name), cell \(k) edit \(variant)"
                #expect(first.result.exitCode == 0, "\(context): \(first.markdown)")
                #expect(first.warnings.isEmpty, "\(context): \(first.warnings)")
                try base.write(CachePropertyTests.text(editedCells, front: ""))
                let incremental = try base.run()
                let fresh = try scratch.run()
                #expect(incremental.markdown == fresh.markdown, "\(context): Markdown differs")
                #expect(incremental.html == fresh.html, "\(context): HTML differs")
                let state = try base.cachedFinalState()
                #expect(state.count > 1, "\(context): no state stored")
                #expect(state == (try scratch.cachedFinalState()), "\(context): final state differs")
                #expect(incremental.ran == Array(k..<cells.count), "\(context): ran \(incremental.ran)")
                #expect(incremental.warnings.isEmpty, "\(context): \(incremental.warnings)")
                let again = try base.run()
                #expect(again.markdown == fresh.markdown && again.html == fresh.html, "\(context): a fully cached run differs")
                #expect(again.ran.isEmpty, "\(context): re-run ran \(again.ran)")
            }
        }
    }

    @Test func numpyNotebook() throws {
        try Self.check("numpy", Self.numpyCells)
    }

    @Test func sklearnNotebook() throws {
        try Self.check("sklearn", Self.sklearnCells)
    }

    @Test func kerasNotebook() throws {
        try Self.check("keras", Self.kerasCells)
    }

    @Test func tensorNotebook() throws {
        try Self.check("tensors", Self.tensorCells)
    }

    @Test func convnetNotebook() throws {
        try Self.check("convnet", Self.convnetCells)
    }

    /// Sliced MNIST (skipped when `LABBOOK_DATASETS` is not set): the 47 MB image set is
    /// kept in globals from the first cell on.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["LABBOOK_DATASETS"] != nil, "needs MNIST: set LABBOOK_DATASETS"))
    func mnistNotebook() throws {
        try Self.check("mnist", Self.mnistCells) { cell, index in [cell + "\nedited_\(index) = [\(index)] * 2"] }
    }

    /// A notebook that makes its big arrays in cell 1 and runs five more cells stores each
    /// array once: the blob store holds one file per array, and no other large file.
    @Test func bigArraysAreStoredOnce() throws {
        let cells = [
            "import numpy as np\nimages = np.random.rand(300, 100)\nlabels = (images.sum(axis=1) > 50).astype('uint8')\ncodes = np.arange(5000)",
            "n = len(images)",
            "mean = images.mean()\nprint(mean)",
            "parts = [n, mean]",
            "first = images[0].sum()",
            "print(codes[:3], labels.sum(), parts, first)",
        ]
        let nb = try CachedNotebook(CachePropertyTests.text(cells, front: ""))
        defer { try? FileManager.default.removeItem(at: nb.directory) }
        let run = try nb.run()
        #expect(run.result.exitCode == 0 && run.warnings.isEmpty, "\(run.warnings)")
        let blobs = nb.files(under: "blobs")
        let sizes = blobs.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int) ?? 0 }
        // images: 300 x 100 float64; codes: 5000 int64. labels (300 bytes) stays inline.
        #expect(sizes.filter { $0 == 240_000 }.count == 1, "\(sizes)")
        #expect(sizes.filter { $0 == 40_000 }.count == 1, "\(sizes)")
        #expect(blobs.count == 2, "\(sizes)")
        // A re-run after editing the last cell restores them and stores nothing new.
        var edited = cells
        edited[5] += "\nprint('done')"
        try nb.write(CachePropertyTests.text(edited, front: ""))
        let again = try nb.run()
        #expect(again.ran == [5])
        #expect(nb.files(under: "blobs") == blobs)
    }
}
