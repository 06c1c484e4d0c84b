import CellLanguage
import NeuralEngine

/// `keras.optimizers.SGD(...)` and friends: a Python object around one engine optimizer,
/// which `compile` uses as is (its state carries over between fits, as in Keras).
///
///     opt = keras.optimizers.SGD(learning_rate=0.1, momentum=0.9)
///     opt.learning_rate   # 0.1
final class OptimizerObject: KerasModuleInstance {
    static let kerasModule = "keras.optimizers"
    let optimizer: any Optimizer

    init(_ optimizer: any Optimizer) { self.optimizer = optimizer }

    var className: String { optimizer.config.className }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        let f = Self.pythonFloat
        let options = optimizer.options
        switch (name, optimizer.config.base) {
        case ("lr", _) where options.schedule == nil: return .host(LearningRateVariable(self))
        case ("learning_rate", let c), ("lr", let c):
            if let schedule = options.schedule, case .timeDecay = schedule { return f(c.learningRate) }
            return options.schedule.map { .host(ScheduleObject($0)) } ?? f(c.learningRate)
        case ("momentum", .sgd(_, let momentum, _)): return f(momentum)
        case ("nesterov", .sgd(_, _, let nesterov)): return .bool(nesterov)
        case ("beta_1", .adam(_, let b1, _, _)), ("beta_1", .amsgrad(_, let b1, _, _)), ("beta_1", .nadam(_, let b1, _, _)),
             ("beta_1", .adamW(_, _, let b1, _, _)):
            return f(b1)
        case ("beta_2", .adam(_, _, let b2, _)), ("beta_2", .amsgrad(_, _, let b2, _)), ("beta_2", .nadam(_, _, let b2, _)),
             ("beta_2", .adamW(_, _, _, let b2, _)):
            return f(b2)
        case ("epsilon", .adam(_, _, _, let e)), ("epsilon", .amsgrad(_, _, _, let e)), ("epsilon", .nadam(_, _, _, let e)),
             ("epsilon", .adamW(_, _, _, _, let e)), ("epsilon", .rmsprop(_, _, let e)), ("epsilon", .adagrad(_, _, let e)),
             ("epsilon", .adadelta(_, _, let e)):
            return f(e)
        case ("amsgrad", .adam), ("amsgrad", .adamW): return .bool(false)
        case ("amsgrad", .amsgrad): return .bool(true)
        case ("weight_decay", .adamW(_, let wd, _, _, _)): return f(wd)
        case ("rho", .rmsprop(_, let rho, _)), ("rho", .adadelta(_, let rho, _)): return f(rho)
        case ("clipnorm", _): return options.clipNorm.map(f) ?? .none
        case ("clipvalue", _): return options.clipValue.map(f) ?? .none
        case ("iterations", _): return .int(optimizer.state.iterations)
        case ("apply_gradients", _): return applyGradientsMethod()
        case ("get_config", _):
            let config = optimizer.config
            return .builtin(BuiltinFunction("get_config") { _, _ in .dict(Self.configDict(config)) })
        default: throw attributeError(name)
        }
    }

    /// `optimizer.learning_rate = 0.01` (or `lr`): the rate of the next updates.
    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        guard name == "learning_rate" || name == "lr" else {
            throw PyException(.attributeError, "Labbook cannot set the attribute '\(name)' of an optimizer")
        }
        if case .host(let variable as LearningRateVariable) = value { return try LearningRateVariable(self).assign(variable.value) }
        try LearningRateVariable(self).assign(value)
    }

    /// A float32 hyperparameter as the Python float it was given as (`0.01`, not
    /// `0.009999999776482582`): the shortest decimal that round-trips the float32.
    static func pythonFloat(_ x: Float) -> Value { .float(Double("\(x)") ?? Double(x)) }

    static func configDict(_ config: OptimizerConfig) -> PyDict {
        let f = pythonFloat
        var items: [(String, Value)]
        switch config.base {
        case let .sgd(lr, momentum, nesterov):
            items = [("name", .str("SGD")), ("learning_rate", f(lr)), ("momentum", f(momentum)), ("nesterov", .bool(nesterov))]
        case let .adam(lr, b1, b2, e), let .amsgrad(lr, b1, b2, e):
            items = [("name", .str("Adam")), ("learning_rate", f(lr)), ("beta_1", f(b1)), ("beta_2", f(b2)), ("epsilon", f(e)),
                     ("amsgrad", .bool(config.base != .adam(learningRate: lr, beta1: b1, beta2: b2, epsilon: e)))]
        case let .nadam(lr, b1, b2, e):
            items = [("name", .str("Nadam")), ("learning_rate", f(lr)), ("beta_1", f(b1)), ("beta_2", f(b2)), ("epsilon", f(e))]
        case let .adamW(lr, wd, b1, b2, e):
            items = [("name", .str("AdamW")), ("learning_rate", f(lr)), ("weight_decay", f(wd)), ("beta_1", f(b1)),
                     ("beta_2", f(b2)), ("epsilon", f(e))]
        case let .rmsprop(lr, rho, e):
            items = [("name", .str("RMSprop")), ("learning_rate", f(lr)), ("rho", f(rho)), ("epsilon", f(e))]
        case let .adadelta(lr, rho, e):
            items = [("name", .str("Adadelta")), ("learning_rate", f(lr)), ("rho", f(rho)), ("epsilon", f(e))]
        case let .adagrad(lr, initial, e):
            items = [("name", .str("Adagrad")), ("learning_rate", f(lr)), ("initial_accumulator_value", f(initial)),
                     ("epsilon", f(e))]
        case .configured:
            items = []
        }
        let options = config.options
        if let clipNorm = options.clipNorm { items.append(("clipnorm", f(clipNorm))) }
        if let clipValue = options.clipValue { items.append(("clipvalue", f(clipValue))) }
        return PyDict(items)
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
                                   .init("beta_2", default: .float(0.999)), .init("epsilon", default: .float(1e-7)),
                                   .init("amsgrad", default: .bool(false))]) { a in
                Adam(learningRate: try rate(a, 0.001), beta1: try float(a, "beta_1"), beta2: try float(a, "beta_2"),
                     epsilon: try float(a, "epsilon", or: 1e-7), amsgrad: a["amsgrad"].isTruthy)
            }),
            ("Nadam", make("Nadam", [.init("learning_rate", default: .float(0.002)), .init("beta_1", default: .float(0.9)),
                                     .init("beta_2", default: .float(0.999)), .init("epsilon", default: .float(1e-7))]) { a in
                Nadam(learningRate: try rate(a, 0.002), beta1: try float(a, "beta_1"), beta2: try float(a, "beta_2"),
                      epsilon: try float(a, "epsilon", or: 1e-7))
            }),
            ("AdamW", make("AdamW", [.init("learning_rate", default: .float(0.001)), .init("weight_decay", default: .float(0.004)),
                                     .init("beta_1", default: .float(0.9)), .init("beta_2", default: .float(0.999)),
                                     .init("epsilon", default: .float(1e-7)), .init("amsgrad", default: .bool(false))]) { a in
                if a["amsgrad"].isTruthy {
                    throw PyException(.valueError, "AdamW(amsgrad=True) is not supported by Labbook's engine")
                }
                return AdamW(learningRate: try rate(a, 0.001), weightDecay: try float(a, "weight_decay"),
                             beta1: try float(a, "beta_1"), beta2: try float(a, "beta_2"), epsilon: try float(a, "epsilon", or: 1e-7))
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
            // Keras 2.3's defaults: a rate of 1.0 (tf.keras later chose 0.001).
            ("Adadelta", make("Adadelta", [.init("learning_rate", default: .float(1.0)), .init("rho", default: .float(0.95)),
                                           .init("epsilon", default: .float(1e-7))]) { a in
                Adadelta(learningRate: try rate(a, 1.0), rho: try float(a, "rho"), epsilon: try float(a, "epsilon", or: 1e-7))
            }),
        ]
    }

    /// A constructor that binds `parameters` plus Keras' common extras: `lr` (Keras 2's
    /// name for `learning_rate`), `name`, `decay` (Keras 2's time decay of the rate),
    /// `clipnorm` and `clipvalue`. `learning_rate` may be a schedule.
    private static func make(_ name: String, _ parameters: [HostParameter],
                             _ build: @escaping (BoundArguments) throws -> any Optimizer) -> Value {
        let extras: [HostParameter] = [
            .init("lr", default: .none, keywordOnly: true), .init("name", default: .none, keywordOnly: true),
            .init("decay", default: .float(0), keywordOnly: true), .init("clipnorm", default: .none, keywordOnly: true),
            .init("clipvalue", default: .none, keywordOnly: true),
        ]
        return .builtin(BuiltinFunction(name) { arguments, _ in
            var bound = try arguments.bind(name, parameters + extras)
            if !bound["lr"].isNone {
                if arguments.keyword("learning_rate") != nil || arguments.positional.count > 0 {
                    throw PyException(.typeError, "\(name)() got both `lr` and `learning_rate`; use only `learning_rate`")
                }
                bound.values[0] = bound["lr"]
            }
            var options = OptimizerOptions()
            if case .host(let schedule as ScheduleObject) = bound.values[0] {
                options.schedule = schedule.schedule
                bound.values[0] = pythonFloat(schedule.schedule.rate(atStep: 0))
            }
            for key in ["clipnorm", "clipvalue"] where !bound[key].isNone {
                let limit = Float(try Convert.double(bound[key], key))
                guard limit > 0 else { throw PyException(.valueError, "`\(key)` must be positive, got \(bound[key].repr)") }
                if key == "clipnorm" { options.clipNorm = limit } else { options.clipValue = limit }
            }
            let decay = Float(try Convert.double(bound["decay"], "decay"))
            if decay != 0 {
                guard options.schedule == nil, decay > 0 else {
                    throw PyException(.valueError, "\(name)(decay=...) must be positive and cannot be combined with a schedule")
                }
                options.schedule = .timeDecay(initial: try rate(bound, 0), decay: decay)
            }
            let optimizer = try build(bound)
            optimizer.options = options
            return .host(OptimizerObject(optimizer))
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
        switch base {
        case let .sgd(lr, _, _), let .adam(lr, _, _, _), let .amsgrad(lr, _, _, _), let .rmsprop(lr, _, _),
             let .adagrad(lr, _, _), let .nadam(lr, _, _, _), let .adamW(lr, _, _, _, _), let .adadelta(lr, _, _):
            lr
        case .configured: 0
        }
    }
}
