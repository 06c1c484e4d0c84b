import CellLanguage

/// `tensorflow.compat.v1` (`import tensorflow.compat.v1 as tf`, TensorFlow's archived TF1
/// tutorials): TensorFlow 2 run eagerly, as TensorFlow 2 runs these tutorials. It holds the
/// names of `tensorflow` that `tf.compat.v1` also has (`keras`, `nn`, `constant`, ...), the
/// switches that turn on TensorFlow 2's behaviour, as no-ops (`enable_eager_execution`,
/// `enable_v2_behavior`), `executing_eagerly()` (True), `set_random_seed`, `logging`, and
/// `train.latest_checkpoint`. What needs graph mode (`Session`, `placeholder`,
/// `disable_eager_execution`, ...) raises a NotImplementedError that says Labbook has no
/// graph mode; any other name of the real module says Labbook does not implement it yet.
///
///     import tensorflow.compat.v1 as tf
///     tf.enable_eager_execution()          # nothing to do: Labbook is always eager
///     tf.Session()                         # NotImplementedError: ... graph mode ...
enum CompatV1Module {
    static let realNames = Set(CompatV1PublicNames.generated.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    /// Registers `tensorflow.compat` and `tensorflow.compat.v1` as attributes of `tensorflow`
    /// (importing either imports `tensorflow` first), and the real module's names.
    static func register(in registry: ModuleRegistry) {
        registry.declareRealNames("tensorflow.compat.v1", realNames, docs: "docs/keras.md")
        registry.declareRealNames("tensorflow.compat", ["v1", "v2", "as_bytes", "as_str", "as_text", "forward_compatible",
                                                        "forward_compatibility_horizon", "path_to_str"], docs: "docs/keras.md")
        registry.register("tensorflow.compat") { interpreter in try compat(interpreter) }
        registry.register("tensorflow.compat.v1") { interpreter in
            guard case .module(let v1)? = try compat(interpreter)["v1"] else {
                throw PyException(.importError, "No module named 'tensorflow.compat.v1'")
            }
            return v1
        }
    }

    private static func compat(_ interpreter: Interpreter) throws -> Module {
        guard case .module(let compat)? = try interpreter.importModule("tensorflow")["compat"] else {
            throw PyException(.importError, "No module named 'tensorflow.compat'")
        }
        return compat
    }

    /// `tf.compat` for the `tensorflow` module `tensorflow` (whose attributes `v1` shares).
    static func compat(of tensorflow: Module, state: LibraryState) -> Module {
        let v1 = Module("tensorflow.compat.v1")
        for (name, value) in tensorflow.attributes where realNames.contains(name) && name != "compat" {
            v1[name] = value
        }
        v1["__version__"] = tensorflow["__version__"]
        for name in ["enable_eager_execution", "enable_v2_behavior", "enable_v2_tensorshape", "enable_resource_variables",
                     "enable_control_flow_v2", "enable_tensor_equality", "reset_default_graph"] {
            v1.define(name) { _, _ in .none }
        }
        v1.define("executing_eagerly") { arguments, _ in
            try arguments.expectExactly(0, "executing_eagerly")
            return .bool(true)
        }
        v1.define("set_random_seed") { arguments, _ in
            state.reseed(try Convert.int(try arguments.bind("set_random_seed", ["seed"])["seed"], "seed"))
            return .none
        }
        for name in graphModeNames {
            v1.define(name) { _, _ in throw graphModeError(name) }
        }
        v1["logging"] = .module(logging())
        v1["train"] = .module(Module("tensorflow.compat.v1.train", [("latest_checkpoint", WeightFiles.latestCheckpoint())]))
        return Module("tensorflow.compat", [("v1", .module(v1))])
    }

    /// Names that only make sense with graph mode.
    static let graphModeNames = [
        "Session", "InteractiveSession", "placeholder", "placeholder_with_default", "sparse_placeholder",
        "global_variables_initializer", "local_variables_initializer", "initialize_all_variables", "tables_initializer",
        "get_variable", "variable_scope", "get_default_graph", "get_default_session", "disable_eager_execution",
        "disable_v2_behavior", "disable_v2_tensorshape", "disable_resource_variables", "disable_control_flow_v2",
        "disable_tensor_equality", "global_variables", "trainable_variables", "get_collection", "add_to_collection",
    ]

    static func graphModeError(_ name: String) -> PyException {
        PyException(.notImplementedError, "tf.compat.v1.\(name): Labbook runs TensorFlow 2's eager execution only and has "
                    + "no graph mode (sessions, placeholders, variable initializers, graph collections); call models and "
                    + "tf functions directly, as TensorFlow 2 does; see docs/keras.md")
    }

    /// `tf.compat.v1.logging`: the verbosity levels (absl's numbers) and `set_verbosity`,
    /// which Labbook accepts and ignores (it prints no TensorFlow log).
    private static func logging() -> Module {
        let m = Module("tensorflow.compat.v1.logging", [
            ("DEBUG", .int(10)), ("INFO", .int(20)), ("WARN", .int(30)), ("WARNING", .int(30)), ("ERROR", .int(40)),
            ("FATAL", .int(50)),
        ])
        var level = 30
        m.define("set_verbosity") { arguments, _ in
            level = try Convert.int(try arguments.bind("set_verbosity", ["v"])["v"], "v")
            return .none
        }
        m.define("get_verbosity") { arguments, _ in
            try arguments.expectExactly(0, "get_verbosity")
            return .int(level)
        }
        return m
    }
}
