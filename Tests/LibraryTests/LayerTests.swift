import Testing

/// Layers other than Dense, `Input`, and numpy arrays as data.
@Suite struct LayerTests {
    @Test func inputFlattenDropoutActivation() {
        let nb = NotebookSession(running: """
            import numpy as np
            from tensorflow import keras
            from tensorflow.keras import layers
            x = np.arange(48, dtype='float32').reshape(12, 2, 2) / 48
            y = np.array([0, 1, 2] * 4)
            model = keras.Sequential([
                keras.Input(shape=(2, 2)),
                layers.Flatten(),
                layers.Dense(8),
                layers.Activation('relu'),
                layers.Dropout(0.25),
                layers.Dense(3, activation='softmax'),
            ])
            model.compile(optimizer='rmsprop', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
            """)
        let summary = nb.text("model.summary()")
        #expect(summary.contains("flatten_1 (Flatten)          (None, 4)                 0         \n"))
        #expect(summary.contains("dense_1 (Dense)              (None, 8)                 40        \n"))
        #expect(summary.contains("activation_1 (Activation)    (None, 8)                 0         \n"))
        #expect(summary.contains("dropout_1 (Dropout)          (None, 8)                 0         \n"))
        #expect(summary.contains("Total params: 67\n"))
        #expect(nb.repr("model.layers[0].input_shape, model.input_shape") == "((None, 2, 2), (None, 2, 2))")
        #expect(nb.repr("len(model.fit(x, y, epochs=2, verbose=0).history['loss'])") == "2")
        #expect(nb.repr("model.predict_classes(x).shape, model.predict(x).dtype") == "((12,), dtype('float32'))")
    }

    @Test func uint8ImagesTrainAsFloats() {
        let nb = NotebookSession(running: """
            import numpy as np
            import keras
            x = (np.arange(40 * 4) % 256).astype('uint8').reshape(40, 4)
            y = keras.utils.to_categorical(np.arange(40) % 2, 2)
            m = keras.models.Sequential([keras.layers.Dense(2, activation='softmax', input_shape=(4,))])
            m.compile(optimizer='sgd', loss='categorical_crossentropy', metrics=['accuracy'])
            """)
        #expect(nb.repr("type(m.evaluate(x, y, verbose=0)[0]).__name__") == "'float'")
    }

    @Test func activationFunctionsApplyToArrays() {
        let nb = NotebookSession()
        #expect(nb.repr("""
            import numpy as np
            import keras
            keras.activations.relu(np.array([-1.0, 2.0])).tolist()
            """) == "[0.0, 2.0]")
        #expect(nb.repr("round(float(keras.activations.softmax(np.array([[1.0, 1.0]]))[0, 0]), 3)") == "0.5")
    }

    @Test func optimizerObjects() {
        let nb = NotebookSession(running: Synthetic.twoClasses)
        #expect(nb.repr("""
            opt = keras.optimizers.SGD(lr=0.1, momentum=0.9)
            opt.learning_rate, opt.momentum, opt.nesterov
            """) == "(0.1, 0.9, False)")
        nb.text("""
            m = Sequential([Dense(2, activation='softmax', input_shape=(2,))])
            m.compile(optimizer=opt, loss=keras.losses.CategoricalCrossentropy(), metrics=[keras.metrics.categorical_accuracy])
            h = m.fit(x, y_hot, epochs=1, verbose=0)
            """)
        #expect(nb.repr("m.optimizer is opt, opt.iterations, list(h.history)") == "(True, 2, ['loss', 'categorical_accuracy'])")
    }
}
