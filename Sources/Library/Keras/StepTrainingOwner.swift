import CellLanguage
import NeuralEngine

/// What `StepTraining` needs from the model it trains batch by batch: the compile settings,
/// the engine model the callbacks receive (its `stopTraining` is the stop flag, as
/// `model.stop_training`), the callbacks made from `callbacks=`, and where a finished `fit`
/// leaves its `History`. A `Sequential` (also the one behind a functional or traced model)
/// and an eager subclassed model (`EagerModel`) own one.
protocol StepTrainingOwner: AnyObject {
    var state: LibraryState { get }
    /// What `compile` was given (nil before `compile`).
    var steps: StepCompile? { get }
    /// The engine model passed to callbacks; its `stopTraining` stops `fit`.
    var callbackModel: Sequential { get }
    /// `callbacks=[...]` as engine callbacks, and the EarlyStopping objects among them.
    func callbackList(_ value: Value, _ interpreter: Interpreter, params: PyDict) throws
        -> (callbacks: [any TrainingCallback], earlyStopping: [EarlyStoppingObject])
    /// Keeps the `History` of a finished `fit` (as `model.history`) and emits its record.
    func recordFit(_ history: History, params: [(String, Value)], epochs: Int, batchSize: Int,
                   interpreter: Interpreter) -> HistoryObject
}

extension SequentialObject: StepTrainingOwner {
    var callbackModel: Sequential { model }

    func recordFit(_ history: History, params: [(String, Value)], epochs: Int, batchSize: Int,
                   interpreter: Interpreter) -> HistoryObject {
        emitFitRecord(history: history, epochs: epochs, batchSize: batchSize, interpreter: interpreter)
        let object = HistoryObject(history, params: params, model: self)
        lastHistory = object
        return object
    }
}
