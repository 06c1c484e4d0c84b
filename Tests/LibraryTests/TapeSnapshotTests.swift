import CellLanguage
import Foundation
import Library
import Testing
import TestSupport

/// Training by hand and the cache: a cell's variables and an optimizer's state survive a
/// resume, so the steps after it give what an uninterrupted session gives; a finished tape
/// is saved, a live one stops the cache.
@Suite struct TapeSnapshotTests {
    static let setup = """
        import numpy as np
        import tensorflow as tf
        from tensorflow import keras
        W = tf.Variable(tf.random.uniform((3, 2)))
        b = tf.Variable(tf.zeros((2,)))
        model = keras.Sequential([keras.layers.Dense(2, input_shape=(3,))])
        opt = keras.optimizers.Adam(learning_rate=0.05)
        x = np.arange(12, dtype="float32").reshape(4, 3) / 10
        def step():
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.square(tf.matmul(x, W) + b - model(x)))
            variables = [W, b] + model.trainable_variables
            opt.apply_gradients(zip(tape.gradient(loss, variables), variables))
            return loss
        for i in range(3):
            step()
        with tf.GradientTape() as finished:
            y = W * 2
        g = finished.gradient(y, W)
        """

    @Test func variablesAndOptimizerStateSurviveAResume() throws {
        let original = ResumableSession()
        original.run(Self.setup)
        let check = "print(float(step()), float(step()), opt.iterations, W.numpy().tolist(), model.get_weights()[0].tolist(), finished.persistent)"
        let expected = try original.expectSameAfterResume(check)
        #expect(expected.contains(" 5 "))
    }

    @Test func aLiveTapeStopsTheCache() throws {
        let original = ResumableSession()
        original.run(Self.setup + "\nwith tf.GradientTape(persistent=True) as live:\n    z = W * W\n")
        #expect(throws: SnapshotError.self) { try original.session.captureState(blobs: CountingBlobStore()) }
        original.run("del live")
        _ = try original.resumed(through: CountingBlobStore())
    }
}
