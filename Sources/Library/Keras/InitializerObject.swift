import CellLanguage
import NeuralEngine

/// A weight initializer as an object: `keras.initializers.RandomNormal(stddev=0.01)`,
/// `tf.random_normal_initializer()`, or the one a name gives (`'glorot_uniform'`). Called with
/// a shape (and optionally a dtype) it returns a `tf.Tensor` of initial values drawn from the
/// session's one generator; `Layer.add_weight(initializer=...)` takes any of the three forms.
///
///     w_init = tf.random_normal_initializer()
///     w = tf.Variable(initial_value=w_init(shape=(2, 4), dtype="float32"))
final class InitializerObject: HostObject {
    /// What the values are drawn from, with Keras 2's parameters.
    enum Kind {
        case normal(mean: Double, stddev: Double)
        case truncatedNormal(mean: Double, stddev: Double)
        case uniform(minval: Double, maxval: Double)
        case constant(Double)
        /// A fan-scaled initializer of the engine's (Glorot, He).
        case scaled(Initializer)
    }

    let kind: Kind
    let className: String
    let state: LibraryState

    init(_ kind: Kind, className: String, state: LibraryState) {
        self.kind = kind
        self.className = className
        self.state = state
    }

    var typeName: String { className }
    var repr: String { "<keras.initializers.\(className) object>" }
    var isCallable: Bool { true }

    /// `initializer(shape, dtype=None)`.
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let a = try arguments.bind(className, ["shape", .init("dtype", default: .none)], extraKeywords: true)
        let dims = try TensorConversion.shape(a["shape"], "shape")
        let type = try TensorConversion.dtype(a["dtype"]) ?? .float32
        guard type.isFloat else {
            throw PyException(.valueError, "Expected floating point type, got \(TFDType(type).repr).")
        }
        try ArrayAllocation.check(dims, type)
        let values = draw(dims)
        return .host(EagerTensor(NDArray(shape: dims, storage: ArrayStorage.float64(values).converted(to: type))))
    }

    /// The initial values for a weight of shape `dims`, in row-major order.
    func draw(_ dims: [Int]) -> [Double] {
        let count = dims.reduce(1, *)
        switch kind {
        case .constant(let value): return [Double](repeating: value, count: count)
        case .normal(let mean, let stddev): return (0..<count).map { _ in mean + stddev * state.random.nextNormal() }
        case .truncatedNormal(let mean, let stddev):
            return (0..<count).map { _ in
                var x = state.random.nextNormal()
                while abs(x) > 2 { x = state.random.nextNormal() }
                return mean + stddev * x
            }
        case .uniform(let low, let high): return (0..<count).map { _ in state.random.uniform(low, high) }
        case .scaled(let initializer):
            let (fanIn, fanOut) = Self.fans(dims)
            return initializer.values(count: count, fanIn: fanIn, fanOut: fanOut, rng: &state.random).map(Double.init)
        }
    }

    /// Keras' `_compute_fans`: a kernel's last two axes are its input and output units, the
    /// axes before them its receptive field.
    static func fans(_ dims: [Int]) -> (Int, Int) {
        switch dims.count {
        case 0: return (1, 1)
        case 1: return (dims[0], dims[0])
        case 2: return (dims[0], dims[1])
        default:
            let field = dims.dropLast(2).reduce(1, *)
            return (dims[dims.count - 2] * field, dims[dims.count - 1] * field)
        }
    }

    // MARK: Making them

    /// The initializer `value` names for `add_weight(initializer=...)`: an object, a Keras
    /// name, or None (Keras' default for a float weight, Glorot uniform).
    static func resolve(_ value: Value, state: LibraryState) throws -> InitializerObject {
        switch value {
        case .none: return InitializerObject(.scaled(.glorotUniform), className: "GlorotUniform", state: state)
        case .host(let object as InitializerObject): return object
        case .str(let name):
            guard let made = named(name, state: state) else {
                throw PyException(.valueError, "Unknown initializer: '\(name)'. Please ensure you are using a "
                                  + "`keras.utils.custom_object_scope` and that this object is included in the scope.")
            }
            return made
        default:
            throw PyException(.typeError, "Could not interpret initializer identifier: \(value.repr)")
        }
    }

    private static func named(_ name: String, state: LibraryState) -> InitializerObject? {
        let key = table[name] != nil ? name : snakeCaseClassNames[name]
        guard let key, let (kind, className) = table[key] else { return nil }
        return InitializerObject(kind, className: className, state: state)
    }

    /// Keras' initializer names, with what each draws from and its class.
    private static let table: [String: (Kind, String)] = [
        "zeros": (.constant(0), "Zeros"), "ones": (.constant(1), "Ones"),
        "random_normal": (.normal(mean: 0, stddev: 0.05), "RandomNormal"),
        "random_uniform": (.uniform(minval: -0.05, maxval: 0.05), "RandomUniform"),
        "truncated_normal": (.truncatedNormal(mean: 0, stddev: 0.05), "TruncatedNormal"),
        "glorot_uniform": (.scaled(.glorotUniform), "GlorotUniform"), "glorot_normal": (.scaled(.glorotNormal), "GlorotNormal"),
        "he_uniform": (.scaled(.heUniform), "HeUniform"), "he_normal": (.scaled(.heNormal), "HeNormal"),
    ]

    /// Keras also accepts the class names as strings (`'GlorotUniform'`).
    private static let snakeCaseClassNames = [
        "Zeros": "zeros", "Ones": "ones", "RandomNormal": "random_normal", "RandomUniform": "random_uniform",
        "TruncatedNormal": "truncated_normal", "GlorotUniform": "glorot_uniform", "GlorotNormal": "glorot_normal",
        "HeUniform": "he_uniform", "HeNormal": "he_normal",
    ]

    /// `keras.initializers`: the classes with Keras 2's defaults and their snake-case aliases.
    static func kerasAttributes(state: LibraryState) -> [(String, Value)] {
        func make(_ className: String, _ parameters: [HostParameter], _ kind: @escaping (BoundArguments) throws -> Kind) -> Value {
            .builtin(BuiltinFunction(className) { arguments, _ in
                let a = try arguments.bind(className, parameters + [.init("seed", default: .none)])
                return .host(InitializerObject(try kind(a), className: className, state: state))
            })
        }
        let normal = make("RandomNormal", [.init("mean", default: .float(0)), .init("stddev", default: .float(0.05))]) {
            .normal(mean: try Convert.double($0["mean"], "mean"), stddev: try Convert.double($0["stddev"], "stddev"))
        }
        let truncated = make("TruncatedNormal", [.init("mean", default: .float(0)), .init("stddev", default: .float(0.05))]) {
            .truncatedNormal(mean: try Convert.double($0["mean"], "mean"), stddev: try Convert.double($0["stddev"], "stddev"))
        }
        let uniform = make("RandomUniform", [.init("minval", default: .float(-0.05)), .init("maxval", default: .float(0.05))]) {
            .uniform(minval: try Convert.double($0["minval"], "minval"), maxval: try Convert.double($0["maxval"], "maxval"))
        }
        let constant = make("Constant", [.init("value", default: .int(0))]) { .constant(try Convert.double($0["value"], "value")) }
        var attributes: [(String, Value)] = [
            ("RandomNormal", normal), ("random_normal", normal), ("TruncatedNormal", truncated), ("truncated_normal", truncated),
            ("RandomUniform", uniform), ("random_uniform", uniform), ("Constant", constant), ("constant", constant),
        ]
        for (className, name) in snakeCaseClassNames.sorted(by: { $0.key < $1.key })
        where !["RandomNormal", "RandomUniform", "TruncatedNormal"].contains(className) {
            let fixed = make(className, []) { _ in named(name, state: state)!.kind }
            attributes += [(className, fixed), (name, fixed)]
        }
        attributes.append(("get", .builtin(BuiltinFunction("get") { arguments, _ in
            .host(try resolve(try arguments.bind("get", ["identifier"])["identifier"], state: state))
        })))
        return attributes
    }

    /// TensorFlow 2's `tf.random_normal_initializer(mean=0.0, stddev=0.05)`,
    /// `tf.random_uniform_initializer(minval=-0.05, maxval=0.05)`, `tf.zeros_initializer()`,
    /// `tf.ones_initializer()` and `tf.constant_initializer(value=0)`.
    static func tensorflowAttributes(state: LibraryState) -> [(String, Value)] {
        let keras = Dictionary(kerasAttributes(state: state), uniquingKeysWith: { first, _ in first })
        return [("random_normal_initializer", "RandomNormal"), ("random_uniform_initializer", "RandomUniform"),
                ("truncated_normal_initializer", "TruncatedNormal"), ("zeros_initializer", "Zeros"),
                ("ones_initializer", "Ones"), ("constant_initializer", "Constant")].compactMap { name, className in
            keras[className].map { (name, $0) }
        }
    }
}
