import CellLanguage
import Foundation
import NeuralEngine

/// `fit` and `evaluate` batch by batch in Python, as tf.keras 2 runs them: each batch of data
/// goes to the model's `train_step` (or `test_step`) as a tuple of tensors, `(x, y)` or
/// `(x, y, sample_weight)`, and what the step returns (a dict of names to values) is the
/// batch's logs: the progress bar's line, the callbacks' logs and, at the epoch's end, the
/// epoch's logs and `History`. The metrics of `model.metrics` are reset before each epoch and
/// before each test pass. Used when a model overrides `train_step`/`test_step` or was compiled
/// with a metric only Python can update; otherwise the engine's own loop runs.
///
/// The batches are the engine's (`BatchStream`, the same shuffles from the same generator),
/// and the default `train_step` computes what the engine computes, so a step that does what
/// the default one does trains to the same weights as the engine's `fit`.
struct StepTraining {
    /// The model as cells see it: a subclass instance, a functional model, a `Sequential`.
    let receiver: Value
    /// The model's compile settings, callbacks and history (a `Sequential`, an eager model).
    let owner: any StepTrainingOwner
    let interpreter: Interpreter

    /// The runner for `function` ("fit" or "evaluate"), or nil when the engine's loop serves.
    init?(_ function: String, receiver: Value, owner: any StepTrainingOwner, _ interpreter: Interpreter) throws {
        let step = function == "fit" ? "train_step" : "test_step"
        var overridden = try DefaultSteps.overrides(step, receiver, interpreter)
        // fit's validation runs the model's own test_step.
        if function == "fit", !overridden { overridden = try DefaultSteps.overrides("test_step", receiver, interpreter) }
        guard overridden || owner.steps?.needsSteps == true else { return nil }
        self.receiver = receiver
        self.owner = owner
        self.interpreter = interpreter
    }

    private var state: LibraryState { owner.state }

    // MARK: fit

    func fit(_ arguments: Arguments) throws -> Value {
        let a = try LegacyArguments.fitArguments(arguments, interpreter).bind("fit", TrainingArguments.fitParameters)
        guard owner.steps != nil else { throw KerasError.notCompiled.pythonException }
        for key in ["steps_per_epoch", "validation_steps"] where !a[key].isNone {
            throw PyException(.notImplementedError, "Labbook's fit with a train_step runs whole passes over the data; "
                              + "\(key)= is not supported there")
        }
        let x = try Self.array(a["x"], "x")
        let y = a["y"].isNone ? nil : try Self.array(a["y"], "y")
        let epochs = try Convert.int(a["epochs"], "epochs")
        let verbose = try Convert.verbose(a["verbose"])
        let split = try Convert.double(a["validation_split"], "validation_split")
        guard split >= 0, split < 1 else { throw PyException(.valueError, "`validation_split` must be in [0, 1), got \(split)") }
        let batchSize = try Convert.optionalInt(a["batch_size"], "batch_size") ?? 32
        guard batchSize > 0 else { throw PyException(.valueError, "Expected `batch_size` to be a positive integer, got \(batchSize).") }
        let initialEpoch = try Convert.int(a["initial_epoch"], "initial_epoch")
        let weights = try y.map { try TrainingArguments.weights(sampleWeight: Self.column(a["sample_weight"]),
                                                                classWeight: a["class_weight"],
                                                                targets: KerasArrays.samples(.host($0), "y")) } ?? nil
        var train = Split(x: x, y: y, weights: weights, rows: 0..<x.shape[0])
        var validation: Split?
        if !a["validation_data"].isNone {
            validation = try Self.validationData(a["validation_data"])
        } else if split > 0 {
            let cut = Int(Double(x.shape[0]) * (1 - split))
            validation = Split(x: x, y: y, weights: weights, rows: cut..<x.shape[0])
            train.rows = 0..<cut
        }
        let trainCount = train.rows.count
        if trainCount == 0 {
            throw PyException(.valueError, "Expect x to be a non-empty array or dataset.")
        }
        var names = try metricNames()
        if validation != nil { names += names.map { "val_" + $0 } }
        let params: [(String, Value)] = [
            ("batch_size", .int(batchSize)), ("epochs", .int(epochs)), ("steps", .none), ("samples", .int(trainCount)),
            ("verbose", .int(verbose)), ("do_validation", .bool(validation != nil)),
            ("metrics", .list(PyList(names.map { .str($0) }))),
        ]
        let (callbacks, _) = try owner.callbackList(a["callbacks"], interpreter, params: PyDict(params))
        let reporter = FitReporter(verbose: verbose, showTimings: state.settings.showTimings, interpreter: interpreter)
        let history: History
        do {
            history = try pythonErrors {
                try loop(train, validation: validation, batchSize: batchSize, epochs: epochs, initialEpoch: initialEpoch,
                         shuffle: a["shuffle"].isTruthy, callbacks: callbacks, emit: reporter.observe)
            }
        } catch {
            reporter.finish(history: nil, title: owner.callbackModel.name)
            throw error
        }
        reporter.finish(history: history, title: owner.callbackModel.name)
        return .host(owner.recordFit(history, params: params, epochs: epochs, batchSize: batchSize, interpreter: interpreter))
    }

    /// The samples `rows` of one pass's data.
    struct Split {
        let x: NDArray
        let y: NDArray?
        let weights: [Float]?
        var rows: Range<Int>
    }

    private func loop(_ train: Split, validation: Split?, batchSize: Int, epochs: Int, initialEpoch: Int, shuffle: Bool,
                      callbacks: [any TrainingCallback], emit: @escaping (TrainingEvent) throws -> Void) throws -> History {
        let model = owner.callbackModel
        let message: (String) throws -> Void = { try emit(.message($0)) }
        var batches = BatchStream(samples: train.rows.count, batchSize: batchSize, shuffle: shuffle, passes: nil)
        var history = History()
        model.stopTraining = false
        try emit(.trainBegin(samples: train.rows.count, validationSamples: validation?.rows.count, epochs: epochs,
                             initialEpoch: initialEpoch))
        for callback in callbacks { try callback.trainBegin(model: model, emit: message) }
        for epoch in initialEpoch..<max(initialEpoch, epochs) {
            try resetMetrics()
            try emit(.epochBegin(epoch: epoch))
            for callback in callbacks { try callback.epochBegin(epoch, model: model, emit: message) }
            let start = ContinuousClock.now
            batches.startPass(rng: &state.random)
            var logs = Logs()
            var seen = 0, batch = 0
            while let rows = batches.next(rng: &state.random) {
                for callback in callbacks { try callback.batchBegin(batch, size: rows.count, model: model, emit: message) }
                let data = batchData(train, rows.map { train.rows.lowerBound + $0 })
                logs = try Self.logs(try interpreter.call(try interpreter.getAttribute(receiver, "train_step"), Arguments([data])),
                                     step: "train_step")
                seen += rows.count
                try emit(.batchEnd(batch: batch, seen: seen, samples: train.rows.count,
                                   seconds: start.duration(to: .now) / .seconds(1), logs: logs))
                if !callbacks.isEmpty {
                    let batchLogs = Logs([.init(name: "batch", value: Double(batch)), .init(name: "size", value: Double(rows.count))]
                                         + logs.entries)
                    for callback in callbacks { try callback.batchEnd(batch, logs: batchLogs, model: model, emit: message) }
                }
                batch += 1
                if model.stopTraining { break }
            }
            var epochLogs = logs
            if let validation {
                let values = try test(validation, batchSize: batchSize, callbacks: callbacks, emit: message)
                epochLogs.entries += values.entries.map { .init(name: "val_" + $0.name, value: $0.value) }
            }
            try emit(.epochEnd(epoch: epoch, logs: epochLogs, seconds: start.duration(to: .now) / .seconds(1)))
            for callback in callbacks where try callback.epochEnd(epoch, logs: &epochLogs, model: model, emit: message) {
                model.stopTraining = true
            }
            history.append(epoch: epoch, logs: epochLogs)
            if model.stopTraining { break }
        }
        for callback in callbacks { try callback.trainEnd(model: model, emit: message) }
        try emit(.trainEnd)
        return history
    }

    /// One test pass (`evaluate`, or the validation after an epoch): the metrics reset, then
    /// `test_step` on each batch in order; the last batch's logs.
    private func test(_ split: Split, batchSize: Int, callbacks: [any TrainingCallback],
                      emit: (String) throws -> Void) throws -> Logs {
        let model = owner.callbackModel
        try resetMetrics()
        for callback in callbacks { try callback.testBegin(model: model, emit: emit) }
        var logs = Logs()
        for (batch, start) in stride(from: split.rows.lowerBound, to: split.rows.upperBound, by: batchSize).enumerated() {
            let rows = Array(start..<min(start + batchSize, split.rows.upperBound))
            for callback in callbacks { try callback.testBatchBegin(batch, size: rows.count, model: model, emit: emit) }
            logs = try Self.logs(try interpreter.call(try interpreter.getAttribute(receiver, "test_step"),
                                                      Arguments([batchData(split, rows)])), step: "test_step")
            if !callbacks.isEmpty {
                let batchLogs = Logs([.init(name: "batch", value: Double(batch)), .init(name: "size", value: Double(rows.count))]
                                     + logs.entries)
                for callback in callbacks { try callback.testBatchEnd(batch, logs: batchLogs, model: model, emit: emit) }
            }
            try interpreter.checkDeadline()
        }
        for callback in callbacks { try callback.testEnd(model: model, emit: emit) }
        return logs
    }

    // MARK: evaluate

    /// `evaluate(x, y, batch_size=32, verbose=1, sample_weight=None, steps=None, callbacks=None,
    /// return_dict=False)`: the last test step's logs, as a list in `model.metrics_names`'
    /// order (a bare value when there is one) or as a dict.
    func evaluate(_ arguments: Arguments) throws -> Value {
        let a = try arguments.bind("evaluate", [
            .init("x", default: .none), .init("y", default: .none), .init("batch_size", default: .none),
            .init("verbose", default: .int(1)), .init("sample_weight", default: .none), .init("steps", default: .none),
            .init("callbacks", default: .none), .init("return_dict", default: .bool(false)),
        ])
        guard owner.steps != nil else { throw KerasError.notCompiled.pythonException }
        if !a["steps"].isNone {
            throw PyException(.notImplementedError, "Labbook's evaluate with a test_step runs one whole pass; steps= is not supported there")
        }
        let x = try Self.array(a["x"], "x")
        let y = a["y"].isNone ? nil : try Self.array(a["y"], "y")
        let batchSize = try Convert.optionalInt(a["batch_size"], "batch_size") ?? 32
        guard batchSize > 0 else { throw PyException(.valueError, "Expected `batch_size` to be a positive integer, got \(batchSize).") }
        let verbose = try Convert.verbose(a["verbose"])
        let weights = try y.map { try TrainingArguments.weights(sampleWeight: Self.column(a["sample_weight"]), classWeight: .none,
                                                                targets: KerasArrays.samples(.host($0), "y")) } ?? nil
        let params: [(String, Value)] = [
            ("batch_size", .int(batchSize)), ("steps", .none), ("samples", .int(x.shape[0])), ("verbose", .int(verbose)),
            ("metrics", .list(PyList(try metricNames().map { .str($0) }))),
        ]
        let (callbacks, _) = try owner.callbackList(a["callbacks"], interpreter, params: PyDict(params))
        let start = ContinuousClock.now
        let logs = try pythonErrors {
            try test(Split(x: x, y: y, weights: weights, rows: 0..<x.shape[0]), batchSize: batchSize, callbacks: callbacks,
                     emit: { interpreter.write($0 + "\n") })
        }
        if verbose == 1 {
            interpreter.write(FitReporter.evaluationLine(samples: x.shape[0], seconds: start.duration(to: .now) / .seconds(1),
                                                         showTimings: state.settings.showTimings) + "\n")
        }
        if a["return_dict"].isTruthy {
            return .dict(PyDict(logs.entries.map { ($0.name, .float($0.value)) }))
        }
        // Keras 2's `flatten_metrics_in_order`: the metrics' names first, then the rest by name.
        let order = try metricNames()
        let known = order.compactMap { name in logs.entries.first { $0.name == name } }
        let rest = logs.entries.filter { !order.contains($0.name) }.sorted { $0.name < $1.name }
        let values = (known + rest).map { Value.float($0.value) }
        return values.count == 1 ? values[0] : .list(PyList(values))
    }

    // MARK: Pieces

    /// `[m.name for m in model.metrics]`, through the model (a subclass may override `metrics`).
    private func metricNames() throws -> [String] {
        try interpreterList(try interpreter.getAttribute(receiver, "metrics"), "metrics").map {
            try Convert.string(try interpreter.getAttribute($0, "name"), "name")
        }
    }

    /// `model.reset_metrics()`.
    private func resetMetrics() throws {
        _ = try interpreter.call(try interpreter.getAttribute(receiver, "reset_metrics"), Arguments([]))
    }

    /// The tuple a step receives: `(x, y)`, `(x, y, sample_weight)`, or `(x,)` without targets.
    private func batchData(_ split: Split, _ rows: [Int]) -> Value {
        var parts: [Value] = [.host(EagerTensor(Self.rows(rows, of: split.x)))]
        if let y = split.y { parts.append(.host(EagerTensor(Self.rows(rows, of: y)))) }
        if let weights = split.weights {
            parts.append(.host(EagerTensor(NDArray(shape: [rows.count], storage: .float32(rows.map { weights[$0] })))))
        }
        return .tuple(parts)
    }

    /// The samples `rows` of `array`, in its dtype.
    static func rows(_ rows: [Int], of array: NDArray) -> NDArray {
        let sampleShape = Array(array.shape.dropFirst())
        let size = sampleShape.reduce(1, *)
        var indices: [Int] = []
        indices.reserveCapacity(rows.count * size)
        for row in rows { indices.append(contentsOf: (row * size)..<(row * size + size)) }
        return NDArray(shape: [rows.count] + sampleShape, storage: array.storage.gathered(indices))
    }

    /// `x` or `y` as an array: a numpy array or tensor as it is, nested lists as float32.
    static func array(_ value: Value, _ what: String) throws -> NDArray {
        // Made contiguous once (a view such as `x[:1000]` would be gathered from on every batch).
        if case .host(let a as NDArray) = value, !a.shape.isEmpty { return NDArray(shape: a.shape, storage: a.storage) }
        if case .host(let h as ArrayConvertible) = value, !h.arrayValue.shape.isEmpty { return h.arrayValue }
        switch value {
        case .list(let l) where l.items.contains(where: { if case .host = $0 { true } else { false } }):
            throw PyException(.notImplementedError, "Labbook's fit with a train_step takes one input array, not a list of them")
        case .dict:
            throw PyException(.notImplementedError, "Labbook's fit with a train_step takes one input array, not a dict of them")
        default:
            return NDArray(try KerasArrays.tensor(value, what))
        }
    }

    /// Sample weights shaped `(n, 1)` as `(n,)`: tf.keras 2's data adapter takes both.
    private static func column(_ value: Value) throws -> Value {
        let array: NDArray
        switch value {
        case .host(let a as NDArray): array = a
        case .host(let h as ArrayConvertible): array = h.arrayValue
        default: return value
        }
        guard array.shape.count == 2, array.shape[1] == 1 else { return value }
        return .host(NDArray(shape: [array.shape[0]], storage: array.storage))
    }

    /// `validation_data=(x_val, y_val)` or `(x_val, y_val, val_sample_weights)`.
    private static func validationData(_ value: Value) throws -> Split {
        let items: [Value]
        switch value {
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default: items = []
        }
        guard items.count == 2 || items.count == 3 else {
            throw PyException(.valueError, "When passing validation_data, it must contain 2 (x_val, y_val) or 3 (x_val, y_val, "
                              + "val_sample_weights) items, however it contains \(items.count) items")
        }
        let x = try array(items[0], "validation_data[0]")
        let y = try array(items[1], "validation_data[1]")
        let weights = items.count == 3 ? try KerasArrays.tensor(items[2], "validation_data[2]").scalars : nil
        return Split(x: x, y: y, weights: weights, rows: 0..<x.shape[0])
    }

    /// A step's dict as logs: each value a number (a scalar tensor, a metric's result).
    static func logs(_ value: Value, step: String) throws -> Logs {
        guard case .dict(let dict) = value else {
            throw PyException(.typeError, "Labbook's fit expects `\(step)` to return a dict of metric names to values, "
                              + "as Keras' does, got \(Convert.describe(value))")
        }
        return Logs(try dict.entries.map { key, item in
            guard case .str(let name) = key else { throw PyException(.typeError, "`\(step)` returned a dict with a key \(key.repr)") }
            let scalars = try KerasArrays.tensor(item, name).scalars
            guard scalars.count == 1 else {
                throw PyException(.valueError, "`\(step)` returned \(name) with \(scalars.count) values; a log holds one number")
            }
            return Logs.Entry(name: name, value: Double(scalars[0]))
        })
    }
}
