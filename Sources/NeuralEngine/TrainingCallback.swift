/// Something `fit` calls at Keras 2's hook points (`keras.callbacks.Callback`): when training
/// begins and ends, around each epoch, after each batch; and, as Keras 2.3, around a test
/// pass (`evaluate`, and the validation pass inside `fit`) and a `predict`, and around each
/// of their batches. Each hook has an empty default, so a callback implements only the ones
/// it needs.
///
/// Order inside an epoch, as Keras 2's: the epoch's line is printed, then each callback's
/// `epochEnd` runs (in the order given) and may add to the logs (`ReduceLROnPlateau` adds
/// `lr`), then `History` records them; `emit` prints a line after the epoch's.
///
/// ```swift
/// try model.fit(x, y, epochs: 10, callbacks: [EarlyStopping(patience: 2)], rng: &rng)
/// ```
public protocol TrainingCallback: AnyObject {
    func trainBegin(model: Sequential, emit: (String) throws -> Void) throws
    func epochBegin(_ epoch: Int, model: Sequential, emit: (String) throws -> Void) throws
    /// Before batch `batch` (0-based within the epoch) of `size` samples.
    func batchBegin(_ batch: Int, size: Int, model: Sequential, emit: (String) throws -> Void) throws
    /// After batch `batch` (0-based within the epoch): `logs` hold `batch`, `size`, the
    /// batch's own `loss` and the epoch's running metrics, as Keras 2's batch logs.
    func batchEnd(_ batch: Int, logs: Logs, model: Sequential, emit: (String) throws -> Void) throws
    /// After the epoch and its validation; returns whether training should stop.
    func epochEnd(_ epoch: Int, logs: inout Logs, model: Sequential, emit: (String) throws -> Void) throws -> Bool
    func trainEnd(model: Sequential, emit: (String) throws -> Void) throws
    /// Before a test pass: `evaluate`, or the validation after an epoch of `fit`.
    func testBegin(model: Sequential, emit: (String) throws -> Void) throws
    /// Before test batch `batch` (0-based within the pass) of `size` samples.
    func testBatchBegin(_ batch: Int, size: Int, model: Sequential, emit: (String) throws -> Void) throws
    /// After a test batch: `batch`, `size`, the batch's `loss` and the pass's running metrics.
    func testBatchEnd(_ batch: Int, logs: Logs, model: Sequential, emit: (String) throws -> Void) throws
    func testEnd(model: Sequential, emit: (String) throws -> Void) throws
    func predictBegin(model: Sequential, emit: (String) throws -> Void) throws
    func predictBatchBegin(_ batch: Int, size: Int, model: Sequential, emit: (String) throws -> Void) throws
    /// After a predict batch: its `outputs`, `size` samples by the output shape.
    func predictBatchEnd(_ batch: Int, size: Int, outputs: Tensor, model: Sequential, emit: (String) throws -> Void) throws
    func predictEnd(model: Sequential, emit: (String) throws -> Void) throws
    /// Whether the callback has anything to do in `evaluate` and `predict` (a Python subclass
    /// does; the built-in callbacks do not), so that passes without one skip building logs.
    var observesInference: Bool { get }
}

extension TrainingCallback {
    public func trainBegin(model: Sequential, emit: (String) throws -> Void) throws {}
    public func epochBegin(_ epoch: Int, model: Sequential, emit: (String) throws -> Void) throws {}
    public func batchBegin(_ batch: Int, size: Int, model: Sequential, emit: (String) throws -> Void) throws {}
    public func batchEnd(_ batch: Int, logs: Logs, model: Sequential, emit: (String) throws -> Void) throws {}
    public func epochEnd(_ epoch: Int, logs: inout Logs, model: Sequential, emit: (String) throws -> Void) throws -> Bool {
        false
    }
    public func trainEnd(model: Sequential, emit: (String) throws -> Void) throws {}
    public func testBegin(model: Sequential, emit: (String) throws -> Void) throws {}
    public func testBatchBegin(_ batch: Int, size: Int, model: Sequential, emit: (String) throws -> Void) throws {}
    public func testBatchEnd(_ batch: Int, logs: Logs, model: Sequential, emit: (String) throws -> Void) throws {}
    public func testEnd(model: Sequential, emit: (String) throws -> Void) throws {}
    public func predictBegin(model: Sequential, emit: (String) throws -> Void) throws {}
    public func predictBatchBegin(_ batch: Int, size: Int, model: Sequential, emit: (String) throws -> Void) throws {}
    public func predictBatchEnd(_ batch: Int, size: Int, outputs: Tensor, model: Sequential,
                                emit: (String) throws -> Void) throws {}
    public func predictEnd(model: Sequential, emit: (String) throws -> Void) throws {}
    public var observesInference: Bool { false }
}
