/// `keras.callbacks.TerminateOnNaN`: stops training at the first batch whose loss is NaN or
/// infinite, printing `Batch 3: Invalid loss, terminating training` as Keras 2 does.
public final class TerminateOnNaN: TrainingCallback {
    public init() {}

    public func batchEnd(_ batch: Int, logs: Logs, model: Sequential, emit: (String) throws -> Void) throws {
        guard let loss = logs["loss"], loss.isNaN || loss.isInfinite else { return }
        try emit("Batch \(batch): Invalid loss, terminating training")
        model.stopTraining = true
    }
}
