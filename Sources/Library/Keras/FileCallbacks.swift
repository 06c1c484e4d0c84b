import CellLanguage
import Foundation
import NeuralEngine

/// `keras.callbacks.ModelCheckpoint`: saves the model (Labbook's model file, as `model.save`)
/// after an epoch, every `period` epochs, or only when `monitor` improved
/// (`save_best_only=True`). The path is formatted with Python's `str.format` and the epoch
/// (1-based) and logs: `'model-{epoch:02d}-{val_loss:.2f}.h5'`. With `verbose=1` it prints
/// Keras 2's lines (`Epoch 00003: val_loss improved from 0.41230 to 0.39871, saving model to best.h5`).
final class ModelCheckpoint: TrainingCallback {
    let filepath: String
    let monitor: String
    let verbose: Int
    let saveBestOnly: Bool
    let maximise: Bool
    let period: Int
    /// The best monitored value so far (Keras keeps it across fits), and the epochs since
    /// the last save.
    var best: Double
    var epochsSinceLastSave = 0
    var interpreter: Interpreter?
    /// `save_weights_only=True`: `model.save_weights(path)` in place of `model.save(path)`.
    var saveWeightsOnly = false

    private func save(_ model: Sequential, to path: String) throws {
        if saveWeightsOnly { try WeightFiles.save(model, to: path) } else { try ModelFile.save(model, to: path) }
    }

    init(filepath: String, monitor: String, verbose: Int, saveBestOnly: Bool, mode: EarlyStopping.Mode, period: Int) {
        self.filepath = filepath
        self.monitor = monitor
        self.verbose = verbose
        self.saveBestOnly = saveBestOnly
        maximise = mode == .max || (mode == .auto && (monitor.contains("acc") || monitor.hasPrefix("fmeasure")))
        self.period = period
        best = maximise ? -.infinity : .infinity
    }

    func epochEnd(_ epoch: Int, logs: inout Logs, model: Sequential, emit: (String) throws -> Void) throws -> Bool {
        epochsSinceLastSave += 1
        guard epochsSinceLastSave >= period else { return false }
        epochsSinceLastSave = 0
        let path = try formattedPath(epoch: epoch, logs: logs)
        let label = String(format: "\nEpoch %05d: ", epoch + 1)
        guard saveBestOnly else {
            if verbose > 0 { try emit(label + "saving model to \(path)") }
            try save(model, to: path)
            return false
        }
        guard let current = logs[monitor] else {
            try emit("RuntimeWarning: Can save best model only with \(monitor) available, skipping.")
            return false
        }
        if maximise ? current > best : current < best {
            if verbose > 0 {
                try emit(label + "\(monitor) improved from " + String(format: "%0.5f to %0.5f", best, current)
                         + ", saving model to \(path)")
            }
            best = current
            try save(model, to: path)
        } else if verbose > 0 {
            try emit(label + "\(monitor) did not improve from " + String(format: "%0.5f", best))
        }
        return false
    }

    /// `filepath.format(epoch=epoch + 1, **logs)`, through the cell language's own `str.format`.
    private func formattedPath(epoch: Int, logs: Logs) throws -> String {
        guard filepath.contains("{"), let interpreter else { return filepath }
        let format = try interpreter.getAttribute(.str(filepath), "format")
        let keywords = [(name: "epoch", value: Value.int(epoch + 1))] + logs.entries.map { (name: $0.name, value: Value.float($0.value)) }
        guard case .str(let path) = try interpreter.call(format, Arguments([], keywords: keywords)) else { return filepath }
        return path
    }
}

/// `keras.callbacks.CSVLogger(filename, separator=',', append=False)`: one row per epoch,
/// `epoch` (0-based) then the logs' keys in sorted order, values as Python prints floats,
/// lines ended by `\r\n` (Python's `csv` dialect), written and flushed after each epoch.
final class CSVLogger: TrainingCallback {
    let filename: String
    let separator: String
    let append: Bool
    private var keys: [String]?
    private var handle: FileHandle?

    init(filename: String, separator: String, append: Bool) {
        self.filename = filename
        self.separator = separator
        self.append = append
    }

    func trainBegin(model: Sequential, emit: (String) throws -> Void) throws {
        keys = nil
        let existing = append ? FileManager.default.contents(atPath: filename) : nil
        if existing == nil && !FileManager.default.createFile(atPath: filename, contents: Data()) {
            throw PyException(.osError, "CSVLogger cannot write '\(filename)'")
        }
        handle = FileHandle(forWritingAtPath: filename)
        _ = try handle?.seekToEnd()
        writeHeader = existing?.isEmpty ?? true
    }

    private var writeHeader = true

    func epochEnd(_ epoch: Int, logs: inout Logs, model: Sequential, emit: (String) throws -> Void) throws -> Bool {
        let keys = self.keys ?? logs.entries.map(\.name).sorted()
        self.keys = keys
        var lines = ""
        if writeHeader {
            lines += (["epoch"] + keys).joined(separator: separator) + "\r\n"
            writeHeader = false
        }
        let values = keys.map { key in logs[key].map { Value.float($0).repr } ?? "NA" }
        lines += ([String(epoch)] + values).joined(separator: separator) + "\r\n"
        try handle?.write(contentsOf: Data(lines.utf8))
        return false
    }

    func trainEnd(model: Sequential, emit: (String) throws -> Void) throws {
        try handle?.close()
        handle = nil
    }
}

/// `keras.callbacks.LearningRateScheduler(schedule, verbose=0)`: before each epoch, sets the
/// optimizer's rate to `schedule(epoch, lr)` (or `schedule(epoch)`, Keras 2's older form,
/// when the two-argument call raises a TypeError); records `lr` in the epoch's logs.
final class LearningRateScheduler: TrainingCallback {
    let schedule: Value
    let verbose: Int
    var interpreter: Interpreter?

    init(schedule: Value, verbose: Int) {
        self.schedule = schedule
        self.verbose = verbose
    }

    func epochBegin(_ epoch: Int, model: Sequential, emit: (String) throws -> Void) throws {
        guard let interpreter, let optimizer = model.compiled?.optimizer else { return }
        let current = Value.float(Double(optimizer.learningRate))
        var result: Value
        do {
            result = try interpreter.call(schedule, .int(epoch), current)
        } catch let error as PyException where error.type == .typeError {
            result = try interpreter.call(schedule, .int(epoch))
        }
        // Keras accepts a Python float or a NumPy float scalar.
        let rate: Double
        switch result {
        case .float(let value): rate = value
        case .host(let scalar) where scalar.asDouble != nil: rate = scalar.asDouble ?? 0
        default: throw PyException(.valueError, "The output of the \"schedule\" function should be float.")
        }
        optimizer.learningRate = Float(rate)
        if verbose > 0 {
            try emit(String(format: "\nEpoch %05d: LearningRateScheduler setting learning rate to ", epoch + 1) + "\(result.repr).")
        }
    }

    func epochEnd(_ epoch: Int, logs: inout Logs, model: Sequential, emit: (String) throws -> Void) throws -> Bool {
        if let optimizer = model.compiled?.optimizer {
            logs.entries.append(Logs.Entry(name: "lr", value: Double(optimizer.learningRate)))
        }
        return false
    }
}
