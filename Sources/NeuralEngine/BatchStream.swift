/// The batches `fit` trains on: successive passes over the training samples, each a fresh
/// shuffle (when shuffling) cut into batches of `batchSize`, the last one possibly short.
///
/// Without `steps_per_epoch` an epoch is one pass (`startPass` then `next` until `passDone`),
/// which is Keras 2's loop. With it an epoch is that many batches drawn from one stream that
/// carries on across epochs, as `tf.keras` feeds arrays (its dataset of batches is repeated
/// `epochs - initial_epoch` times and read by one iterator), so `passes` bounds the stream and
/// `ranDry` says it ran out.
///
/// ```swift
/// var stream = BatchStream(samples: 1000, batchSize: 64, shuffle: true, passes: 30)
/// let rows = stream.next(rng: &rng)   // 64 sample indices of the first shuffle
/// ```
public struct BatchStream {
    public let samples: Int
    public let batchSize: Int
    public let shuffle: Bool
    /// Passes left to start in steps mode; nil: the caller starts each pass.
    private var passesLeft: Int?
    private var order: [Int]
    private var position: Int
    /// Whether `next` found no pass left to start.
    public private(set) var ranDry = false

    public init(samples: Int, batchSize: Int, shuffle: Bool, passes: Int?) {
        self.samples = samples
        self.batchSize = batchSize
        self.shuffle = shuffle
        passesLeft = passes
        order = Array(0..<samples)
        position = samples
    }

    /// Whether the current pass has no batch left.
    public var passDone: Bool { position >= samples }

    /// Starts a pass over the samples, shuffling them first if asked.
    public mutating func startPass(rng: inout RandomGenerator) {
        if shuffle { rng.shuffle(&order) }
        position = 0
    }

    /// The sample indices of the next batch, or nil when the stream has run dry (steps mode)
    /// or the pass is done.
    public mutating func next(rng: inout RandomGenerator) -> ArraySlice<Int>? {
        if passDone {
            guard let left = passesLeft, left > 0 else {
                if passesLeft != nil { ranDry = true }
                return nil
            }
            passesLeft = left - 1
            startPass(rng: &rng)
        }
        let end = min(position + batchSize, samples)
        defer { position = end }
        return order[position..<end]
    }

    /// The rows of the batch after the one `next` returned last, within its pass (for prefetching).
    var upcoming: ArraySlice<Int> { order[min(position, samples)..<min(position + batchSize, samples)] }

    /// What TensorFlow logs when `steps_per_epoch * epochs` batches are more than the data gives.
    static func outOfDataWarning(batches: Int) -> String {
        "WARNING:tensorflow:Your input ran out of data; interrupting training. Make sure that your dataset or "
            + "generator can generate at least `steps_per_epoch * epochs` batches (in this case, \(batches) batches). "
            + "You may need to use the repeat() function when building your dataset."
    }
}
