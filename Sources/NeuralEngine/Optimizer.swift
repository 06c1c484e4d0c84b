/// An optimizer: given each parameter and its gradient after a batch, updates the parameter.
/// Each optimizer overrides one small method, `update`; the accumulators it keeps per
/// parameter ("slots") and its step count live in `state`, a `Codable` value a cache can
/// snapshot and restore.
///
/// ```swift
/// let sgd = SGD(learningRate: 0.01)
/// model.compile(optimizer: sgd, loss: .categoricalCrossentropy, metrics: [.accuracy])
/// ```
public protocol Optimizer: AnyObject {
    /// The hyperparameters, enough to make a fresh optimizer of the same kind.
    var config: OptimizerConfig { get }
    /// The rate of the next update (a schedule sets it before each one).
    var learningRate: Float { get set }
    /// Schedule and gradient clipping.
    var options: OptimizerOptions { get set }
    /// Step count and accumulators.
    var state: OptimizerState { get set }
    /// How many accumulators the optimizer keeps per parameter tensor.
    var slotsPerParameter: Int { get }
    /// The value accumulators start from.
    var initialSlotValue: Float { get }
    /// One update of `count` parameters from their gradient. `slots` holds the parameter's
    /// `slotsPerParameter` accumulators back to back (slot `s` at `slots + s * count`);
    /// `step` is 1 for the first update (Adam's `t`).
    func update(
        _ parameter: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>, count: Int,
        slots: UnsafeMutablePointer<Float>, step: Int)
    /// The learning rate, when an update is exactly `p -= rate * g` with no state: the
    /// training loop then lets the layers take the step themselves (`ParameterUpdate.descend`).
    var descentRate: Float? { get }
}

/// An optimizer's mutable state: the number of updates done and its accumulators, one array
/// per parameter tensor.
public struct OptimizerState: Codable, Equatable, Sendable {
    /// Batches applied so far (Keras' `optimizer.iterations`).
    public var iterations: Int
    /// Accumulators: per parameter tensor, its `slotsPerParameter` accumulators back to back.
    public var slots: [[Float]]

    /// A state with the given step count and accumulators.
    public init(iterations: Int = 0, slots: [[Float]] = []) {
        self.iterations = iterations
        self.slots = slots
    }
}

/// The hyperparameters of one optimizer; `makeOptimizer()` builds it (used to restore).
public enum OptimizerConfig: Codable, Equatable, Sendable {
    case sgd(learningRate: Float, momentum: Float, nesterov: Bool)
    case adam(learningRate: Float, beta1: Float, beta2: Float, epsilon: Float)
    case rmsprop(learningRate: Float, rho: Float, epsilon: Float)
    case adagrad(learningRate: Float, initialAccumulatorValue: Float, epsilon: Float)
    /// `Adam(amsgrad=True)`.
    case amsgrad(learningRate: Float, beta1: Float, beta2: Float, epsilon: Float)
    case nadam(learningRate: Float, beta1: Float, beta2: Float, epsilon: Float)
    case adamW(learningRate: Float, weightDecay: Float, beta1: Float, beta2: Float, epsilon: Float)
    case adadelta(learningRate: Float, rho: Float, epsilon: Float)
    /// Any of the above with a schedule or gradient clipping.
    indirect case configured(OptimizerConfig, OptimizerOptions)

    /// A fresh optimizer with these hyperparameters and no state.
    public func makeOptimizer() -> any Optimizer {
        let optimizer: any Optimizer = switch base {
        case let .sgd(lr, momentum, nesterov): SGD(learningRate: lr, momentum: momentum, nesterov: nesterov)
        case let .adam(lr, b1, b2, eps): Adam(learningRate: lr, beta1: b1, beta2: b2, epsilon: eps)
        case let .amsgrad(lr, b1, b2, eps): Adam(learningRate: lr, beta1: b1, beta2: b2, epsilon: eps, amsgrad: true)
        case let .rmsprop(lr, rho, eps): RMSprop(learningRate: lr, rho: rho, epsilon: eps)
        case let .adagrad(lr, initial, eps): Adagrad(learningRate: lr, initialAccumulatorValue: initial, epsilon: eps)
        case let .nadam(lr, b1, b2, eps): Nadam(learningRate: lr, beta1: b1, beta2: b2, epsilon: eps)
        case let .adamW(lr, wd, b1, b2, eps): AdamW(learningRate: lr, weightDecay: wd, beta1: b1, beta2: b2, epsilon: eps)
        case let .adadelta(lr, rho, eps): Adadelta(learningRate: lr, rho: rho, epsilon: eps)
        case .configured: preconditionFailure("`base` has no options")
        }
        optimizer.options = options
        return optimizer
    }

    /// The hyperparameters without the options.
    public var base: OptimizerConfig {
        if case let .configured(base, _) = self { return base.base }
        return self
    }

    /// The schedule and clipping, if any.
    public var options: OptimizerOptions {
        if case let .configured(_, options) = self { return options }
        return OptimizerOptions()
    }

    /// `self` with `options` attached (or not, when they are plain).
    public func with(_ options: OptimizerOptions) -> OptimizerConfig {
        options.isPlain ? base : .configured(base, options)
    }

    /// The Keras class name (`SGD`, `Adam`, `RMSprop`, `Adagrad`, `Nadam`, `AdamW`, `Adadelta`).
    public var className: String {
        switch self {
        case .sgd: "SGD"
        case .adam, .amsgrad: "Adam"
        case .rmsprop: "RMSprop"
        case .adagrad: "Adagrad"
        case .nadam: "Nadam"
        case .adamW: "AdamW"
        case .adadelta: "Adadelta"
        case .configured(let base, _): base.className
        }
    }

    /// The optimizer a Keras string names with Keras' defaults (`"sgd"`, `"adam"`, ...), or `nil`.
    public init?(kerasName: String) {
        switch kerasName.lowercased() {
        case "sgd": self = .sgd(learningRate: 0.01, momentum: 0, nesterov: false)
        case "adam": self = .adam(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7)
        case "rmsprop": self = .rmsprop(learningRate: 0.001, rho: 0.9, epsilon: 1e-7)
        case "adagrad": self = .adagrad(learningRate: 0.001, initialAccumulatorValue: 0.1, epsilon: 1e-7)
        case "nadam": self = .nadam(learningRate: 0.002, beta1: 0.9, beta2: 0.999, epsilon: 1e-7)
        case "adamw": self = .adamW(learningRate: 0.001, weightDecay: 0.004, beta1: 0.9, beta2: 0.999, epsilon: 1e-7)
        case "adadelta": self = .adadelta(learningRate: 1.0, rho: 0.95, epsilon: 1e-7)
        default: return nil
        }
    }
}

/// A parameter tensor and its gradient, as the optimizer sees them.
struct ParameterSlot {
    let parameter: UnsafeMutablePointer<Float>
    let gradient: UnsafePointer<Float>
    let count: Int
}

extension Optimizer {
    public var descentRate: Float? { nil }

    /// Applies one step to every parameter tensor. Creates the accumulators on first use (or
    /// when the parameter sizes changed, i.e. the optimizer now serves another model).
    /// Allocates nothing once the accumulators exist.
    func apply(_ pairs: [ParameterSlot]) {
        var current = state
        state = OptimizerState()  // hand the arrays over uniquely, so writing them copies nothing
        advance(&current, pairs)
        let step = current.iterations
        if let schedule = options.schedule { learningRate = schedule.rate(atStep: step - 1) }
        options.clip(pairs)
        for index in pairs.indices {
            let pair = pairs[index]
            current.slots[index].withUnsafeMutableBufferPointer { buffer in
                // An empty accumulator array may have no address; such optimizers never read it.
                let slots = buffer.baseAddress ?? pair.parameter
                update(pair.parameter, gradient: pair.gradient, count: pair.count, slots: slots, step: step)
            }
        }
        state = current
    }

    /// Records a step the layers took themselves (`descentRate`), as `apply` would have.
    func countStep(_ pairs: [ParameterSlot]) {
        advance(&state, pairs)
    }

    /// Counts one more step and makes sure there are accumulators for `pairs`.
    private func advance(_ current: inout OptimizerState, _ pairs: [ParameterSlot]) {
        let perParameter = slotsPerParameter
        var matches = current.slots.count == pairs.count
        if matches {
            for (slots, pair) in zip(current.slots, pairs) where slots.count != pair.count * perParameter {
                matches = false
            }
        }
        if !matches {
            current.slots = pairs.map { [Float](repeating: initialSlotValue, count: $0.count * perParameter) }
        }
        current.iterations += 1
    }
}
