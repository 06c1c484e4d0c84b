import CellLanguage
import NeuralEngine

/// The `keras.layers` constructors: Keras' signatures, the common layer keywords
/// (`input_shape`, `input_dim`, `name`, ...), Keras' errors for bad values.
enum LayerConstructors {
    /// Keywords every layer accepts (Keras' `**kwargs` of `Layer.__init__`).
    static var common: [HostParameter] { [
        .init("input_shape", default: .none, keywordOnly: true),
        .init("input_dim", default: .none, keywordOnly: true),
        .init("batch_input_shape", default: .none, keywordOnly: true),
        .init("name", default: .none, keywordOnly: true),
        .init("trainable", default: .bool(true), keywordOnly: true),
        .init("dtype", default: .none, keywordOnly: true),
    ] }

    static func attributes(state: LibraryState) -> [(String, Value)] {
        let entries: [(String, Value)] = [
            ("Dense", constructor("Dense", [
                "units", .init("activation", default: .none), .init("use_bias", default: .bool(true)),
                .init("kernel_initializer", default: .str("glorot_uniform")),
                .init("bias_initializer", default: .str("zeros")),
                .init("kernel_regularizer", default: .none), .init("bias_regularizer", default: .none),
                .init("activity_regularizer", default: .none), .init("kernel_constraint", default: .none),
                .init("bias_constraint", default: .none),
            ], state: state) { a, shape, name in
                guard case .str("zeros") = a["bias_initializer"] else {
                    throw PyException(.valueError, "Dense(bias_initializer=...): Labbook supports only 'zeros'")
                }
                let regularizers = try RegularizerObject.weightRegularizers(a, "Dense")
                let units = try unitsValue(a["units"])
                let dense = try Dense(units: units, activation: try Identifiers.activation(a["activation"]),
                                      useBias: a["use_bias"].isTruthy,
                                      kernelInitializer: try Identifiers.initializer(a["kernel_initializer"]),
                                      inputShape: shape, name: try name("dense"))
                dense.regularizers = regularizers
                return dense
            }),
            ("Dropout", constructor("Dropout", ["rate", .init("noise_shape", default: .none), .init("seed", default: .none)],
                                    state: state) { a, shape, name in
                guard a["noise_shape"].isNone else {
                    throw PyException(.valueError, "Dropout(noise_shape=...) is not supported by Labbook's engine")
                }
                let rate = try Convert.double(a["rate"], "rate")
                return try Dropout(rate: Float(rate), inputShape: shape, name: try name("dropout"))
            }),
            ("Flatten", constructor("Flatten", [.init("data_format", default: .none)], state: state) { _, shape, name in
                Flatten(inputShape: shape, name: try name("flatten"))
            }),
            ("Activation", constructor("Activation", ["activation"], state: state) { a, shape, name in
                ActivationLayer(try Identifiers.activation(a["activation"]), inputShape: shape, name: try name("activation"))
            }),
            ("Input", input(state: state)),
            ("InputLayer", input(state: state, named: "InputLayer")),
        ] + SpatialLayerConstructors.attributes(state: state) + [TransposedConvolutionConstructor.attribute(state: state)]
            + MergeObject.attributes(state: state)
        return entries + LegacyArguments.aliases.compactMap { alias, name in
            entries.first { $0.0 == name }.map { (alias, $0.1) }
        }
    }

    /// `units` as Keras takes it: an integer (or an integral float); the engine checks that
    /// it is positive.
    private static func unitsValue(_ value: Value) throws -> Int {
        if case .float(let d) = value, d == d.rounded(), abs(d) < 1e15 { return Int(d) }
        if case .str = value {} else if let units = value.asInt { return units }
        throw PyException(.typeError, "Received an invalid value for `units`, expected a positive integer. Received: units=\(value.repr)")
    }

    /// A layer constructor: binds `parameters` and the common keywords, resolves the input
    /// shape and the name (taking the next counter value only when no `name=` is given).
    static func constructor(
        _ className: String, _ parameters: [HostParameter], state: LibraryState,
        _ make: @escaping (BoundArguments, [Int]?, (String) throws -> String) throws -> any Layer
    ) -> Value {
        .builtin(BuiltinFunction(className) { arguments, interpreter in
            let a = try LegacyArguments.translate(className, arguments, interpreter).bind(className, parameters + common)
            if !a["dtype"].isNone, a["dtype"].str != "float32" {
                throw PyException(.valueError, "\(className)(dtype=\(a["dtype"].repr)): Labbook's engine computes in float32 only")
            }
            let shape = try inputShape(a)
            let layer = try pythonErrors {
                try make(a, shape) { prefix in
                    if a["name"].isNone { return state.layerNames.next(prefix) }
                    return try Convert.string(a["name"], "name")
                }
            }
            layer.trainable = a["trainable"].isTruthy
            return .host(LayerObject(layer, state: state))
        })
    }

    /// `input_shape=(784,)`, `input_dim=784` or `batch_input_shape=(None, 784)`.
    private static func inputShape(_ a: BoundArguments) throws -> [Int]? {
        if !a["input_shape"].isNone { return try Convert.shape(a["input_shape"], "input_shape") }
        if !a["input_dim"].isNone { return [try Convert.int(a["input_dim"], "input_dim")] }
        let batch = a["batch_input_shape"]
        if !batch.isNone {
            let items = try interpreterList(batch, "batch_input_shape")
            return try Convert.shape(.tuple(Array(items.dropFirst())), "batch_input_shape")
        }
        return nil
    }

    /// `keras.Input(shape=(784,), name=None)`.
    private static func input(state: LibraryState, named function: String = "Input") -> Value {
        .builtin(BuiltinFunction(function) { arguments, _ in
            let a = try arguments.bind(function, [
                .init("shape", default: .none), .init("batch_size", default: .none), .init("name", default: .none),
                .init("dtype", default: .none), .init("input_shape", default: .none, keywordOnly: true),
            ])
            let given = a["shape"].isNone ? a["input_shape"] : a["shape"]
            guard !given.isNone else {
                throw PyException(.valueError, "Please provide to Input either a `shape` or a `tensor` argument. Note that `shape` does not include the batch dimension.")
            }
            let shape = try Convert.shape(given, "shape")
            let name = a["name"].isNone ? state.layerNames.next("input") : try Convert.string(a["name"], "name")
            return .host(InputObject(shape: shape, name: name))
        })
    }
}
