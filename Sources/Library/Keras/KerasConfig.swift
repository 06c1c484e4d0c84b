import CellLanguage
import CellOutput
import NeuralEngine

/// `get_config()` of layers and models, and `model.to_json()`, in tf.keras 2.x's format (the
/// `tf_keras` package's, key for key and in its order): a layer's config is `name`,
/// `trainable`, `dtype`, `batch_input_shape` when declared, then its own settings; a model
/// lists its layers serialized as `{module, class_name, config, registered_name,
/// build_config}`, a functional model adds each layer's `name` and `inbound_nodes` and the
/// `input_layers` and `output_layers`. `Dense`, `Dropout`, `Flatten`, `Activation`, the merge
/// layers and `InputLayer` give every key Keras gives; the other layers their settings.
///
///     model.get_config()["layers"][1]["config"]["units"]    # 64
///     keras.models.model_from_json(model.to_json())         # the same architecture, new weights
enum KerasConfig {
    static func layer(_ object: LayerObject) -> PyDict {
        let layer = object.layer
        var entries: [(String, Value)] = [("name", .str(layer.name)), ("trainable", .bool(layer.trainable)), ("dtype", .str("float32"))]
        if let shape = layer.declaredInputShape { entries.append(("batch_input_shape", LayerObject.batchShape(shape))) }
        switch layer {
        case let dense as Dense:
            entries += [("units", .int(dense.units)), ("activation", .str(dense.activation.kerasName)),
                        ("use_bias", .bool(dense.useBias)), ("kernel_initializer", initializer(dense.kernelInitializer)),
                        ("bias_initializer", initializer(.zeros)),
                        ("kernel_regularizer", regularizer(dense.regularizers.kernel)),
                        ("bias_regularizer", regularizer(dense.regularizers.bias)), ("activity_regularizer", .none),
                        ("kernel_constraint", .none), ("bias_constraint", .none)]
        case let dropout as Dropout:
            entries += [("rate", .float(Double("\(dropout.rate)") ?? Double(dropout.rate))), ("noise_shape", .none), ("seed", .none)]
        case is Flatten:
            entries.append(("data_format", .str("channels_last")))
        default:
            let own = object.config.entries.filter { !["name", "trainable", "batch_input_shape"].contains($0.key.str) }
            entries += own.map { ($0.key.str, $0.value) }
        }
        return PyDict(entries)
    }

    static func merge(_ object: MergeObject) -> PyDict {
        var entries: [(String, Value)] = [("name", .str(object.merge.name)), ("trainable", .bool(true)), ("dtype", .str("float32"))]
        if case let .concatenate(axis) = object.merge.kind { entries.append(("axis", .int(axis))) }
        return PyDict(entries)
    }

    static func inputLayer(shape: [Int], name: String) -> PyDict {
        PyDict([("batch_input_shape", LayerObject.batchShape(shape)), ("dtype", .str("float32")), ("sparse", .bool(false)),
                ("ragged", .bool(false)), ("name", .str(name)), ("optional", .bool(false))])
    }

    /// Keras' `serialize_keras_object` of a layer: `build_config` once it has an input shape.
    private static func serialized(_ className: String, _ config: PyDict, inputShape: Value?) -> [(String, Value)] {
        var entries: [(String, Value)] = [("module", .str("keras.layers")), ("class_name", .str(className)),
                                          ("config", .dict(config)), ("registered_name", .none)]
        if let inputShape { entries.append(("build_config", .dict(PyDict([("input_shape", inputShape)])))) }
        return entries
    }

    private static func initializer(_ initializer: Initializer) -> Value {
        let (name, config): (String, [(String, Value)]) = switch initializer {
        case .glorotUniform: ("GlorotUniform", [("seed", .none)])
        case .glorotNormal: ("GlorotNormal", [("seed", .none)])
        case .heUniform: ("HeUniform", [("seed", .none)])
        case .heNormal: ("HeNormal", [("seed", .none)])
        case .randomNormal: ("RandomNormal", [("mean", .float(0)), ("stddev", .float(0.05)), ("seed", .none)])
        case .randomUniform: ("RandomUniform", [("minval", .float(-0.05)), ("maxval", .float(0.05)), ("seed", .none)])
        case .zeros: ("Zeros", [])
        case .ones: ("Ones", [])
        }
        return .dict(PyDict([("module", .str("keras.initializers")), ("class_name", .str(name)), ("config", .dict(PyDict(config))),
                             ("registered_name", .none)]))
    }

    private static func regularizer(_ regularizer: Regularizer?) -> Value {
        guard let r = regularizer else { return .none }
        let (name, config): (String, [(String, Value)]) = r.l1 == 0 ? ("L2", [("l2", .float(Double(r.l2)))])
            : r.l2 == 0 ? ("L1", [("l1", .float(Double(r.l1)))]) : ("L1L2", [("l1", .float(Double(r.l1))), ("l2", .float(Double(r.l2)))])
        return .dict(PyDict([("module", .str("keras.regularizers")), ("class_name", .str(name)), ("config", .dict(PyDict(config))),
                             ("registered_name", .none)]))
    }

    // MARK: Models

    static func sequential(_ model: SequentialObject) throws -> PyDict {
        var layers: [Value] = []
        var shape = model.model.inputShape
        if let inputShape = shape {
            let name = model.symbolicInput?.name ?? ((model.layerObjects.first?.layer.name ?? model.model.name) + "_input")
            layers.append(.dict(PyDict(serialized("InputLayer", inputLayer(shape: inputShape, name: name), inputShape: nil))))
        }
        for object in model.layerObjects {
            guard object.standsFor == nil else { throw nestedModel() }
            let built = object.layer.isBuilt ? shape.map(LayerObject.batchShape) : nil
            layers.append(.dict(PyDict(serialized(object.layer.className, layer(object), inputShape: built))))
            shape = object.layer.isBuilt ? object.layer.outputShape : nil
        }
        return PyDict([("name", .str(model.model.name)), ("layers", .list(PyList(layers)))])
    }

    static func functional(_ model: ModelObject) throws -> PyDict {
        let network = model.network
        let layers = try network.entries.map { entry -> Value in
            switch entry {
            case let .input(input):
                return .dict(PyDict(serialized("InputLayer", inputLayer(shape: input.shape, name: input.name), inputShape: nil)
                                    + [("name", .str(input.name)), ("inbound_nodes", .list(PyList()))]))
            case let .callee(callee):
                let calls = network.calls.filter { $0.callee.object === callee.object }.sorted { $0.index < $1.index }
                let config: PyDict
                switch callee {
                case let .layer(o): config = layer(o)
                case let .merge(o): config = merge(o)
                case .model, .sequential: throw nestedModel()
                }
                let shapes = calls.first.map { call in
                    call.inputs.count == 1 ? LayerObject.batchShape(call.inputs[0].shape)
                        : .list(PyList(call.inputs.map { LayerObject.batchShape($0.shape) }))
                }
                let nodes = calls.map { call in
                    Value.list(PyList(call.inputs.map { x in .list(PyList(Self.coordinates(x) + [.dict(PyDict())])) }))
                }
                return .dict(PyDict(serialized(callee.className, config, inputShape: shapes)
                                    + [("name", .str(callee.name)), ("inbound_nodes", .list(PyList(nodes)))]))
            }
        }
        return PyDict([("name", .str(model.graph.name)), ("trainable", .bool(true)), ("layers", .list(PyList(layers))),
                       ("input_layers", .list(PyList(network.inputs.map { .list(PyList(coordinates($0))) }))),
                       ("output_layers", .list(PyList(network.outputs.map { .list(PyList(coordinates($0))) })))])
    }

    /// `[layer name, node index, tensor index]` of a symbolic tensor.
    private static func coordinates(_ x: any SymbolicTensor) -> [Value] {
        if let t = x as? KerasTensorObject { return [.str(t.node.callee.name), .int(t.node.index), .int(t.outputIndex)] }
        return [.str((x as? InputObject)?.name ?? "?"), .int(0), .int(0)]
    }

    private static func nestedModel() -> PyException {
        PyException(.valueError, "Labbook's get_config does not describe a model used as a layer of another model yet")
    }

    /// `model.to_json()`: `json.dumps` of `{"class_name", "config", "keras_version", "backend"}`.
    static func json(className: String, config: PyDict) -> String {
        json(.dict(PyDict([("class_name", .str(className)), ("config", .dict(config)),
                           ("keras_version", .str(KerasModules.kerasVersion)), ("backend", .str("tensorflow"))])))
    }

    /// Python's `json.dumps` with its default separators and `ensure_ascii`.
    static func json(_ value: Value) -> String {
        switch value {
        case .none: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int, .float: return value.repr
        case .str(let s): return JSONStringLiteral.quoted(s, ensureASCII: true)
        case .list(let l): return "[" + l.items.map(json).joined(separator: ", ") + "]"
        case .tuple(let t): return "[" + t.map(json).joined(separator: ", ") + "]"
        case .dict(let d): return "{" + d.entries.map { json($0.key) + ": " + json($0.value) }.joined(separator: ", ") + "}"
        default: return json(.str(value.repr))
        }
    }
}
