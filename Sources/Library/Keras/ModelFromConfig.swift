import CellLanguage
import Foundation
import NeuralEngine

/// The way back from `get_config()` and `to_json()`: `keras.models.model_from_json(text)`,
/// `keras.Sequential.from_config(config)`, `keras.Model.from_config(config)`. Each layer is made
/// again by calling its `keras.layers` class with the config's settings (fresh weights, drawn
/// from the session's generator, as Keras draws them), and a functional model's layers are
/// called again on the tensors their `inbound_nodes` name.
enum ModelFromConfig {
    /// `keras.models.model_from_json(json_string)` and `model_from_config(config)`.
    static func functions() -> [(String, Value)] {
        [
            ("model_from_json", .builtin(BuiltinFunction("model_from_json") { arguments, interpreter in
                let a = try arguments.bind("model_from_json", ["json_string", .init("custom_objects", default: .none)])
                return try fromJSON(try Convert.string(a["json_string"], "json_string"), interpreter)
            })),
            ("model_from_config", .builtin(BuiltinFunction("model_from_config") { arguments, interpreter in
                let a = try arguments.bind("model_from_config", ["config", .init("custom_objects", default: .none)])
                guard case .dict(let d) = a["config"], case .str(let className)? = try d.get(.str("class_name")),
                      let config = try d.get(.str("config")) else {
                    throw PyException(.valueError, "model_from_config needs {'class_name': ..., 'config': ...}")
                }
                return try model(className: className, config: config, interpreter)
            })),
        ]
    }

    /// `keras.Model.from_config(config)`: a functional model from a config that has its
    /// `name`, `layers`, `input_layers` and `output_layers`; any other config is refused as
    /// Keras 2 refuses it (it would pass the config to `Model(**config)`).
    static func functional(_ config: Value, _ interpreter: Interpreter) throws -> Value {
        let keys = ["name", "layers", "input_layers", "output_layers"]
        if case .dict(let d) = config, try keys.allSatisfy({ try d.get(.str($0)) != nil }) {
            return try model(className: "Functional", config: config, interpreter)
        }
        let unknown: String
        if case .dict(let d) = config, let key = d.keys.first(where: { key in
            if case .str(let k) = key { return !["inputs", "outputs", "name"].contains(k) }
            return true
        }) {
            unknown = "('Keyword argument not understood:', \(key.repr))"
        } else if case .dict = config {
            unknown = "Model.__init__() missing required arguments 'inputs' and 'outputs'"
        } else {
            unknown = "argument after ** must be a mapping, not \(Convert.describe(config))"
        }
        throw PyException(.typeError, "Unable to revive model from config. When overriding the `get_config()` method, make "
            + "sure that the returned config contains all items used as arguments in the  constructor to "
            + "<class 'keras.engine.training.Model'>, which is the default behavior. You can override this default behavior "
            + "by defining a `from_config(cls, config)` class method to specify how to create an instance of Model from its "
            + "config.\n\nReceived config=\(config.repr)\n\nError encountered during deserialization: \(unknown)")
    }

    /// `model_from_json(json_string)`.
    static func fromJSON(_ text: String, _ interpreter: Interpreter) throws -> Value {
        guard case .object(let root)? = try? JSONDecoder().decode(JSON.self, from: Data(text.utf8)),
              case .string(let className)? = root["class_name"], let config = root["config"] else {
            throw PyException(.valueError, "model_from_json: not a Keras model's JSON (it needs \"class_name\" and \"config\")")
        }
        return try model(className: className, config: value(config), interpreter)
    }

    /// A model of `className` (`Sequential`, `Functional` or `Model`) from its config.
    static func model(className: String, config: Value, _ interpreter: Interpreter) throws -> Value {
        guard case .dict(let d) = config, case .list(let layers)? = try d.get(.str("layers")) else {
            throw PyException(.valueError, "A model's config needs a \"layers\" list")
        }
        let keras = try interpreter.importModule("keras")
        let kerasLayers = try interpreter.importModule("keras.layers")
        let name = try d.get(.str("name")) ?? .none
        if className == "Sequential" {
            let model = try interpreter.call(keras["Sequential"] ?? .none, Arguments([], keywords: [("name", name)]))
            let add = try interpreter.getAttribute(model, "add")
            for entry in layers.items {
                _ = try interpreter.call(add, try layer(entry, kerasLayers, interpreter))
            }
            return model
        }
        guard className == "Functional" || className == "Model" else {
            throw PyException(.valueError, "Unknown model class: \(className)")
        }
        var outputs: [String: [Value]] = [:]
        func tensor(_ coordinates: Value) throws -> Value {
            guard case .list(let c) = coordinates, c.items.count >= 2, case .str(let layerName) = c.items[0],
                  let node = c.items[1].asInt, let made = outputs[layerName], node < made.count else {
                throw PyException(.valueError, "A model's config names a layer output it does not define: \(coordinates.repr)")
            }
            return made[node]
        }
        for entry in layers.items {
            guard case .dict(let e) = entry, case .str(let layerName)? = try e.get(.str("name")) else { continue }
            let made = try layer(entry, kerasLayers, interpreter)
            guard case .list(let nodes)? = try e.get(.str("inbound_nodes")), !nodes.items.isEmpty else {
                outputs[layerName] = [made]
                continue
            }
            for node in nodes.items {
                guard case .list(let inbound) = node else { continue }
                let inputs = try inbound.items.map(tensor)
                outputs[layerName, default: []].append(try interpreter.call(made, inputs.count == 1 ? inputs[0] : .list(PyList(inputs))))
            }
        }
        func tensors(_ key: String) throws -> Value {
            guard case .list(let list)? = try d.get(.str(key)) else { return .list(PyList()) }
            let items = try list.items.map(tensor)
            return items.count == 1 ? items[0] : .list(PyList(items))
        }
        return try interpreter.call(keras["Model"] ?? .none, Arguments([], keywords: [
            ("inputs", try tensors("input_layers")), ("outputs", try tensors("output_layers")), ("name", name),
        ]))
    }

    /// One serialized layer made again: an `InputLayer` as `keras.Input`, any other by its class.
    static func layer(_ entry: Value, _ interpreter: Interpreter) throws -> Value {
        try layer(entry, try interpreter.importModule("keras.layers"), interpreter)
    }

    private static func layer(_ entry: Value, _ module: Module, _ interpreter: Interpreter) throws -> Value {
        guard case .dict(let e) = entry, case .str(let className)? = try e.get(.str("class_name")),
              case .dict(let config)? = try e.get(.str("config")) else {
            throw PyException(.valueError, "A layer's config needs \"class_name\" and \"config\": \(entry.repr)")
        }
        var keywords: [(name: String, value: Value)] = []
        for (key, value) in config.entries {
            guard case .str(let k) = key else { continue }
            switch (k, value) {
            case ("dtype", _), ("trainable", _), ("sparse", _), ("ragged", _), ("optional", _), ("noise_shape", .none),
                 ("seed", .none), ("activity_regularizer", .none), ("kernel_constraint", .none), ("bias_constraint", .none),
                 ("kernel_regularizer", .none), ("bias_regularizer", .none), ("data_format", .str("channels_last")):
                continue
            case ("bias_initializer", .dict(let d)) where (try d.get(.str("class_name")))?.str == "Zeros":
                continue
            case ("batch_input_shape", .list), ("batch_input_shape", .tuple):
                let shape = try interpreterList(value, "batch_input_shape")
                keywords.append((className == "InputLayer" ? "shape" : "input_shape", .tuple(Array(shape.dropFirst()))))
            case (_, .dict(let d)):
                // An initializer or regularizer object: its function name, or its class called with its config.
                guard case .str(let objectClass)? = try d.get(.str("class_name")) else { continue }
                if k.hasSuffix("initializer") {
                    keywords.append((k, .str(snakeCase(objectClass))))
                } else {
                    let regularizers = try interpreter.importModule("keras.regularizers")
                    let arguments = (try d.get(.str("config"))).flatMap { if case .dict(let c) = $0 { c } else { nil } }
                    keywords.append((k, try interpreter.call(regularizers[objectClass] ?? .none, Arguments([], keywords:
                        (arguments?.entries ?? []).map { ($0.key.str, $0.value) }))))
                }
            case (_, .list(let items)):
                keywords.append((k, .tuple(items.items)))
            default:
                keywords.append((k, value))
            }
        }
        let constructor = className == "InputLayer" ? (try interpreter.importModule("keras"))["Input"] : module[className]
        guard let constructor else {
            throw PyException(.valueError, "Unknown layer: \(className) (Labbook's keras.layers has no such class)")
        }
        return try interpreter.call(constructor, Arguments([], keywords: keywords))
    }

    /// `GlorotUniform` -> `glorot_uniform`.
    private static func snakeCase(_ name: String) -> String {
        var out = ""
        for (i, c) in name.enumerated() {
            if c.isUppercase && i > 0 { out += "_" }
            out += c.lowercased()
        }
        return out
    }

    /// A JSON value as a Python one (an object's keys sorted: the decoder keeps no order).
    private static func value(_ json: JSON) -> Value {
        switch json {
        case .null: .none
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .double(let d): .float(d)
        case .string(let s): .str(s)
        case .array(let a): .list(PyList(a.map(value)))
        case .object(let o): .dict(PyDict(o.keys.sorted().map { ($0, value(o[$0]!)) }))
        }
    }

    private indirect enum JSON: Decodable {
        case null, bool(Bool), int(Int), double(Double), string(String), array([JSON]), object([String: JSON])

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null }
            else if let b = try? c.decode(Bool.self) { self = .bool(b) }
            else if let i = try? c.decode(Int.self) { self = .int(i) }
            else if let d = try? c.decode(Double.self) { self = .double(d) }
            else if let s = try? c.decode(String.self) { self = .string(s) }
            else if let a = try? c.decode([JSON].self) { self = .array(a) }
            else { self = .object(try c.decode([String: JSON].self)) }
        }
    }
}
