import CellLanguage
import NeuralEngine

/// A tensor of the functional API: `keras.Input(...)` or what a layer returns when called on
/// one. It holds no values, only its per-sample shape and how it was made, so that
/// `keras.Model(inputs, outputs)` can find the graph between them.
protocol SymbolicTensor: HostObject {
    var shape: [Int] { get }
    /// The call that produced it; nil for an `Input`.
    var producer: NodeRecord? { get }
    /// The layer that made it, as its repr names it: the input's own name, or the callee's.
    var creatorName: String { get }
    /// Its `name` attribute: `input_1`, `dense/output_0:0`.
    var tensorName: String { get }
}

/// What cells see of every symbolic tensor: Keras 2's `KerasTensor`, float32, with a batch axis.
extension SymbolicTensor {
    var typeName: String { "KerasTensor" }
    var repr: String {
        "<KerasTensor: shape=\(LayerObject.batchShape(shape).repr) dtype=float32 (created by layer '\(creatorName)')>"
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "shape": return LayerObject.batchShape(shape)
        case "name": return .str(tensorName)
        case "dtype": return .str("float32")
        default: throw attributeError(name)
        }
    }
}

extension InputObject: SymbolicTensor {
    var producer: NodeRecord? { nil }
    var creatorName: String { name }
    var tensorName: String { name }
}

/// Something that can be called on symbolic tensors: a layer, a merge layer, or a model.
enum CallableRef {
    case layer(LayerObject)
    case merge(MergeObject)
    case model(ModelObject)
    case sequential(SequentialObject)

    var object: AnyObject {
        switch self {
        case let .layer(o): o
        case let .merge(o): o
        case let .model(o): o
        case let .sequential(o): o
        }
    }

    var name: String {
        switch self {
        case let .layer(o): o.layer.name
        case let .merge(o): o.merge.name
        case let .model(o): o.graph.name
        case let .sequential(o): o.model.name
        }
    }

    var className: String {
        switch self {
        case let .layer(o): o.layer.className
        case let .merge(o): o.merge.kind.className
        case let .model(o): o.className
        case .sequential: "Sequential"
        }
    }

    var value: Value { .host(object as! HostObject) }
}

/// One call of a layer (or merge, or model) on symbolic tensors: Keras' `Node`.
final class NodeRecord {
    let callee: CallableRef
    let inputs: [any SymbolicTensor]
    /// Which call of `callee` this is (Keras' node index, shown as `dense_1[0][0]`).
    let index: Int
    /// The per-sample output shapes (several for a model with several outputs).
    let outputShapes: [[Int]]

    init(callee: CallableRef, inputs: [any SymbolicTensor], index: Int, outputShapes: [[Int]]) {
        self.callee = callee
        self.inputs = inputs
        self.index = index
        self.outputShapes = outputShapes
    }
}

/// The output of a layer called on symbolic tensors.
final class KerasTensorObject: SymbolicTensor {
    let node: NodeRecord
    /// Which output of the node (0 unless the callee is a model with several outputs).
    let outputIndex: Int

    init(node: NodeRecord, outputIndex: Int) {
        self.node = node
        self.outputIndex = outputIndex
    }

    var shape: [Int] { node.outputShapes[outputIndex] }
    var producer: NodeRecord? { node }
    var creatorName: String { node.callee.name }
    var tensorName: String { "\(node.callee.name)/output_\(outputIndex):0" }
}

/// Calling layers: on symbolic tensors a layer is built for their shape (its initial weights
/// drawn then, as Keras does) and returns a new symbolic tensor; on an array it computes at once.
enum LayerCalls {
    /// The symbolic tensors in `value` (one, or a list/tuple of them), or nil if it holds none.
    static func symbolic(_ value: Value) -> [any SymbolicTensor]? {
        if case .host(let t as any SymbolicTensor) = value { return [t] }
        let items: [Value]
        switch value {
        case .list(let l): items = l.items
        case .tuple(let t): items = t
        default: return nil
        }
        let tensors = items.compactMap { item -> (any SymbolicTensor)? in
            if case .host(let t as any SymbolicTensor) = item { return t }
            return nil
        }
        return tensors.count == items.count && !items.isEmpty ? tensors : nil
    }

    /// The one input of a call, bound as Keras' `__call__(inputs, **kwargs)`.
    static func input(_ arguments: Arguments, _ name: String) throws -> Value {
        let a = try arguments.bind(name, ["inputs", .init("training", default: .none), .init("mask", default: .none)])
        return a["inputs"]
    }

    /// `layer(x)` for a single-input engine layer shared by `LayerObject` and models.
    static func call(_ layer: any Layer, known: [Int]?, callee: CallableRef, index: inout Int,
                     _ value: Value, state: LibraryState) throws -> (Value, [Int]?) {
        if let tensors = symbolic(value) {
            guard tensors.count == 1 else {
                throw PyException(.valueError, "Layer \(layer.name) expects 1 input(s), but it received \(tensors.count) input tensors.")
            }
            let shape = tensors[0].shape
            try checkShape(layer, known: known, shape)
            if !layer.isBuilt { _ = try pythonErrors { try layer.build(inputShape: shape, rng: &state.random) } }
            let node = NodeRecord(callee: callee, inputs: tensors, index: index, outputShapes: [layer.outputShape])
            index += 1
            return (.host(KerasTensorObject(node: node, outputIndex: 0)), shape)
        }
        let data = try KerasArrays.tensor(value, "inputs")
        guard data.shape.count >= 2 else {
            throw PyException(.valueError, "Input 0 of layer \(layer.name) needs a batch axis, got an array of shape \(Value.tuple(data.shape.map { .int($0) }).repr)")
        }
        let shape = Array(data.shape.dropFirst())
        try checkShape(layer, known: known, shape)
        if !layer.isBuilt { _ = try pythonErrors { try layer.build(inputShape: shape, rng: &state.random) } }
        // TensorFlow 2 computes a layer called on data eagerly and returns a tf.Tensor.
        return (.host(EagerTensor(eager(layer, data, rng: &state.random))), shape)
    }

    /// Keras' check that a built layer gets the shape it was built for.
    private static func checkShape(_ layer: any Layer, known: [Int]?, _ shape: [Int]) throws {
        guard layer.isBuilt, let known, known != shape else { return }
        throw PyException(.valueError, "Input 0 is incompatible with layer \(layer.name): expected shape="
            + "\(LayerObject.batchShape(known).repr), found shape=\(LayerObject.batchShape(shape).repr)")
    }

    /// The layer's output for a batch, in inference mode.
    static func eager(_ layer: any Layer, _ data: Tensor, rng: inout RandomGenerator) -> Tensor {
        let n = data.shape[0], width = layer.outputShape.reduce(1, *)
        layer.reserve(batchSize: n)
        var out = [Float](repeating: 0, count: n * width)
        data.scalars.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                layer.forward(input.baseAddress!, into: output.baseAddress!, batchSize: n, training: false, rng: &rng)
            }
        }
        return Tensor(shape: [n] + layer.outputShape, scalars: out)
    }
}

extension LayerObject {
    /// `layer(x)`: on a symbolic tensor, a new symbolic tensor; on an array, the output.
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        if let recorded = try tapeCall(arguments) { return recorded }
        let value = try LayerCalls.input(arguments, layer.name)
        var index = callCount
        let (result, shape) = try LayerCalls.call(layer, known: inputShape, callee: .layer(self), index: &index,
                                                  value, state: state)
        if callCount == 0, case .host(let output as KerasTensorObject) = result { firstOutput = output }
        callCount = index
        if knownInputShape == nil { knownInputShape = shape }
        return result
    }
}

extension SequentialObject {
    /// A Sequential called as a layer: its layers, in order, as one graph node.
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        if let recorded = try tapeCall(arguments) { return recorded }
        let value = try LayerCalls.input(arguments, model.name)
        if LayerCalls.symbolic(value) == nil {
            return EagerTensor.wrap(try predict(Arguments([value]), interpreter))
        }
        if !model.isBuilt, let tensors = LayerCalls.symbolic(value), tensors.count == 1 {
            try pythonErrors { try model.build(inputShape: tensors[0].shape, rng: &state.random) }
            refreshShapes()
        }
        let graph = try asGraphLayer()
        // A built Sequential is a network whose node 0 is its own; calls count from 1.
        var index = max(callCount, 1)
        let (result, _) = try LayerCalls.call(graph, known: model.inputShape, callee: .sequential(self), index: &index,
                                              value, state: state)
        callCount = index
        return result
    }

    /// The model's layers as a chain graph sharing their weights.
    func asGraphLayer() throws -> GraphLayer {
        guard model.isBuilt, let shape = model.inputShape else { throw KerasError.notBuilt.pythonException }
        var scratch = RandomGenerator(seed: 0)
        return try pythonErrors {
            try GraphLayer(name: model.name, className: "Sequential", inputShapes: [shape],
                           nodes: model.layers.enumerated().map { .init(.layer($1), inputs: [$0]) },
                           outputs: [model.layers.count], rng: &scratch)
        }
    }
}
