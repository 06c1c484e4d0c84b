import CellLanguage
import Foundation
import Library
import Testing
import TestSupport

/// A session of Labbook's modules that can be saved and resumed in a fresh session.
final class ResumableSession {
    let session: Session
    private var cellNumber: Int

    init(seed: Int = 0, startingAt cellNumber: Int = 0) {
        session = Session(modules: LabbookModules.registry(settings: LibrarySettings(seed: seed, showTimings: false)))
        self.cellNumber = cellNumber
    }

    /// Runs a cell that must succeed; returns what it printed.
    @discardableResult
    func run(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        cellNumber += 1
        let outcome = session.run(source, cellNumber: cellNumber)
        #expect(outcome.error == nil, "\(outcome.error?.traceback ?? "")", sourceLocation: sourceLocation)
        return outcome.outputs.map(\.plainText).joined()
    }

    /// A fresh session holding this one's saved state.
    func resumed(through store: SnapshotBlobStore) throws -> ResumableSession {
        let state = try session.captureState(blobs: store)
        let copy = ResumableSession(startingAt: cellNumber)
        try copy.session.restoreState(state, blobs: store)
        return copy
    }

    /// Saves this session through a fresh `CountingBlobStore` and resumes it, runs `cell` here
    /// and then in the resumed copy, expects the same text from both, and returns it.
    @discardableResult
    func expectSameAfterResume(_ cell: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let copy = try resumed(through: CountingBlobStore())
        let expected = run(cell, sourceLocation: sourceLocation)
        #expect(copy.run(cell, sourceLocation: sourceLocation) == expected, sourceLocation: sourceLocation)
        return expected
    }
}

@Suite struct SnapshotLibraryTests {
    static let setup = """
        import numpy as np
        import keras
        from keras.models import Sequential
        from keras.layers import Dense, Dropout
        from keras.utils import to_categorical
        x = np.random.rand(120, 6).astype('float32')
        y = to_categorical((x.sum(axis=1) > 3).astype('int64'), 2)
        model = Sequential()
        first = Dense(12, activation='relu', input_shape=(6,))
        model.add(first)
        model.add(Dropout(0.25))
        model.add(Dense(2, activation='softmax'))
        model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
        history = model.fit(x, y, batch_size=16, epochs=2, verbose=0, validation_split=0.25)
        """

    /// What the rest of the notebook does after the resume point: more training (dropout masks
    /// and shuffles from the generator, Adam's slots and step count), new layers, draws.
    static let continuation = """
        more = model.fit(x, y, batch_size=8, epochs=2, verbose=0)
        print(more.history)
        print(model.optimizer.iterations, model.evaluate(x, y, verbose=0))
        print(model.predict(x[:3]))
        print(first.get_weights()[1])
        print([Dense(3).name, Dropout(0.5).name, Sequential().name])
        print(np.random.rand(3), np.random.permutation(6))
        """

    @Test func aResumedSessionContinuesBitForBitAsTheOriginal() throws {
        let original = ResumableSession()
        original.run(Self.setup)
        let store = CountingBlobStore()
        let resumed = try original.resumed(through: store)
        let expected = original.run(Self.continuation)
        #expect(resumed.run(Self.continuation) == expected)
        #expect(expected.contains("dense_3"))
    }

    @Test func layerObjectsStayTheModelsLayersAndHistoryKeepsItsModel() throws {
        let original = ResumableSession()
        original.run(Self.setup + "\nalias = model\nlayers = model.layers\nspare = Dense(5, name='spare')")
        let check = """
            print(first is model.layers[0], layers[2] is model.layers[2], alias is model)
            print(history.model is model, model.history is history, model.optimizer is model.optimizer)
            print(spare.name, spare.built, first.built, model.layers[1].rate, model.loss)
            model.add(spare)
            print([l.name for l in model.layers], spare.built, spare.get_weights()[0].shape)
            """
        let expected = try original.expectSameAfterResume(check)
        #expect(expected.hasPrefix("True True True\nTrue True True\n"))
    }

    @Test func arraysScalarsAndTypesRoundTrip() throws {
        let original = ResumableSession()
        original.run("""
            import numpy as np
            a = np.arange(24, dtype='int32').reshape(2, 3, 4)
            b = np.linspace(0, 1, 5)
            flags = a > 10
            big = np.random.rand(50, 100).astype('float32')
            u = (big * 255).astype('uint8')
            s = big.max()
            i = a.sum()
            dt = big.dtype
            t = np.float32
            same = [big, big]
            """)
        let check = "print(repr(a), repr(b), repr(flags), repr(s), repr(i), dt, t, same[0] is same[1] is big)\n"
            + "print(big.sum(), u.sum(), big[7, 3:9], u.dtype, u.shape, np.random.rand(2))"
        try original.expectSameAfterResume(check)
    }

    @Test func aLargeArrayIsHashedAndStoredOnceUntilItChanges() throws {
        let session = ResumableSession()
        session.run("import numpy as np\nbig = np.zeros((100, 100))\nsmall = np.ones(3)")
        let store = CountingBlobStore()
        _ = try session.session.captureState(blobs: store)
        #expect(store.puts == [80000])
        for cell in ["n = 1", "m = big.sum()", "view = big.reshape(10000)"] {
            session.run(cell)
            _ = try session.session.captureState(blobs: store)
        }
        // The reshape is a view of `big`'s buffer: nothing new to hash.
        #expect(store.puts == [80000])
        session.run("big[3, 4] = 7.0")
        _ = try session.session.captureState(blobs: store)
        #expect(store.puts == [80000, 80000])
        #expect(store.blobs.count == 2)
        // A write through the view changes the one buffer both share: hashed once.
        session.run("np.random.shuffle(view)")
        _ = try session.session.captureState(blobs: store)
        #expect(store.puts.count == 3)
    }

    @Test func anArrayRestoredFromABlobIsNotHashedAgain() throws {
        let session = ResumableSession()
        session.run("import numpy as np\nbig = np.random.rand(60, 100)")
        let store = CountingBlobStore()
        let resumed = try session.resumed(through: store)
        #expect(store.puts == [48000])
        resumed.run("k = 2")
        _ = try resumed.session.captureState(blobs: store)
        #expect(store.puts == [48000])
    }

    @Test func optimizerObjectsCallbacksAndLossesRoundTrip() throws {
        let original = ResumableSession()
        original.run("""
            import numpy as np
            from keras.models import Sequential
            from keras.layers import Dense
            from keras.optimizers import SGD
            from keras.losses import MeanSquaredError
            from keras.callbacks import EarlyStopping
            x = np.random.rand(64, 3).astype('float32')
            y = x.sum(axis=1, keepdims=True)
            opt = SGD(learning_rate=0.05, momentum=0.9)
            loss = MeanSquaredError()
            stop = EarlyStopping(monitor='loss', patience=0, min_delta=10.0)
            m = Sequential([Dense(4, input_shape=(3,)), Dense(1)])
            m.compile(optimizer=opt, loss=loss)
            h = m.fit(x, y, epochs=4, batch_size=16, verbose=0, callbacks=[stop])
            """)
        let check = """
            print(stop.stopped_epoch, stop.patience, stop.min_delta, opt.iterations, opt.momentum, loss, m.loss is loss)
            print(m.optimizer is opt, h.epoch)
            m.fit(x, y, epochs=3, batch_size=16, verbose=0, callbacks=[stop])
            print(stop.stopped_epoch, opt.iterations, m.get_weights()[0])
            """
        try original.expectSameAfterResume(check)
    }

    @Test func plotHandlesAndParametersRoundTripButFiguresStopTheCache() throws {
        let original = ResumableSession()
        original.run("import matplotlib.pyplot as plt\nplt.rcParams['figure.figsize'] = [3, 2]\nlines = plt.plot([1, 2])")
        let check = "print(lines, plt.rcParams['figure.figsize'], plt.figure())"
        try original.expectSameAfterResume(check)
        original.run("fig, ax = plt.subplots()")
        #expect(throws: SnapshotError.self) { try original.session.captureState(blobs: CountingBlobStore()) }
    }

    @Test func colormapsAndBarHandlesRoundTripAsNameAndRepr() throws {
        let original = ResumableSession()
        original.run("import matplotlib.pyplot as plt\ncmap = plt.cm.RdBu_r\nbars = plt.bar([1, 2], [3, 4])")
        let check = "print(cmap, cmap.name, cmap(0.0), bars)"
        try original.expectSameAfterResume(check)
    }
}
