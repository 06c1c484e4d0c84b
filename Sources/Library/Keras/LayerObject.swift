import CellLanguage
import NeuralEngine

/// A Keras layer as cells see it (`Dense(32)`, `Dropout(0.2)`, ...): a Python object
/// around one engine layer. Its name is taken from the session's counters when it is
/// created, as Keras 2 does (`dense_1`, then `dense_2`, ...).
///
///     layer = Dense(32, activation='relu')
///     layer.name, layer.units   # ('dense_1', 32)
final class LayerObject: HostObject {
    let layer: any Layer
    let state: LibraryState

    init(_ layer: any Layer, state: LibraryState) {
        self.layer = layer
        self.state = state
    }

    var typeName: String { layer.className }
    var repr: String { "<keras.layers.\(Self.module(of: layer.className)).\(layer.className) object>" }

    /// Keras 2's module for a layer class (`keras.layers.core.Dense`).
    static func module(of className: String) -> String {
        switch className {
        case "Conv1D", "Conv2D", "Conv2DTranspose", "UpSampling1D", "UpSampling2D": "convolutional"
        case let name where name.contains("Pooling"): "pooling"
        case "BatchNormalization": "normalization"
        case "ReLU", "LeakyReLU", "Softmax": "advanced_activations"
        case "Rescaling": "preprocessing.image_preprocessing"
        default: "core"
        }
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "name": return .str(layer.name)
        case "trainable": return .bool(layer.trainable)
        case "built": return .bool(layer.isBuilt)
        case "input_shape":
            guard layer.isBuilt, let shape = inputShape else {
                throw PyException(.attributeError, "The layer has never been called and thus has no defined input shape.")
            }
            return Self.batchShape(shape)
        case "output_shape":
            guard layer.isBuilt else {
                throw PyException(.attributeError, "The layer has never been called and thus has no defined output shape.")
            }
            return Self.batchShape(layer.outputShape)
        case "weights", "variables", "trainable_weights", "trainable_variables", "non_trainable_weights",
             "non_trainable_variables":
            // TensorFlow variables that read the layer's current values.
            return VariableObject.attribute(name, of: [self]) ?? .list(PyList())
        case "get_weights":
            return method(name) { _ in .list(PyList(self.layer.weights.map(KerasArrays.array))) }
        case "set_weights":
            return .builtin(BuiltinFunction("set_weights") { arguments, _ in
                let weights = try arguments.bind("set_weights", ["weights"])["weights"]
                let tensors = try interpreterList(weights, "weights").map { try KerasArrays.tensor($0, "weights") }
                try pythonErrors { try self.layer.setWeights(tensors) }
                return .none
            })
        case "count_params":
            return method(name) { _ in
                guard self.layer.isBuilt else {
                    throw PyException(.valueError, "You tried to call `count_params` on \(self.layer.name), but the layer "
                        + "isn't built. You can build it manually via: `\(self.layer.name).build(batch_input_shape)`.")
                }
                return .int(self.layer.parameterCount)
            }
        case "get_config": return method(name) { _ in .dict(KerasConfig.layer(self)) }
        case "output", "input": return try symbolicAttribute(name)
        default: break
        }
        switch (name, layer) {
        case ("units", let dense as Dense): return .int(dense.units)
        case ("use_bias", let dense as Dense): return .bool(dense.useBias)
        case ("activation", let dense as Dense): return ActivationFunctions.function(dense.activation)
        case ("activation", let a as ActivationLayer): return ActivationFunctions.function(a.activation)
        case ("kernel", let dense as Dense) where dense.isBuilt: return .host(VariableObject.all(of: self)[0])
        case ("bias", let dense as Dense) where dense.isBuilt && dense.useBias: return .host(VariableObject.all(of: self)[1])
        case ("rate", let dropout as Dropout): return .float(Double("\(dropout.rate)") ?? Double(dropout.rate))
        default: break
        }
        // The settings of the convolutional layers read as their `get_config()` entries.
        if !(layer is Dense || layer is Dropout || layer is ActivationLayer), name != "batch_input_shape",
           let value = config[name] {
            return value
        }
        switch (name, layer) {
        case ("kernel", let conv as Convolution) where conv.isBuilt: return .host(VariableObject.all(of: self)[0])
        case ("bias", let conv as Convolution) where conv.isBuilt && conv.settings.useBias: return .host(VariableObject.all(of: self)[1])
        case ("activation", let conv as Convolution): return ActivationFunctions.function(conv.settings.activation)
        default: throw attributeError(name)
        }
    }

    /// `layer.trainable = False` freezes the layer from the next `compile` on, as in Keras 2
    /// (see the engine's `Trainability`); other attributes are read-only.
    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        guard name == "trainable" else {
            throw PyException(.attributeError, "Labbook cannot set the attribute '\(name)' of a \(layer.className) layer")
        }
        layer.trainable = try interpreter.truthy(value)
    }

    /// A float32 setting as Python shows it (`0.99`, not `0.9900000095367432`).
    private static func float(_ value: Float) -> Value { .float(Double("\(value)") ?? Double(value)) }
    private static func tuple(_ values: [Int]) -> Value { .tuple(values.map { .int($0) }) }

    /// The `get_config()` entries `Conv1D`, `Conv2D` and `Conv2DTranspose` share.
    private static func config(_ settings: ConvolutionSettings) -> [(String, Value)] {
        [("filters", .int(settings.filters)), ("kernel_size", tuple(settings.kernelSize)),
         ("strides", tuple(settings.strides)), ("padding", .str(settings.padding.rawValue)),
         ("activation", .str(settings.activation.kerasName)), ("use_bias", .bool(settings.useBias)),
         ("kernel_initializer", .str(settings.kernelInitializer.rawValue))]
    }

    private func method(_ name: String, _ body: @escaping (Arguments) throws -> Value) -> Value {
        .builtin(BuiltinFunction(name) { arguments, _ in
            try arguments.expectExactly(0, name)
            return try body(arguments)
        })
    }

    /// The per-sample input shape, once built (the declared one, or the previous layer's output).
    var inputShape: [Int]? { knownInputShape ?? layer.declaredInputShape }
    /// Set by the model when it builds the layer after another one.
    var knownInputShape: [Int]?
    /// How many times the layer was called on symbolic tensors (Keras' node count).
    var callCount = 0
    /// The model this layer object is, when a model (functional or `Sequential`) is an entry
    /// of a `Sequential`: its graph layer shares the model's layers, and a snapshot keeps the
    /// model by reference so that the sharing survives a restore.
    var standsFor: (any HostObject)?
    /// The output of the layer's first call on symbolic tensors (its node 0), for `layer.output`.
    var firstOutput: KerasTensorObject?
    /// The layer's weights as TensorFlow variables, by position, made when first asked for
    /// (so `layer.kernel is layer.weights[0]`, as in TensorFlow).
    var variables: [Int: VariableObject] = [:]

    /// `(None, 32)`.
    static func batchShape(_ shape: [Int]) -> Value { .tuple([.none] + shape.map { .int($0) }) }

    /// `get_config()`: the layer's constructor arguments, Keras' keys.
    var config: PyDict {
        var entries: [(String, Value)] = [("name", .str(layer.name)), ("trainable", .bool(layer.trainable))]
        if let shape = layer.declaredInputShape {
            entries.append(("batch_input_shape", Self.batchShape(shape)))
        }
        switch layer {
        case let dense as Dense:
            entries += [("units", .int(dense.units)), ("activation", .str(dense.activation.kerasName)),
                        ("use_bias", .bool(dense.useBias)), ("kernel_initializer", .str(dense.kernelInitializer.rawValue))]
        case let dropout as Dropout:
            entries.append(("rate", .float(Double("\(dropout.rate)") ?? Double(dropout.rate))))
        case let activation as ActivationLayer:
            entries.append(("activation", .str(activation.activation.kerasName)))
        case let conv as Convolution: entries += Self.config(conv.settings)
        case let conv as TransposedConvolution: entries += Self.config(conv.settings)
        case let pool as Pooling:
            entries += [("pool_size", Self.tuple(pool.poolSize)), ("strides", Self.tuple(pool.strides)),
                        ("padding", .str(pool.padding.rawValue))]
        case let bn as BatchNormalization:
            entries += [("axis", .int(-1)), ("momentum", Self.float(bn.momentum)), ("epsilon", Self.float(bn.epsilon)),
                        ("center", .bool(bn.center)), ("scale", .bool(bn.scale))]
        case let reshape as Reshape:
            entries.append(("target_shape", Self.tuple(reshape.targetShape)))
        case let up as UpSampling:
            entries.append(("size", up.size.count == 1 ? .int(up.size[0]) : Self.tuple(up.size)))
            if up.size.count == 2 { entries += [("data_format", .str("channels_last")), ("interpolation", .str("nearest"))] }
        case let rescaling as Rescaling:
            entries += [("scale", Self.float(rescaling.scale)), ("offset", Self.float(rescaling.offset))]
        case let function as ActivationFunctionLayer:
            switch function.function {
            case .softmax: entries.append(("axis", .int(-1)))
            case let .leakyReLU(alpha): entries.append(("alpha", Self.float(alpha)))
            case .relu: break
            }
        default: break
        }
        return PyDict(entries)
    }
}

/// A list or tuple's items, or a TypeError naming the argument.
func interpreterList(_ value: Value, _ what: String) throws -> [Value] {
    switch value {
    case .list(let l): return l.items
    case .tuple(let t): return t
    default: throw PyException(.typeError, "`\(what)` must be a list, got \(Convert.describe(value))")
    }
}

/// `keras.Input(shape=(784,))`: in a `Sequential` list it only fixes the input shape, as in
/// Keras. It takes a name (`input_1`) from the session's counters, as Keras does. It prints
/// and answers as every `SymbolicTensor` does.
final class InputObject: HostObject {
    let shape: [Int]
    let name: String

    init(shape: [Int], name: String) {
        self.shape = shape
        self.name = name
    }
}
