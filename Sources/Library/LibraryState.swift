import Datasets
import NeuralEngine

/// The state every library module of one session shares: the one seeded random generator
/// (initial weights, shuffling, dropout, `np.random`) and Keras' name counters
/// (`dense_1`, `dense_2`, `sequential_1`, ...), which count up for the whole session as in
/// a fresh Keras 2 session.
///
///     let state = LibraryState(settings: LibrarySettings(seed: 0, showTimings: true))
///     state.layerNames.next("dense")   // "dense_1"
public final class LibraryState {
    /// The run's settings (seed, timings).
    public let settings: LibrarySettings
    /// Keras 2's per-prefix name counters (`K.get_uid`).
    public internal(set) var layerNames: LayerNames
    /// What the numpy module shares; it holds the session's one random generator.
    public let numpy: NumPyContext
    /// The session's random generator (the numpy context's); every random draw comes from it.
    public var random: RandomGenerator {
        get { numpy.generator }
        set { numpy.generator = newValue }
    }
    /// Datasets already read in this session, by name.
    /// The entered `tf.GradientTape`s, which operations on tensors record themselves on.
    let tapes = TapeStack()
    /// The custom layers (`keras.layers.Layer` subclasses) whose call is running, outermost
    /// first: the name scope of the weights they make.
    var layerScopes: [String] = []
    /// How many custom layers' `call`s are running (a call at depth 0 clears the last losses).
    var layerCallDepth = 0
    var loadedDatasets: [String: ((UInt8Array, UInt8Array), (UInt8Array, UInt8Array))] = [:]

    public init(settings: LibrarySettings) {
        self.settings = settings
        self.layerNames = LayerNames()
        self.numpy = NumPyContext(seed: LibraryState.seedBits(settings.seed))
    }

    /// Restarts the generator, as `keras.utils.set_random_seed(n)` and `np.random.seed(n)` do.
    public func reseed(_ seed: Int) {
        random = RandomGenerator(seed: LibraryState.seedBits(seed))
    }

    static func seedBits(_ seed: Int) -> UInt64 { UInt64(bitPattern: Int64(seed)) }
}
