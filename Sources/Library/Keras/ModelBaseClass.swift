import CellLanguage
import NeuralEngine

/// `keras.Model` as cells see it: called, it makes a functional model
/// (`keras.Model(inputs, outputs)`); named as a base class (`class MyModel(keras.Model)`), it
/// stands for `keras.engine.training.Model`, a library class whose methods are written in
/// Swift (`ModelBaseClass.methods`) over a `SubclassedModel`.
final class ModelClassObject: KerasClassObject, LibraryBaseClass {
    init(state: LibraryState) {
        super.init("Model", module: ModelBaseClass.module, constructor: ModelObject.constructor(state: state),
                   fromConfig: ModelFromConfig.functional)
    }

    func baseClass(_ interpreter: Interpreter) throws -> PyClass {
        guard case .host(let cls as PyClass)? = try interpreter.importModule(ModelBaseClass.module)["Model"] else {
            throw PyException(.runtimeError, "keras.engine.training.Model is missing")
        }
        return cls
    }
}

/// The library class cells subclass: `__init__(inputs=None, outputs=None, name=None)`,
/// `__call__`, a default `call`, `build(input_shape)`, and `__getattr__`, through which
/// everything else a model has (`compile`, `fit`, `summary`, `trainable_variables`, ...)
/// reaches the built model.
enum ModelBaseClass {
    static let module = "keras.engine.training"

    static func register(in registry: ModuleRegistry, state: LibraryState) {
        registry.register("keras.engine") { _ in Module("keras.engine") }
        registry.register(module) { interpreter in
            guard case .host(let cls as PyClass) = try interpreter.defineLibraryClass("Model", source: DefaultSteps.source) else {
                throw PyException(.runtimeError, "keras.engine.training.Model did not define a class")
            }
            for (name, method) in methods(state: state) { try cls.setClassAttribute(name, .host(method)) }
            return Module(module, [("Model", .host(cls))])
        }
    }

    private static func className(_ receiver: Value) -> String { PyClass.of(receiver)?.name ?? "Model" }

    static func methods(state: LibraryState) -> [(String, HostMethod)] {
        [
            ("__init__", HostMethod("__init__") { receiver, arguments, interpreter in
                let a = try arguments.bind("__init__", [.init("inputs", default: .none), .init("outputs", default: .none),
                                                        .init("name", default: .none)],
                                           extraPositional: false, extraKeywords: true)
                let name = a["name"].isNone ? nil : try Convert.string(a["name"], "name")
                let core = SubclassedModel(name: name ?? state.layerNames.next(SubclassedModel.snakeCase(className(receiver))))
                try PyClass.setInstanceAttribute(receiver, SubclassedModel.attribute, .host(core))
                if !a["inputs"].isNone || !a["outputs"].isNone {
                    // `CustomModel(inputs, outputs)`: a functional model with the subclass's methods.
                    let built = try interpreter.call(ModelObject.constructor(state: state),
                                                     Arguments([a["inputs"], a["outputs"]], keywords: [("name", .str(core.name))]))
                    guard case .host(let model as ModelObject) = built else { return .none }
                    model.className = className(receiver)
                    core.traced = model
                }
                return .none
            }),
            ("__call__", HostMethod("__call__") { receiver, arguments, interpreter in
                let core = try SubclassedModel.of(receiver, state)
                if let eager = try core.eagerModel(receiver, state) { return try eager.call(receiver, arguments, interpreter) }
                let inputs = try LayerCalls.input(arguments, core.name)
                let model = try core.build(receiver, try SubclassedModel.inputSpec(of: inputs), className: className(receiver),
                                           state: state, interpreter: interpreter)
                return try model.call(arguments, interpreter)
            }),
            ("call", HostMethod("call") { receiver, arguments, interpreter in
                let core = try SubclassedModel.of(receiver, state)
                guard let model = core.traced else {
                    throw PyException(.notImplementedError, "When subclassing the `Model` class, you should implement a `call` method.")
                }
                return try model.call(arguments, interpreter)
            }),
            ("build", HostMethod("build") { receiver, arguments, interpreter in
                let shape = try arguments.bind("build", ["input_shape"])["input_shape"]
                let core = try SubclassedModel.of(receiver, state)
                try core.build(receiver, try spec(ofShape: shape), className: className(receiver), state: state,
                               interpreter: interpreter)
                return .none
            }),
            ("__getattr__", HostMethod("__getattr__") { receiver, arguments, interpreter in
                guard case .str(let name) = arguments.positional.first else { return .none }
                return try attribute(name, receiver, state: state, interpreter)
            }),
        ]
    }

    /// `build(input_shape)`: `(None, 28, 28, 1)`, a list of such shapes, or a dict of them.
    private static func spec(ofShape value: Value) throws -> SubclassedModel.InputSpec {
        func shape(_ v: Value) throws -> [Int] {
            let dims: [Value]
            switch v {
            case .tuple(let t): dims = t
            case .list(let l): dims = l.items
            default: throw PyException(.valueError, "build(input_shape) takes a shape tuple such as (None, 28, 28, 1), got \(v.repr)")
            }
            guard dims.count >= 2 else {
                throw PyException(.valueError, "build(input_shape) needs a batch axis: (None, ...), got \(v.repr)")
            }
            return try dims.dropFirst().map { try Convert.int($0, "input_shape") }
        }
        switch value {
        case .dict(let d):
            return .dict(try d.entries.map { key, v in
                guard case .str(let name) = key else { throw PyException(.typeError, "input_shape dict keys must be str") }
                return (name, try shape(v))
            })
        case .list(let l) where l.items.allSatisfy({ if case .tuple = $0 { true } else { false } }):
            return .list(try l.items.map(shape))
        default:
            return .single(try shape(value))
        }
    }

    /// What `model.name` and the rest find on the model rather than on its Python class.
    private static func attribute(_ name: String, _ receiver: Value, state: LibraryState,
                                  _ interpreter: Interpreter) throws -> Value {
        let core = try SubclassedModel.of(receiver, state)
        if name != "name", !name.hasPrefix("__"), let eager = try core.eagerModel(receiver, state),
           let value = try eager.attribute(name, receiver, interpreter) {
            return value
        }
        switch name {
        case "name": return .str(core.name)
        case "built": return .bool(core.traced != nil)
        case "layers": return .list(PyList(SubclassedModel.trackedLayers(receiver)))
        case "weights", "variables", "trainable_weights", "trainable_variables", "non_trainable_weights",
             "non_trainable_variables":
            // Before it is built a model has no weights yet.
            return try core.traced?.getAttribute(name, interpreter) ?? .list(PyList())
        case "compile":
            return .builtin(BuiltinFunction(name) { arguments, interpreter in
                // A model with its own `train_step` may compile without a loss, as in Keras.
                if let model = core.traced {
                    return try model.compile(arguments, lossOptional: try DefaultSteps.overrides("train_step", receiver, interpreter))
                }
                core.pendingCompile = arguments
                return .none
            })
        case "summary" where core.tracedFromCall:
            return .builtin(BuiltinFunction(name) { arguments, interpreter in
                try core.summary(receiver, arguments, interpreter)
                return .none
            })
        case "summary" where core.traced == nil:
            _ = try core.built()
        case "fit", "evaluate", "predict":
            return .builtin(BuiltinFunction(name) { arguments, interpreter in
                if core.traced == nil {
                    let x = arguments.positional.first ?? arguments.keyword("x") ?? .none
                    try core.build(receiver, try SubclassedModel.inputSpec(of: ModelInputs.firstInputs(x)),
                                   className: className(receiver), state: state, interpreter: interpreter)
                }
                // The instance is the receiver of `train_step` and `test_step`, which it may override.
                return try core.built().run(name, arguments, interpreter, receiver: receiver)
            })
        default:
            if name.hasPrefix("__") { break }
            return try core.built().getAttribute(name, interpreter)
        }
        throw PyException(.attributeError, "'\(className(receiver))' object has no attribute '\(name)'")
    }
}

/// The inputs part of what `fit`, `evaluate` and `predict` take as `x`.
enum ModelInputs {
    /// `x` itself, or the inputs of a dataset's first element.
    static func firstInputs(_ x: Value) throws -> Value {
        guard case .host(let dataset as DatasetObject) = x, let first = dataset.source.components.first else { return x }
        return .host(EagerTensor(NDArray(shape: first.shape, storage: first.storage)))
    }
}
