import CellLanguage
import Testing

/// The convolutional layers as cells use them: keras.io's "Simple MNIST convnet" model and
/// its summary in Keras 2's layout, BatchNormalization's four weights, arguments refused.
@Suite struct ConvolutionLayerTests {
    /// keras.io's "Simple MNIST convnet" summary (34,826 parameters), in Keras 2.2's layout
    /// with a fresh session's names: the layer column is cut at 28 characters, as Keras'
    /// `print_row` does (`max_pooling2d_1 (MaxPooling2`).
    static let convnetSummary = """
        _________________________________________________________________
        Layer (type)                 Output Shape              Param #   
        =================================================================
        conv2d_1 (Conv2D)            (None, 26, 26, 32)        320       
        _________________________________________________________________
        max_pooling2d_1 (MaxPooling2 (None, 13, 13, 32)        0         
        _________________________________________________________________
        conv2d_2 (Conv2D)            (None, 11, 11, 64)        18496     
        _________________________________________________________________
        max_pooling2d_2 (MaxPooling2 (None, 5, 5, 64)          0         
        _________________________________________________________________
        flatten_1 (Flatten)          (None, 1600)              0         
        _________________________________________________________________
        dropout_1 (Dropout)          (None, 1600)              0         
        _________________________________________________________________
        dense_1 (Dense)              (None, 10)                16010     
        =================================================================
        Total params: 34,826
        Trainable params: 34,826
        Non-trainable params: 0
        _________________________________________________________________

        """

    @Test func kerasIOConvnetSummary() {
        let nb = NotebookSession()
        let text = nb.text("""
            from tensorflow import keras
            from tensorflow.keras import layers
            num_classes = 10
            input_shape = (28, 28, 1)
            model = keras.Sequential(
                [
                    keras.Input(shape=input_shape),
                    layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
                    layers.MaxPooling2D(pool_size=(2, 2)),
                    layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
                    layers.MaxPooling2D(pool_size=(2, 2)),
                    layers.Flatten(),
                    layers.Dropout(0.5),
                    layers.Dense(num_classes, activation="softmax"),
                ]
            )
            model.summary()
            print([w.shape for w in model.layers[0].get_weights()], model.layers[2].kernel_size, model.layers[1].pool_size)
            print(model.layers[0])
            """)
        #expect(text == Self.convnetSummary + "[(3, 3, 1, 32), (32,)] (3, 3) (2, 2)\n"
               + "<keras.layers.convolutional.Conv2D object>\n")
    }

    /// keras.io's denoising autoencoder (functional, `padding="same"`, `UpSampling2D`): tf_keras
    /// 2.21 gives the same shapes, 28,353 parameters and `get_config()` for the same model.
    @Test func convolutionalAutoencoder() {
        let nb = NotebookSession()
        let text = nb.text("""
            from tensorflow.keras.models import Model
            from tensorflow.keras.layers import Conv2D, MaxPooling2D, Input, UpSampling2D, UpSampling1D
            input = Input(shape=(28, 28, 1))
            x = Conv2D(32, (3, 3), activation="relu", padding="same")(input)
            x = MaxPooling2D((2, 2), padding="same")(x)
            x = Conv2D(32, (3, 3), activation="relu", padding="same")(x)
            x = MaxPooling2D((2, 2), padding="same")(x)
            x = Conv2D(32, (3, 3), activation="relu", padding="same")(x)
            x = UpSampling2D((2, 2))(x)
            x = Conv2D(32, (3, 3), activation="relu", padding="same")(x)
            x = UpSampling2D((2, 2))(x)
            x = Conv2D(1, (3, 3), activation="sigmoid", padding="same")(x)
            autoencoder = Model(input, x)
            autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
            print([layer.output_shape for layer in autoencoder.layers[5:9]], autoencoder.count_params())
            print(autoencoder.layers[6].get_config())
            print(UpSampling1D(3).get_config())
            """)
        #expect(text == "[(None, 7, 7, 32), (None, 14, 14, 32), (None, 14, 14, 32), (None, 28, 28, 32)] 28353\n"
                + "{'name': 'up_sampling2d_1', 'trainable': True, 'dtype': 'float32', 'size': (2, 2), "
                + "'data_format': 'channels_last', 'interpolation': 'nearest'}\n"
                + "{'name': 'up_sampling1d_1', 'trainable': True, 'dtype': 'float32', 'size': 3}\n")
        #expect(nb.error("UpSampling2D(interpolation='bilinear')").hasPrefix("ValueError: UpSampling2D(interpolation='bilinear')"))
    }

    /// Keras' classes, layers, models, losses and NumPy's functions are callable; a tensor is not.
    @Test func kerasObjectsAreCallable() {
        let nb = NotebookSession()
        #expect(nb.text("""
            from tensorflow import keras
            from tensorflow.keras import layers
            import numpy as np
            print(callable(layers.Dense), callable(layers.Dense(3)), callable(keras.Model), callable(keras.Sequential()),
                  callable(keras.losses.MeanSquaredError()), callable(np.float32), callable(np.zeros(3)))
            """) == "True True True True True True False\n")
    }

    @Test func batchNormalizationHasNonTrainableWeights() {
        // Keras 2: BatchNormalization on 64 features has 256 weights, 128 of them non-trainable.
        let nb = NotebookSession()
        let text = nb.text("""
            from keras.models import Sequential
            from keras.layers import Dense, BatchNormalization
            model = Sequential([Dense(64, input_shape=(10,)), BatchNormalization()])
            model.summary()
            bn = model.layers[1]
            print([w.shape for w in bn.get_weights()], bn.momentum, bn.epsilon, model.count_params())
            """)
        #expect(text.contains("batch_normalization_1 (Batch (None, 64)                256       \n"))
        #expect(text.contains("Total params: 960\nTrainable params: 832\nNon-trainable params: 128\n"))
        #expect(text.hasSuffix("[(64,), (64,), (64,), (64,)] 0.99 0.001 960\n"))
    }

    @Test func otherLayersShapesAndNames() {
        let nb = NotebookSession()
        let text = nb.text("""
            from keras import layers, Sequential
            model = Sequential([
                layers.Reshape((28, 28, 1), input_shape=(784,)),
                layers.Rescaling(1. / 255),
                layers.Conv2D(8, 5, strides=2, padding='same'),
                layers.LeakyReLU(),
                layers.AveragePooling2D(padding='same'),
                layers.BatchNormalization(),
                layers.ReLU(),
                layers.GlobalAveragePooling2D(),
                layers.Dense(10),
                layers.Softmax(),
            ])
            for layer in model.layers:
                print(layer.name, layer.output_shape, layer.count_params())
            print(model.layers[3].alpha)
            """)
        #expect(text == """
            reshape_1 (None, 28, 28, 1) 0
            rescaling_1 (None, 28, 28, 1) 0
            conv2d_1 (None, 14, 14, 8) 208
            leaky_re_lu_1 (None, 14, 14, 8) 0
            average_pooling2d_1 (None, 7, 7, 8) 0
            batch_normalization_1 (None, 7, 7, 8) 32
            re_lu_1 (None, 7, 7, 8) 0
            global_average_pooling2d_1 (None, 8) 0
            dense_1 (None, 10) 90
            softmax_1 (None, 10) 0
            0.3

            """)
    }

    @Test func unsupportedArgumentsAreRefused() {
        let nb = NotebookSession()
        for (code, message) in [
            ("Conv2D(8, 3, dilation_rate=2)", "not supported"),
            ("Conv2D(8, 3, padding='causal')", "The `padding` argument must be one of"),
            ("Conv2D(8, 3, data_format='channels_first')", "channels-last only"),
            ("BatchNormalization(axis=1)", "axis=-1"),
            ("Conv2D(8, (3, 3, 3))", "The `kernel_size` argument must be a tuple of 2 positive integers"),
        ] {
            let outcome = nb.run("from keras.layers import Conv2D, BatchNormalization\n" + code)
            #expect(outcome.error?.summary.contains(message) == true, "\(code): \(String(describing: outcome.error))")
        }
    }
}
