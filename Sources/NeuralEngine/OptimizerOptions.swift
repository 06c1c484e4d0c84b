/// What every Keras 2 optimizer accepts beside its own hyperparameters: a learning-rate
/// schedule (`learning_rate=ExponentialDecay(...)`, or `decay=`) and gradient clipping.
///
/// Clipping follows Keras 2's `get_gradients`: `clipnorm` rescales all gradients together
/// when their global norm (over every parameter tensor) exceeds it, then `clipvalue` clips
/// each element to `[-clipvalue, clipvalue]`.
///
/// ```swift
/// let adam = Adam(learningRate: 0.001)
/// adam.options = OptimizerOptions(schedule: nil, clipNorm: 1, clipValue: nil)
/// ```
public struct OptimizerOptions: Codable, Equatable, Sendable {
    public var schedule: LearningRateSchedule?
    public var clipNorm: Float?
    public var clipValue: Float?

    public init(schedule: LearningRateSchedule? = nil, clipNorm: Float? = nil, clipValue: Float? = nil) {
        self.schedule = schedule
        self.clipNorm = clipNorm
        self.clipValue = clipValue
    }

    /// No schedule and no clipping: the optimizer's own rule alone.
    public var isPlain: Bool { schedule == nil && clipNorm == nil && clipValue == nil }

    /// Clips the gradients of `pairs` in place.
    func clip(_ pairs: [ParameterSlot]) {
        if let clipNorm, clipNorm > 0 {
            var squares: Float = 0
            for pair in pairs {
                var sum: Float = 0
                for i in 0..<pair.count { sum += pair.gradient[i] * pair.gradient[i] }
                squares += sum
            }
            let norm = squares.squareRoot()
            if norm >= clipNorm {
                let scale = clipNorm / norm
                for pair in pairs {
                    let g = UnsafeMutablePointer(mutating: pair.gradient)
                    for i in 0..<pair.count { g[i] *= scale }
                }
            }
        }
        if let clipValue, clipValue > 0 {
            for pair in pairs {
                let g = UnsafeMutablePointer(mutating: pair.gradient)
                for i in 0..<pair.count { g[i] = min(max(g[i], -clipValue), clipValue) }
            }
        }
    }
}
