import CellLanguage
import NeuralEngine

/// `keras.models.Sequential` as cells see it: a Python object around one engine model,
/// plus the Python-side objects (its layers, its optimizer, the last `History`) that must
/// keep their identity from call to call.
///
///     model = Sequential([Dense(32, activation='sigmoid', input_shape=(784,)), Dense(10)])
///     model.name                  # 'sequential_1'
///     [l.name for l in model.layers]   # ['dense_1', 'dense_2']
final class SequentialObject: HostObject {
    let model: Sequential
    let state: LibraryState
    /// The layer objects, in the model's order.
    private(set) var layerObjects: [LayerObject] = []
    /// An `Input(shape=...)` given before the first layer.
    private(set) var pendingInputShape: [Int]?
    /// What `compile` was given, for `model.loss` and `model.optimizer`.
    var compiledLoss: Value = .none
    /// What `compile` was given, for training steps written in Python (`StepTraining`).
    var steps: StepCompile?
    var optimizerObject: OptimizerObject?
    /// The `History` of the last `fit`, as `model.history`.
    var lastHistory: HistoryObject?
    /// How many times the model was called on symbolic tensors, as a layer.
    var callCount = 0
    /// The model as one layer of another `Sequential` (see `asLayerObject()`), made once.
    var nestedLayerObject: LayerObject?
    /// The model's input and its layers' outputs as symbolic tensors, once its input shape is
    /// declared (`model.inputs`, `layer.output`; see SequentialSymbols.swift).
    var symbolicInput: InputObject?
    var symbolicOutputs: [KerasTensorObject] = []

    init(_ model: Sequential, state: LibraryState) {
        self.model = model
        self.state = state
        layerObjects = model.layers.map { LayerObject($0, state: state) }
        if let compiled = model.compiled {
            optimizerObject = OptimizerObject(compiled.optimizer)
            compiledLoss = .str(compiled.loss.kerasName)
        }
        refreshShapes()
    }

    /// A model restored from a snapshot: `model` already holds the engine layers of
    /// `layerObjects`, in order, and is compiled with `optimizerObject`'s optimizer.
    init(restoring model: Sequential, state: LibraryState, layerObjects: [LayerObject], pendingInputShape: [Int]?,
         compiledLoss: Value, optimizerObject: OptimizerObject?, lastHistory: HistoryObject?) {
        self.model = model
        self.state = state
        self.layerObjects = layerObjects
        self.pendingInputShape = pendingInputShape
        self.compiledLoss = compiledLoss
        self.optimizerObject = optimizerObject
        self.lastHistory = lastHistory
        lastHistory?.model = self
    }

    var typeName: String { "Sequential" }
    var repr: String { "<keras.engine.sequential.Sequential object>" }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "name": return .str(model.name)
        case "layers": return .list(PyList(layerObjects.map { .host($0) }))
        case "built": return .bool(model.isBuilt)
        case "input_shape", "output_shape":
            guard model.isBuilt, let shape = name == "input_shape" ? model.inputShape : model.outputShape else {
                throw PyException(.attributeError, "The model has not been built yet, so it has no `\(name)`.")
            }
            return LayerObject.batchShape(shape)
        case "optimizer": return optimizerObject.map { .host($0) } ?? .none
        case "loss": return compiledLoss
        case "metrics_names":
            guard let compiled = model.compiled else { return .list(PyList()) }
            return .list(PyList(compiled.logNames.map { .str($0) }))
        case "stop_training": return .bool(model.stopTraining)
        case "history": return lastHistory.map { .host($0) } ?? .none
        case "trainable": return .bool(true)
        case "inputs", "outputs", "input", "output": return try symbolicAttribute(name)
        default: break
        }
        if let attribute = try stepAttribute(name, receiver: .host(self), interpreter) { return attribute }
        if let variables = try VariableObject.modelAttribute(name, of: layerObjects, built: model.isBuilt, model: model.name) {
            return variables
        }
        guard let body = methods[name] else { throw attributeError(name) }
        return .builtin(BuiltinFunction(name) { arguments, interpreter in try body(arguments, interpreter) })
    }

    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        switch name {
        case "stop_training": model.stopTraining = value.isTruthy
        default:
            throw PyException(.attributeError, "Labbook cannot set the attribute '\(name)' of a Sequential model")
        }
    }

    private typealias Method = (Arguments, Interpreter) throws -> Value

    private var methods: [String: Method] {
        [
            "add": { a, _ in try self.add(try a.bind("add", ["layer"])["layer"]); return .none },
            "pop": { a, _ in
                try a.expectExactly(0, "pop")
                try pythonErrors { try self.model.pop() }
                self.layerObjects.removeLast()
                return .none
            },
            "compile": { a, _ in try self.compile(a); return .none },
            "get_config": { a, _ in
                try a.expectExactly(0, "get_config")
                return .dict(try KerasConfig.sequential(self))
            },
            "to_json": { a, _ in
                try a.expectExactly(0, "to_json")
                return .str(KerasConfig.json(className: "Sequential", config: try KerasConfig.sequential(self)))
            },
            "fit": { a, i in try self.fit(try DatasetArguments.rewrite("fit", a, i), i, receiver: .host(self)) },
            "evaluate": { a, i in try self.evaluate(try DatasetArguments.rewrite("evaluate", a, i), i, receiver: .host(self)) },
            "predict": { a, i in try self.predict(try DatasetArguments.rewrite("predict", a, i), i) },
            "predict_classes": { a, i in try self.predictClasses(a, i) },
            "summary": { a, i in try self.summary(a, i); return .none },
            "count_params": { a, _ in
                try a.expectExactly(0, "count_params")
                return .int(try pythonErrors { try self.model.countParams() })
            },
            "get_weights": { a, _ in
                try a.expectExactly(0, "get_weights")
                return .list(PyList(self.model.getWeights().map(KerasArrays.array)))
            },
            "set_weights": { a, _ in
                let weights = try a.bind("set_weights", ["weights"])["weights"]
                let tensors = try interpreterList(weights, "weights").map { try KerasArrays.tensor($0, "weights") }
                try pythonErrors { try self.model.setWeights(tensors) }
                return .none
            },
            "build": { a, _ in
                let shape = try a.bind("build", [.init("input_shape", default: .none)])["input_shape"]
                let items = try interpreterList(shape, "input_shape")
                let dims = try Convert.shape(.tuple(Array(items.dropFirst())), "input_shape")
                try pythonErrors { try self.model.build(inputShape: dims, rng: &self.state.random) }
                self.refreshShapes()
                return .none
            },
            "get_layer": { a, _ in
                let b = try a.bind("get_layer", [.init("name", default: .none), .init("index", default: .none)])
                if let index = try Convert.optionalInt(b["index"], "index") {
                    guard index >= 0, index < self.layerObjects.count else {
                        throw PyException(.valueError, "Was asked to retrieve layer at index \(index) but model only has \(self.layerObjects.count) layers.")
                    }
                    return .host(self.layerObjects[index])
                }
                let name = try Convert.string(b["name"], "name")
                guard let layer = self.layerObjects.first(where: { $0.layer.name == name }) else {
                    throw PyException(.valueError, "No such layer: \(name).")
                }
                return .host(layer)
            },
            "save": { a, _ in
                let b = try a.bind("save", ["filepath", .init("overwrite", default: .bool(true)),
                                            .init("include_optimizer", default: .bool(true)), .init("save_format", default: .none),
                                            .init("signatures", default: .none), .init("options", default: .none)])
                try ModelFile.save(self.model, to: try Convert.string(b["filepath"], "filepath"), format: b["save_format"])
                return .none
            },
            "save_weights": { a, _ in try WeightFiles.saveWeights(self.model, a); return .none },
            "load_weights": { a, _ in try WeightFiles.loadWeights(self.model, a); return .none },
        ]
    }

    // MARK: Building

    /// `model.add(layer)`: a Keras layer, or an `Input` that fixes the input shape.
    func add(_ value: Value) throws {
        switch value {
        case .host(let input as InputObject):
            guard model.layers.isEmpty, pendingInputShape == nil else {
                throw PyException(.valueError, "An `Input` can only be the first entry of a Sequential model.")
            }
            pendingInputShape = input.shape
            symbolicInput = input
        case .host(let nested as ModelObject):
            try add(.host(try nested.asLayerObject()))
        case .host(let nested as SequentialObject):
            guard nested !== self else { throw PyException(.valueError, "A Sequential model cannot be added to itself.") }
            try add(.host(try nested.asLayerObject()))
        case .host(let layerObject as LayerObject):
            if model.layers.isEmpty, let shape = pendingInputShape, let declared = layerObject.layer.declaredInputShape,
               declared != shape {
                throw PyException(.valueError, "The layer \(layerObject.layer.name) declares input_shape "
                    + "\(Value.tuple(declared.map { .int($0) }).repr) but the model's Input has shape "
                    + "\(Value.tuple(shape.map { .int($0) }).repr)")
            }
            try pythonErrors { try model.add(layerObject.layer, rng: &state.random) }
            layerObjects.append(layerObject)
            if model.layers.count == 1, let shape = pendingInputShape, layerObject.layer.declaredInputShape == nil {
                try pythonErrors { try model.build(inputShape: shape, rng: &state.random) }
            }
            refreshShapes()
        case _ where LayerBaseClass.isInstance(value):
            throw PyException(.notImplementedError, "Labbook runs a keras.layers.Layer subclass eagerly, on tensors and arrays; "
                              + "a Sequential model cannot hold \(PyClass.of(value)?.name ?? "it") yet (call it on tensors, "
                              + "or hold it in another Layer subclass)")
        default:
            throw PyException(.typeError, "The added layer must be an instance of class Layer. Found: \(value.repr)")
        }
    }

    /// Tells each layer object its input shape (for `layer.input_shape`).
    func refreshShapes() {
        var shape = model.inputShape
        for object in layerObjects {
            object.knownInputShape = shape
            shape = object.layer.isBuilt ? object.layer.outputShape : nil
        }
        linkSymbolicChain()
    }

    /// `compile(optimizer='rmsprop', loss=None, metrics=None, loss_weights=None,
    /// sample_weight_mode=None, weighted_metrics=None)`, for the model's outputs (`outputNames`:
    /// a functional model's; a Sequential's one output is its last layer).
    func compile(_ arguments: Arguments, outputNames: [String]? = nil, lossOptional: Bool = false) throws {
        let a = try arguments.bind("compile", [
            .init("optimizer", default: .str("rmsprop")), .init("loss", default: .none), .init("metrics", default: .none),
            .init("loss_weights", default: .none), .init("sample_weight_mode", default: .none),
            .init("weighted_metrics", default: .none),
        ])
        if !a["sample_weight_mode"].isNone {
            throw PyException(.valueError, "compile(sample_weight_mode=...) is not supported by Labbook's engine")
        }
        let optimizer = try Identifiers.optimizer(a["optimizer"])
        let specs = StepCompile.flatten(a["metrics"]), weightedSpecs = StepCompile.flatten(a["weighted_metrics"])
        // Metrics only Python can update run in `StepTraining`; the engine gets the others.
        let pythonMetrics = (specs + weightedSpecs).contains(where: StepCompile.isPythonMetric)
        func engineMetrics(_ value: Value, _ items: [Value]) -> Value {
            pythonMetrics ? .list(PyList(items.filter { !StepCompile.isPythonMetric($0) })) : value
        }
        if pythonMetrics, (outputNames?.count ?? 1) > 1 {
            throw PyException(.notImplementedError, "Labbook runs metric objects written in Python (keras.metrics.Metric "
                              + "subclasses, Mean) in compile(metrics=[...]) for models with one output only")
        }
        let optimizerObject: OptimizerObject
        if case .host(let object as OptimizerObject) = a["optimizer"] {
            optimizerObject = object
        } else {
            optimizerObject = OptimizerObject(optimizer)
        }
        if a["loss"].isNone && lossOptional {
            // A model whose own train_step computes its loss (Keras allows compile without one).
            self.optimizerObject = optimizerObject
            compiledLoss = .none
            steps = StepCompile(loss: .none, resolvedLoss: nil, metricSpecs: specs, weightedSpecs: weightedSpecs, needsSteps: true)
            return
        }
        let resolved = try CompileArguments.resolve(
            loss: a["loss"], metrics: engineMetrics(a["metrics"], specs), lossWeights: a["loss_weights"],
            weightedMetrics: engineMetrics(a["weighted_metrics"], weightedSpecs),
            outputNames: outputNames ?? [model.layers.last?.name ?? model.name])
        try pythonErrors {
            try model.compile(optimizer: optimizer, loss: resolved.loss, metrics: resolved.metrics, heads: resolved.heads)
        }
        self.optimizerObject = optimizerObject
        compiledLoss = a["loss"]
        steps = StepCompile(loss: a["loss"], resolvedLoss: resolved.loss, metricSpecs: specs, weightedSpecs: weightedSpecs,
                            needsSteps: pythonMetrics)
    }

    /// `summary()`: Keras 2's text, as a table part.
    private func summary(_ arguments: Arguments, _ interpreter: Interpreter) throws {
        let a = try arguments.bind("summary", [.init("line_length", default: .none), .init("positions", default: .none),
                                               .init("print_fn", default: .none)])
        let summary = try pythonErrors { try model.summary() }
        let lineLength = try Convert.optionalInt(a["line_length"], "line_length") ?? 65
        let text = KerasText.summary(summary, lineLength: lineLength)
        if !a["print_fn"].isNone {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                _ = try interpreter.call(a["print_fn"], .str(String(line)))
            }
            return
        }
        interpreter.emit(.table(SummaryTable.table(summary, text: text)))
    }
}
