import Foundation

/// A learning rate that changes with the step count, as `keras.optimizers.schedules` and the
/// optimizers' `decay=` argument. The optimizer asks for the rate of each update with the
/// number of updates done before it (`optimizer.iterations`, 0 for the first batch), as
/// Keras does; the arithmetic is float32, as TensorFlow's.
///
/// ```swift
/// let schedule = LearningRateSchedule.exponentialDecay(initial: 0.1, decaySteps: 100, decayRate: 0.96, staircase: true)
/// schedule.rate(atStep: 250)   // 0.1 * 0.96^2
/// ```
public enum LearningRateSchedule: Codable, Equatable, Sendable {
    /// `ExponentialDecay`: `initial * decayRate^(step / decaySteps)`, the exponent floored
    /// when `staircase`.
    case exponentialDecay(initial: Float, decaySteps: Float, decayRate: Float, staircase: Bool)
    /// `InverseTimeDecay`: `initial / (1 + decayRate * step / decaySteps)`, the quotient
    /// floored when `staircase`.
    case inverseTimeDecay(initial: Float, decaySteps: Float, decayRate: Float, staircase: Bool)
    /// `PiecewiseConstantDecay`: `values[0]` up to and including `boundaries[0]`, then
    /// `values[i]` up to `boundaries[i]`, and the last value after the last boundary.
    case piecewiseConstant(boundaries: [Float], values: [Float])
    /// `CosineDecay`: `initial * ((1 - alpha) * 0.5 * (1 + cos(pi * min(step, decaySteps) /
    /// decaySteps)) + alpha)`.
    case cosineDecay(initial: Float, decaySteps: Float, alpha: Float)
    /// Keras 2's `decay=` argument: `initial * (1 / (1 + decay * step))`.
    case timeDecay(initial: Float, decay: Float)

    /// The rate for the update that follows `step` earlier updates.
    public func rate(atStep step: Int) -> Float {
        let s = Float(step)
        switch self {
        case let .exponentialDecay(initial, decaySteps, decayRate, staircase):
            var p = s / decaySteps
            if staircase { p = p.rounded(.down) }
            return initial * powf(decayRate, p)
        case let .inverseTimeDecay(initial, decaySteps, decayRate, staircase):
            var p = s / decaySteps
            if staircase { p = p.rounded(.down) }
            return initial / (1 + decayRate * p)
        case let .piecewiseConstant(boundaries, values):
            for (boundary, value) in zip(boundaries, values) where s <= boundary { return value }
            return values.last ?? 0
        case let .cosineDecay(initial, decaySteps, alpha):
            let fraction = min(s, decaySteps) / decaySteps
            let cosine = 0.5 * (1 + cosf(Float.pi * fraction))
            return initial * ((1 - alpha) * cosine + alpha)
        case let .timeDecay(initial, decay):
            return initial * (1 / (1 + decay * s))
        }
    }

    /// The Keras class name (`ExponentialDecay`, ...).
    public var className: String {
        switch self {
        case .exponentialDecay: "ExponentialDecay"
        case .inverseTimeDecay: "InverseTimeDecay"
        case .piecewiseConstant: "PiecewiseConstantDecay"
        case .cosineDecay: "CosineDecay"
        case .timeDecay: "InverseTimeDecay"
        }
    }
}
