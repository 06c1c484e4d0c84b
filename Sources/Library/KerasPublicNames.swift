import CellLanguage

/// The real libraries' public names, declared to the registry so that an attribute Labbook
/// lacks says it is a gap (`Labbook does not implement matplotlib.pyplot.contourf yet; see
/// docs/language.md`). numpy and pyplot come generated from the real packages
/// (`PublicNames.generated`); the Keras lists are written by hand from keras.io's API
/// reference (TensorFlow is too big to install to generate them) and cover the commonly
/// documented names, not every alias.
enum RealPublicNames {
    static let keras: [String: String] = [
        "keras": """
            Input InputSpec KerasTensor Layer Loss Metric Model Operation Optimizer Quantizer Regularizer
            Sequential Variable activations applications backend callbacks config constraints datasets
            device distribution dtype_policies export initializers layers legacy losses metrics mixed_precision
            models name_scope ops optimizers preprocessing quantizers random regularizers saving tree utils
            version visualization wrappers
            """,
        "keras.layers": """
            Activation ActivityRegularization Add AdditiveAttention AlphaDropout Attention Average AveragePooling1D
            AveragePooling2D AveragePooling3D AvgPool1D AvgPool2D AvgPool3D BatchNormalization Bidirectional
            CategoryEncoding CenterCrop Concatenate Conv1D Conv1DTranspose Conv2D Conv2DTranspose Conv3D
            Conv3DTranspose ConvLSTM1D ConvLSTM2D ConvLSTM3D Convolution1D Convolution2D Convolution3D Cropping1D
            Cropping2D Cropping3D Dense DepthwiseConv1D DepthwiseConv2D Discretization Dot Dropout ELU EinsumDense
            Embedding Flatten GRU GRUCell GaussianDropout GaussianNoise GlobalAveragePooling1D GlobalAveragePooling2D
            GlobalAveragePooling3D GlobalAvgPool1D GlobalAvgPool2D GlobalAvgPool3D GlobalMaxPool1D GlobalMaxPool2D
            GlobalMaxPool3D GlobalMaxPooling1D GlobalMaxPooling2D GlobalMaxPooling3D GroupNormalization
            GroupQueryAttention HashedCrossing Hashing Identity Input InputLayer InputSpec IntegerLookup LSTM LSTMCell
            Lambda Layer LayerNormalization LeakyReLU Masking MaxPool1D MaxPool2D MaxPool3D MaxPooling1D MaxPooling2D
            MaxPooling3D Maximum MelSpectrogram Minimum MultiHeadAttention Multiply Normalization PReLU Permute
            RNN RandomBrightness RandomContrast RandomCrop RandomFlip RandomHeight RandomRotation RandomTranslation
            RandomWidth RandomZoom ReLU RepeatVector Rescaling Reshape Resizing SeparableConv1D SeparableConv2D
            SimpleRNN SimpleRNNCell Softmax SpatialDropout1D SpatialDropout2D SpatialDropout3D SpectralNormalization
            StackedRNNCells StringLookup Subtract TextVectorization TimeDistributed UnitNormalization UpSampling1D
            UpSampling2D UpSampling3D Wrapper ZeroPadding1D ZeroPadding2D ZeroPadding3D add average concatenate dot
            maximum minimum multiply subtract
            """,
        "keras.models": "Model Sequential clone_model load_model model_from_json save_model",
        "keras.optimizers": """
            Adadelta Adafactor Adagrad Adam AdamW Adamax Ftrl Lamb Lion LossScaleOptimizer Nadam Optimizer RMSprop
            SGD deserialize get legacy schedules serialize
            """,
        "keras.callbacks": """
            BackupAndRestore CSVLogger Callback CallbackList EarlyStopping History LambdaCallback
            LearningRateScheduler ModelCheckpoint ProgbarLogger ReduceLROnPlateau RemoteMonitor SwapEMAWeights
            TensorBoard TerminateOnNaN
            """,
        "keras.losses": """
            BinaryCrossentropy BinaryFocalCrossentropy CTC CategoricalCrossentropy CategoricalFocalCrossentropy
            CategoricalHinge CosineSimilarity Dice Hinge Huber KLDivergence LogCosh Loss MeanAbsoluteError
            MeanAbsolutePercentageError MeanSquaredError MeanSquaredLogarithmicError Poisson Reduction
            SparseCategoricalCrossentropy SquaredHinge Tversky binary_crossentropy binary_focal_crossentropy
            categorical_crossentropy categorical_focal_crossentropy categorical_hinge cosine_similarity ctc
            deserialize dice get hinge huber kl_divergence log_cosh mean_absolute_error
            mean_absolute_percentage_error mean_squared_error mean_squared_logarithmic_error poisson serialize
            sparse_categorical_crossentropy squared_hinge tversky
            """,
        "keras.metrics": """
            AUC Accuracy BinaryAccuracy BinaryCrossentropy BinaryIoU CategoricalAccuracy CategoricalCrossentropy
            CategoricalHinge ConcordanceCorrelation CosineSimilarity F1Score FBetaScore FalseNegatives
            FalsePositives Hinge IoU KLDivergence LogCoshError Mean MeanAbsoluteError MeanAbsolutePercentageError
            MeanIoU MeanMetricWrapper MeanSquaredError MeanSquaredLogarithmicError Metric OneHotIoU OneHotMeanIoU
            PearsonCorrelation Poisson Precision PrecisionAtRecall R2Score Recall RecallAtPrecision
            RootMeanSquaredError SensitivityAtSpecificity SparseCategoricalAccuracy SparseCategoricalCrossentropy
            SparseTopKCategoricalAccuracy SpecificityAtSensitivity SquaredHinge Sum TopKCategoricalAccuracy
            TrueNegatives TruePositives binary_accuracy binary_crossentropy categorical_accuracy
            categorical_crossentropy deserialize get hinge kl_divergence mean_absolute_error
            mean_absolute_percentage_error mean_squared_error mean_squared_logarithmic_error poisson serialize
            sparse_categorical_accuracy sparse_categorical_crossentropy sparse_top_k_categorical_accuracy
            squared_hinge top_k_categorical_accuracy
            """,
    ]

    /// Declares every list to `registry` (keras lists also under `tensorflow.keras`, and
    /// TensorFlow's own modules).
    static func register(in registry: ModuleRegistry) {
        func names(_ text: String) -> Set<String> { Set(text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)) }
        for (module, text) in PublicNames.generated {
            registry.declareRealNames(module, names(text), docs: "docs/language.md")
        }
        for (module, text) in keras {
            registry.declareRealNames(module, names(text), docs: "docs/keras.md")
            registry.declareRealNames("tensorflow." + module, names(text), docs: "docs/keras.md")
        }
        for (module, text) in TensorFlowPublicNames.generated {
            registry.declareRealNames(module, names(text), docs: "docs/keras.md")
        }
    }
}
