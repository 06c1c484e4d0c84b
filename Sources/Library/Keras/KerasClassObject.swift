import CellLanguage

/// A Keras class that cells call to make an object and that has class methods too:
/// `layers.Dense(...)` makes a layer, `layers.Dense.from_config(config)` makes one from
/// `get_config()`'s dict, and `keras.Sequential.from_config(config)` a model from its config.
///
///     dense = layers.Dense(4, activation="relu")
///     twin = layers.Dense.from_config(dense.get_config())
///
/// Open to one subclass, `ModelClassObject`, which is also a base class for cells' classes.
class KerasClassObject: HostClass {
    let name: String
    /// Where Keras 2 defines the class (`keras.layers.core.dense`), for its repr.
    let module: String
    let constructor: Value
    let fromConfig: (Value, Interpreter) throws -> Value

    init(_ name: String, module: String, constructor: Value, fromConfig: @escaping (Value, Interpreter) throws -> Value) {
        self.name = name
        self.module = module
        self.constructor = constructor
        self.fromConfig = fromConfig
    }

    var qualifiedName: String { "\(module).\(name)" }
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        try interpreter.call(constructor, arguments)
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "__name__", "__qualname__": return .str(self.name)
        case "__module__": return .str(module)
        case "from_config":
            return .builtin(BuiltinFunction("from_config") { arguments, interpreter in
                let a = try arguments.bind("from_config", ["config", .init("custom_objects", default: .none)])
                return try self.fromConfig(a["config"], interpreter)
            })
        default: throw attributeError(name)
        }
    }

    /// `keras.layers`' classes (every name but the `Input` function), each with
    /// `from_config(config)` = `cls(**config)` as Keras 2's `Layer.from_config`, its errors
    /// reported as Keras reports them.
    static func layerClasses(_ attributes: [(String, Value)]) -> [(String, Value)] {
        attributes.map { name, value in
            guard case .builtin = value, name != "Input", name.first?.isUppercase == true else { return (name, value) }
            return (name, .host(KerasClassObject(name, module: "keras.layers", constructor: value) { config, interpreter in
                guard case .dict = config else {
                    throw PyException(.typeError, "Error when deserializing class '\(name)' using config=\(config.repr).\n\n"
                                      + "Exception encountered: argument after ** must be a mapping, not \(Convert.describe(config))")
                }
                do {
                    return try ModelFromConfig.layer(.dict(PyDict([("class_name", .str(name)), ("config", config)])),
                                                     interpreter)
                } catch let error as PyException {
                    throw PyException(.typeError, "Error when deserializing class '\(name)' using config=\(config.repr).\n\n"
                                      + "Exception encountered: \(error.message)")
                }
            }))
        }
    }

    /// `keras.Sequential`, with `from_config(config)` as Keras 2's: the config's `layers` added
    /// in order to a model of its `name` (a bare list of layer configs also does).
    static func sequential(_ constructor: Value) -> Value {
        .host(KerasClassObject("Sequential", module: "keras.engine.sequential", constructor: constructor) { config, interpreter in
            switch config {
            case .dict(let d):
                if try d.get(.str("name")) != nil, try d.get(.str("layers")) == nil {
                    throw PyException(.keyError, args: [.str("layers")])
                }
                return try ModelFromConfig.model(className: "Sequential", config: config, interpreter)
            case .list:
                return try ModelFromConfig.model(className: "Sequential",
                                                 config: .dict(PyDict([("name", .none), ("layers", config)])), interpreter)
            default:
                throw PyException(.typeError, "Sequential.from_config takes a model's config (a dict with \"name\" and \"layers\"), "
                                  + "got \(Convert.describe(config))")
            }
        })
    }
}
