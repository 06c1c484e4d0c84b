import CellLanguage
import NeuralEngine

/// The part of the `tensorflow` module that is TensorFlow's own (the rest is `tf.keras`):
/// the dtypes, tensor constructors, the few operations public tutorials call on tensors, and
/// `tf.nn`, `tf.math` and `tf.random`. Every function takes what `tf.convert_to_tensor`
/// takes (see `TensorConversion`) and returns an `EagerTensor`.
///
///     x = tf.ones((3, 3))                       # float32
///     tf.nn.softmax(model(x)).numpy()
///     tf.reduce_mean(tf.cast(x > 0, tf.float32))
enum TensorFlowModule {
    /// The attributes of `tensorflow` itself, the submodules included.
    static func attributes(state: LibraryState) -> [(String, Value)] {
        var attributes: [(String, Value)] = TFDType.names.map { ($0.0, .host(TFDType($0.1))) }
        attributes += [
            ("newaxis", .none),
            ("nn", .module(Module("tensorflow.nn", TensorMath.nnFunctions()))),
            ("math", .module(Module("tensorflow.math", TensorMath.mathFunctions()))),
            ("random", .module(random(state: state))),
            ("data", .module(DatasetMethods.module(state: state))),
        ]
        let topLevel: Set = ["exp", "sqrt", "square", "abs", "tanh", "argmax", "argmin", "reduce_sum", "reduce_mean",
                             "reduce_max", "reduce_min", "matmul", "sigmoid"]
        attributes += TensorMath.mathFunctions().filter { topLevel.contains($0.0) }
        attributes += constructors()
        attributes += ShapeFunctions.attributes()
        attributes += TapeFunctions.attributes(state: state)
        attributes += TensorJoins.functions()
        return attributes
    }

    /// Registers `tensorflow.nn`, `tensorflow.math` and `tensorflow.random` as the parent's attributes.
    static func registerSubmodules(in registry: ModuleRegistry) {
        for name in ["nn", "math", "random", "data"] {
            registry.register("tensorflow." + name) { interpreter in
                guard case .module(let module)? = try interpreter.importModule("tensorflow")[name] else {
                    throw PyException(.importError, "No module named 'tensorflow.\(name)'")
                }
                return module
            }
        }
    }

    /// A function of `tensorflow` bound with Keras' argument rules.
    static func function(_ name: String, _ parameters: [HostParameter],
                         _ body: @escaping ([String: Value]) throws -> EagerTensor) -> (String, Value) {
        (name, .builtin(BuiltinFunction(name) { arguments, _ in
            let bound = try arguments.bind(name, parameters)
            var values: [String: Value] = [:]
            for parameter in parameters { values[parameter.name] = bound[parameter.name] }
            return .host(try body(values))
        }))
    }

    // MARK: Constructors

    private static func constructors() -> [(String, Value)] {
        [
            function("constant", ["value", .init("dtype", default: .none), .init("shape", default: .none),
                                  .init("name", default: .str("Const"))]) { a in
                let value = try TensorConversion.array(a["value"]!, dtype: try TensorConversion.dtype(a["dtype"]!))
                guard let shape = a["shape"], !shape.isNone else { return EagerTensor(value) }
                return EagerTensor(try fit(value, into: try TensorConversion.shape(shape, "shape"), from: a["value"]!))
            },
            function("convert_to_tensor", ["value", .init("dtype", default: .none), .init("dtype_hint", default: .none),
                                           .init("name", default: .none)]) { a in
                let requested = try TensorConversion.dtype(a["dtype"]!)
                if requested == nil, let hint = try TensorConversion.dtype(a["dtype_hint"]!),
                   let hinted = try? TensorConversion.tensor(a["value"]!, dtype: hint) {
                    return hinted
                }
                return try TensorConversion.tensor(a["value"]!, dtype: requested)
            },
            function("ones", ["shape", .init("dtype", default: .host(TFDType(.float32))), .init("name", default: .none)]) { a in
                try filled(1, a["shape"]!, a["dtype"]!)
            },
            function("zeros", ["shape", .init("dtype", default: .host(TFDType(.float32))), .init("name", default: .none)]) { a in
                try filled(0, a["shape"]!, a["dtype"]!)
            },
            function("ones_like", ["input", .init("dtype", default: .none), .init("name", default: .none)]) { a in
                let input = try TensorConversion.array(a["input"]!)
                let dtype = a["dtype"]!.isNone ? .host(TFDType(input.dtype)) : a["dtype"]!
                return try filled(1, .tuple(input.shape.map { .int($0) }), dtype)
            },
            function("zeros_like", ["input", .init("dtype", default: .none), .init("name", default: .none)]) { a in
                let input = try TensorConversion.array(a["input"]!)
                let dtype = a["dtype"]!.isNone ? .host(TFDType(input.dtype)) : a["dtype"]!
                return try filled(0, .tuple(input.shape.map { .int($0) }), dtype)
            },
            function("cast", ["x", "dtype", .init("name", default: .none)]) { a in
                guard let dtype = try TensorConversion.dtype(a["dtype"]!) else {
                    throw PyException(.typeError, "Cannot convert None to a TensorFlow DType.")
                }
                let (t, x) = try TensorGradients.input(a["x"]!)
                guard x.dtype.isFloat && dtype.isFloat else { return EagerTensor(x.astype(dtype)) }
                return TensorGradients.unary(t, x.astype(dtype)) { g in g.astype(x.dtype) }
            },
            function("reshape", ["tensor", "shape", .init("name", default: .none)]) { a in
                let (t, input) = try TensorGradients.input(a["tensor"]!)
                let y = try reshape(input, try TensorConversion.shape(a["shape"]!, "shape"))
                return TensorGradients.unary(t, y) { g in NDArray(shape: input.shape, storage: g.storage) }
            },
            ("TensorShape", .builtin(BuiltinFunction("TensorShape") { arguments, _ in
                let dims = try arguments.bind("TensorShape", ["dims"])["dims"]
                return .host(TensorShapeObject(try TensorConversion.shape(dims, "dims")))
            })),
        ]
    }

    /// `tf.ones`/`tf.zeros`: `value` everywhere, in `dtype`.
    private static func filled(_ value: Double, _ shape: Value, _ dtype: Value) throws -> EagerTensor {
        let dims = try TensorConversion.shape(shape, "shape")
        guard !dims.contains(-1) else { throw PyException(.valueError, "`shape` has a negative dimension: \(shape.repr)") }
        let type = try TensorConversion.dtype(dtype) ?? .float32
        let count = dims.reduce(1, *)
        try ArrayAllocation.check(dims, type)
        let storage = ArrayStorage.float64(Array(repeating: value, count: count)).converted(to: type)
        return EagerTensor(NDArray(shape: dims, storage: storage))
    }

    /// `tf.reshape`: the same elements in `dims` (one `-1` inferred).
    static func reshape(_ a: NDArray, _ dims: [Int]) throws -> NDArray {
        var dims = dims
        let known = dims.filter { $0 != -1 }.reduce(1, *)
        if let unknown = dims.firstIndex(of: -1) {
            guard dims.filter({ $0 == -1 }).count == 1, known > 0, a.size % known == 0 else {
                throw PyException(.valueError, "Input to reshape is a tensor with \(a.size) values, but the requested shape "
                                  + "requires a multiple of \(known) [Op:Reshape]")
            }
            dims[unknown] = a.size / known
        }
        guard dims.reduce(1, *) == a.size else {
            throw PyException(.valueError, "Input to reshape is a tensor with \(a.size) values, but the requested shape "
                              + "has \(dims.reduce(1, *)) [Op:Reshape]")
        }
        return NDArray(shape: dims, storage: a.storage)
    }

    /// `tf.constant(value, shape=...)`: a scalar fills the shape; otherwise the element counts must agree.
    private static func fit(_ value: NDArray, into dims: [Int], from original: Value) throws -> NDArray {
        if value.size == 1 {
            return NDArray(shape: dims, storage: ArrayStorage.joined(Array(repeating: value.storage, count: dims.reduce(1, *)),
                                                                     dtype: value.dtype))
        }
        guard value.size == dims.reduce(1, *) else {
            throw PyException(.typeError, "Eager execution of tf.constant with unsupported shape. Tensor "
                              + "\(ArrayPrinter.str(value)) (converted from \(original.repr)) has \(value.size) elements, "
                              + "but got `shape` \(TensorShapeObject.text(dims)) with \(dims.reduce(1, *)) elements).")
        }
        return NDArray(shape: dims, storage: value.storage)
    }

    // MARK: tf.random

    /// `tf.random`: `set_seed` restarts the session's generator; `normal` and `uniform` draw
    /// from it (a `seed=` argument is accepted; the draws still come from the one generator).
    private static func random(state: LibraryState) -> Module {
        let m = Module("tensorflow.random")
        m.define("set_seed") { arguments, _ in
            state.reseed(try Convert.int(try arguments.bind("set_seed", ["seed"])["seed"], "seed"))
            return .none
        }
        let normal = function("normal", ["shape", .init("mean", default: .float(0)), .init("stddev", default: .float(1)),
                                         .init("dtype", default: .host(TFDType(.float32))), .init("seed", default: .none),
                                         .init("name", default: .none)]) { a in
            let dims = try TensorConversion.shape(a["shape"]!, "shape")
            let type = try floatType(a["dtype"]!, "normal")
            let mean = try Convert.double(a["mean"]!, "mean"), stddev = try Convert.double(a["stddev"]!, "stddev")
            let count = dims.reduce(1, *)
            try ArrayAllocation.check(dims, type)
            var values = [Double](repeating: 0, count: count)
            for i in 0..<count { values[i] = mean + stddev * state.random.nextNormal() }
            return EagerTensor(NDArray(shape: dims, storage: ArrayStorage.float64(values).converted(to: type)))
        }
        let uniform = function("uniform", ["shape", .init("minval", default: .int(0)), .init("maxval", default: .none),
                                           .init("dtype", default: .host(TFDType(.float32))), .init("seed", default: .none),
                                           .init("name", default: .none)]) { a in
            try uniformDraws(a, state: state)
        }
        m[normal.0] = normal.1
        m[uniform.0] = uniform.1
        return m
    }

    private static func floatType(_ value: Value, _ function: String) throws -> DType {
        let type = try TensorConversion.dtype(value) ?? .float32
        guard type.isFloat else {
            throw PyException(.valueError, "Invalid dtype \(TFDType(type).repr) for tf.random.\(function); "
                              + "Labbook draws floats here")
        }
        return type
    }

    /// `tf.random.uniform`: floats in `[minval, maxval)` (maxval 1 by default), or integers in
    /// `[minval, maxval)` for an integer dtype (maxval required, as in TensorFlow).
    private static func uniformDraws(_ a: [String: Value], state: LibraryState) throws -> EagerTensor {
        let dims = try TensorConversion.shape(a["shape"]!, "shape")
        let type = try TensorConversion.dtype(a["dtype"]!) ?? .float32
        let count = dims.reduce(1, *)
        try ArrayAllocation.check(dims, type)
        if type.isInteger {
            guard let high = a["maxval"]!.asInt, case .int(let low) = a["minval"]! else {
                throw PyException(.valueError, "Must specify maxval for integer dtype \(TFDType(type).repr)")
            }
            guard high > low else { throw PyException(.valueError, "Need minval < maxval, got \(low) >= \(high)") }
            let values = (0..<count).map { _ in Int64(low + state.random.nextInt(below: high - low)) }
            return EagerTensor(NDArray(shape: dims, storage: ArrayStorage.int64(values).converted(to: type)))
        }
        guard type.isFloat else { throw PyException(.valueError, "Invalid dtype \(TFDType(type).repr) for tf.random.uniform") }
        let low = try Convert.double(a["minval"]!, "minval")
        let high = a["maxval"]!.isNone ? 1 : try Convert.double(a["maxval"]!, "maxval")
        let values = (0..<count).map { _ in state.random.uniform(low, high) }
        return EagerTensor(NDArray(shape: dims, storage: ArrayStorage.float64(values).converted(to: type)))
    }
}
