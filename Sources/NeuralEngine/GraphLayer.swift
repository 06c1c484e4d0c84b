/// A functional-API model as one layer: a directed acyclic graph of layers and merges, run in
/// topological order forward and in reverse for the gradients, with the gradients of a tensor
/// that feeds several nodes summed. A `Sequential` holding one `GraphLayer` is how the engine
/// trains a `keras.Model`; the same object nests in another model as a layer.
///
/// Tensors are numbered: the graph's inputs first (`0..<inputShapes.count`), then node `i`'s
/// output as `inputShapes.count + i`. Several inputs (outputs) are packed side by side per
/// sample, in order, so that the whole graph reads (writes) one flat row per sample.
///
/// ```swift
/// let dense = try Dense(units: 4, name: "dense_1")
/// _ = try dense.build(inputShape: [3], rng: &rng)
/// let graph = try GraphLayer(name: "model_1", inputShapes: [[3]],
///                            nodes: [.init(.layer(dense), inputs: [0]), .init(.merge(Merge(.add, name: "add_1")), inputs: [1, 1])],
///                            outputs: [2], rng: &rng)
/// ```
public final class GraphLayer: Layer, ParameterOwner {
    /// What a node computes.
    public enum Operation {
        case layer(any Layer)
        case merge(Merge)
    }

    /// One call of a layer or merge on earlier tensors.
    public struct Node {
        public let operation: Operation
        public let inputs: [Int]
        public init(_ operation: Operation, inputs: [Int]) {
            self.operation = operation
            self.inputs = inputs
        }
    }

    public let name: String
    /// Keras' `trainable`: false freezes the weights (see `Trainability`).
    public var trainable = true
    /// `Model` for a functional model, `Sequential` for a Sequential called as a layer.
    public let className: String
    public let inputShapes: [[Int]]
    public let nodes: [Node]
    public let outputs: [Int]
    /// The distinct layers in the model's order (Keras' `model.layers` without the inputs): the
    /// order of `weights`.
    public let layers: [any Layer]
    /// Every tensor's per-sample shape.
    public private(set) var tensorShapes: [[Int]] = []
    /// Whether a parameter is reached through more than one node (a shared layer).
    private(set) var sharesParameters = false
    /// Per node: whether a later node calls the same layer (its state must be recomputed).
    private let calledAgain: [Bool]

    private var capacity = 0
    private var values: [FloatBuffer] = []
    private var gradients: [FloatBuffer] = []
    private var scratch: [FloatBuffer] = []
    private var valuePointers: [UnsafeMutablePointer<Float>] = []
    private var savedGenerators: [RandomGenerator?] = []

    /// A graph over built or unbuilt layers; unbuilt ones are built here in node order from
    /// `rng`, built ones keep their weights. `layers` defaults to the node order.
    public init(name: String, className: String = "Model", inputShapes: [[Int]], nodes: [Node], outputs: [Int],
                layers: [any Layer]? = nil, rng: inout RandomGenerator) throws {
        self.name = name
        self.className = className
        self.inputShapes = inputShapes
        self.nodes = nodes
        self.outputs = outputs
        var distinct: [any Layer] = []
        for node in nodes {
            if case let .layer(layer) = node.operation, !distinct.contains(where: { $0 === layer }) { distinct.append(layer) }
        }
        self.layers = layers ?? distinct
        calledAgain = nodes.indices.map { i in
            guard case let .layer(layer) = nodes[i].operation else { return false }
            return nodes[(i + 1)...].contains { if case let .layer(other) = $0.operation { other === layer } else { false } }
        }
        tensorShapes = inputShapes
        for (i, node) in nodes.enumerated() {
            guard !node.inputs.isEmpty, node.inputs.allSatisfy({ $0 >= 0 && $0 < inputShapes.count + i }) else {
                throw KerasError(.valueError, "Node \(i) of model \(name) reads a tensor computed after it")
            }
            let shapes = node.inputs.map { tensorShapes[$0] }
            switch node.operation {
            case let .layer(layer):
                if calledAgain[i], layer is BatchNormalization {
                    throw KerasError(.valueError, "Labbook's engine cannot call the BatchNormalization layer "
                                     + "\(layer.name) more than once in one model")
                }
                tensorShapes.append(layer.isBuilt ? layer.outputShape : try layer.build(inputShape: shapes[0], rng: &rng))
            case let .merge(merge):
                tensorShapes.append(try merge.outputShape(for: shapes))
            }
        }
        // Parameters exist once the layers are built.
        let nodeParameters = nodes.flatMap { node -> [Parameter] in
            if case let .layer(layer) = node.operation { layer.trainableParameters } else { [] }
        }
        sharesParameters = nodeParameters.count != Set(nodeParameters.map(ObjectIdentifier.init)).count
        guard !outputs.isEmpty, outputs.allSatisfy({ $0 >= 0 && $0 < tensorShapes.count }) else {
            throw KerasError(.valueError, "Model \(name) has no outputs")
        }
    }

    private func size(_ tensor: Int) -> Int { tensorShapes[tensor].reduce(1, *) }
    private var inputSizes: [Int] { inputShapes.indices.map(size) }
    private var outputSizes: [Int] { outputs.map(size) }

    // MARK: Layer

    public var declaredInputShape: [Int]? { inputShapes.count == 1 ? inputShapes[0] : [inputSizes.reduce(0, +)] }
    public var outputShape: [Int] { outputs.count == 1 ? tensorShapes[outputs[0]] : [outputSizes.reduce(0, +)] }
    public var isBuilt: Bool { true }
    public var spec: LayerSpec { .graph(GraphSpec(self)) }

    /// The graph is built when it is made; building again only checks the shape.
    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        guard inputShape == declaredInputShape else {
            throw KerasError(.valueError, "Input 0 is incompatible with layer \(name): expected shape="
                             + "\(pythonTuple([nil] + (declaredInputShape ?? []).map { Optional($0) })), found shape="
                             + pythonTuple([nil] + inputShape.map { Optional($0) }))
        }
        return outputShape
    }

    public var weights: [Tensor] { layers.flatMap(\.weights) }

    public func setWeights(_ weights: [Tensor]) throws {
        try layers.setWeights(weights, owner: name)
    }

    public var parameterCount: Int { layers.reduce(0) { $0 + $1.parameterCount } }
    public var nonTrainableParameterCount: Int { layers.reduce(0) { $0 + $1.nonTrainableParameterCount } }
    var parameters: [Parameter] { layers.flatMap(\.trainableParameters) }

    public func reserve(batchSize: Int) {
        for node in nodes { if case let .layer(layer) = node.operation { layer.reserve(batchSize: batchSize) } }
        guard batchSize > capacity else { return }
        capacity = batchSize
        values = tensorShapes.indices.map { FloatBuffer(count: batchSize * size($0)) }
        gradients = tensorShapes.indices.map { FloatBuffer(count: batchSize * size($0)) }
        let arity = nodes.map(\.inputs.count).max() ?? 1
        scratch = (0..<arity).map { _ in FloatBuffer(count: batchSize * (tensorShapes.map { $0.reduce(1, *) }.max() ?? 1)) }
        valuePointers = values.map(\.pointer)
        savedGenerators = Array(repeating: nil, count: nodes.count)
    }

    /// Points the input tensors at `input` (one input) or unpacks it (several).
    private func bindInputs(_ input: UnsafePointer<Float>, batchSize: Int) {
        if inputShapes.count == 1 {
            valuePointers[0] = UnsafeMutablePointer(mutating: input)
        } else {
            unpack(input, into: inputShapes.indices.map { values[$0].pointer }, sizes: inputSizes, batchSize: batchSize)
        }
    }

    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        reserve(batchSize: batchSize)
        bindInputs(input, batchSize: batchSize)
        for i in nodes.indices {
            if training && calledAgain[i] { savedGenerators[i] = rng }
            run(node: i, batchSize: batchSize, training: training, rng: &rng)
        }
        pack(outputs.map { UnsafePointer(valuePointers[$0]) }, sizes: outputSizes, into: output, batchSize: batchSize)
    }

    private func run(node i: Int, batchSize: Int, training: Bool, rng: inout RandomGenerator) {
        let node = nodes[i], out = inputShapes.count + i
        switch node.operation {
        case let .layer(layer):
            layer.forward(valuePointers[node.inputs[0]], into: valuePointers[out], batchSize: batchSize,
                          training: training, rng: &rng)
        case let .merge(merge):
            merge.forward(node.inputs.map { UnsafePointer(valuePointers[$0]) }, into: valuePointers[out], batchSize: batchSize)
        }
    }

    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        bindInputs(input, batchSize: batchSize)
        var ready = [Bool](repeating: false, count: tensorShapes.count)
        unpack(outputGradient, into: outputs.map { gradients[$0].pointer }, sizes: outputSizes, batchSize: batchSize)
        for o in outputs { ready[o] = true }
        // A parameter reached twice sums its gradients; a plain descent step then waits for the sum.
        let nodeUpdate: ParameterUpdate = sharesParameters ? .accumulate : update
        if sharesParameters && update != .accumulate { for p in parameters { p.gradient.fill(0) } }
        let needsInputGradient = inputGradient != nil
        for i in nodes.indices.reversed() {
            let node = nodes[i], out = inputShapes.count + i
            if !ready[out] { gradients[out].pointer.update(repeating: 0, count: batchSize * size(out)) }
            if calledAgain[i], var generator = savedGenerators[i] {
                // The layer's per-call state (dropout mask, pre-activations) is that of its last call.
                run(node: i, batchSize: batchSize, training: true, rng: &generator)
            }
            // The first gradient reaching a tensor is written in place, later ones are added.
            var targets: [UnsafeMutablePointer<Float>?] = []
            var claimed: Set<Int> = []
            for (k, t) in node.inputs.enumerated() {
                if t < inputShapes.count && !needsInputGradient {
                    targets.append(nil)
                } else {
                    targets.append(ready[t] || claimed.contains(t) ? scratch[k].pointer : gradients[t].pointer)
                    claimed.insert(t)
                }
            }
            switch node.operation {
            case let .layer(layer):
                layer.backward(input: valuePointers[node.inputs[0]], output: valuePointers[out],
                               outputGradient: gradients[out].pointer, inputGradient: targets[0],
                               batchSize: batchSize, update: nodeUpdate)
            case let .merge(merge):
                merge.backward(inputs: node.inputs.map { UnsafePointer(valuePointers[$0]) }, output: valuePointers[out],
                               outputGradient: gradients[out].pointer, inputGradients: targets, batchSize: batchSize)
            }
            for (k, t) in node.inputs.enumerated() where targets[k] != nil {
                if targets[k] == scratch[k].pointer {
                    let g = gradients[t].pointer, s = scratch[k].pointer
                    for j in 0..<(batchSize * size(t)) { g[j] += s[j] }
                }
                ready[t] = true
            }
        }
        if case let .descend(rate) = update, sharesParameters {
            for p in parameters {
                let v = p.value.pointer, g = p.gradient.pointer
                for j in 0..<p.count { v[j] -= rate * g[j] }
            }
        }
        if let inputGradient {
            pack(inputShapes.indices.map { UnsafePointer(gradients[$0].pointer) }, sizes: inputSizes,
                 into: inputGradient, batchSize: batchSize)
        }
    }

    // MARK: Packing

    private func pack(_ parts: [UnsafePointer<Float>], sizes: [Int], into packed: UnsafeMutablePointer<Float>, batchSize: Int) {
        let width = sizes.reduce(0, +)
        for s in 0..<batchSize {
            var offset = s * width
            for (part, n) in zip(parts, sizes) {
                (packed + offset).update(from: part + s * n, count: n)
                offset += n
            }
        }
    }

    private func unpack(_ packed: UnsafePointer<Float>, into parts: [UnsafeMutablePointer<Float>], sizes: [Int], batchSize: Int) {
        let width = sizes.reduce(0, +)
        for s in 0..<batchSize {
            var offset = s * width
            for (part, n) in zip(parts, sizes) {
                (part + s * n).update(from: packed + offset, count: n)
                offset += n
            }
        }
    }
}
