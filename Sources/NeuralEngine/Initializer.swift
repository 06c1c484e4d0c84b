import Foundation

/// The kernel initializers of `keras.initializers` that dense networks use. Glorot and He
/// variants scale by the kernel's fan-in and fan-out; the normal ones draw from a normal
/// truncated at two standard deviations, as Keras 2's `VarianceScaling` does.
public enum Initializer: String, CaseIterable, Codable, Sendable {
    case glorotUniform = "glorot_uniform"
    case glorotNormal = "glorot_normal"
    case heUniform = "he_uniform"
    case heNormal = "he_normal"
    case randomNormal = "random_normal"
    case randomUniform = "random_uniform"
    case zeros
    case ones

    /// The initializer a Keras string names, or `nil`.
    public init?(kerasName: String) { self.init(rawValue: kerasName) }

    /// `count` values for a kernel with the given fans, drawn from `rng` in row-major order.
    public func values(count: Int, fanIn: Int, fanOut: Int, rng: inout RandomGenerator) -> [Float] {
        let fanAverage = Double(fanIn + fanOut) / 2
        switch self {
        case .zeros: return [Float](repeating: 0, count: count)
        case .ones: return [Float](repeating: 1, count: count)
        case .glorotUniform: return uniform(count, limit: (3 / fanAverage).squareRoot(), &rng)
        case .heUniform: return uniform(count, limit: (6 / Double(fanIn)).squareRoot(), &rng)
        case .randomUniform: return uniform(count, limit: 0.05, &rng)
        case .glorotNormal: return truncatedNormal(count, scale: 1 / fanAverage, &rng)
        case .heNormal: return truncatedNormal(count, scale: 2 / Double(fanIn), &rng)
        case .randomNormal: return (0..<count).map { _ in Float(0.05 * rng.nextNormal()) }
        }
    }

    private func uniform(_ count: Int, limit: Double, _ rng: inout RandomGenerator) -> [Float] {
        (0..<count).map { _ in Float(rng.uniform(-limit, limit)) }
    }

    /// Keras' VarianceScaling(distribution='normal'): stddev = sqrt(scale) / .8796..., the
    /// standard deviation of a unit normal truncated to [-2, 2].
    private func truncatedNormal(_ count: Int, scale: Double, _ rng: inout RandomGenerator) -> [Float] {
        let stddev = scale.squareRoot() / 0.87962566103423978
        return (0..<count).map { _ in
            var x = rng.nextNormal()
            while abs(x) > 2 { x = rng.nextNormal() }
            return Float(x * stddev)
        }
    }
}
