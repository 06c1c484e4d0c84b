import CellLanguage
import NeuralEngine

/// `fit`, `evaluate`, `predict`: Keras 2's signatures bound onto the engine, with the
/// training log written as a chart part and the live progress bar sent to the terminal.
extension SequentialObject {
    /// `fit(x, y, batch_size=32, epochs=1, verbose=1, callbacks=None, validation_split=0.0,
    /// validation_data=None, shuffle=True, class_weight=None, sample_weight=None,
    /// initial_epoch=0, steps_per_epoch=None, validation_steps=None)` → `History`.
    func fit(_ arguments: Arguments, _ interpreter: Interpreter, receiver: Value? = nil) throws -> Value {
        if let steps = try StepTraining("fit", receiver: receiver ?? .host(self), owner: self, interpreter) {
            return try steps.fit(arguments)
        }
        let a = try LegacyArguments.fitArguments(arguments, interpreter).bind("fit", TrainingArguments.fitParameters)
        guard model.compiled != nil else { throw KerasError.notCompiled.pythonException }
        if model.trainableFlagsChangedSinceCompile {
            try PythonWarnings.warn("Discrepancy between trainable weights and collected trainable weights, did you set "
                                     + "`model.trainable` without calling `model.compile` after ?", interpreter)
        }
        let x = try KerasArrays.samples(a["x"], "x")
        guard !a["y"].isNone else {
            throw PyException(.valueError, "fit() needs targets: pass `y` (Labbook has no generators or datasets)")
        }
        let y = try KerasArrays.samples(a["y"], "y")
        let epochs = try Convert.int(a["epochs"], "epochs")
        let verbose = try Convert.verbose(a["verbose"])
        let split = try Convert.double(a["validation_split"], "validation_split")
        guard split >= 0, split < 1 else {
            throw PyException(.valueError, "`validation_split` must be in [0, 1), got \(split)")
        }
        let validation = try validationData(a["validation_data"])
        if case .str = a["shuffle"] {
            throw PyException(.valueError, "fit(shuffle='batch') is not supported by Labbook's engine; use True or False")
        }
        let initialEpoch = try Convert.int(a["initial_epoch"], "initial_epoch")
        let stepsPerEpoch = try TrainingArguments.steps(a["steps_per_epoch"], "steps_per_epoch")
        let validationSteps = try TrainingArguments.steps(a["validation_steps"], "validation_steps")
        let validating = validation != nil || split > 0
        let samples = validation == nil && split > 0 ? Int(Double(x.shape[0]) * (1 - split)) : x.shape[0]
        // With `steps_per_epoch` and no batch size, tf.keras cuts the samples into that many batches.
        let batchSize = try Convert.optionalInt(a["batch_size"], "batch_size")
            ?? stepsPerEpoch.map { max(1, (samples + $0 - 1) / $0) } ?? 32
        let sampleWeights = try TrainingArguments.weights(sampleWeight: a["sample_weight"], classWeight: a["class_weight"],
                                                          targets: y)
        var metricNames = model.compiled?.logNames ?? ["loss"]
        if validating { metricNames += metricNames.map { "val_" + $0 } }
        // Keras 2's `callback.params` (and `history.params`).
        let params: [(String, Value)] = [
            ("batch_size", .int(batchSize)), ("epochs", .int(epochs)), ("steps", stepsPerEpoch.map { .int($0) } ?? .none),
            ("samples", stepsPerEpoch == nil ? .int(samples) : .none), ("verbose", .int(verbose)),
            ("do_validation", .bool(validating)),
            ("metrics", .list(PyList(metricNames.map { .str($0) }))),
        ]
        let (callbacks, earlyStoppingObjects) = try callbackList(a["callbacks"], interpreter, params: PyDict(params))
        let reporter = FitReporter(verbose: verbose, showTimings: state.settings.showTimings, interpreter: interpreter)
        let history: History
        do {
            history = try pythonErrors {
                try model.fit(x, y, batchSize: batchSize, epochs: epochs, validationSplit: validation == nil ? split : 0,
                              validationData: validation.map { ($0.x, $0.y) }, shuffle: a["shuffle"].isTruthy,
                              initialEpoch: initialEpoch, callbacks: callbacks, sampleWeights: sampleWeights,
                              validationSampleWeights: validation?.weights, stepsPerEpoch: stepsPerEpoch,
                              validationSteps: validationSteps, rng: &state.random) { event in
                    // The engine callbacks start over here: a restored `stopped_epoch` is stale.
                    if case .trainBegin = event { for object in earlyStoppingObjects { object.restoredStoppedEpoch = nil } }
                    try reporter.observe(event)
                }
            }
        } catch {
            reporter.finish(history: nil, title: model.name)
            throw error
        }
        reporter.finish(history: history, title: model.name)
        emitFitRecord(history: history, epochs: epochs, batchSize: batchSize, interpreter: interpreter)
        let object = HistoryObject(history, params: params, model: self)
        lastHistory = object
        return .host(object)
    }

    /// `validation_data=(x_val, y_val)` or `(x_val, y_val, val_sample_weights)`.
    private func validationData(_ value: Value) throws -> (x: any SampleSource, y: any SampleSource, weights: [Float]?)? {
        if value.isNone { return nil }
        let items: [Value]
        switch value {
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default:
            throw PyException(.valueError, "When passing validation_data, it must contain 2 (x_val, y_val) items, however it contains \(Convert.describe(value))")
        }
        guard items.count == 2 || items.count == 3 else {
            throw PyException(.valueError, "When passing validation_data, it must contain 2 (x_val, y_val) or 3 (x_val, y_val, "
                              + "val_sample_weights) items, however it contains \(items.count) items")
        }
        let y = try KerasArrays.samples(items[1], "validation_data[1]")
        let weights = items.count == 3
            ? try TrainingArguments.weights(sampleWeight: items[2], classWeight: .none, targets: y) : nil
        return (try KerasArrays.samples(items[0], "validation_data[0]"), y, weights)
    }

    /// `callbacks=[EarlyStopping(...), ModelCheckpoint(...), ...]`: the engine callbacks in
    /// order, and the EarlyStopping objects among them.
    func callbackList(_ value: Value, _ interpreter: Interpreter, params: PyDict) throws
        -> (callbacks: [any TrainingCallback], earlyStopping: [EarlyStoppingObject]) {
        if value.isNone { return ([], []) }
        var callbacks: [any TrainingCallback] = []
        var earlyStopping: [EarlyStoppingObject] = []
        for item in try interpreterList(value, "callbacks") {
            switch item {
            case .host(let object as EarlyStoppingObject):
                callbacks.append(object.callback)
                earlyStopping.append(object)
            case .host(let object as CallbackObject):
                object.prepare(interpreter)
                callbacks.append(object.callback)
            case _ where PythonCallback.isCallback(item, interpreter):
                callbacks.append(PythonCallback(item, model: self, params: params, interpreter: interpreter))
            default:
                throw PyException(.valueError, "Labbook's fit takes the callbacks of keras.callbacks (EarlyStopping, ModelCheckpoint, "
                                  + "ReduceLROnPlateau, LearningRateScheduler, CSVLogger, TerminateOnNaN) and subclasses of "
                                  + "keras.callbacks.Callback, got \(item.repr)")
            }
        }
        return (callbacks, earlyStopping)
    }

    /// `predict(x, batch_size=32, verbose=0)` → a float32 array.
    func predict(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        KerasArrays.array(try predictTensor(arguments, "predict", interpreter))
    }

    /// `predict_classes(x)` (Keras 2 Sequential): the argmax class of each sample, or for a
    /// single output unit `1` where the prediction exceeds 0.5.
    func predictClasses(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let output = try predictTensor(arguments, "predict_classes", interpreter)
        let width = output.shape.last ?? 1
        let rows = width == 0 ? 0 : output.count / width
        var classes = [Int](repeating: 0, count: rows)
        for r in 0..<rows {
            let row = output.scalars[(r * width)..<(r * width + width)]
            if width == 1 {
                classes[r] = (row.first ?? 0) > 0.5 ? 1 : 0
            } else {
                var best = r * width
                for i in row.indices where row[i] > row[best] { best = i }
                classes[r] = best - r * width
            }
        }
        return KerasArrays.array(shape: width == 1 ? Array(output.shape.dropLast()) + [1] : Array(output.shape.dropLast()),
                                 int64: classes)
    }
}
