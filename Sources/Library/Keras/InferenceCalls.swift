import CellLanguage
import NeuralEngine

/// `evaluate` and `predict` with Keras 2.3's arguments: `sample_weight=` for `evaluate`,
/// `steps=` and `callbacks=` for both (a `Callback` subclass gets `set_params` and `set_model`,
/// then the `on_test_*` or `on_predict_*` hooks; what it prints goes to the cell's output).
extension SequentialObject {
    /// `evaluate(x, y, batch_size=32, verbose=1, sample_weight=None, steps=None, callbacks=None,
    /// return_dict=False)`
    /// → `[loss, metric, ...]`, or the bare loss when the model has no metrics.
    func evaluate(_ arguments: Arguments, _ interpreter: Interpreter, receiver: Value? = nil) throws -> Value {
        if let steps = try StepTraining("evaluate", receiver: receiver ?? .host(self), owner: self, interpreter) {
            return try steps.evaluate(arguments)
        }
        let a = try arguments.bind("evaluate", [
            .init("x", default: .none), .init("y", default: .none), .init("batch_size", default: .none),
            .init("verbose", default: .int(1)), .init("sample_weight", default: .none), .init("steps", default: .none),
            .init("callbacks", default: .none), .init("return_dict", default: .bool(false)),
        ])
        guard model.compiled != nil else { throw KerasError.notCompiled.pythonException }
        let x = try KerasArrays.samples(a["x"], "x")
        let y = try KerasArrays.samples(a["y"], "y")
        let steps = try TrainingArguments.steps(a["steps"], "steps")
        let batchSize = try Convert.optionalInt(a["batch_size"], "batch_size") ?? 32
        let verbose = try Convert.verbose(a["verbose"])
        let weights = try TrainingArguments.weights(sampleWeight: a["sample_weight"], classWeight: .none, targets: y)
        let metrics = model.compiled?.logNames ?? ["loss"]
        let params: [(String, Value)] = [
            ("batch_size", .int(batchSize)), ("steps", steps.map { .int($0) } ?? .none),
            ("samples", steps == nil ? .int(x.shape[0]) : .none), ("verbose", .int(verbose)),
            ("metrics", .list(PyList(metrics.map { .str($0) }))),
        ]
        let callbacks = try inferenceCallbacks(a["callbacks"], params: params, interpreter)
        try interpreter.checkDeadline()
        let clock = ContinuousClock()
        let start = clock.now
        let values = try pythonErrors {
            try model.evaluate(x, y, batchSize: batchSize, sampleWeights: weights, steps: steps, callbacks: callbacks,
                               emit: { interpreter.write($0 + "\n") }, rng: &state.random)
        }
        // Keras 2's test and predict loops draw a bar for verbose=1 only: 2 prints nothing.
        if verbose == 1 {
            let elapsed = start.duration(to: clock.now)
            interpreter.write(FitReporter.evaluationLine(samples: x.shape[0], seconds: elapsed / .seconds(1),
                                                         showTimings: state.settings.showTimings) + "\n")
        }
        try interpreter.checkDeadline()
        emitEvaluationRecord(values, interpreter: interpreter)
        // tf.keras 2's `return_dict=True`: the values by name.
        if a["return_dict"].isTruthy { return .dict(PyDict(zip(metrics, values).map { ($0, .float($1)) })) }
        if values.count == 1 { return .float(values[0]) }
        return .list(PyList(values.map { .float($0) }))
    }

    /// `predict(x, batch_size=32, verbose=0, steps=None, callbacks=None)` and `predict_classes`.
    func predictTensor(_ arguments: Arguments, _ function: String, _ interpreter: Interpreter) throws -> Tensor {
        let a = try arguments.bind(function, [
            "x", .init("batch_size", default: .none), .init("verbose", default: .int(0)), .init("steps", default: .none),
            .init("callbacks", default: .none),
        ])
        let x = try KerasArrays.samples(a["x"], "x")
        let batchSize = try Convert.optionalInt(a["batch_size"], "batch_size") ?? 32
        let verbose = try Convert.verbose(a["verbose"])
        let steps = try TrainingArguments.steps(a["steps"], "steps")
        let params: [(String, Value)] = [
            ("batch_size", .int(batchSize)), ("steps", steps.map { .int($0) } ?? .none),
            ("samples", steps == nil ? .int(x.shape[0]) : .none), ("verbose", .int(verbose)),
        ]
        let callbacks = try inferenceCallbacks(a["callbacks"], params: params, interpreter)
        try interpreter.checkDeadline()
        let start = ContinuousClock.now
        let output = try pythonErrors {
            try model.predict(x, batchSize: batchSize, steps: steps, callbacks: callbacks,
                              emit: { interpreter.write($0 + "\n") }, rng: &state.random)
        }
        if verbose == 1 {
            interpreter.write(FitReporter.evaluationLine(samples: output.shape[0], seconds: start.duration(to: .now) / .seconds(1),
                                                         showTimings: state.settings.showTimings) + "\n")
        }
        return output
    }

    /// The callbacks of `evaluate`/`predict`, each `Callback` subclass set up with `params`
    /// and the model first, as Keras' loops do.
    private func inferenceCallbacks(_ value: Value, params: [(String, Value)], _ interpreter: Interpreter) throws
        -> [any TrainingCallback] {
        let (callbacks, _) = try callbackList(value, interpreter, params: PyDict(params))
        for case let callback as PythonCallback in callbacks {
            try callback.setUp { interpreter.write($0 + "\n") }
        }
        return callbacks
    }
}

/// Reading `fit`/`evaluate`'s weighting and step arguments.
enum TrainingArguments {
    /// `fit(x, y, batch_size=None, epochs=1, verbose=1, callbacks=None, validation_split=0.0,
    /// validation_data=None, shuffle=True, class_weight=None, sample_weight=None,
    /// initial_epoch=0, steps_per_epoch=None, validation_steps=None)`: Keras 2's signature,
    /// for the engine's loop and for `StepTraining`.
    static var fitParameters: [HostParameter] { [
        .init("x", default: .none), .init("y", default: .none), .init("batch_size", default: .none),
        .init("epochs", default: .int(1)), .init("verbose", default: .int(1)), .init("callbacks", default: .none),
        .init("validation_split", default: .float(0)), .init("validation_data", default: .none),
        .init("shuffle", default: .bool(true)), .init("class_weight", default: .none),
        .init("sample_weight", default: .none), .init("initial_epoch", default: .int(0)),
        .init("steps_per_epoch", default: .none), .init("validation_steps", default: .none),
    ] }

    /// `steps_per_epoch=`, `validation_steps=`, `steps=`: None or a positive integer.
    static func steps(_ value: Value, _ name: String) throws -> Int? {
        guard let steps = try Convert.optionalInt(value, name) else { return nil }
        guard steps > 0 else { throw PyException(.valueError, "`\(name)` must be a positive integer, got \(steps)") }
        return steps
    }

    /// One loss weight per sample from `sample_weight=` (a 1-D array) and `class_weight=` (a
    /// dict from class index to weight), multiplied when both are given; nil when neither is.
    static func weights(sampleWeight: Value, classWeight: Value, targets y: any SampleSource) throws -> [Float]? {
        var weights: [Float]?
        if !sampleWeight.isNone {
            let tensor = try KerasArrays.tensor(sampleWeight, "sample_weight")
            guard tensor.shape.count == 1 else {
                throw PyException(.valueError, "Found a sample_weight array with shape \(Value.tuple(tensor.shape.map { .int($0) }).repr). "
                    + "In order to use timestep-wise sample weights, you should specify sample_weight_mode=\"temporal\" in "
                    + "compile(). If you just mean to use sample-wise weights, make sure your sample_weight array is 1D.")
            }
            guard tensor.shape[0] == y.shape.first ?? 0 else {
                throw PyException(.valueError, "Found a sample_weight array with shape (\(tensor.shape[0]),) for an input with "
                    + "shape \(Value.tuple(y.shape.map { .int($0) }).repr). sample_weight cannot be broadcast.")
            }
            weights = tensor.scalars
        }
        guard !classWeight.isNone else { return weights }
        guard case .dict(let dict) = classWeight else {
            throw PyException(.valueError, "`class_weight` must be a dict mapping class indices to weights, got "
                              + Convert.describe(classWeight))
        }
        var classWeights: [Int: Float] = [:]
        for (key, value) in zip(dict.keys, dict.values) {
            guard let index = key.asInt, let weight = value.asDouble else {
                throw PyException(.valueError, "`class_weight` must map class indices (int) to weights (float), got "
                                  + "\(key.repr): \(value.repr)")
            }
            classWeights[index] = Float(weight)
        }
        return try pythonErrors { try SampleWeights.combining(classWeights: classWeights, targets: y, sampleWeights: weights) }
    }
}
