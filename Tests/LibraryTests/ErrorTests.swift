import Testing

/// Misuse raises what Keras 2 raised (type and message), as a cell error, never a crash.
@Suite struct ErrorTests {
    static func prepared() -> NotebookSession {
        NotebookSession(running: Synthetic.twoClasses)
    }

    /// `prepared()` with `m`, a softmax `Dense(units)` on `inputs` inputs compiled for one-hot
    /// labels: the data has 2 inputs and 2 classes, so other numbers make a mismatch.
    static func compiledSoftmax(units: Int, inputs: Int) -> NotebookSession {
        let nb = prepared()
        nb.text("""
            m = Sequential([Dense(\(units), activation='softmax', input_shape=(\(inputs),))])
            m.compile(optimizer='sgd', loss='categorical_crossentropy')
            """)
        return nb
    }

    @Test func fitBeforeCompile() {
        let nb = Self.prepared()
        #expect(nb.error("""
            m = Sequential([Dense(2, input_shape=(2,))])
            m.fit(x, y_hot)
            """) == "RuntimeError: You must compile your model before training/testing. Use model.compile(optimizer, loss).")
        #expect(nb.error("m.evaluate(x, y_hot)").hasPrefix("RuntimeError: You must compile your model"))
    }

    @Test func inputWidthMismatch() {
        let nb = Self.compiledSoftmax(units: 2, inputs: 3)
        #expect(nb.error("m.fit(x, y_hot)")
                == "ValueError: Error when checking input: expected dense_1_input to have shape (3,) but got array with shape (2,)")
    }

    @Test func labelsNotMatchingTheOutput() {
        let nb = Self.compiledSoftmax(units: 3, inputs: 2)
        #expect(nb.error("m.fit(x, y_hot)")
                == "ValueError: Error when checking target: expected dense_1 to have shape (3,) but got array with shape (2,)")
        nb.text("m.compile(optimizer='sgd', loss='sparse_categorical_crossentropy')")
        #expect(nb.error("m.fit(x, [5] * 40)")
                == "ValueError: Received a label value of 5 which is outside the valid range of [0, 3).")
    }

    @Test func badUnits() {
        let nb = Self.prepared()
        #expect(nb.error("Dense(units=-1)")
                == "ValueError: Received an invalid value for `units`, expected a positive integer. Received: units=-1")
        #expect(nb.error("Dense('32')").hasPrefix("TypeError: Received an invalid value for `units`"))
    }

    @Test func unknownNames() {
        let nb = Self.prepared()
        nb.text("m = Sequential([Dense(2, input_shape=(2,))])")
        #expect(nb.error("m.compile(optimizer='sgdd', loss='mse')") == "ValueError: Unknown optimizer: sgdd")
        #expect(nb.error("m.compile(optimizer='sgd', loss='mse2')") == "ValueError: Unknown loss function:mse2")
        #expect(nb.error("m.compile(optimizer='sgd', loss='mse', metrics=['acc2'])") == "ValueError: Unknown metric function:acc2")
        #expect(nb.error("Dense(2, activation='sigmoidd')") == "ValueError: Unknown activation function:sigmoidd")
    }

    @Test func wrongArgumentTypes() {
        let nb = Self.prepared()
        nb.text(Synthetic.model)
        #expect(nb.error("model.fit(x, y_hot, epochs='5')") == "TypeError: `epochs` must be an integer, got str '5'")
        #expect(nb.error("model.fit('data', y_hot)").hasPrefix("TypeError: `x` must be a numpy array"))
        #expect(nb.error("model.fit(x, y_hot, verbose=3)").hasPrefix("ValueError: `verbose` must be 0, 1 or 2"))
        #expect(nb.error("model.fit(x, y_hot, epochz=5)") == "TypeError: fit() got an unexpected keyword argument 'epochz'")
        #expect(nb.error("model.add(3)") == "TypeError: The added layer must be an instance of class Layer. Found: 3")
        #expect(nb.error("Dense(2, input_shape='x')").hasPrefix("TypeError: `input_shape` must be a tuple of integers"))
        #expect(nb.error("keras.optimizers.SGD(lr='fast')") == "TypeError: `learning_rate` must be a number, got str 'fast'")
    }

    @Test func sampleCountMismatch() {
        let nb = Self.prepared()
        nb.text(Synthetic.model)
        #expect(nb.error("model.fit(x, y_hot[:10])")
                == "ValueError: Input arrays should have the same number of samples as target arrays. Found 40 input samples and 10 target samples.")
    }

    @Test func errorsCanBeCaught() {
        let nb = Self.prepared()
        #expect(nb.repr("""
            try:
                Dense(0)
            except ValueError as e:
                caught = str(e)
            caught
            """) == "'Received an invalid value for `units`, expected a positive integer. Received: units=0'")
    }
}
