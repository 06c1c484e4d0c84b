/// A `GraphLayer` as a `Codable` value (weights aside): its inputs, its distinct layers in
/// the model's order, and each node as the layer (an index into `layers`) or merge it calls
/// on which tensors. `makeLayer` builds the layers again from the input shapes; the weights
/// then come from the saved model (`ModelState`), so nothing is drawn.
public struct GraphSpec: Codable, Equatable, Sendable {
    public struct NodeSpec: Codable, Equatable, Sendable {
        /// Index into `layers`, or nil for a merge.
        public var layer: Int?
        public var merge: Merge.Kind?
        public var mergeName: String?
        public var inputs: [Int]
    }

    public var name: String
    public var className: String
    public var inputShapes: [[Int]]
    public var layers: [LayerSpec]
    public var nodes: [NodeSpec]
    public var outputs: [Int]

    /// The description of `graph`.
    public init(_ graph: GraphLayer) {
        name = graph.name
        className = graph.className
        inputShapes = graph.inputShapes
        layers = graph.layers.map(\.spec)
        nodes = graph.nodes.map { node in
            switch node.operation {
            case let .layer(layer):
                NodeSpec(layer: graph.layers.firstIndex { $0 === layer }, merge: nil, mergeName: nil, inputs: node.inputs)
            case let .merge(merge):
                NodeSpec(layer: nil, merge: merge.kind, mergeName: merge.name, inputs: node.inputs)
            }
        }
        outputs = graph.outputs
    }

    /// A graph of fresh layers, built for `inputShapes` with throwaway initial weights.
    public func makeLayer() throws -> GraphLayer {
        let made = try layers.map { try $0.makeLayer() }
        let graphNodes = try nodes.map { node -> GraphLayer.Node in
            if let index = node.layer, made.indices.contains(index) {
                return .init(.layer(made[index]), inputs: node.inputs)
            }
            guard let kind = node.merge, let name = node.mergeName else {
                throw KerasError(.valueError, "The saved model \(name) has a node with neither a layer nor a merge")
            }
            return .init(.merge(Merge(kind, name: name)), inputs: node.inputs)
        }
        var scratch = RandomGenerator(seed: 0)
        return try GraphLayer(name: name, className: className, inputShapes: inputShapes, nodes: graphNodes,
                              outputs: outputs, layers: made, rng: &scratch)
    }
}
