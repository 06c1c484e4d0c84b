import CellLanguage
import Testing
import TestSupport

/// The functional API as cells use it: `keras.Input`, layers called on tensors, merges, shared
/// layers, models as layers, `keras.Model` training exactly as its Sequential twin, summaries in
/// Keras 2.2's layouts (goldens laid out by Keras 2.2's `print_row` rule at its positions),
/// Keras' errors for bad graphs.
@Suite struct FunctionalModelTests {
    /// keras.io's "The Functional API" MNIST model: a chain, so Keras 2.2 prints it in the
    /// Sequential layout, its InputLayer included.
    static let chainSummary = """
        _________________________________________________________________
        Layer (type)                 Output Shape              Param #   
        =================================================================
        input_1 (InputLayer)         (None, 784)               0         
        _________________________________________________________________
        dense_1 (Dense)              (None, 64)                50240     
        _________________________________________________________________
        dense_2 (Dense)              (None, 64)                4160      
        _________________________________________________________________
        dense_3 (Dense)              (None, 10)                650       
        =================================================================
        Total params: 55,050
        Trainable params: 55,050
        Non-trainable params: 0
        _________________________________________________________________

        """

    /// Two branches joined by `Add`: the four-column layout with `Connected to`.
    static let branchSummary = """
        __________________________________________________________________________________________________
        Layer (type)                    Output Shape         Param #     Connected to                     
        ==================================================================================================
        input_1 (InputLayer)            (None, 32)           0                                            
        __________________________________________________________________________________________________
        dense_1 (Dense)                 (None, 64)           2112        input_1[0][0]                    
        __________________________________________________________________________________________________
        dense_2 (Dense)                 (None, 64)           2112        input_1[0][0]                    
        __________________________________________________________________________________________________
        add_1 (Add)                     (None, 64)           0           dense_1[0][0]                    
                                                                         dense_2[0][0]                    
        __________________________________________________________________________________________________
        dense_3 (Dense)                 (None, 10)           650         add_1[0][0]                      
        ==================================================================================================
        Total params: 4,874
        Trainable params: 4,874
        Non-trainable params: 0
        __________________________________________________________________________________________________

        """

    @Test func guideModelSummaryAndParameters() {
        let nb = NotebookSession()
        let text = nb.text("""
            import keras
            from keras import layers
            inputs = keras.Input(shape=(784,))
            dense = layers.Dense(64, activation="relu")
            x = dense(inputs)
            x = layers.Dense(64, activation="relu")(x)
            outputs = layers.Dense(10)(x)
            model = keras.Model(inputs=inputs, outputs=outputs, name="mnist_model")
            model.summary()
            print(model.name, model.count_params(), [l.name for l in model.layers], x.shape)
            print(model.layers[1] is dense, model.input_shape, model.output_shape)
            """)
        #expect(text == Self.chainSummary
               + "mnist_model 55050 ['input_1', 'dense_1', 'dense_2', 'dense_3'] (None, 64)\n"
               + "True (None, 784) (None, 10)\n")
    }

    @Test func branchesPrintConnections() {
        let nb = NotebookSession()
        let text = nb.text("""
            from tensorflow import keras
            from tensorflow.keras import layers
            inputs = keras.Input(shape=(32,))
            x = layers.Dense(64, activation="relu")(inputs)
            y = layers.Dense(64, activation="relu")(inputs)
            added = layers.Add()([x, y])
            outputs = layers.Dense(10, activation="softmax")(added)
            model = keras.Model(inputs, outputs)
            model.summary()
            print(model.name, [l.name for l in model.layers])
            """)
        #expect(text == Self.branchSummary
               + "model_1 ['input_1', 'dense_1', 'dense_2', 'add_1', 'dense_3']\n")
    }

    /// The same layers, drawn from the same seed, trained on the same data: a functional model
    /// and its Sequential twin end with the very same weights (SGD's in-place steps, Adam's slots).
    @Test(arguments: ["SGD(learning_rate=0.1)", "Adam()"])
    func functionalTrainsAsItsSequentialTwin(_ optimizer: String) {
        let nb = NotebookSession(seed: 3)
        let text = nb.text("""
            import numpy as np
            import keras
            from keras import layers
            x = np.random.rand(200, 20).astype('float32')
            y = (x[:, :3].sum(axis=1) > 1.5).astype('int64')
            def twin(functional):
                keras.utils.set_random_seed(7)
                if functional:
                    inputs = keras.Input(shape=(20,))
                    h = layers.Dense(16, activation='relu')(inputs)
                    h = layers.Dropout(0.3)(h)
                    outputs = layers.Dense(2, activation='softmax')(h)
                    model = keras.Model(inputs, outputs)
                else:
                    model = keras.Sequential([layers.Dense(16, activation='relu', input_shape=(20,)),
                                              layers.Dropout(0.3), layers.Dense(2, activation='softmax')])
                model.compile(optimizer=keras.optimizers.\(optimizer), loss='sparse_categorical_crossentropy',
                              metrics=['accuracy'])
                history = model.fit(x, y, batch_size=32, epochs=3, validation_split=0.2, verbose=0)
                return model, history
            a, ha = twin(True)
            b, hb = twin(False)
            print(all(np.array_equal(p, q) for p, q in zip(a.get_weights(), b.get_weights())), len(a.get_weights()))
            print(ha.history == hb.history, a.evaluate(x, y, verbose=0) == b.evaluate(x, y, verbose=0))
            print(np.array_equal(a.predict(x[:5]), b.predict(x[:5])))
            """)
        #expect(text == "True 4\nTrue True\nTrue\n")
    }

    @Test func severalInputsOutputsSharedLayersAndEagerCalls() {
        let nb = NotebookSession(seed: 1)
        let text = nb.text("""
            import numpy as np
            import keras
            from keras import layers
            left = keras.Input(shape=(4,), name='left')
            right = keras.Input(shape=(4,), name='right')
            shared = layers.Dense(3, activation='tanh', name='shared')
            a, b = shared(left), shared(right)
            merged = layers.concatenate([a, b, layers.Multiply()([a, b]), layers.Average()([a, b])])
            score = layers.Dense(1, activation='sigmoid', name='score')(merged)
            model = keras.Model(inputs=[left, right], outputs=score)
            print(model.count_params(), merged.shape, [l.name for l in model.layers])
            model.summary()
            xl, xr = np.random.rand(64, 4).astype('float32'), np.random.rand(64, 4).astype('float32')
            t = (xl.sum(axis=1) > xr.sum(axis=1)).astype('float32')
            model.compile(optimizer='adam', loss='binary_crossentropy')
            h = model.fit([xl, xr], t, epochs=3, batch_size=16, verbose=0)
            p = model.predict({'left': xl[:2], 'right': xr[:2]})
            print(p.shape, np.array_equal(p, model.predict([xl[:2], xr[:2]])))
            print(np.allclose(shared(xl[:2]), np.tanh(np.dot(xl[:2], shared.get_weights()[0]) + shared.get_weights()[1]), atol=1e-6))
            two = keras.Model(inputs=[left, right], outputs=[a, score])
            outs = two.predict([xl[:3], xr[:3]])
            print(len(outs), outs[0].shape, outs[1].shape, np.array_equal(outs[1], model.predict([xl[:3], xr[:3]])))
            """)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "28 (None, 12) ['left', 'right', 'shared', 'multiply_1', 'average_1', 'concatenate_1', 'score']")
        #expect(text.contains("shared (Dense)                  (None, 3)            15          left[0][0]"))
        #expect(text.contains("\n                                                                 right[0][0]"))
        #expect(text.contains("multiply_1 (Multiply)           (None, 3)            0           shared[0][0]"))
        #expect(text.contains("\n                                                                 shared[1][0]"))
        #expect(text.hasSuffix("(2, 1) True\nTrue\n2 (3, 3) (3, 1) True\n"))
    }

    @Test func modelsAsLayers() {
        let nb = NotebookSession(seed: 2)
        let text = nb.text("""
            import numpy as np
            import keras
            from keras import layers
            inp = keras.Input(shape=(6,))
            encoder = keras.Model(inp, layers.Dense(3, activation='relu')(inp), name='encoder')
            stack = keras.Sequential([encoder, layers.Dense(2, activation='softmax')])
            stack.summary()
            head = keras.Sequential([layers.Dense(4, activation='relu', input_shape=(3,))], name='head')
            outer_in = keras.Input(shape=(6,))
            out = layers.Dense(1)(head(encoder(outer_in)))
            outer = keras.Model(outer_in, out)
            outer.summary()
            x = np.random.rand(30, 6).astype('float32')
            stack.compile(optimizer='sgd', loss='categorical_crossentropy')
            stack.fit(x, keras.utils.to_categorical(np.arange(30) % 2, 2), epochs=2, verbose=0)
            print(np.array_equal(encoder.predict(x[:4]), encoder(x[:4])), outer.predict(x[:4]).shape)
            print(np.array_equal(stack.layers[0].get_weights()[0], encoder.get_weights()[0]))
            """)
        #expect(text.contains("encoder (Model)              (None, 3)                 21        \n"))
        #expect(text.contains("input_2 (InputLayer)         (None, 6)                 0         \n"))
        #expect(text.contains("head (Sequential)            (None, 4)                 16        \n"))
        #expect(text.hasSuffix("True (4, 1)\nTrue\n"))
    }

    @Test func badGraphsRaiseKerasErrors() {
        let nb = NotebookSession(running: """
            import keras
            from keras import layers
            a = keras.Input(shape=(32,))
            b = keras.Input(shape=(32,))
            s = layers.Add()([layers.Dense(4)(a), layers.Dense(4)(b)])
            """)
        #expect(nb.error("keras.Model(inputs=a, outputs=s)") == "ValueError: Graph disconnected: cannot obtain value "
                + "for tensor Tensor(\"input_2:0\", shape=(?, 32), dtype=float32) at layer \"input_2\". The following "
                + "previous layers were accessed without issue: []")
        #expect(nb.error("keras.Model(inputs=s, outputs=s)").hasPrefix(
            "ValueError: Input tensors to a Model must come from `keras.layers.Input`. Received: <KerasTensor"))
        #expect(nb.error("layers.Add()([a, layers.Dense(3)(a)])")
                == "ValueError: Operands could not be broadcast together with shapes (32,) (3,)")
        #expect(nb.error("layers.Add()(a)") == "ValueError: A merge layer should be called on a list of inputs.")
        nb.text("m = keras.Model([a, b], s)\nm.compile(optimizer='sgd', loss='mse')\nimport numpy as np")
        #expect(nb.error("m.predict([np.zeros((2, 32))])").hasPrefix(
            "ValueError: Error when checking model input: the list of Numpy arrays that you are passing to your model "
                + "is not the size the model expected. Expected to see 2 array(s)"))
        #expect(nb.error("m.fit([np.zeros((2, 32)), np.zeros((2, 31))], np.zeros((2, 4)))")
                == "ValueError: Error when checking input: expected input_2 to have shape (32,) but got array with shape (31,)")
    }

    /// A functional model with a shared layer and a merge, compiled and trained, saved and
    /// resumed in a fresh session: further training gives bit for bit what the original gives,
    /// and the layer objects are still the model's.
    @Test func aFunctionalModelSurvivesAResumeBitForBit() throws {
        let original = ResumableSession(seed: 5)
        original.run("""
            import numpy as np
            import keras
            from keras import layers
            x = np.random.rand(80, 5).astype('float32')
            y = (x.sum(axis=1) > 2.5).astype('int64')
            inp = keras.Input(shape=(5,))
            shared = layers.Dense(5, activation='tanh')
            a = shared(inp)
            b = shared(layers.Dropout(0.2)(a))
            out = layers.Dense(2, activation='softmax')(layers.Concatenate()([a, b]))
            model = keras.Model(inp, out)
            model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
            history = model.fit(x, y, batch_size=16, epochs=2, verbose=0)
            """)
        let check = """
            more = model.fit(x, y, batch_size=8, epochs=2, verbose=0)
            print(more.history, model.history is more)
            print(model.predict(x[:2]), shared.get_weights()[1], model.layers[1] is shared)
            model.summary()
            print(layers.Dense(3)(inp).shape, keras.Model(inp, b).count_params())
            """
        let expected = try original.expectSameAfterResume(check)
        #expect(expected.contains("True\n"))
    }
}
