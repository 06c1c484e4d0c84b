import Foundation

/// Nadam as Keras 2 writes it (Adam with Nesterov momentum and Dozat's warming schedule,
/// `schedule_decay = 0.004`): with `mu_t = beta1 * (1 - 0.5 * 0.96^(t * 0.004))` and
/// `M_t = mu_1 * ... * mu_t`,
/// `p -= lr * ((1 - mu_t) * g / (1 - M_t) + mu_{t+1} * m / (1 - M_t * mu_{t+1})) / (sqrt(v / (1 - beta2^t)) + epsilon)`.
public final class Nadam: Optimizer {
    public var learningRate: Float
    public var beta1: Float
    public var beta2: Float
    public var epsilon: Float
    public var state = OptimizerState()
    public var options = OptimizerOptions()
    /// `M_t` for the last step asked, so each step costs one multiplication; recomputed
    /// from `M_0 = 1` (in the same float32 order) after a restore.
    private var product: (step: Int, value: Float) = (0, 1)
    private static let scheduleDecay: Float = 0.004

    /// `keras.optimizers.Nadam(learning_rate=0.002, beta_1=0.9, beta_2=0.999, epsilon=1e-7)`.
    public init(learningRate: Float = 0.002, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public var config: OptimizerConfig {
        OptimizerConfig.nadam(learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon).with(options)
    }
    public var slotsPerParameter: Int { 2 }
    public var initialSlotValue: Float { 0 }

    private func momentum(_ t: Int) -> Float {
        beta1 * (1 - 0.5 * powf(0.96, Float(t) * Self.scheduleDecay))
    }

    /// `M_t`, the product of the momenta up to step `t`, multiplied in step order.
    private func schedule(_ t: Int) -> Float {
        if product.step == t { return product.value }
        var (start, value) = product.step < t ? product : (0, Float(1))
        for i in (start + 1)...t { value *= momentum(i) }
        product = (t, value)
        return value
    }

    public func update(
        _ p: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
        slots: UnsafeMutablePointer<Float>, step: Int
    ) {
        let muT = momentum(step), muNext = momentum(step + 1)
        let scheduleNew = schedule(step), scheduleNext = scheduleNew * muNext
        let m = slots, v = slots + count
        let b1 = beta1, b2 = beta2, eps = epsilon, lr = learningRate
        let correction2 = 1 - powf(b2, Float(step))
        for i in 0..<count {
            let gi = g[i]
            let gPrime = gi / (1 - scheduleNew)
            let mi = b1 * m[i] + (1 - b1) * gi
            let mPrime = mi / (1 - scheduleNext)
            let vi = b2 * v[i] + (1 - b2) * gi * gi
            let vPrime = vi / correction2
            let mBar = (1 - muT) * gPrime + muNext * mPrime
            m[i] = mi
            v[i] = vi
            p[i] -= lr * mBar / (vPrime.squareRoot() + eps)
        }
    }
}

/// AdamW (`keras.optimizers.AdamW`, decoupled weight decay): each parameter first shrinks by
/// `lr * weight_decay`, then takes Adam's step in the newer Keras optimizers' form,
/// `m += (g - m) * (1 - beta1)`, `v += (g^2 - v) * (1 - beta2)`,
/// `p -= lr * sqrt(1 - beta2^t) / (1 - beta1^t) * m / (sqrt(v) + epsilon)`.
public final class AdamW: Optimizer {
    public var learningRate: Float
    public var weightDecay: Float
    public var beta1: Float
    public var beta2: Float
    public var epsilon: Float
    public var state = OptimizerState()
    public var options = OptimizerOptions()

    /// `keras.optimizers.AdamW(learning_rate=0.001, weight_decay=0.004, beta_1=0.9, beta_2=0.999, epsilon=1e-7)`.
    public init(learningRate: Float = 0.001, weightDecay: Float = 0.004, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    public var config: OptimizerConfig {
        OptimizerConfig.adamW(learningRate: learningRate, weightDecay: weightDecay, beta1: beta1, beta2: beta2,
                              epsilon: epsilon).with(options)
    }
    public var slotsPerParameter: Int { 2 }
    public var initialSlotValue: Float { 0 }

    public func update(
        _ p: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
        slots: UnsafeMutablePointer<Float>, step: Int
    ) {
        let lr = learningRate, t = Float(step)
        let alpha = lr * (1 - powf(beta2, t)).squareRoot() / (1 - powf(beta1, t))
        let m = slots, v = slots + count
        let b1 = beta1, b2 = beta2, eps = epsilon
        for i in 0..<count {
            p[i] -= p[i] * weightDecay * lr
            let gi = g[i]
            let mi = m[i] + (gi - m[i]) * (1 - b1)
            let vi = v[i] + (gi * gi - v[i]) * (1 - b2)
            m[i] = mi
            v[i] = vi
            p[i] -= mi * alpha / (vi.squareRoot() + eps)
        }
    }
}
