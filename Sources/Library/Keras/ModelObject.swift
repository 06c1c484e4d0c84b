import CellLanguage
import CellOutput
import NeuralEngine

/// `keras.Model(inputs=..., outputs=..., name=None)`: a functional model. The engine runs its
/// graph as one `GraphLayer` inside a hidden one-layer `Sequential`, so `compile`, `fit`,
/// `evaluate`, `predict`, `get_weights`, `save` and the training log are the Sequential ones;
/// this object adds the graph's own face (`layers`, `inputs`, `outputs`, `summary()`) and packs
/// several input arrays into the one row per sample the graph reads.
///
///     inputs = keras.Input(shape=(784,))
///     outputs = layers.Dense(10)(layers.Dense(64, activation="relu")(inputs))
///     model = keras.Model(inputs=inputs, outputs=outputs, name="mnist_model")
final class ModelObject: HostObject {
    let graph: GraphLayer
    let network: FunctionalGraph
    /// The hidden Sequential that trains `graph`, with the compile settings and history.
    let inner: SequentialObject
    let state: LibraryState
    /// Calls on symbolic tensors; node 0 is the model's own, as in Keras.
    var callCount = 1
    /// The class it shows in a bigger model's summary: `Model`, or a cell's subclass of it.
    var className = "Model"
    private var layerObject: LayerObject?

    init(network: FunctionalGraph, name: String, state: LibraryState, inner: SequentialObject? = nil) throws {
        self.network = network
        self.state = state
        var tensorIDs: [ObjectIdentifier: Int] = [:]
        for (i, input) in network.inputs.enumerated() where tensorIDs[ObjectIdentifier(input)] == nil {
            tensorIDs[ObjectIdentifier(input)] = i
        }
        var sequentials: [ObjectIdentifier: GraphLayer] = [:]
        func engineLayer(_ callee: CallableRef) throws -> GraphLayer.Operation? {
            switch callee {
            case let .layer(o): return .layer(o.layer)
            case let .merge(o): return .merge(o.merge)
            case let .model(o): return .layer(o.graph)
            case let .sequential(o):
                if let g = sequentials[ObjectIdentifier(o)] { return .layer(g) }
                let g = try o.asGraphLayer()
                sequentials[ObjectIdentifier(o)] = g
                return .layer(g)
            }
        }
        var nodes: [GraphLayer.Node] = []
        for (i, call) in network.calls.enumerated() {
            let inputs = call.inputs.map { x in tensorIDs[ObjectIdentifier(x.producer ?? x as AnyObject)] ?? -1 }
            tensorIDs[ObjectIdentifier(call)] = network.inputs.count + i
            if let op = try engineLayer(call.callee) { nodes.append(.init(op, inputs: inputs)) }
        }
        let outputs = network.outputs.map { x in tensorIDs[ObjectIdentifier(x.producer ?? x as AnyObject)] ?? -1 }
        var layers: [any Layer] = []
        for entry in network.entries {
            guard case let .callee(callee) = entry, let op = try engineLayer(callee), case let .layer(layer) = op else { continue }
            layers.append(layer)
        }
        let built = try pythonErrors {
            try GraphLayer(name: name, inputShapes: network.inputs.map(\.shape), nodes: nodes, outputs: outputs,
                           layers: layers, rng: &state.random)
        }
        graph = built
        if let inner {
            self.inner = inner
        } else {
            let model = Sequential(name: name)
            try pythonErrors { try model.add(built, rng: &state.random) }
            self.inner = SequentialObject(model, state: state)
        }
    }

    /// `keras.Model(inputs, outputs, name=None)` (also `keras.models.Model`).
    static func constructor(state: LibraryState) -> Value {
        .builtin(BuiltinFunction("Model") { arguments, _ in
            let a = try arguments.bind("Model", [.init("inputs", default: .none), .init("outputs", default: .none),
                                                 .init("name", default: .none), .init("trainable", default: .bool(true))])
            guard !a["inputs"].isNone, !a["outputs"].isNone else {
                throw PyException(.typeError, "Labbook's keras.Model needs `inputs` and `outputs`; or subclass it: class MyModel(keras.Model)")
            }
            let inputs = try tensors(a["inputs"]).map { x -> InputObject in
                guard let input = x as? InputObject else {
                    throw PyException(.valueError, "Input tensors to a Model must come from `keras.layers.Input`. "
                                      + "Received: \(x.repr) (missing previous layer metadata).")
                }
                return input
            }
            let outputs = try tensors(a["outputs"], outputs: true)
            let name = a["name"].isNone ? state.layerNames.next("model") : try Convert.string(a["name"], "name")
            return .host(try ModelObject(network: try FunctionalGraph(inputs: inputs, outputs: outputs), name: name, state: state))
        })
    }

    /// One symbolic tensor, or a list, tuple or dict of them.
    private static func tensors(_ value: Value, outputs: Bool = false) throws -> [any SymbolicTensor] {
        let items: [Value]
        switch value {
        case .list(let l): items = l.items
        case .tuple(let t): items = t
        case .dict(let d): items = d.entries.map { $0.value }
        default: items = [value]
        }
        return try items.map { item in
            guard case .host(let t as any SymbolicTensor) = item else {
                if outputs {
                    throw PyException(.valueError, "Output tensors to a Model must be the output of a Keras `Layer` "
                                      + "(thus holding past layer metadata). Found: \(item.repr)")
                }
                throw PyException(.valueError, "Input tensors to a Model must come from `keras.layers.Input`. "
                                  + "Received: \(item.repr) (missing previous layer metadata).")
            }
            return t
        }
    }

    var typeName: String { "Model" }
    var repr: String { "<keras.engine.training.Model object>" }

    private func tensorList(_ tensors: [any SymbolicTensor], single: Bool) -> Value {
        if single && tensors.count == 1 { return .host(tensors[0]) }
        return .list(PyList(tensors.map { .host($0) }))
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "name": return .str(graph.name)
        case "layers": return .list(PyList(network.entries.map(Self.value)))
        case "inputs": return tensorList(network.inputs, single: false)
        case "outputs": return tensorList(network.outputs, single: false)
        case "input": return tensorList(network.inputs, single: true)
        case "output": return tensorList(network.outputs, single: true)
        case "input_shape", "output_shape":
            let shapes = name == "input_shape" ? network.inputs.map(\.shape) : network.outputs.map(\.shape)
            return shapes.count == 1 ? LayerObject.batchShape(shapes[0]) : .list(PyList(shapes.map(LayerObject.batchShape)))
        case "built": return .bool(true)
        case "count_params":
            return .builtin(BuiltinFunction(name) { a, _ in
                try a.expectExactly(0, name)
                return .int(self.graph.parameterCount)
            })
        case "summary":
            return .builtin(BuiltinFunction(name) { a, i in try self.summary(a, i); return .none })
        case "get_layer":
            return .builtin(BuiltinFunction(name) { a, _ in try self.getLayer(a) })
        case "fit", "evaluate", "predict":
            return .builtin(BuiltinFunction(name) { a, i in try self.run(name, a, i) })
        case "compile": return .builtin(BuiltinFunction(name) { a, _ in try self.compile(a) })
        case "get_config", "to_json":
            return .builtin(BuiltinFunction(name) { a, _ in
                try a.expectExactly(0, name)
                let config = try KerasConfig.functional(self)
                return name == "get_config" ? .dict(config) : .str(KerasConfig.json(className: "Functional", config: config))
            })
        case "output_names": return .list(PyList(outputNames.map { .str($0) }))
        case "input_names": return .list(PyList(network.inputs.map { .str($0.name) }))
        case "weights", "variables", "trainable_weights", "trainable_variables", "non_trainable_weights",
             "non_trainable_variables":
            return try VariableObject.modelAttribute(name, of: VariableObject.layerObjects(network.entries), built: true,
                                                     model: graph.name) ?? .none
        case "predict_classes", "add", "pop":
            throw attributeError(name)
        default:
            if let method = try DefaultSteps.method(name, of: .host(self), interpreter) { return method }
            return try inner.getAttribute(name, interpreter)
        }
    }

    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        try inner.setAttribute(name, value, interpreter)
    }

    static func value(_ entry: FunctionalGraph.Entry) -> Value {
        switch entry {
        case let .input(input): .host(input)
        case let .callee(callee): callee.value
        }
    }

    private func getLayer(_ arguments: Arguments) throws -> Value {
        let b = try arguments.bind("get_layer", [.init("name", default: .none), .init("index", default: .none)])
        if let index = try Convert.optionalInt(b["index"], "index") {
            guard index >= 0, index < network.entries.count else {
                throw PyException(.valueError, "Was asked to retrieve layer at index \(index) but model only has \(network.entries.count) layers.")
            }
            return Self.value(network.entries[index])
        }
        let name = try Convert.string(b["name"], "name")
        guard let entry = network.entries.first(where: { FunctionalGraph.name($0) == name }) else {
            throw PyException(.valueError, "No such layer: \(name).")
        }
        return Self.value(entry)
    }

    /// The model as a layer of a Sequential: the very graph, sharing its weights.
    func asLayerObject() throws -> LayerObject {
        guard graph.inputShapes.count == 1, graph.outputs.count == 1 else {
            throw PyException(.valueError, "Labbook can use a model as a layer only when it has one input and one output")
        }
        if let layerObject { return layerObject }
        let object = LayerObject(graph, state: state)
        object.knownInputShape = graph.inputShapes[0]
        object.standsFor = self
        layerObject = object
        return object
    }

    /// `model(x)`: on a symbolic tensor, the model as one layer of a bigger graph; on an array,
    /// its predictions as tensors.
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        if let recorded = try tapeCall(arguments) { return recorded }
        let value = try LayerCalls.input(arguments, graph.name)
        guard LayerCalls.symbolic(value) != nil else {
            return EagerTensor.wrap(try run("predict", Arguments([value]), interpreter))
        }
        _ = try asLayerObject()
        var index = callCount
        let (result, _) = try LayerCalls.call(graph, known: graph.inputShapes[0], callee: .model(self), index: &index,
                                              value, state: state)
        callCount = index
        return result
    }

    // MARK: summary

    private func summary(_ arguments: Arguments, _ interpreter: Interpreter) throws {
        let a = try arguments.bind("summary", [.init("line_length", default: .none), .init("positions", default: .none),
                                               .init("print_fn", default: .none)])
        let total = graph.parameterCount, trainable = inner.model.trainableParameterCount
        let text: String, table: OutputTable
        let rows = network.entries.map { entry in
            FunctionalSummary.Row(layerColumn: "\(FunctionalGraph.name(entry)) (\(Self.className(entry)))",
                                  shapeColumn: shapeColumn(entry), parameters: parameters(entry),
                                  connections: network.connections(of: entry))
        }
        let footer = ["Total params: \(KerasText.grouped(total))", "Trainable params: \(KerasText.grouped(trainable))",
                      "Non-trainable params: \(KerasText.grouped(total - trainable))"]
        let lineLength = try Convert.optionalInt(a["line_length"], "line_length")
        if network.sequentialLike {
            // Keras 2 prints a chain of single calls in the Sequential layout, inputs included.
            let summary = ModelSummary(named: graph.name, rows: network.entries.map { entry in
                ModelSummary.Row(named: FunctionalGraph.name(entry), className: Self.className(entry),
                                 outputShape: [nil] + (network.outputShapes(of: entry).first?.first ?? []).map { Optional($0) },
                                 parameters: parameters(entry))
            }, total: total, trainable: trainable)
            text = KerasText.summary(summary, lineLength: lineLength ?? 65)
            table = SummaryTable.table(summary, text: text)
        } else {
            let summary = FunctionalSummary(rows: rows, totalParameters: total, trainableParameters: trainable)
            text = KerasText.functionalSummary(summary, lineLength: lineLength ?? 98)
            table = OutputTable(plainText: text, header: ["Layer (type)", "Output Shape", "Param #", "Connected to"],
                                rows: rows.map { [$0.layerColumn, $0.shapeColumn, String($0.parameters),
                                                  $0.connections.joined(separator: "\n")] }, footer: footer)
        }
        if !a["print_fn"].isNone {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                _ = try interpreter.call(a["print_fn"], .str(String(line)))
            }
            return
        }
        interpreter.emit(.table(table))
    }

    static func className(_ entry: FunctionalGraph.Entry) -> String {
        switch entry {
        case .input: "InputLayer"
        case let .callee(c): c.className
        }
    }

    private func shapeColumn(_ entry: FunctionalGraph.Entry) -> String {
        let calls = network.outputShapes(of: entry)
        guard let first = calls.first, calls.allSatisfy({ $0 == first }) else { return "multiple" }
        if first.count == 1 { return KerasText.batchShape(first[0]) }
        return "[" + first.map(KerasText.batchShape).joined(separator: ", ") + "]"
    }

    private func parameters(_ entry: FunctionalGraph.Entry) -> Int {
        switch entry {
        case .input: 0
        case let .callee(.layer(o)): o.layer.parameterCount
        case .callee(.merge): 0
        case let .callee(.model(o)): o.graph.parameterCount
        case let .callee(.sequential(o)): o.model.layers.reduce(0) { $0 + $1.parameterCount }
        }
    }
}
