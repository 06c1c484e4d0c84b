import CellLanguage
import NeuralEngine

/// Registers `keras` and its submodules, and the same modules under `tensorflow.keras`
/// (with `from tensorflow import keras` giving the very same module object), and
/// `tensorflow` itself (its tensors and operations: `TensorFlowModule`).
enum KerasModules {
    /// Submodule names, relative to `keras`.
    static let submodules = [
        "models", "layers", "initializers", "optimizers", "optimizers.schedules", "losses", "metrics", "regularizers", "utils", "callbacks", "datasets",
        "datasets.mnist", "datasets.fashion_mnist", "activations", "backend", "utils.np_utils", "preprocessing", "preprocessing.image",
    ]

    /// `keras.__version__`: the Keras whose behaviour and printed text Labbook follows (the
    /// reference notebook's: "Train on 54000 samples", `accuracy` in the history, Keras 2.3's
    /// summary and progress bar), and `tf.__version__`, the TensorFlow it ran on.
    static let kerasVersion = "2.3.1"
    static let tensorflowVersion = "2.0.0"

    static func register(in registry: ModuleRegistry, state: LibraryState) {
        registry.register("keras") { _ in
            Module("keras", [
                ("Sequential", KerasClassObject.sequential(sequentialConstructor(state: state))),
                ("Model", .host(ModelClassObject(state: state))),
                ("Input", LayerConstructors.attributes(state: state).first { $0.0 == "Input" }?.1 ?? .none),
                (LibraryStateHandle.attribute, .host(LibraryStateHandle(state))),
                ("__version__", .str(kerasVersion)),
            ])
        }
        registry.register("keras.models") { _ in
            Module("keras.models", [("Sequential", KerasClassObject.sequential(sequentialConstructor(state: state))),
                                    ("Model", .host(ModelClassObject(state: state))), ("load_model", loadModel(state: state))]
                   + ModelFromConfig.functions())
        }
        registry.register("keras.layers") { interpreter in
            Module("keras.layers", KerasClassObject.layerClasses(LayerConstructors.attributes(state: state))
                + [("Layer", try LayerBaseClass.make(interpreter, state: state))])
        }
        registry.register("keras.initializers") { _ in Module("keras.initializers", InitializerObject.kerasAttributes(state: state)) }
        registry.register("keras.optimizers") { _ in Module("keras.optimizers", OptimizerObject.constructors()) }
        registry.register("keras.regularizers") { _ in Module("keras.regularizers", RegularizerObject.attributes()) }
        registry.register("keras.optimizers.schedules") { _ in Module("keras.optimizers.schedules", ScheduleObject.attributes()) }
        registry.register("keras.losses") { _ in Module("keras.losses", LossObject.attributes()) }
        registry.register("keras.metrics") { interpreter in
            Module("keras.metrics", MetricObject.attributes(state: state) + MeanMetricObject.attributes()
                + [("Metric", try MetricBaseClass.make(interpreter, state: state))])
        }
        registry.register("keras.utils") { _ in Module("keras.utils", KerasUtilities.utils(state: state)) }
        // Keras 2's older home of `to_categorical` (`from keras.utils import np_utils`).
        registry.register("keras.utils.np_utils") { _ in
            Module("keras.utils.np_utils", KerasUtilities.utils(state: state).filter { $0.0 == "to_categorical" })
        }
        registry.register("keras.callbacks") { interpreter in
            Module("keras.callbacks", CallbackObject.attributes() + [("TensorBoard", TensorBoardLogs.constructor())]
                + [("Callback", try interpreter.defineLibraryClass("Callback", source: PythonCallback.baseClassSource))])
        }
        registry.register("keras.datasets") { _ in Module("keras.datasets") }
        registry.register("keras.datasets.mnist") { _ in
            Module("keras.datasets.mnist", KerasUtilities.dataset(.mnist, state: state))
        }
        registry.register("keras.datasets.fashion_mnist") { _ in
            Module("keras.datasets.fashion_mnist", KerasUtilities.dataset(.fashionMNIST, state: state))
        }
        ModelBaseClass.register(in: registry, state: state)
        registry.register("keras.activations") { _ in Module("keras.activations", ActivationFunctions.attributes()) }
        registry.register("keras.backend") { _ in Module("keras.backend", backend(state: state)) }
        registry.register("keras.preprocessing") { _ in Module("keras.preprocessing") }
        registry.register("keras.preprocessing.image") { _ in
            Module("keras.preprocessing.image", [("array_to_img", ImageObject.arrayToImage())])
        }

        registry.register("tensorflow") { interpreter in
            let tensorflow = Module("tensorflow", [
                ("keras", .module(try interpreter.importModule("keras"))),
                ("__version__", .str(tensorflowVersion)),
                ("version", .module(Module("tensorflow.version", [("VERSION", .str(tensorflowVersion))]))),
            ] + TensorFlowModule.attributes(state: state) + InitializerObject.tensorflowAttributes(state: state))
            tensorflow["compat"] = .module(CompatV1Module.compat(of: tensorflow, state: state))
            return tensorflow
        }
        CompatV1Module.register(in: registry)
        // The submodule is the parent's attribute (importing it imports the parent first).
        registry.register("tensorflow.version") { interpreter in
            guard case .module(let version)? = try interpreter.importModule("tensorflow")["version"] else {
                throw PyException(.importError, "No module named 'tensorflow.version'")
            }
            return version
        }
        TensorFlowModule.registerSubmodules(in: registry)
        registry.register("tensorflow.keras") { interpreter in try interpreter.importModule("keras") }
        for name in submodules {
            registry.register("tensorflow.keras." + name) { interpreter in try interpreter.importModule("keras." + name) }
        }
    }

    /// `Sequential(layers=None, name=None)`; the name counts up (`sequential_1`, ...).
    static func sequentialConstructor(state: LibraryState) -> Value {
        .builtin(BuiltinFunction("Sequential") { arguments, _ in
            let a = try arguments.bind("Sequential", [.init("layers", default: .none), .init("name", default: .none)])
            let name = a["name"].isNone ? state.layerNames.next("sequential") : try Convert.string(a["name"], "name")
            let object = SequentialObject(Sequential(name: name), state: state)
            if !a["layers"].isNone {
                for layer in try interpreterList(a["layers"], "layers") { try object.add(layer) }
            }
            return .host(object)
        })
    }

    /// `load_model(filepath, custom_objects=None, compile=True)`.
    static func loadModel(state: LibraryState) -> Value {
        .builtin(BuiltinFunction("load_model") { arguments, _ in
            let a = try arguments.bind("load_model", ["filepath", .init("custom_objects", default: .none),
                                                     .init("compile", default: .bool(true))])
            var saved = try ModelFile.load(try Convert.string(a["filepath"], "filepath"))
            if !a["compile"].isTruthy { saved.compilation = nil }
            let model = try pythonErrors { try Sequential(restoring: saved) }
            return .host(SequentialObject(model, state: state))
        })
    }

    /// `keras.backend`: `clear_session()` (restarts the name counters), `epsilon()`,
    /// `image_data_format()`, `get_value`/`set_value` (an optimizer's `lr`).
    static func backend(state: LibraryState) -> [(String, Value)] {
        [
            ("clear_session", .builtin(BuiltinFunction("clear_session") { arguments, _ in
                try arguments.expectExactly(0, "clear_session")
                state.layerNames.reset()
                return .none
            })),
            ("epsilon", .builtin(BuiltinFunction("epsilon") { arguments, _ in
                try arguments.expectExactly(0, "epsilon")
                return .float(1e-7)
            })),
            // Labbook's layers are channels-last only, Keras' default.
            ("image_data_format", .builtin(BuiltinFunction("image_data_format") { arguments, _ in
                try arguments.expectExactly(0, "image_data_format")
                return .str("channels_last")
            })),
            // `random_normal(shape, mean=0.0, stddev=1.0, dtype=None, seed=None)`: tf.random.normal's
            // draws from the session's generator, float32 unless told.
            ("random_normal", .builtin(BuiltinFunction("random_normal") { arguments, interpreter in
                let a = try arguments.bind("random_normal", ["shape", .init("mean", default: .float(0)),
                                                             .init("stddev", default: .float(1)), .init("dtype", default: .none),
                                                             .init("seed", default: .none)])
                let random = try interpreter.getAttribute(.module(try interpreter.importModule("tensorflow")), "random")
                var keywords: [(String, Value)] = [("mean", a["mean"]), ("stddev", a["stddev"])]
                if !a["dtype"].isNone { keywords.append(("dtype", a["dtype"])) }
                return try interpreter.call(try interpreter.getAttribute(random, "normal"), Arguments([a["shape"]], keywords: keywords))
            })),
        ] + BackendValues.functions()
    }
}
