import CellLanguage
import CellOutput
import NeuralEngine

/// The structured records of `fit` and `evaluate` (`OutputPart.record`), which run records
/// collect: the model as trained, the settings, the history, the evaluation's values.
extension SequentialObject {
    /// Emits the record of a `fit` that finished.
    func emitFitRecord(history: History, epochs: Int, batchSize: Int, interpreter: Interpreter) {
        guard let compiled = model.compiled, let summary = try? model.summary() else { return }
        let layers = summary.rows.map {
            FitRecord.Layer(name: $0.name, className: $0.className, outputShape: $0.outputShape.compactMap { $0 },
                            parameters: $0.parameters)
        }
        let config = compiled.optimizer.config
        interpreter.emit(.record(.fit(FitRecord(
            model: model.name, layers: layers, parameters: summary.totalParameters, epochs: epochs,
            batchSize: batchSize, optimizer: config.className, learningRate: Double(config.learningRate),
            loss: compiled.loss.kerasName,
            history: history.items.map { FitRecord.Series(name: $0.key, values: $0.values) }))))
    }

    /// Emits the record of an `evaluate`: its values under Keras' names (`loss`, the metrics).
    func emitEvaluationRecord(_ values: [Double], interpreter: Interpreter) {
        let names = model.compiled?.logNames ?? ["loss"]
        guard names.count == values.count else { return }
        interpreter.emit(.record(.evaluation(EvaluationRecord(
            model: model.name, results: zip(names, values).map { NamedValue($0, $1) }))))
    }
}
