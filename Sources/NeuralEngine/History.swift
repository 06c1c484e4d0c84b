/// Named values in a fixed order: `loss`, then the metrics, then `val_loss`, `val_...`.
public struct Logs: Equatable, Codable, Sendable {
    /// One named value.
    public struct Entry: Equatable, Codable, Sendable {
        public var name: String
        public var value: Double
        public init(name: String, value: Double) {
            self.name = name
            self.value = value
        }
    }

    /// The values in display order.
    public var entries: [Entry]

    /// Logs with the given entries.
    public init(_ entries: [Entry] = []) { self.entries = entries }

    /// The value logged under `name`, if any.
    public subscript(name: String) -> Double? { entries.first { $0.name == name }?.value }
}

/// What `fit` returns, as `keras.callbacks.History`: per-epoch values under ordered keys.
///
/// ```swift
/// history.keys              // ["loss", "accuracy", "val_loss", "val_accuracy"]
/// history["loss"]           // [0.68, 0.42, ...]
/// history.epoch             // [0, 1, 2, 3, 4]
/// ```
public struct History: Equatable, Codable, Sendable {
    /// The epoch indices run (0-based, from `initialEpoch`).
    public private(set) var epoch: [Int] = []
    /// The keys of `history` in Keras' order.
    public private(set) var keys: [String] = []
    private var values: [String: [Double]] = [:]

    /// An empty history.
    public init() {}

    /// The per-epoch values of one key.
    public subscript(key: String) -> [Double]? { values[key] }

    /// `history.history` as ordered pairs.
    public var items: [(key: String, values: [Double])] { keys.map { ($0, values[$0] ?? []) } }

    /// Adds one epoch's logs.
    public mutating func append(epoch index: Int, logs: Logs) {
        epoch.append(index)
        for entry in logs.entries {
            if values[entry.name] == nil { keys.append(entry.name) }
            values[entry.name, default: []].append(entry.value)
        }
    }
}

/// What `fit` tells its observer while it trains, enough to draw Keras' progress bar and log.
public enum TrainingEvent: Sendable {
    /// Before the first epoch. `validationSamples` is nil without validation.
    case trainBegin(samples: Int, validationSamples: Int?, epochs: Int, initialEpoch: Int)
    /// An epoch (0-based) starts.
    case epochBegin(epoch: Int)
    /// A batch is done: `seen` samples of `samples` so far this epoch, `seconds` since the
    /// epoch began, and the running sample-weighted means of the loss and metrics (what
    /// Keras' progress bar shows).
    case batchEnd(batch: Int, seen: Int, samples: Int, seconds: Double, logs: Logs)
    /// An epoch is done, validation included; `logs` hold its final values.
    case epochEnd(epoch: Int, logs: Logs, seconds: Double)
    /// A line Keras would print or warn (early stopping, a missing monitored metric).
    case message(String)
    /// After the last epoch.
    case trainEnd
}
