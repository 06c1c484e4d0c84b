import CellOutput
import Reports

/// The small notebook of the golden test: every kind of block and output the report draws.
enum SampleDocument {
    static let summaryText = """
        Model: "sequential"
        _________________________________________________________________
         Layer (type)                Output Shape              Param #   
        =================================================================
         dense (Dense)               (None, 32)                25120     
                                                                         
         dense_1 (Dense)             (None, 10)                330       
                                                                         
        =================================================================
        Total params: 25,450
        Trainable params: 25,450
        Non-trainable params: 0
        _________________________________________________________________

        """

    static let epochLog = """
        Epoch 1/3
        422/422 [==============================] - 1s 2ms/step - loss: 1.2671 - accuracy: 0.6946 - val_loss: 0.6305 - val_accuracy: 0.8652
        Epoch 2/3
        422/422 [==============================] - 1s 2ms/step - loss: 0.5390 - accuracy: 0.8690 - val_loss: 0.4071 - val_accuracy: 0.9013
        Epoch 3/3
        422/422 [==============================] - 1s 2ms/step - loss: 0.4082 - accuracy: 0.8926 - val_loss: 0.3400 - val_accuracy: 0.9128

        """

    /// IPython 8.12's traceback for this cell, `--colors=NoColor`.
    static let traceback = """
        ---------------------------------------------------------------------------
        NameError                                 Traceback (most recent call last)
        Cell In[6], line 2
              1 x = 1
        ----> 2 print(undefined_name)

        NameError: name 'undefined_name' is not defined
        """

    static let prose = """
        # Exploring MNIST

        We train a **dense network** on MNIST and watch the *loss* fall. See
        [Keras](https://keras.io) for the API.

        | layers | units | accuracy |
        |:-------|------:|---------:|
        | 1      | 32    | 0.912    |
        | 2      | 32    | 0.934    |

        - [x] load the data
        - [ ] try a deeper network

        """

    static let document = ReportDocument(
        title: "Exploring MNIST", notebookName: "mnist.md", date: "2025-01-31 14:05", seed: 42,
        cellsRun: 6, cellsCached: 1, totalSeconds: 12.34,
        blocks: [
            .prose(markdown: prose),
            .cell(ReportCell(
                number: 1,
                source: "#| id: load\nfrom keras.datasets import mnist\n(x_train, y_train), (x_test, y_test) = mnist.load_data()\nprint(f\"{len(x_train)} training images, shape {x_train.shape[1:]}\")\n",
                outputs: [.stream("60000 training images, shape (28, 28)\n")],
                seconds: 0.84, cached: true, id: "load")),
            .cell(ReportCell(
                number: 2, source: "x_train.shape\n",
                outputs: [.result("(60000, 28, 28)")], seconds: 0.003)),
            .prose(markdown: "## A first model\n\nOne hidden layer of 32 sigmoid units.\n"),
            .cell(ReportCell(
                number: 3,
                source: "model = Sequential([\n    Dense(32, activation='sigmoid', input_shape=(784,)),\n    Dense(10, activation='softmax'),\n])\nmodel.summary()\n",
                outputs: [.table(OutputTable(
                    plainText: summaryText,
                    header: ["Layer (type)", "Output Shape", "Param #"],
                    rows: [["dense (Dense)", "(None, 32)", "25120"], ["dense_1 (Dense)", "(None, 10)", "330"]],
                    footer: ["Total params: 25,450", "Trainable params: 25,450", "Non-trainable params: 0"]))],
                seconds: 0.02)),
            .cell(ReportCell(
                number: 4,
                source: "#| id: train\nmodel.compile(optimizer='sgd', loss='categorical_crossentropy', metrics=['accuracy'])\nhistory = model.fit(x_train, y_train, batch_size=128, epochs=3, validation_split=.1)  # 3 epochs\n",
                outputs: [.chart(OutputChart(
                    plainText: epochLog, title: "Training history", epochs: [1, 2, 3],
                    series: [
                        (name: "loss", values: [1.2671, 0.5390, 0.4082]),
                        (name: "accuracy", values: [0.6946, 0.8690, 0.8926]),
                        (name: "val_loss", values: [0.6305, 0.4071, 0.3400]),
                        (name: "val_accuracy", values: [0.8652, 0.9013, 0.9128]),
                    ]))],
                seconds: 9.71, id: "train")),
            .cell(ReportCell(
                number: 5,
                source: "#| echo: false\nloss, accuracy = model.evaluate(x_test, y_test, verbose=0)\nprint(f'Test loss: {loss:.3}')\nprint(f'Test accuracy: {accuracy:.3}')\n",
                echo: false,
                outputs: [.stream("Test loss: 0.341\n"), .stream("Test accuracy: 0.909\n")],
                seconds: 0.41)),
            .cell(ReportCell(
                number: 6, source: "#| error: true\nx = 1\nprint(undefined_name)\n",
                outputs: [.error(CellError(
                    typeName: "NameError", message: "name 'undefined_name' is not defined", cellLine: 2,
                    traceback: traceback))],
                failed: true, seconds: 0.001)),
            .cell(ReportCell(
                number: 7, source: "#| output: false\nprint('hidden')\n", showOutput: false,
                outputs: [.stream("hidden\n")], seconds: 0.0)),
        ])
}
