import CellLanguage
import Foundation
import Testing
import TestSupport

/// The callbacks of `keras.callbacks` beside EarlyStopping, with Keras 2's printed lines.
@Suite struct CallbackTests {
    static let setup = Synthetic.twoClasses + """

        import numpy as np
        from keras.callbacks import ReduceLROnPlateau, TerminateOnNaN, LearningRateScheduler, ModelCheckpoint, CSVLogger
        model = Sequential([Dense(4, activation='relu', input_shape=(2,)), Dense(2, activation='softmax')])
        opt = keras.optimizers.SGD(learning_rate=0.01)
        model.compile(optimizer=opt, loss='categorical_crossentropy')
        """

    static func lines(_ outcome: CellOutcome) -> [String] {
        outcome.outputs.map(\.plainText).joined().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func reduceLROnPlateauReducesAndLogsTheRate() {
        let nb = NotebookSession(running: Self.setup)
        let log = nb.text("""
            reduce = ReduceLROnPlateau(monitor='loss', factor=0.1, patience=1, min_delta=100, verbose=1)
            h = model.fit(x, y_hot, epochs=3, batch_size=8, verbose=0, callbacks=[reduce])
            """)
        // Keras 2 prints a blank line first (its message starts with a newline).
        #expect(log == "\nEpoch 00002: ReduceLROnPlateau reducing learning rate to 0.0009999999776482583.\n"
            + "\nEpoch 00003: ReduceLROnPlateau reducing learning rate to 9.999999310821295e-05.\n")
        #expect(nb.repr("h.history['lr']") == "[0.009999999776482582, 0.009999999776482582, 0.0009999999310821295]")
        #expect(nb.repr("list(h.history.keys()), reduce.patience, reduce.wait") == "(['loss', 'lr'], 1, 0)")
    }

    @Test func terminateOnNaNStopsAtTheFirstBadBatch() {
        let nb = NotebookSession(running: Self.setup)
        let log = nb.text("""
            model = Sequential([Dense(2, activation='softmax', input_shape=(2,))])
            model.compile(optimizer='sgd', loss='categorical_crossentropy')
            bad = np.array(x, dtype='float32')
            bad[9, 0] = np.nan
            h = model.fit(bad, y_hot, epochs=3, batch_size=4, verbose=0, shuffle=False, callbacks=[TerminateOnNaN()])
            """)
        #expect(log == "Batch 2: Invalid loss, terminating training\n")
        #expect(nb.repr("h.epoch") == "[0]")
    }

    @Test func learningRateSchedulerSetsTheRateBeforeEachEpoch() {
        let nb = NotebookSession(running: Self.setup)
        let log = nb.text("""
            h = model.fit(x, y_hot, epochs=2, verbose=0, callbacks=[LearningRateScheduler(lambda epoch, lr: lr * 0.5, verbose=1)])
            """)
        #expect(log == "\nEpoch 00001: LearningRateScheduler setting learning rate to 0.004999999888241291.\n"
            + "\nEpoch 00002: LearningRateScheduler setting learning rate to 0.0024999999441206455.\n")
        #expect(nb.repr("h.history['lr']") == "[0.004999999888241291, 0.0024999999441206455]")
        nb.text("h = model.fit(x, y_hot, epochs=1, verbose=0, callbacks=[LearningRateScheduler(lambda epoch: 0.125)])")
        #expect(nb.repr("h.history['lr'], opt.learning_rate") == "([0.125], 0.125)")
        #expect(nb.error("model.fit(x, y_hot, verbose=0, callbacks=[LearningRateScheduler(lambda epoch, lr: 1)])")
            == #"ValueError: The output of the "schedule" function should be float."#)
    }

    @Test func checkpointAndCSVLoggerWriteFiles() throws {
        let folder = try TemporaryFolder.make("labbook-callbacks")
        defer { TemporaryFolder.remove(folder) }
        let nb = NotebookSession(running: Self.setup + "\nfolder = '\(folder.path)'")
        let log = nb.text("""
            best = ModelCheckpoint(folder + '/best.h5', monitor='loss', save_best_only=True, verbose=1)
            every = ModelCheckpoint(folder + '/m-{epoch:02d}.h5')
            h = model.fit(x, y_hot, epochs=2, verbose=0, callbacks=[best, every, CSVLogger(folder + '/log.csv')])
            """)
        let lines = log.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("Epoch 00001: loss improved from inf to ") == true)
        #expect(lines.first?.hasSuffix(", saving model to \(folder.path)/best.h5") == true)
        for name in ["best.h5", "m-01.h5", "m-02.h5"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), "\(name)")
        }
        #expect(nb.repr("keras.models.load_model(folder + '/m-02.h5').get_weights()[0].tolist() == model.get_weights()[0].tolist()")
            == "True")
        let csv = try String(contentsOf: folder.appendingPathComponent("log.csv"), encoding: .utf8)
        let loss = nb.repr("h.history['loss']").dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(csv == "epoch,loss\r\n0,\(loss[0])\r\n1,\(loss[1])\r\n")
        // save_weights_only=True writes the weights alone (CompatibilityTests has the files).
        #expect(nb.error("ModelCheckpoint('w.h5', save_freq=10)").hasPrefix("ValueError: ModelCheckpoint(save_freq=...)"))
    }

    @Test func callbacksSurviveAResume() throws {
        let original = ResumableSession()
        original.run(Self.setup + """

            reduce = ReduceLROnPlateau(monitor='loss', factor=0.5, patience=1, min_delta=100)
            check = ModelCheckpoint('unused.h5', monitor='loss', save_best_only=True)
            schedule = LearningRateScheduler(lambda epoch, lr: lr * 0.9)
            h = model.fit(x, y_hot, epochs=2, verbose=0, callbacks=[reduce, schedule])
            """)
        let check = """
            h = model.fit(x, y_hot, epochs=3, verbose=0, callbacks=[reduce, schedule, TerminateOnNaN()])
            print(h.history, reduce.wait, check.best, check.monitor, opt.learning_rate)
            """
        try original.expectSameAfterResume(check)
    }

    @Test func callbackSubclassesSeeKerasHooksAndStopTraining() {
        let nb = NotebookSession(running: Self.setup)
        let log = nb.text("""
            class Recorder(keras.callbacks.Callback):
                def __init__(self):
                    super().__init__()
                    self.calls = []
                def on_train_begin(self, logs=None):
                    self.calls.append(('train_begin', logs))
                def on_epoch_begin(self, epoch, logs=None):
                    self.calls.append(('epoch_begin', epoch))
                def on_batch_end(self, batch, logs=None):
                    self.calls.append(('batch_end', batch, logs['batch'], logs['size'], sorted(logs)))
                def on_epoch_end(self, epoch, logs=None):
                    self.calls.append(('epoch_end', epoch, list(logs)))
                    logs['twice_loss'] = 2 * logs['loss']
                    if epoch == 1:
                        self.model.stop_training = True
                def on_train_end(self, logs=None):
                    self.calls.append(('train_end',))
            rec = Recorder()
            h = model.fit(x, y_hot, epochs=5, batch_size=20, verbose=0, validation_split=0.5, callbacks=[rec])
            for call in rec.calls:
                print(call)
            """)
        #expect(log == """
            ('train_begin', {})
            ('epoch_begin', 0)
            ('batch_end', 0, 0, 20, ['batch', 'loss', 'size'])
            ('epoch_end', 0, ['val_loss', 'loss'])
            ('epoch_begin', 1)
            ('batch_end', 0, 0, 20, ['batch', 'loss', 'size'])
            ('epoch_end', 1, ['val_loss', 'loss'])
            ('train_end',)

            """)
        #expect(nb.repr("h.epoch, rec.model is model, rec.params['samples'], rec.params['metrics']")
            == "([0, 1], True, 20, ['loss', 'val_loss'])")
        #expect(nb.repr("h.history['twice_loss'] == [2 * v for v in h.history['loss']], isinstance(rec, keras.callbacks.Callback)")
            == "(True, True)")
        #expect(nb.error("model.fit(x, y_hot, verbose=0, callbacks=[3])").hasPrefix("ValueError: Labbook's fit takes the callbacks"))
    }

    @Test func callbackSubclassesSurviveAResume() throws {
        let original = ResumableSession()
        original.run(Self.setup + """

            class Stop(keras.callbacks.Callback):
                def on_epoch_end(self, epoch, logs=None):
                    self.seen = epoch
                    if logs['loss'] < 100:
                        self.model.stop_training = True
            stop = Stop()
            """)
        let check = """
            h = model.fit(x, y_hot, epochs=4, verbose=0, callbacks=[stop])
            print(h.epoch, stop.seen, type(stop).__name__, Stop.__mro__)
            """
        try original.expectSameAfterResume(check)
    }

    @Test func whatACallbackPrintsJoinsTheTrainingLog() {
        let nb = NotebookSession(running: Self.setup)
        let outcome = nb.run("""
            class Talk(keras.callbacks.Callback):
                def on_train_begin(self, logs=None):
                    print('starting')
                def on_epoch_end(self, epoch, logs=None):
                    print(f'done {epoch}')
            h = model.fit(x, y_hot, epochs=2, batch_size=40, callbacks=[Talk()])
            """)
        #expect(outcome.error == nil)
        let lines = Self.lines(outcome)
        #expect(lines.count == 8)
        #expect(lines.first == "starting")
        #expect(Array(lines.dropFirst()).enumerated().filter { $0.offset % 3 != 1 }.map(\.element)
            == ["Epoch 1/2", "done 0", "Epoch 2/2", "done 1", ""])
        #expect(lines[2].hasPrefix("40/40 [=====") && lines[5].hasPrefix("40/40 [====="))
    }
}
