import CellLanguage
import NeuralEngine

/// A callback keeps its settings and the state Keras carries from one `fit` to the next
/// (ModelCheckpoint's best value, ReduceLROnPlateau's counters); LearningRateScheduler keeps
/// its schedule function by reference.
extension CallbackObject: SnapshotCodable {
    static var snapshotKind: String { "keras.Callback/1" }

    private enum Saved: Codable, Equatable {
        case modelCheckpoint(filepath: String, monitor: String, verbose: Int, saveBestOnly: Bool, maximise: Bool, period: Int,
                             best: Double, epochsSinceLastSave: Int, saveWeightsOnly: Bool?)
        case reduceLROnPlateau(monitor: String, factor: Double, patience: Int, verbose: Int, maximise: Bool, minDelta: Double,
                               cooldown: Int, minLR: Float, wait: Int, cooldownCounter: Int, best: Double)
        case learningRateScheduler(verbose: Int)
        case csvLogger(filename: String, separator: String, append: Bool)
        case terminateOnNaN
        case tensorBoard(logDir: String)
    }

    private var saved: Saved? {
        switch callback {
        case let c as ModelCheckpoint:
            .modelCheckpoint(filepath: c.filepath, monitor: c.monitor, verbose: c.verbose, saveBestOnly: c.saveBestOnly,
                             maximise: c.maximise, period: c.period, best: c.best, epochsSinceLastSave: c.epochsSinceLastSave,
                             saveWeightsOnly: c.saveWeightsOnly ? true : nil)
        case let c as ReduceLROnPlateau:
            .reduceLROnPlateau(monitor: c.monitor, factor: c.factor, patience: c.patience, verbose: c.verbose,
                               maximise: c.maximise, minDelta: c.minDelta, cooldown: c.cooldown, minLR: c.minLR, wait: c.wait,
                               cooldownCounter: c.cooldownCounter, best: c.best)
        case let c as LearningRateScheduler: .learningRateScheduler(verbose: c.verbose)
        case let c as CSVLogger: .csvLogger(filename: c.filename, separator: c.separator, append: c.append)
        case is TerminateOnNaN: .terminateOnNaN
        case let c as TensorBoardLogs: .tensorBoard(logDir: c.logDir)
        default: nil
        }
    }

    func snapshot(into writer: inout SnapshotWriter) throws {
        guard let saved else { throw SnapshotError.unsupported("a \(className) callback") }
        writer.write(className)
        writer.write(bytes: try ExactJSON.encode(saved, "the \(className) callback"))
        try writer.write(value: (callback as? LearningRateScheduler)?.schedule ?? .none)
    }

    static func restore(from reader: inout SnapshotReader) throws -> CallbackObject {
        let className = try reader.readString()
        let saved = try ExactJSON.decode(Saved.self, from: try reader.readBytes(), "a callback")
        let schedule = try reader.readValue()
        let callback: any TrainingCallback
        switch saved {
        case let .modelCheckpoint(filepath, monitor, verbose, saveBestOnly, maximise, period, best, epochsSinceLastSave,
                                  saveWeightsOnly):
            let c = ModelCheckpoint(filepath: filepath, monitor: monitor, verbose: verbose, saveBestOnly: saveBestOnly,
                                    mode: maximise ? .max : .min, period: period)
            c.best = best
            c.epochsSinceLastSave = epochsSinceLastSave
            c.saveWeightsOnly = saveWeightsOnly ?? false
            callback = c
        case let .reduceLROnPlateau(monitor, factor, patience, verbose, maximise, minDelta, cooldown, minLR, wait, counter, best):
            let c = ReduceLROnPlateau(monitor: monitor, factor: factor, patience: patience, verbose: verbose,
                                      mode: maximise ? .max : .min, minDelta: minDelta, cooldown: cooldown, minLR: minLR)
            c.wait = wait
            c.cooldownCounter = counter
            c.best = best
            callback = c
        case let .learningRateScheduler(verbose): callback = LearningRateScheduler(schedule: schedule, verbose: verbose)
        case let .csvLogger(filename, separator, append): callback = CSVLogger(filename: filename, separator: separator, append: append)
        case .terminateOnNaN: callback = TerminateOnNaN()
        case let .tensorBoard(logDir): callback = TensorBoardLogs(logDir: logDir)
        }
        return CallbackObject(callback, className: className)
    }
}
