import CellLanguage
import Testing

/// `model.summary()` against the reference notebook's text.
@Suite struct SummaryTests {
    /// The reference notebook's [29] summary, with the layer numbers of a fresh session and
    /// the two `=` rules Keras 2's `print_summary` prints (the reference's text export lost
    /// them); lines are padded to Keras' column positions, hence the trailing spaces.
    static let reference32 = """
        _________________________________________________________________
        Layer (type)                 Output Shape              Param #   
        =================================================================
        dense_1 (Dense)              (None, 32)                25120     
        _________________________________________________________________
        dense_2 (Dense)              (None, 10)                330       
        =================================================================
        Total params: 25,450
        Trainable params: 25,450
        Non-trainable params: 0
        _________________________________________________________________

        """

    @Test func referenceModelSummaryIsKerasText() {
        let nb = NotebookSession()
        let outcome = nb.run("""
            import keras
            from keras.layers import Dense
            from keras.models import Sequential
            image_size = 784
            num_classes = 10
            model = Sequential()
            model.add(Dense(units=32, activation='sigmoid', input_shape=(image_size,)))
            model.add(Dense(units=num_classes, activation='softmax'))
            model.summary()
            """)
        #expect(outcome.error == nil)
        #expect(outcome.outputs.count == 1)
        guard case .table(let table)? = outcome.outputs.first else {
            Issue.record("summary() should emit a table, got \(outcome.outputs)")
            return
        }
        #expect(table.plainText == Self.reference32)
        #expect(table.header == ["Layer (type)", "Output Shape", "Param #"])
        #expect(table.rows == [["dense_1 (Dense)", "(None, 32)", "25120"], ["dense_2 (Dense)", "(None, 10)", "330"]])
        #expect(table.footer == ["Total params: 25,450", "Trainable params: 25,450", "Non-trainable params: 0"])
    }

    @Test func deeperModelCountsParameters() {
        // The reference's [38] second model: 784-32-32-10.
        let nb = NotebookSession()
        let text = nb.text("""
            from keras.layers import Dense
            from keras.models import Sequential
            model = Sequential()
            model.add(Dense(32, activation='sigmoid', input_shape=(784,)))
            model.add(Dense(units=32, activation='sigmoid'))
            model.add(Dense(units=10, activation='softmax'))
            model.summary()
            print(model.count_params())
            """)
        #expect(text.contains("dense_2 (Dense)              (None, 32)                1056      \n"))
        #expect(text.contains("Total params: 26,506\n"))
        #expect(text.hasSuffix("26506\n"))
    }

    @Test func summaryOfUnbuiltModelIsKerasError() {
        let nb = NotebookSession()
        let error = nb.error("""
            from keras.models import Sequential
            from keras.layers import Dense
            m = Sequential([Dense(3)])
            m.summary()
            """)
        #expect(error.hasPrefix("ValueError: This model has not yet been built."))
    }
}
