import CellLanguage
import NeuralEngine

/// `keras.optimizers.SGD(...)` and friends: a Python object around one engine optimizer,
/// which `compile` uses as is (its state carries over between fits, as in Keras).
///
///     opt = keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)
///     opt.learning_rate   # 0.1
final class OptimizerObject: HostObject {
    let optimizer: any Optimizer

    init(_ optimizer: any Optimizer) { self.optimizer = optimizer }

    var typeName: String { optimizer.config.className }
    var repr: String { "<keras.optimizers.\(typeName) object>" }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        let f = Self.pythonFloat
        switch (name, optimizer.config) {
        case ("learning_rate", let c), ("lr", let c): return f(c.learningRate)
        case ("momentum", .sgd(_, let momentum, _)): return f(momentum)
        case ("nesterov", .sgd(_, _, let nesterov)): return .bool(nesterov)
        case ("beta_1", .adam(_, let b1, _, _)): return f(b1)
        case ("beta_2", .adam(_, _, let b2, _)): return f(b2)
        case ("epsilon", .adam(_, _, _, let e)), ("epsilon", .rmsprop(_, _, let e)), ("epsilon", .adagrad(_, _, let e)):
            return f(e)
        case ("rho", .rmsprop(_, let rho, _)): return f(rho)
        case ("iterations", _): return .int(optimizer.state.iterations)
        case ("get_config", let c):
            return .builtin(BuiltinFunction("get_config") { _, _ in .dict(Self.configDict(c)) })
        default: throw attributeError(name)
        }
    }

    /// A float32 hyperparameter as the Python float it was given as (`0.01`, not
    /// `0.009999999776482582`): the shortest decimal that round-trips the float32.
    static func pythonFloat(_ x: Float) -> Value { .float(Double("\(x)") ?? Double(x)) }

    static func configDict(_ config: OptimizerConfig) -> PyDict {
        let f = pythonFloat
        switch config {
        case let .sgd(lr, momentum, nesterov):
            return PyDict([("name", .str("SGD")), ("learning_rate", f(lr)), ("momentum", f(momentum)), ("nesterov", .bool(nesterov))])
        case let .adam(lr, b1, b2, e):
            return PyDict([("name", .str("Adam")), ("learning_rate", f(lr)), ("beta_1", f(b1)), ("beta_2", f(b2)), ("epsilon", f(e))])
        case let .rmsprop(lr, rho, e):
            return PyDict([("name", .str("RMSprop")), ("learning_rate", f(lr)), ("rho", f(rho)), ("epsilon", f(e))])
        case let .adagrad(lr, initial, e):
            return PyDict([("name", .str("Adagrad")), ("learning_rate", f(lr)), ("initial_accumulator_value", f(initial)),
                           ("epsilon", f(e))])
        }
    }

    // MARK: Constructors

    /// The `keras.optimizers` classes, as module attributes.
    static func constructors() -> [(String, Value)] {
        [
            ("SGD", make("SGD", [.init("learning_rate", default: .float(0.01)), .init("momentum", default: .float(0)),
                                 .init("nesterov", default: .bool(false))]) { a in
                SGD(learningRate: try rate(a, 0.01), momentum: Float(try Convert.double(a["momentum"], "momentum")),
                    nesterov: a["nesterov"].isTruthy)
            }),
            ("Adam", make("Adam", [.init("learning_rate", default: .float(0.001)), .init("beta_1", default: .float(0.9)),
                                   .init("beta_2", default: .float(0.999)), .init("epsilon", default: .float(1e-7))]) { a in
                Adam(learningRate: try rate(a, 0.001), beta1: try float(a, "beta_1"), beta2: try float(a, "beta_2"),
                     epsilon: try float(a, "epsilon", or: 1e-7))
            }),
            ("RMSprop", make("RMSprop", [.init("learning_rate", default: .float(0.001)), .init("rho", default: .float(0.9)),
                                         .init("epsilon", default: .float(1e-7))]) { a in
                RMSprop(learningRate: try rate(a, 0.001), rho: try float(a, "rho"), epsilon: try float(a, "epsilon", or: 1e-7))
            }),
            ("Adagrad", make("Adagrad", [.init("learning_rate", default: .float(0.001)),
                                         .init("initial_accumulator_value", default: .float(0.1)),
                                         .init("epsilon", default: .float(1e-7))]) { a in
                Adagrad(learningRate: try rate(a, 0.001), initialAccumulatorValue: try float(a, "initial_accumulator_value"),
                        epsilon: try float(a, "epsilon", or: 1e-7))
            }),
        ]
    }

    /// A constructor that binds `parameters` plus Keras' common extras: `lr` (Keras 2's
    /// name for `learning_rate`), `name`, and `decay`/`clipnorm`/`clipvalue` (accepted only
    /// at their no-op values, since the engine does not implement them).
    private static func make(_ name: String, _ parameters: [HostParameter],
                             _ build: @escaping (BoundArguments) throws -> any Optimizer) -> Value {
        let extras: [HostParameter] = [
            .init("lr", default: .none, keywordOnly: true), .init("name", default: .none, keywordOnly: true),
            .init("decay", default: .float(0), keywordOnly: true), .init("clipnorm", default: .none, keywordOnly: true),
            .init("clipvalue", default: .none, keywordOnly: true), .init("amsgrad", default: .bool(false), keywordOnly: true),
        ]
        return .builtin(BuiltinFunction(name) { arguments, _ in
            var bound = try arguments.bind(name, parameters + extras)
            if !bound["lr"].isNone {
                if arguments.keyword("learning_rate") != nil || arguments.positional.count > 0 {
                    throw PyException(.typeError, "\(name)() got both `lr` and `learning_rate`; use only `learning_rate`")
                }
                bound.values[0] = bound["lr"]
            }
            for unsupported in ["clipnorm", "clipvalue"] where !bound[unsupported].isNone {
                throw PyException(.valueError, "\(name)(\(unsupported)=...) is not supported by Labbook's engine")
            }
            if try Convert.double(bound["decay"], "decay") != 0 {
                throw PyException(.valueError, "\(name)(decay=...) is not supported by Labbook's engine; leave it at 0")
            }
            if bound["amsgrad"].isTruthy {
                throw PyException(.valueError, "\(name)(amsgrad=True) is not supported by Labbook's engine")
            }
            return .host(OptimizerObject(try build(bound)))
        })
    }

    private static func rate(_ a: BoundArguments, _ fallback: Float) throws -> Float {
        let lr = try Convert.double(a["learning_rate"], "learning_rate")
        guard lr >= 0 else { throw PyException(.valueError, "Expected `learning_rate` to be non-negative, got \(lr)") }
        return Float(lr)
    }

    private static func float(_ a: BoundArguments, _ name: String, or fallback: Float? = nil) throws -> Float {
        if let fallback, a[name].isNone { return fallback }
        return Float(try Convert.double(a[name], name))
    }
}

extension OptimizerConfig {
    var learningRate: Float {
        switch self {
        case let .sgd(lr, _, _), let .adam(lr, _, _, _), let .rmsprop(lr, _, _), let .adagrad(lr, _, _): lr
        }
    }
}
