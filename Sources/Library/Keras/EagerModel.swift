import CellLanguage
import NeuralEngine

/// A subclassed `keras.Model` run as TensorFlow 2 runs it outside `tf.function`: each call
/// runs the subclass's Python `call` on tensors, so its `tf` operations and the layers it
/// holds record themselves on an open `tf.GradientTape`. Labbook runs a model this way when it
/// holds an instance of a `keras.layers.Layer` subclass (which only runs eagerly); other
/// subclassed models are traced once into a functional model the engine runs (see
/// `SubclassedModel`), which is much faster.
///
///     class VariationalAutoEncoder(keras.Model):
///         def __init__(self):
///             super().__init__()
///             self.encoder = Encoder()        # a keras.layers.Layer subclass
///             self.decoder = Decoder()
///         def call(self, inputs):
///             z_mean, z_log_var, z = self.encoder(inputs)
///             self.add_loss(-0.5 * tf.reduce_mean(z_log_var - tf.square(z_mean) - tf.exp(z_log_var) + 1))
///             return self.decoder(z)
///
/// The weights, `losses` and `add_loss` are the `Layer` class's own (its attribute walk and
/// loss lists, bound to the model instance); `compile`, `fit` and `evaluate` run Keras 2's
/// default `train_step`/`test_step` batch by batch (`StepTraining`), with the compile
/// settings kept here.
final class EagerModel: HostObject, StepTrainingOwner {
    let state: LibraryState
    /// Carries the model's name to the progress output and the stop flag to `fit`; it holds
    /// no layers (callbacks that need an engine model are refused for eager models).
    let callbackModel: Sequential
    var steps: StepCompile?
    var optimizerObject: OptimizerObject?
    /// `compile`'s `loss`, as `model.loss`.
    var compiledLoss: Value = .none
    var lastHistory: HistoryObject?
    /// Whether `call` has run once (`model.built`).
    var built = false

    init(name: String, state: LibraryState) {
        self.state = state
        callbackModel = Sequential(name: name)
    }

    var typeName: String { "EagerModel" }
    var repr: String { "<labbook eager model \(callbackModel.name)>" }

    /// The names the `Layer` class answers for a model instance: its tracking and its losses.
    static let layerAttributes: Set<String> = [
        "add_loss", "losses", "weights", "variables", "trainable_weights", "trainable_variables", "non_trainable_weights",
        "non_trainable_variables", "get_weights", "set_weights", "_labbook_variables", "_labbook_sublayers",
        "_labbook_penalized", "_labbook_penalty",
    ]

    /// Whether a model not built yet must run eagerly: it holds a `Layer` subclass instance,
    /// or it has no `call` of its own but its own `train_step` (keras.io's GAN, whose step
    /// calls the two models it holds): there is nothing to trace, and `fit` runs the step.
    static func wanted(_ receiver: Value) -> Bool {
        if LayerBaseClass.sublayers(receiver).contains(where: LayerBaseClass.isInstance) { return true }
        guard let cls = PyClass.of(receiver), let callOwner = cls.definingClass(of: "call"),
              let stepOwner = cls.definingClass(of: "train_step") else { return false }
        // The library class defines both; a subclass that overrides only the step leaves `call` to it.
        return callOwner.definingClass(of: "train_step") === callOwner && stepOwner !== callOwner
    }

    /// The instance lists the `Layer` class's tracking reads and `add_loss` fills.
    static func prepare(_ receiver: Value) throws {
        for attribute in ["_labbook_weights", "_labbook_losses", "_labbook_regularized"]
        where PyClass.instanceAttribute(receiver, attribute) == nil {
            try PyClass.setInstanceAttribute(receiver, attribute, .list(PyList()))
        }
    }

    // MARK: Calling

    /// `model(inputs, *args, training=None, **kwargs)`: arrays become float32 tensors; a call
    /// from outside any layer's `call` clears the losses the last one added (the model's and
    /// its layers'); `training=` reaches `call` only when its signature takes it, as in Keras.
    func call(_ receiver: Value, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard let first = arguments.positional.first else {
            throw PyException(.typeError, "__call__() missing 1 required positional argument: 'inputs'")
        }
        if LayerCalls.symbolic(first) != nil {
            throw PyException(.notImplementedError, "Labbook runs model \(callbackModel.name) eagerly (it holds a "
                              + "keras.layers.Layer subclass); it cannot be called on keras.Input tensors yet")
        }
        let inputs = try LayerBaseClass.tensorInput(first, dtype: "float32")
        try Self.prepare(receiver)
        let method = try interpreter.getAttribute(receiver, "call")
        let keywords = LayerBaseClass.callKeywords(arguments.keywords, for: method)
        if state.layerCallDepth == 0 { try LayerBaseClass.clearLosses(receiver) }
        state.layerCallDepth += 1
        defer { state.layerCallDepth -= 1 }
        let result = try interpreter.call(method, Arguments([inputs] + arguments.positional.dropFirst(), keywords: keywords))
        built = true
        return result
    }

    // MARK: Attributes

    /// What `model.<name>` finds on an eager model, or nil for a name it does not have.
    func attribute(_ name: String, _ receiver: Value, _ interpreter: Interpreter) throws -> Value? {
        if Self.layerAttributes.contains(name) {
            try Self.prepare(receiver)
            return try Self.layerClassAttribute(name, for: receiver, interpreter)
        }
        switch name {
        case "built": return .bool(built)
        case "trainable": return .bool(true)
        case "layers": return .list(PyList(LayerBaseClass.sublayers(receiver)))
        case "optimizer": return optimizerObject.map { .host($0) } ?? .none
        case "loss": return compiledLoss
        case "stop_training": return .bool(callbackModel.stopTraining)
        case "history": return lastHistory.map { .host($0) } ?? .none
        case "compiled_loss", "compiled_metrics":
            guard let steps else { return .none }
            return .host(CompiledContainerObject(name == "compiled_loss" ? .loss : .metrics, steps))
        case "metrics": return .list(PyList(steps?.builtMetrics ?? []))
        case "compile":
            return .builtin(BuiltinFunction(name) { arguments, _ in
                try self.compile(arguments)
                return .none
            })
        case "fit", "evaluate":
            return .builtin(BuiltinFunction(name) { arguments, interpreter in
                let arguments = try DatasetArguments.rewrite(name, arguments, interpreter)
                guard let steps = try StepTraining(name, receiver: receiver, owner: self, interpreter) else {
                    throw KerasError.notCompiled.pythonException
                }
                return name == "fit" ? try steps.fit(arguments) : try steps.evaluate(arguments)
            })
        case "predict":
            return .builtin(BuiltinFunction(name) { arguments, interpreter in
                try self.predict(receiver, try DatasetArguments.rewrite(name, arguments, interpreter), interpreter)
            })
        case "count_params":
            return .builtin(BuiltinFunction(name) { arguments, interpreter in
                try arguments.expectExactly(0, name)
                let weights = try interpreterList(try interpreter.getAttribute(receiver, "weights"), "weights")
                return .int(try weights.reduce(0) { $0 + (try KerasArrays.tensor($1, "weight").count) })
            })
        case "summary":
            throw PyException(.notImplementedError, "Labbook cannot show the summary of model \(callbackModel.name), which runs "
                              + "eagerly (it holds a keras.layers.Layer subclass) and so has no layer graph")
        default: return nil
        }
    }

    /// `name` of the `Layer` class as seen through `receiver`: a method bound to it, a
    /// property's value. The model shares the layer's tracking code rather than a copy.
    private static func layerClassAttribute(_ name: String, for receiver: Value, _ interpreter: Interpreter) throws -> Value {
        guard case .host(let cls as PyClass)? = try interpreter.importModule("keras.layers")["Layer"] else {
            throw PyException(.runtimeError, "keras.layers.Layer is missing")
        }
        let value = try cls.getAttribute(name, interpreter)
        switch value {
        case .host(let method as HostMethod):
            return method.bound(to: receiver)
        case .function:
            return .builtin(BuiltinFunction(name) { arguments, interpreter in
                try interpreter.call(value, Arguments([receiver] + arguments.positional, keywords: arguments.keywords))
            })
        case .host(let object) where object.typeName == "property":
            return try interpreter.call(try interpreter.getAttribute(value, "fget"), receiver)
        default:
            return value
        }
    }

    // MARK: compile, predict

    /// `compile(optimizer='rmsprop', loss=None, metrics=None, loss_weights=None,
    /// weighted_metrics=None, ...)`: kept for the Python training steps; without a loss the
    /// model trains on the losses its `call` adds.
    func compile(_ arguments: Arguments) throws {
        let a = try arguments.bind("compile", [
            .init("optimizer", default: .str("rmsprop")), .init("loss", default: .none), .init("metrics", default: .none),
            .init("loss_weights", default: .none), .init("weighted_metrics", default: .none),
            .init("run_eagerly", default: .none), .init("jit_compile", default: .none),
        ])
        guard a["loss_weights"].isNone else {
            throw PyException(.notImplementedError, "Labbook's eager models have one output; compile(loss_weights=...) does not apply")
        }
        if case .host(let object as OptimizerObject) = a["optimizer"] {
            optimizerObject = object
        } else {
            optimizerObject = OptimizerObject(try Identifiers.optimizer(a["optimizer"]))
        }
        let resolved = a["loss"].isNone ? nil : try Identifiers.loss(a["loss"])
        compiledLoss = a["loss"]
        steps = StepCompile(loss: a["loss"], resolvedLoss: resolved, metricSpecs: StepCompile.flatten(a["metrics"]),
                            weightedSpecs: StepCompile.flatten(a["weighted_metrics"]), needsSteps: true)
    }

    /// `predict(x, batch_size=32, verbose=0, steps=None, callbacks=None)`: `call` on each
    /// batch in order (not training), the outputs stacked into one float32 array.
    func predict(_ receiver: Value, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let a = try arguments.bind("predict", ["x", .init("batch_size", default: .none), .init("verbose", default: .int(0)),
                                               .init("steps", default: .none), .init("callbacks", default: .none)])
        guard a["steps"].isNone, a["callbacks"].isNone else {
            throw PyException(.notImplementedError, "Labbook's predict on an eager model takes no steps= or callbacks=")
        }
        let x = try StepTraining.array(a["x"], "x")
        let batchSize = try Convert.optionalInt(a["batch_size"], "batch_size") ?? 32
        guard batchSize > 0 else { throw PyException(.valueError, "Expected `batch_size` to be a positive integer, got \(batchSize).") }
        var shape: [Int]?
        var scalars: [Float] = []
        for start in stride(from: 0, to: x.shape[0], by: batchSize) {
            let rows = StepTraining.rows(Array(start..<min(start + batchSize, x.shape[0])), of: x)
            let output = try call(receiver, Arguments([.host(EagerTensor(rows))], keywords: [("training", .bool(false))]),
                                  interpreter)
            if case .tuple = output { throw Self.severalOutputs }
            if case .list = output { throw Self.severalOutputs }
            let tensor = try KerasArrays.tensor(output, "outputs")
            shape = shape ?? Array(tensor.shape.dropFirst())
            scalars += tensor.scalars
            try interpreter.checkDeadline()
        }
        return KerasArrays.array(Tensor(shape: [x.shape[0]] + (shape ?? []), scalars: scalars))
    }

    private static var severalOutputs: PyException {
        PyException(.notImplementedError, "Labbook's predict on an eager model takes a `call` returning one tensor")
    }

    // MARK: Training owner

    func callbackList(_ value: Value, _ interpreter: Interpreter, params: PyDict) throws
        -> (callbacks: [any TrainingCallback], earlyStopping: [EarlyStoppingObject]) {
        let given = value.isNone ? [] : try interpreterList(value, "callbacks")
        guard given.isEmpty else {
            throw PyException(.notImplementedError, "Labbook's fit on model \(callbackModel.name), which runs eagerly, "
                              + "takes no callbacks= yet")
        }
        return ([], [])
    }

    func recordFit(_ history: History, params: [(String, Value)], epochs: Int, batchSize: Int,
                   interpreter: Interpreter) -> HistoryObject {
        let object = HistoryObject(history, params: params, model: nil)
        lastHistory = object
        return object
    }
}
