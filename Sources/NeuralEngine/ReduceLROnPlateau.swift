/// `keras.callbacks.ReduceLROnPlateau`: multiplies the optimizer's learning rate by `factor`
/// when a monitored value has not improved by `minDelta` for `patience` epochs, then waits
/// `cooldown` epochs before counting again, never going below `minLR`. As Keras 2, it adds the
/// rate in use to each epoch's logs as `lr` (so `History` has an `lr` series).
///
/// ```swift
/// let reduce = ReduceLROnPlateau(monitor: "val_loss", factor: 0.5, patience: 2)
/// try model.fit(x, y, epochs: 30, validationSplit: 0.1, callbacks: [reduce], rng: &rng)
/// ```
public final class ReduceLROnPlateau: TrainingCallback {
    public let monitor: String
    public let factor: Double
    public let patience: Int
    public let verbose: Int
    /// Whether an improvement is a decrease (`min`) or an increase (`max`).
    public let maximise: Bool
    public let minDelta: Double
    public let cooldown: Int
    public let minLR: Float

    /// The counters Keras keeps between epochs (a cache snapshot restores them).
    public var wait = 0
    public var cooldownCounter = 0
    public var best: Double

    /// `ReduceLROnPlateau(monitor='val_loss', factor=0.1, patience=10, verbose=0, mode='auto',
    /// min_delta=1e-4, cooldown=0, min_lr=0)`; `mode='auto'` maximises a name containing `acc`.
    public init(monitor: String = "val_loss", factor: Double = 0.1, patience: Int = 10, verbose: Int = 0,
                mode: EarlyStopping.Mode = .auto, minDelta: Double = 1e-4, cooldown: Int = 0, minLR: Float = 0) {
        self.monitor = monitor
        self.factor = factor
        self.patience = patience
        self.verbose = verbose
        maximise = mode == .max || (mode == .auto && monitor.contains("acc"))
        self.minDelta = minDelta
        self.cooldown = cooldown
        self.minLR = minLR
        best = maximise ? -.infinity : .infinity
    }

    public func trainBegin(model: Sequential, emit: (String) throws -> Void) {
        wait = 0
        cooldownCounter = 0
        best = maximise ? -.infinity : .infinity
    }

    public func epochEnd(_ epoch: Int, logs: inout Logs, model: Sequential, emit: (String) throws -> Void) throws -> Bool {
        guard let optimizer = model.compiled?.optimizer else { return false }
        logs.entries.append(Logs.Entry(name: "lr", value: Double(optimizer.learningRate)))
        guard let current = logs[monitor] else {
            let available = logs.entries.map(\.name).joined(separator: ",")
            try emit("RuntimeWarning: Reduce LR on plateau conditioned on metric `\(monitor)` which is not available. "
                     + "Available metrics are: \(available)")
            return false
        }
        if cooldownCounter > 0 {
            cooldownCounter -= 1
            wait = 0
        }
        if maximise ? current > best + minDelta : current < best - minDelta {
            best = current
            wait = 0
        } else if cooldownCounter == 0 {
            wait += 1
            if wait >= patience {
                let old = optimizer.learningRate
                if old > minLR {
                    // Keras computes in Python floats from the float32 rate, then stores float32.
                    let new = max(Double(old) * factor, Double(minLR))
                    optimizer.learningRate = Float(new)
                    if verbose > 0 {
                        try emit(String(format: "\nEpoch %05d: ReduceLROnPlateau reducing learning rate to ", epoch + 1)
                                 + "\(new).")
                    }
                    cooldownCounter = cooldown
                    wait = 0
                }
            }
        }
        return false
    }
}
