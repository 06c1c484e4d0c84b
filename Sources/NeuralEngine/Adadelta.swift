/// Adadelta as Keras 2.3 writes it (`keras.optimizers.Adadelta(learning_rate=1.0, rho=0.95)`,
/// epsilon `K.epsilon()` = 1e-7): two accumulators per parameter, the squared gradients `a`
/// and the squared updates `d`, both starting at zero;
/// `a = rho * a + (1 - rho) * g^2`, `u = g * sqrt(d + epsilon) / sqrt(a + epsilon)` (the new
/// `a`, the old `d`), `p -= lr * u`, `d = rho * d + (1 - rho) * u^2`.
///
/// Keras 2.3's default rate is 1.0 (Zeiler's method has no rate; Keras 2's `mnist_cnn.py`
/// relies on it); TensorFlow's own `tf.keras` later changed it to 0.001.
///
/// ```swift
/// model.compile(optimizer: Adadelta(), loss: .categoricalCrossentropy, metrics: [.accuracy])
/// ```
public final class Adadelta: Optimizer {
    public var learningRate: Float
    public var rho: Float
    public var epsilon: Float
    public var state = OptimizerState()
    public var options = OptimizerOptions()

    /// `keras.optimizers.Adadelta(learning_rate=1.0, rho=0.95, epsilon=1e-7)`.
    public init(learningRate: Float = 1.0, rho: Float = 0.95, epsilon: Float = 1e-7) {
        self.learningRate = learningRate
        self.rho = rho
        self.epsilon = epsilon
    }

    public var config: OptimizerConfig {
        OptimizerConfig.adadelta(learningRate: learningRate, rho: rho, epsilon: epsilon).with(options)
    }
    public var slotsPerParameter: Int { 2 }
    public var initialSlotValue: Float { 0 }

    public func update(
        _ p: UnsafeMutablePointer<Float>, gradient g: UnsafePointer<Float>, count: Int,
        slots: UnsafeMutablePointer<Float>, step: Int
    ) {
        let a = slots, d = slots + count
        let lr = learningRate, rho = rho, eps = epsilon
        for i in 0..<count {
            let gi = g[i]
            let ai = rho * a[i] + (1 - rho) * gi * gi
            let ui = gi * (d[i] + eps).squareRoot() / (ai + eps).squareRoot()
            a[i] = ai
            p[i] -= lr * ui
            d[i] = rho * d[i] + (1 - rho) * ui * ui
        }
    }
}
