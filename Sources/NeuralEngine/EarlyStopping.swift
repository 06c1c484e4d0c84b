import Foundation

/// `keras.callbacks.EarlyStopping`: stops training when a monitored value has stopped
/// improving for `patience` epochs, optionally restoring the best epoch's weights.
///
/// ```swift
/// let stop = EarlyStopping(monitor: "val_loss", patience: 2, restoreBestWeights: true)
/// try model.fit(x, y, epochs: 50, validationSplit: 0.1, callbacks: [stop], rng: &rng)
/// ```
public final class EarlyStopping: TrainingCallback {
    /// Whether an improvement is a decrease or an increase of the monitored value.
    public enum Mode: String, Sendable { case auto, min, max }

    public let monitor: String
    public let minDelta: Double
    public let patience: Int
    public let mode: Mode
    public let baseline: Double?
    public let restoreBestWeights: Bool
    public let verbose: Int

    /// The epoch (0-based) training stopped at, or 0 if it ran to the end.
    public private(set) var stoppedEpoch = 0
    private var wait = 0
    private var best = 0.0
    private var bestWeights: [Tensor]?

    /// `EarlyStopping(monitor='val_loss', min_delta=0, patience=0, verbose=0, mode='auto',
    /// baseline=None, restore_best_weights=False)`.
    public init(
        monitor: String = "val_loss", minDelta: Double = 0, patience: Int = 0, verbose: Int = 0,
        mode: Mode = .auto, baseline: Double? = nil, restoreBestWeights: Bool = false
    ) {
        self.monitor = monitor
        self.patience = patience
        self.verbose = verbose
        self.baseline = baseline
        self.restoreBestWeights = restoreBestWeights
        // Keras: in auto mode, a monitored name containing "acc" is maximised.
        let maximise = mode == .max || (mode == .auto && monitor.contains("acc"))
        self.mode = maximise ? .max : .min
        self.minDelta = maximise ? abs(minDelta) : -abs(minDelta)
    }

    private func improves(_ value: Double, on reference: Double) -> Bool {
        mode == .max ? value - minDelta > reference : value - minDelta < reference
    }

    public func trainBegin(model: Sequential, emit: (String) throws -> Void) {
        wait = 0
        stoppedEpoch = 0
        bestWeights = nil
        best = baseline ?? (mode == .max ? -.infinity : .infinity)
    }

    /// Returns whether training should stop, and restores weights into `model` if asked.
    public func epochEnd(_ epoch: Int, logs: inout Logs, model: Sequential, emit: (String) throws -> Void) throws -> Bool {
        guard let current = logs[monitor] else {
            let available = logs.entries.map(\.name).joined(separator: ",")
            try emit("RuntimeWarning: Early stopping conditioned on metric `\(monitor)` which is not available. "
                     + "Available metrics are: \(available)")
            return false
        }
        if improves(current, on: best) {
            best = current
            wait = 0
            if restoreBestWeights { bestWeights = model.getWeights() }
            return false
        }
        wait += 1
        guard wait >= patience else { return false }
        stoppedEpoch = epoch
        if restoreBestWeights, let bestWeights {
            if verbose > 0 { try emit("Restoring model weights from the end of the best epoch") }
            try model.setWeights(bestWeights)
        }
        return true
    }

    public func trainEnd(model: Sequential, emit: (String) throws -> Void) throws {
        if stoppedEpoch > 0 && verbose > 0 {
            try emit(String(format: "Epoch %05d: early stopping", stoppedEpoch + 1))
        }
    }
}
