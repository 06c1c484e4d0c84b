import NeuralEngine

/// The state the `numpy` module shares with the rest of a session: the one seeded random
/// generator behind `np.random` (and, through the keras module, weight initialisation,
/// shuffling and dropout).
///
/// `np.random` draws are deterministic for a given seed but are not NumPy's streams:
/// `np.random.seed(0); np.random.rand()` does not print NumPy's `0.5488135039273248`.
///
///     let context = NumPyContext(seed: 42)
///     NumPyModule.register(in: registry, context: context)
public final class NumPyContext: @unchecked Sendable {
    /// The session's generator; snapshot and restore it with the rest of the state.
    public var generator: RandomGenerator

    public init(generator: RandomGenerator) {
        self.generator = generator
    }

    public convenience init(seed: UInt64 = 0) {
        self.init(generator: RandomGenerator(seed: seed))
    }
}
