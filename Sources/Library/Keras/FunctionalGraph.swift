import CellLanguage
import NeuralEngine

/// What `keras.Model(inputs, outputs)` finds between its inputs and outputs, as Keras 2's
/// `Network` finds it: the calls reached walking back from the outputs (depth first, in
/// order), each call's depth (0 at the outputs, one more per step back, the deepest one for
/// a shared layer), `model.layers` sorted by decreasing depth and then by first visit, and
/// Keras' errors for tensors that cannot be computed from the inputs.
struct FunctionalGraph {
    /// A call in the graph: an `Input` (Keras' InputLayer node) or a layer call.
    enum Call {
        case input(InputObject)
        case node(NodeRecord)

        var id: ObjectIdentifier {
            switch self {
            case let .input(i): ObjectIdentifier(i)
            case let .node(n): ObjectIdentifier(n)
            }
        }

        /// The identity of the layer it calls (the input itself for an `Input`).
        var layerID: ObjectIdentifier {
            switch self {
            case let .input(i): ObjectIdentifier(i)
            case let .node(n): ObjectIdentifier(n.callee.object)
            }
        }

        var inputs: [any SymbolicTensor] {
            switch self {
            case .input: []
            case let .node(n): n.inputs
            }
        }

        var layerName: String {
            switch self {
            case let .input(i): i.name
            case let .node(n): n.callee.name
            }
        }
    }

    /// One entry of `model.layers`.
    enum Entry {
        case input(InputObject)
        case callee(CallableRef)
    }

    let inputs: [InputObject]
    let outputs: [any SymbolicTensor]
    /// The layer calls in an order that computes each tensor before its use.
    let calls: [NodeRecord]
    /// `model.layers`, in Keras' order.
    let entries: [Entry]
    /// Whether Keras 2 prints this model's summary in the Sequential layout.
    let sequentialLike: Bool

    static func call(of tensor: any SymbolicTensor) -> Call {
        if let node = tensor.producer { return .node(node) }
        return .input(tensor as! InputObject)
    }

    init(inputs: [InputObject], outputs: [any SymbolicTensor]) throws {
        self.inputs = inputs
        self.outputs = outputs
        // Depth-first from the outputs: post-order calls and first-visit order of layers.
        var finished = Set<ObjectIdentifier>()
        var postOrder: [Call] = []
        var layerIndex: [ObjectIdentifier: Int] = [:]
        var layerOfID: [ObjectIdentifier: Call] = [:]
        func visit(_ tensor: any SymbolicTensor) {
            let call = Self.call(of: tensor)
            guard !finished.contains(call.id) else { return }
            if layerIndex[call.layerID] == nil {
                layerIndex[call.layerID] = layerIndex.count
                layerOfID[call.layerID] = call
            }
            for x in call.inputs { visit(x) }
            finished.insert(call.id)
            postOrder.append(call)
        }
        for output in outputs { visit(output) }

        // Depths, keeping Python's dict insertion order.
        var nodeDepth: [ObjectIdentifier: Int] = [:], nodeOrder: [Call] = []
        var layerDepth: [ObjectIdentifier: Int] = [:], layerOrder: [ObjectIdentifier] = []
        func setNode(_ call: Call, _ depth: Int) {
            if nodeDepth[call.id] == nil { nodeOrder.append(call) }
            nodeDepth[call.id] = depth
        }
        for call in postOrder.reversed() {
            var depth = nodeDepth[call.id] ?? 0
            if nodeDepth[call.id] == nil { setNode(call, 0) }
            depth = max(depth, layerDepth[call.layerID] ?? 0)
            if layerDepth[call.layerID] == nil { layerOrder.append(call.layerID) }
            layerDepth[call.layerID] = depth
            setNode(call, depth)
            for x in call.inputs {
                let inbound = Self.call(of: x)
                setNode(inbound, max(depth + 1, nodeDepth[inbound.id] ?? 0))
            }
        }
        var depthKeys: [Int] = []
        var nodesByDepth: [Int: [Call]] = [:]
        for call in nodeOrder {
            let d = nodeDepth[call.id] ?? 0
            if nodesByDepth[d] == nil { depthKeys.append(d) }
            nodesByDepth[d, default: []].append(call)
        }

        // Every tensor must be computable from the inputs, deepest calls first.
        var computed = Set(inputs.map { ObjectIdentifier($0) })
        var accessed: [String] = []
        for depth in depthKeys.sorted(by: >) {
            for call in nodesByDepth[depth] ?? [] {
                let needed: [any SymbolicTensor]
                switch call {
                case let .input(input): needed = [input]
                case let .node(node): needed = node.inputs
                }
                for x in needed {
                    let id = x.producer.map { ObjectIdentifier($0) } ?? ObjectIdentifier(x)
                    guard computed.contains(id) else {
                        throw PyException(.valueError, "Graph disconnected: cannot obtain value for tensor "
                            + "\(Self.tensorString(x)) at layer \"\(call.layerName)\". The following previous layers "
                            + "were accessed without issue: [\(accessed.map { "'\($0)'" }.joined(separator: ", "))]")
                    }
                }
                computed.insert(call.id)
                accessed.append(call.layerName)
            }
        }
        calls = postOrder.compactMap { if case let .node(n) = $0 { n } else { nil } }

        var layersByDepth: [Int: [ObjectIdentifier]] = [:]
        for id in layerOrder { layersByDepth[layerDepth[id] ?? 0, default: []].append(id) }
        entries = layersByDepth.keys.sorted(by: >).flatMap { depth in
            (layersByDepth[depth] ?? []).sorted { (layerIndex[$0] ?? 0) < (layerIndex[$1] ?? 0) }.map { id -> Entry in
                switch layerOfID[id]! {
                case let .input(input): .input(input)
                case let .node(node): .callee(node.callee)
                }
            }
        }
        var names = Set<String>()
        for entry in entries {
            let name = Self.name(entry)
            guard names.insert(name).inserted else {
                let count = entries.filter { Self.name($0) == name }.count
                throw PyException(.valueError, "The name \"\(name)\" is used \(count) times in the model. All layer names should be unique.")
            }
        }
        // Keras' test: one call per depth, none with several inputs, no layer called twice.
        let perLayer = Dictionary(grouping: calls, by: { ObjectIdentifier($0.callee.object) })
        sequentialLike = depthKeys.allSatisfy { d in
            let v = nodesByDepth[d] ?? []
            return v.count == 1 && v[0].inputs.count <= 1
        } && perLayer.values.allSatisfy { $0.count == 1 }
    }

    static func name(_ entry: Entry) -> String {
        switch entry {
        case let .input(i): i.name
        case let .callee(c): c.name
        }
    }

    /// TensorFlow 1's `str()` of a placeholder: `Tensor("input_2:0", shape=(?, 32), dtype=float32)`.
    static func tensorString(_ x: any SymbolicTensor) -> String {
        let dims = ["?"] + x.shape.map(String.init)
        let name = (x as? InputObject)?.name ?? (x.producer.map { $0.callee.name + "/output" } ?? "tensor")
        return "Tensor(\"\(name):0\", shape=(\(dims.joined(separator: ", "))), dtype=float32)"
    }

    /// The `Connected to` entries of one `model.layers` entry: `dense_1[0][0]` per input of each call.
    func connections(of entry: Entry) -> [String] {
        guard case let .callee(callee) = entry else { return [] }
        return calls.filter { $0.callee.object === callee.object }.sorted { $0.index < $1.index }.flatMap { node in
            node.inputs.map { x in
                if let producer = x.producer, let t = x as? KerasTensorObject {
                    return "\(producer.callee.name)[\(producer.index)][\(t.outputIndex)]"
                }
                return "\((x as? InputObject)?.name ?? "?")[0][0]"
            }
        }
    }

    /// The output shapes of an entry's calls in this model (one per call).
    func outputShapes(of entry: Entry) -> [[[Int]]] {
        switch entry {
        case let .input(input): [[input.shape]]
        case let .callee(callee): calls.filter { $0.callee.object === callee.object }.map(\.outputShapes)
        }
    }
}
