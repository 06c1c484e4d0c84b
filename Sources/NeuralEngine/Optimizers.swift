import Foundation

/// Stochastic gradient descent with optional (Nesterov) momentum, as Keras:
/// `v = momentum * v - lr * g`; `p += v` (Nesterov: `p += momentum * v - lr * g`).
public final class SGD: Optimizer {
    public var learningRate: Float
    public var momentum: Float
    public var nesterov: Bool
    public var state = OptimizerState()
    public var options = OptimizerOptions()

    /// `keras.optimizers.SGD(learning_rate=0.01, momentum=0.0, nesterov=False)`.
    public init(learningRate: Float = 0.01, momentum: Float = 0, nesterov: Bool = false) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.nesterov = nesterov
    }

    public var config: OptimizerConfig {
        OptimizerConfig.sgd(learningRate: learningRate, momentum: momentum, nesterov: nesterov).with(options)
    }
    public var slotsPerParameter: Int { momentum == 0 ? 0 : 1 }
    public var initialSlotValue: Float { 0 }
    public var descentRate: Float? { momentum == 0 && options.isPlain ? learningRate : nil }

    public func update(
        _ p: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
        slots: UnsafeMutablePointer<Float>, step: Int
    ) {
        let lr = learningRate
        guard momentum != 0 else {
            for i in 0..<count { p[i] -= lr * g[i] }
            return
        }
        let v = slots, mu = momentum
        if nesterov {
            for i in 0..<count { let vi = mu * v[i] - lr * g[i]; v[i] = vi; p[i] += mu * vi - lr * g[i] }
        } else {
            for i in 0..<count { let vi = mu * v[i] - lr * g[i]; v[i] = vi; p[i] += vi }
        }
    }
}

/// Adam in Keras' formulation: `lr_t = lr * sqrt(1 - beta2^t) / (1 - beta1^t)`,
/// `p -= lr_t * m / (sqrt(v) + epsilon)`; with `amsgrad`, the denominator uses the largest
/// `v` seen so far (`vhat = max(vhat, v)`), a third accumulator.
public final class Adam: Optimizer {
    public var learningRate: Float
    public var beta1: Float
    public var beta2: Float
    public var epsilon: Float
    public let amsgrad: Bool
    public var state = OptimizerState()
    public var options = OptimizerOptions()

    /// `keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7, amsgrad=False)`.
    public init(learningRate: Float = 0.001, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7,
                amsgrad: Bool = false) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.amsgrad = amsgrad
    }

    public var config: OptimizerConfig {
        (amsgrad ? OptimizerConfig.amsgrad(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)
            : .adam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon)).with(options)
    }
    public var slotsPerParameter: Int { amsgrad ? 3 : 2 }
    public var initialSlotValue: Float { 0 }

    public func update(
        _ p: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
        slots: UnsafeMutablePointer<Float>, step: Int
    ) {
        let t = Float(step)
        let lrT = learningRate * (1 - powf(beta2, t)).squareRoot() / (1 - powf(beta1, t))
        let m = slots, v = slots + count
        let b1 = beta1, b2 = beta2, eps = epsilon
        guard amsgrad else {
            for i in 0..<count {
                let gi = g[i]
                let mi = b1 * m[i] + (1 - b1) * gi
                let vi = b2 * v[i] + (1 - b2) * gi * gi
                m[i] = mi
                v[i] = vi
                p[i] -= lrT * mi / (vi.squareRoot() + eps)
            }
            return
        }
        let vhat = slots + 2 * count
        for i in 0..<count {
            let gi = g[i]
            let mi = b1 * m[i] + (1 - b1) * gi
            let vi = b2 * v[i] + (1 - b2) * gi * gi
            let hi = max(vhat[i], vi)
            m[i] = mi
            v[i] = vi
            vhat[i] = hi
            p[i] -= lrT * mi / (hi.squareRoot() + eps)
        }
    }
}

/// RMSprop: `a = rho * a + (1 - rho) * g^2`; `p -= lr * g / (sqrt(a) + epsilon)`.
public final class RMSprop: Optimizer {
    public var learningRate: Float
    public var rho: Float
    public var epsilon: Float
    public var state = OptimizerState()
    public var options = OptimizerOptions()

    /// `keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9, epsilon=1e-7)`.
    public init(learningRate: Float = 0.001, rho: Float = 0.9, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
    }

    public var config: OptimizerConfig { OptimizerConfig.rmsprop(learningRate: learningRate, rho: rho, epsilon: epsilon).with(options) }
    public var slotsPerParameter: Int { 1 }
    public var initialSlotValue: Float { 0 }

    public func update(
        _ p: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
        slots: UnsafeMutablePointer<Float>, step: Int
    ) {
        let a = slots, lr = learningRate, rho = rho, eps = epsilon
        for i in 0..<count {
            let gi = g[i]
            let ai = rho * a[i] + (1 - rho) * gi * gi
            a[i] = ai
            p[i] -= lr * gi / (ai.squareRoot() + eps)
        }
    }
}

/// Adagrad: `a += g^2`; `p -= lr * g / (sqrt(a) + epsilon)`, `a` starting at
/// `initialAccumulatorValue`.
public final class Adagrad: Optimizer {
    public var learningRate: Float
    public var initialAccumulatorValue: Float
    public var epsilon: Float
    public var state = OptimizerState()
    public var options = OptimizerOptions()

    /// `keras.optimizers.Adagrad(learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7)`.
    public init(learningRate: Float = 0.001, initialAccumulatorValue: Float = 0.1, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.initialAccumulatorValue = initialAccumulatorValue
        self.epsilon = epsilon
    }

    public var config: OptimizerConfig {
        OptimizerConfig.adagrad(learningRate: learningRate, initialAccumulatorValue: initialAccumulatorValue, epsilon: epsilon)
            .with(options)
    }
    public var slotsPerParameter: Int { 1 }
    public var initialSlotValue: Float { initialAccumulatorValue }

    public func update(
        _ p: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
        slots: UnsafeMutablePointer<Float>, step: Int
    ) {
        let a = slots, lr = learningRate, eps = epsilon
        for i in 0..<count {
            let gi = g[i]
            let ai = a[i] + gi * gi
            a[i] = ai
            p[i] -= lr * gi / (ai.squareRoot() + eps)
        }
    }
}
