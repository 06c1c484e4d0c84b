import CellLanguage
import NeuralEngine

/// What `compile` was given, kept as Python values for the training steps a cell can write
/// (`train_step`, `test_step`) and for `model.compiled_loss`, `model.compiled_metrics` and
/// `model.metrics`, as tf.keras 2's `LossesContainer` and `MetricsContainer` keep them: the
/// loss tracker (a `Mean` named `loss`) and the metric objects are made on first use (Keras
/// builds its containers on the first batch, so `model.metrics` is empty before training), the
/// metric objects given to `compile` are used as they are, and a metric named by a string
/// becomes an object logged under that string (`'accuracy'`: binary, sparse or categorical
/// accuracy from the shapes of the first batch, Keras 2's rule).
///
///     model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy",
///                   metrics=["accuracy", RootMeanSquaredError()])
///     model.fit(x, y)        # batch by batch through `train_step`: the subclass's metric runs
///     [m.name for m in model.metrics]   # ['loss', 'accuracy', 'rmse']
final class StepCompile {
    /// `compile`'s `loss` (None: a model whose own `train_step` computes its loss).
    let loss: Value
    /// The loss resolved (nil when none was given).
    let resolvedLoss: Loss?
    /// `compile`'s `metrics` and `weighted_metrics`, flattened to one list each.
    let metricSpecs: [Value]
    let weightedSpecs: [Value]
    /// Whether `fit` and `evaluate` must run batch by batch in Python: a metric only Python can
    /// update (a `keras.metrics.Metric` subclass, `Mean`, a loss metric), or no loss.
    let needsSteps: Bool
    /// The `Mean` named `loss`, once the compiled loss has run.
    var lossTracker: MeanMetricObject?
    /// The metric objects (`metrics` then `weighted_metrics`), once the compiled metrics have run.
    var metrics: [Value]?

    init(loss: Value, resolvedLoss: Loss?, metricSpecs: [Value], weightedSpecs: [Value], needsSteps: Bool,
         lossTracker: MeanMetricObject? = nil, metrics: [Value]? = nil) {
        self.loss = loss
        self.resolvedLoss = resolvedLoss
        self.metricSpecs = metricSpecs
        self.weightedSpecs = weightedSpecs
        self.needsSteps = needsSteps
        self.lossTracker = lossTracker
        self.metrics = metrics
    }

    /// Whether the engine cannot update `metric` during its own `fit`: only Python can.
    static func isPythonMetric(_ metric: Value) -> Bool {
        switch metric {
        case .host(let object): return object is PyInstance || object is MeanMetricObject
        case .function: return true
        default: return false
        }
    }

    /// `metrics=` as one flat list (a name, an object, or a list of them).
    static func flatten(_ value: Value) -> [Value] {
        switch value {
        case .none: return []
        case .list(let l): return l.items
        case .tuple(let t): return t
        default: return [value]
        }
    }

    /// `model.metrics` of a model trained through its steps: the loss tracker, then the
    /// compiled metrics, each once it exists.
    var builtMetrics: [Value] {
        (lossTracker.map { [Value.host($0)] } ?? []) + (metrics ?? [])
    }

    // MARK: The compiled loss

    /// `compiled_loss(y_true, y_pred, sample_weight=None, regularization_losses=None)`: the
    /// batch's mean loss as a float32 scalar recorded on the tapes tracking `y_pred` (the
    /// engine's arithmetic, see `Loss.batchLoss`), plus the regularization losses; the loss
    /// tracker adds it with the batch size as its weight.
    func callLoss(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let a = try arguments.bind("compiled_loss", ["y_true", "y_pred", .init("sample_weight", default: .none),
                                                     .init("regularization_losses", default: .none)])
        let tracker = lossTracker ?? MeanMetricObject(className: "Mean", name: "loss", loss: nil)
        lossTracker = tracker
        let penalties = Self.flatten(a["regularization_losses"])
        guard let loss = resolvedLoss, !a["y_true"].isNone else {
            // No compiled loss: the penalties alone, or None (Keras' "no loss results"); the
            // tracker then averages them over batches unweighted, as Keras 2's does.
            guard var total = penalties.first else { return .none }
            for penalty in penalties.dropFirst() { total = try interpreter.binary(.add, total, penalty) }
            try tracker.accumulator.add([KerasArrays.tensor(total, "loss").scalars.first ?? 0], weights: [1])
            return total
        }
        let yPred = a["y_pred"]
        if case .list = yPred { throw Self.severalOutputs }
        if case .dict = yPred { throw Self.severalOutputs }
        let output = try KerasArrays.tensor(Self.plain(yPred), "y_pred")
        let target = try KerasArrays.tensor(Self.plain(a["y_true"]), "y_true")
        let weights = try MetricAccumulator.weights(a["sample_weight"])
        let (sum, gradient) = try pythonErrors { try loss.batchLoss(output: output, target: target, weights: weights) }
        let count = max(output.shape.first ?? 1, 1)
        var total: Value = .host(recorded(Float(sum / Double(count)), gradient: gradient, predictions: yPred))
        for penalty in penalties {
            total = try interpreter.binary(.add, total, penalty)
        }
        let value = try KerasArrays.tensor(total, "loss").scalars.first ?? 0
        try tracker.accumulator.add([value], weights: [Float(output.shape.first ?? 0)])
        return total
    }

    private static var severalOutputs: PyException {
        PyException(.notImplementedError, "Labbook's compiled_loss takes the predictions of a model with one output")
    }

    /// A variable as the tensor of its value; anything else as it is.
    private static func plain(_ value: Value) -> Value {
        if case .host(let variable as any TapeVariable) = value { return .host(EagerTensor(variable.value)) }
        return value
    }

    /// `mean`, recorded so that its gradient reaches the predictions as `gradient` times the
    /// gradient flowing into it (exactly `gradient` when that is 1, as for the loss itself).
    private func recorded(_ mean: Float, gradient: Tensor, predictions: Value) -> EagerTensor {
        let result = EagerTensor(NDArray(shape: [], storage: .float32([mean])))
        guard let tracked = Tape.operand(predictions), Tape.isTracked([tracked]) else { return result }
        let dtype = tracked.dtype
        return Tape.record(result, [tracked]) { g, _ in
            let scale = Float(g.storage.asFloat64().first ?? 1)
            let scalars = scale == 1 ? gradient.scalars : gradient.scalars.map { $0 * scale }
            return [NDArray(shape: gradient.shape, storage: ArrayStorage.float32(scalars).converted(to: dtype))]
        }
    }

    // MARK: The compiled metrics

    /// `compiled_metrics.update_state(y_true, y_pred, sample_weight=None)`: every metric's
    /// `update_state`, the weighted ones with the sample weights.
    func updateMetrics(_ arguments: Arguments, _ interpreter: Interpreter) throws {
        let a = try arguments.bind("update_state", ["y_true", "y_pred", .init("sample_weight", default: .none)])
        if case .list = a["y_pred"] { throw Self.severalOutputs }
        if case .dict = a["y_pred"] { throw Self.severalOutputs }
        let objects = try metrics ?? build(yTrue: a["y_true"], yPred: a["y_pred"])
        metrics = objects
        for (index, metric) in objects.enumerated() {
            let weighted = index >= metricSpecs.count && !a["sample_weight"].isNone
            _ = try interpreter.call(try interpreter.getAttribute(metric, "update_state"),
                                     Arguments([a["y_true"], a["y_pred"]],
                                               keywords: weighted ? [("sample_weight", a["sample_weight"])] : []))
        }
    }

    /// The metric objects for `compile`'s specs, strings resolved from the first batch's shapes.
    private func build(yTrue: Value, yPred: Value) throws -> [Value] {
        let outputShape = try KerasArrays.tensor(Self.plain(yPred), "y_pred").shape
        let targetShape = try KerasArrays.tensor(Self.plain(yTrue), "y_true").shape
        return try (metricSpecs + weightedSpecs).map { spec in
            let name: String
            switch spec {
            case .str(let s): name = s
            case .builtin(let b): name = b.name
            default: return spec
            }
            guard var metric = Metric(kerasName: name) else {
                throw PyException(.valueError, "Unknown metric function: \(name)")
            }
            if metric.kind == .accuracy { metric.kind = Self.accuracyKind(output: outputShape, target: targetShape) }
            return .host(MetricObject(metric, className: "MeanMetricWrapper"))
        }
    }

    /// Keras 2's `'accuracy'`: binary for one output unit, sparse when the targets are class
    /// indices (a lower rank, or one column against several), categorical otherwise.
    static func accuracyKind(output: [Int], target: [Int]) -> Metric.Kind {
        let outputWidth = output.last ?? 1
        if outputWidth == 1 { return .binaryAccuracy }
        if target.count < output.count || (target.last == 1 && outputWidth > 1) { return .sparseCategoricalAccuracy }
        return .categoricalAccuracy
    }

    /// `reset_state()` on every metric object made so far.
    func resetMetrics(_ interpreter: Interpreter) throws {
        for metric in builtMetrics {
            _ = try interpreter.call(try interpreter.getAttribute(metric, "reset_state"), Arguments([]))
        }
    }
}

/// `model.compiled_loss` and `model.compiled_metrics`: the two faces of a model's
/// `StepCompile` that a `train_step` calls.
final class CompiledContainerObject: HostObject {
    enum Kind { case loss, metrics }
    let kind: Kind
    let compile: StepCompile

    init(_ kind: Kind, _ compile: StepCompile) {
        self.kind = kind
        self.compile = compile
    }

    var typeName: String { kind == .loss ? "LossesContainer" : "MetricsContainer" }
    var repr: String { "<keras.engine.compile_utils.\(typeName) object>" }

    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard kind == .loss else { throw PyException(.typeError, "'MetricsContainer' object is not callable") }
        return try compile.callLoss(arguments, interpreter)
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch (kind, name) {
        case (.loss, "metrics"): return .list(PyList(compile.lossTracker.map { [Value.host($0)] } ?? []))
        case (.metrics, "metrics"): return .list(PyList(compile.metrics ?? []))
        case (.metrics, "update_state"):
            return .builtin(BuiltinFunction(name) { arguments, interpreter in
                try self.compile.updateMetrics(arguments, interpreter)
                return .none
            })
        case (_, "reset_state"):
            return .builtin(BuiltinFunction(name) { arguments, interpreter in
                try arguments.expectExactly(0, name)
                let objects = self.kind == .loss ? self.compile.lossTracker.map { [Value.host($0)] } ?? [] : self.compile.metrics ?? []
                for metric in objects {
                    _ = try interpreter.call(try interpreter.getAttribute(metric, "reset_state"), Arguments([]))
                }
                return .none
            })
        default: throw attributeError(name)
        }
    }
}
