import CellLanguage
import NeuralEngine

/// The `keras.layers` constructors of convolutional networks: convolutions, pooling,
/// BatchNormalization, Reshape, Rescaling and the activation layers, with Keras 2's
/// signatures and name prefixes (`conv2d_1`, `max_pooling2d_1`, `re_lu_1`). Arguments the
/// engine does not implement (dilation, groups, regularizers, `channels_first`) are refused
/// with a `ValueError` naming them.
enum SpatialLayerConstructors {
    static func attributes(state: LibraryState) -> [(String, Value)] {
        var entries: [(String, Value)] = []
        for rank in [1, 2] {
            entries.append(("Conv\(rank)D", convolution(rank: rank, state: state)))
            entries.append(("UpSampling\(rank)D", upSampling(rank: rank, state: state)))
            for kind in [Pooling.Kind.max, .average] {
                let className = (kind == .max ? "MaxPooling" : "AveragePooling") + "\(rank)D"
                let make = pooling(kind, rank: rank, className: className, state: state)
                entries.append((className, make))
                entries.append(((kind == .max ? "MaxPool" : "AvgPool") + "\(rank)D", make))
                let global = (kind == .max ? "GlobalMaxPooling" : "GlobalAveragePooling") + "\(rank)D"
                entries.append((global, globalPooling(kind, rank: rank, className: global, state: state)))
                entries.append(((kind == .max ? "GlobalMaxPool" : "GlobalAvgPool") + "\(rank)D",
                                globalPooling(kind, rank: rank, className: global, state: state)))
            }
        }
        entries += [
            ("BatchNormalization", batchNormalization(state: state)),
            ("Reshape", LayerConstructors.constructor("Reshape", ["target_shape"], state: state) { a, shape, name in
                let target = try integers(a["target_shape"], "target_shape", allowUnknown: true)
                return try Reshape(targetShape: target, inputShape: shape, name: try name("reshape"))
            }),
            ("Rescaling", LayerConstructors.constructor("Rescaling", ["scale", .init("offset", default: .float(0))],
                                                        state: state) { a, shape, name in
                Rescaling(scale: Float(try Convert.double(a["scale"], "scale")),
                          offset: Float(try Convert.double(a["offset"], "offset")), inputShape: shape, name: try name("rescaling"))
            }),
            ("Softmax", LayerConstructors.constructor("Softmax", [.init("axis", default: .int(-1))], state: state) { a, shape, name in
                guard try Convert.int(a["axis"], "axis") == -1 else {
                    throw PyException(.valueError, "Softmax(axis=\(a["axis"].repr)): Labbook supports only axis=-1")
                }
                return ActivationFunctionLayer(.softmax, inputShape: shape, name: try name("softmax"))
            }),
            ("ReLU", LayerConstructors.constructor("ReLU", [
                .init("max_value", default: .none), .init("negative_slope", default: .float(0)),
                .init("threshold", default: .float(0)),
            ], state: state) { a, shape, name in
                guard a["max_value"].isNone, try Convert.double(a["negative_slope"], "negative_slope") == 0,
                      try Convert.double(a["threshold"], "threshold") == 0 else {
                    throw PyException(.valueError, "ReLU(max_value=, negative_slope=, threshold=) are not supported by Labbook's engine; "
                                      + "use ReLU() or LeakyReLU(alpha)")
                }
                return ActivationFunctionLayer(.relu, inputShape: shape, name: try name("re_lu"))
            }),
            ("LeakyReLU", LayerConstructors.constructor("LeakyReLU", [.init("alpha", default: .float(0.3))], state: state) { a, shape, name in
                ActivationFunctionLayer(.leakyReLU(alpha: Float(try Convert.double(a["alpha"], "alpha"))),
                                        inputShape: shape, name: try name("leaky_re_lu"))
            }),
        ]
        return entries
    }

    /// `Conv2D(filters, kernel_size, strides=(1, 1), padding='valid', data_format=None,
    /// dilation_rate=(1, 1), groups=1, activation=None, use_bias=True, kernel_initializer='glorot_uniform', ...)`.
    private static func convolution(rank: Int, state: LibraryState) -> Value {
        let one: Value = rank == 1 ? .int(1) : .tuple([.int(1), .int(1)])
        return LayerConstructors.constructor("Conv\(rank)D", [
            "filters", "kernel_size", .init("strides", default: one), .init("padding", default: .str("valid")),
            .init("data_format", default: .none), .init("dilation_rate", default: one), .init("groups", default: .int(1)),
            .init("activation", default: .none), .init("use_bias", default: .bool(true)),
            .init("kernel_initializer", default: .str("glorot_uniform")), .init("bias_initializer", default: .str("zeros")),
            .init("kernel_regularizer", default: .none), .init("bias_regularizer", default: .none),
            .init("activity_regularizer", default: .none), .init("kernel_constraint", default: .none),
            .init("bias_constraint", default: .none),
        ], state: state) { a, shape, name in
            let className = "Conv\(rank)D"
            try channelsLast(a["data_format"], className)
            guard try integers(a["dilation_rate"], "dilation_rate", rank: rank).allSatisfy({ $0 == 1 }),
                  try Convert.int(a["groups"], "groups") == 1 else {
                throw PyException(.valueError, "\(className)(dilation_rate=, groups=) other than 1 are not supported by Labbook's engine")
            }
            guard case .str("zeros") = a["bias_initializer"] else {
                throw PyException(.valueError, "\(className)(bias_initializer=...): Labbook supports only 'zeros'")
            }
            let regularizers = try RegularizerObject.weightRegularizers(a, className)
            guard let filters = a["filters"].asInt else {
                throw PyException(.typeError, "`filters` must be an integer, got \(Convert.describe(a["filters"]))")
            }
            let layer = try Convolution(
                rank: rank, filters: filters, kernelSize: try integers(a["kernel_size"], "kernel_size", rank: rank),
                strides: try integers(a["strides"], "strides", rank: rank), padding: try padding(a["padding"]),
                activation: try Identifiers.activation(a["activation"]), useBias: a["use_bias"].isTruthy,
                kernelInitializer: try Identifiers.initializer(a["kernel_initializer"]),
                inputShape: shape, name: try name("conv\(rank)d"))
            layer.regularizers = regularizers
            return layer
        }
    }

    /// `MaxPooling2D(pool_size=(2, 2), strides=None, padding='valid', data_format=None)`.
    private static func pooling(_ kind: Pooling.Kind, rank: Int, className: String, state: LibraryState) -> Value {
        let two: Value = rank == 1 ? .int(2) : .tuple([.int(2), .int(2)])
        return LayerConstructors.constructor(className, [
            .init("pool_size", default: two), .init("strides", default: .none), .init("padding", default: .str("valid")),
            .init("data_format", default: .none),
        ], state: state) { a, shape, name in
            try channelsLast(a["data_format"], className)
            let strides = a["strides"].isNone ? nil : try integers(a["strides"], "strides", rank: rank)
            return try Pooling(kind, rank: rank, poolSize: try integers(a["pool_size"], "pool_size", rank: rank),
                               strides: strides, padding: try padding(a["padding"]), inputShape: shape,
                               name: try name((kind == .max ? "max_pooling" : "average_pooling") + "\(rank)d"))
        }
    }

    /// `UpSampling2D(size=(2, 2), data_format=None, interpolation='nearest')`, `UpSampling1D(size=2)`.
    private static func upSampling(rank: Int, state: LibraryState) -> Value {
        let className = "UpSampling\(rank)D"
        var parameters: [HostParameter] = [.init("size", default: rank == 1 ? .int(2) : .tuple([.int(2), .int(2)]))]
        if rank == 2 { parameters += [.init("data_format", default: .none), .init("interpolation", default: .str("nearest"))] }
        return LayerConstructors.constructor(className, parameters, state: state) { a, shape, name in
            if rank == 2 {
                try channelsLast(a["data_format"], className)
                guard a["interpolation"].str == "nearest" else {
                    throw PyException(.valueError, "\(className)(interpolation=\(a["interpolation"].repr)): Labbook's engine "
                                      + "repeats the nearest value only (interpolation='nearest')")
                }
            }
            return try UpSampling(size: try integers(a["size"], "size", rank: rank), inputShape: shape,
                                  name: try name("up_sampling\(rank)d"))
        }
    }

    /// `GlobalAveragePooling2D(data_format=None, keepdims=False)`.
    private static func globalPooling(_ kind: Pooling.Kind, rank: Int, className: String, state: LibraryState) -> Value {
        LayerConstructors.constructor(className, [.init("data_format", default: .none), .init("keepdims", default: .bool(false))],
                                      state: state) { a, shape, name in
            try channelsLast(a["data_format"], className)
            guard !a["keepdims"].isTruthy else {
                throw PyException(.valueError, "\(className)(keepdims=True) is not supported by Labbook's engine")
            }
            return GlobalPooling(kind, rank: rank, inputShape: shape,
                                 name: try name((kind == .max ? "global_max_pooling" : "global_average_pooling") + "\(rank)d"))
        }
    }

    /// `BatchNormalization(axis=-1, momentum=0.99, epsilon=0.001, center=True, scale=True, ...)`.
    private static func batchNormalization(state: LibraryState) -> Value {
        LayerConstructors.constructor("BatchNormalization", [
            .init("axis", default: .int(-1)), .init("momentum", default: .float(0.99)), .init("epsilon", default: .float(0.001)),
            .init("center", default: .bool(true)), .init("scale", default: .bool(true)),
            .init("beta_initializer", default: .str("zeros")), .init("gamma_initializer", default: .str("ones")),
            .init("moving_mean_initializer", default: .str("zeros")), .init("moving_variance_initializer", default: .str("ones")),
            .init("beta_regularizer", default: .none), .init("gamma_regularizer", default: .none),
            .init("beta_constraint", default: .none), .init("gamma_constraint", default: .none),
        ], state: state) { a, shape, name in
            guard try Convert.int(a["axis"], "axis") == -1 else {
                throw PyException(.valueError, "BatchNormalization(axis=\(a["axis"].repr)): Labbook normalises the last axis only (axis=-1)")
            }
            for (key, expected) in [("beta_initializer", "zeros"), ("gamma_initializer", "ones"),
                                    ("moving_mean_initializer", "zeros"), ("moving_variance_initializer", "ones")]
            where a[key].str != expected {
                throw PyException(.valueError, "BatchNormalization(\(key)=...): Labbook supports only '\(expected)'")
            }
            for key in ["beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint"] where !a[key].isNone {
                throw PyException(.valueError, "BatchNormalization(\(key)=...) is not supported by Labbook's engine")
            }
            return BatchNormalization(
                momentum: Float(try Convert.double(a["momentum"], "momentum")),
                epsilon: Float(try Convert.double(a["epsilon"], "epsilon")),
                center: a["center"].isTruthy, scale: a["scale"].isTruthy, inputShape: shape, name: try name("batch_normalization"))
        }
    }

    /// `kernel_size=3` or `(3, 3)`: `rank` positive integers (an integer stands for all of them).
    static func integers(_ value: Value, _ what: String, rank: Int? = nil, allowUnknown: Bool = false) throws -> [Int] {
        let items: [Value]
        switch value {
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default:
            guard let rank, value.asInt != nil else {
                throw PyException(.typeError, "The `\(what)` argument must be a tuple of integers. Received: \(what)=\(value.repr)")
            }
            items = Array(repeating: value, count: rank)
        }
        let values = try items.map { try Convert.int($0, what) }
        guard rank == nil || values.count == rank,
              values.allSatisfy({ $0 > 0 || (allowUnknown && $0 == -1) }) else {
            throw PyException(.valueError, "The `\(what)` argument must be a tuple of \(rank.map(String.init) ?? "") positive integers. "
                              + "Received: \(what)=\(value.repr)")
        }
        return values
    }

    static func padding(_ value: Value) throws -> Padding {
        guard case .str(let text) = value, let padding = Padding(rawValue: text.lowercased()) else {
            throw PyException(.valueError, "The `padding` argument must be one of \"valid\", \"same\". Received: \(value.repr)")
        }
        return padding
    }

    static func channelsLast(_ value: Value, _ className: String) throws {
        guard value.isNone || value.str == "channels_last" else {
            throw PyException(.valueError, "\(className)(data_format=\(value.repr)): Labbook's engine works channels-last only")
        }
    }
}
