import Testing

/// Layer and model names count up per session, as in a fresh Keras 2 session.
@Suite struct NamingTests {
    @Test func namesCountUpAcrossModels() {
        let nb = NotebookSession(running: """
            from keras.models import Sequential
            from keras.layers import Dense, Dropout
            def create_dense(sizes):
                model = Sequential()
                model.add(Dense(sizes[0], activation='sigmoid', input_shape=(784,)))
                for s in sizes[1:]:
                    model.add(Dense(units=s, activation='sigmoid'))
                model.add(Dense(units=10, activation='softmax'))
                return model
            a = create_dense([32])
            b = create_dense([32, 32])
            """)
        #expect(nb.repr("[l.name for l in a.layers]") == "['dense_1', 'dense_2']")
        #expect(nb.repr("[l.name for l in b.layers]") == "['dense_3', 'dense_4', 'dense_5']")
        #expect(nb.repr("a.name, b.name") == "('sequential_1', 'sequential_2')")
        // Each prefix has its own counter; an explicit name takes no number.
        #expect(nb.repr("Dropout(0.5).name, Dense(2, name='out').name, Dense(2).name") == "('dropout_1', 'out', 'dense_6')")
    }

    @Test func clearSessionRestartsCounters() {
        let nb = NotebookSession()
        #expect(nb.repr("""
            from tensorflow import keras
            keras.layers.Dense(1).name
            """) == "'dense_1'")
        #expect(nb.repr("""
            keras.backend.clear_session()
            keras.layers.Dense(1).name
            """) == "'dense_1'")
    }

    @Test func tensorflowKerasIsTheSameModule() {
        let nb = NotebookSession()
        #expect(nb.repr("""
            import keras
            import tensorflow as tf
            from tensorflow import keras as k2
            from tensorflow.keras.layers import Dense
            from keras.layers import Dense as D2
            (k2 is keras, tf.keras is keras, Dense is D2)
            """) == "(True, True, True)")
    }

    @Test func layerAttributes() {
        let nb = NotebookSession(running: """
            from keras.layers import Dense
            from keras.models import Sequential
            layer = Dense(32, activation='relu', input_dim=784)
            model = Sequential([layer, Dense(10)])
            """)
        #expect(nb.repr("layer.units, layer.input_shape, layer.output_shape, model.output_shape")
                == "(32, (None, 784), (None, 32), (None, 10))")
        #expect(nb.repr("[w.shape for w in layer.get_weights()]") == "[(784, 32), (32,)]")
        #expect(nb.repr("model.layers[1].count_params(), model.layers[0] is layer") == "(330, True)")
        #expect(nb.repr("layer.activation.__name__") == "'relu'")
    }
}
