import CellLanguage
import Foundation
import Testing
import TestSupport

/// Schedules, clipping, `amsgrad`, `Nadam`, `AdamW` and regularizers as cells use them.
@Suite struct OptimizerOptionObjectTests {
    @Test func schedulesAndOptionsBindAsKeras() {
        let nb = NotebookSession(running: Synthetic.twoClasses + """

            from keras.optimizers.schedules import ExponentialDecay, PiecewiseConstantDecay
            lr = ExponentialDecay(0.1, decay_steps=10, decay_rate=0.5, staircase=True)
            opt = keras.optimizers.SGD(learning_rate=lr, clipnorm=1.0)
            model = Sequential([Dense(2, activation='softmax', input_shape=(2,))])
            model.compile(optimizer=opt, loss='categorical_crossentropy')
            h = model.fit(x, y_hot, batch_size=8, epochs=3, verbose=0)
            """)
        #expect(nb.repr("lr(0), lr(10), lr(25), opt.learning_rate is not None, type(opt.learning_rate).__name__")
            == "(0.1, 0.05, 0.025, True, 'ExponentialDecay')")
        #expect(nb.repr("opt.clipnorm, opt.clipvalue, opt.iterations, opt.get_config()['clipnorm']") == "(1.0, None, 15, 1.0)")
        #expect(nb.repr("PiecewiseConstantDecay([5], [0.1, 0.01])(6)") == "0.01")
        #expect(nb.repr("keras.optimizers.Adam(amsgrad=True).amsgrad, keras.optimizers.Nadam().learning_rate") == "(True, 0.002)")
        #expect(nb.repr("keras.optimizers.AdamW(weight_decay=0.01).weight_decay, keras.optimizers.SGD(decay=0.01).learning_rate")
            == "(0.01, 0.01)")
        #expect(nb.error("keras.optimizers.SGD(learning_rate=lr, decay=0.1)")
            == "ValueError: SGD(decay=...) must be positive and cannot be combined with a schedule")
        #expect(nb.error("keras.optimizers.SGD(clipnorm=0)") == "ValueError: `clipnorm` must be positive, got 0")
    }

    @Test func regularizersAddTheirPenaltyToTheLoss() {
        let nb = NotebookSession(running: Synthetic.twoClasses + """

            import numpy as np
            from keras import regularizers
            model = Sequential([Dense(4, activation='relu', input_shape=(2,), kernel_regularizer=regularizers.l2(0.01),
                                      bias_regularizer='l1'),
                                Dense(2, activation='softmax', kernel_regularizer=regularizers.l1_l2(l1=0.001, l2=0.002))])
            model.compile(optimizer='adam', loss='categorical_crossentropy')
            twin = Sequential([Dense(4, activation='relu', input_shape=(2,)), Dense(2, activation='softmax')])
            twin.compile(optimizer='adam', loss='categorical_crossentropy')
            twin.set_weights(model.get_weights())
            w = model.get_weights()
            penalty = 0.01 * np.sum(w[0] ** 2) + 0.01 * np.sum(np.abs(w[1])) + 0.001 * np.sum(np.abs(w[2])) + 0.002 * np.sum(w[2] ** 2)
            gap = model.evaluate(x, y_hot, verbose=0) - twin.evaluate(x, y_hot, verbose=0)
            """)
        #expect(nb.repr("bool(abs(gap - penalty) < 1e-5), bool(penalty > 0)") == "(True, True)")
        #expect(nb.repr("regularizers.l2(0.5).l2, regularizers.l1(l=0.2).l1, regularizers.L1L2().l1") == "(0.5, 0.2, 0.0)")
        #expect(nb.error("Dense(3, activity_regularizer='l2')") == "ValueError: Dense(activity_regularizer=...) is not supported by Labbook's engine")
    }

    @Test func schedulesAndRegularizersSurviveAResume() throws {
        let original = ResumableSession()
        original.run(Synthetic.threeInputs + """

            y = x.sum(axis=1, keepdims=True)
            lr = keras.optimizers.schedules.CosineDecay(0.05, decay_steps=20)
            opt = keras.optimizers.Nadam(learning_rate=lr, clipvalue=0.5)
            reg = keras.regularizers.l2(0.01)
            m = Sequential([Dense(4, input_shape=(3,), kernel_regularizer=reg), Dense(1)])
            m.compile(optimizer=opt, loss='huber')
            h = m.fit(x, y, epochs=2, batch_size=16, verbose=0)
            """)
        let check = """
            print(lr(10), reg.l2, opt.clipvalue, opt.iterations, type(opt.learning_rate).__name__)
            h2 = m.fit(x, y, epochs=2, batch_size=16, verbose=0)
            print(h2.history, m.get_weights()[0])
            """
        try original.expectSameAfterResume(check)
    }
}
