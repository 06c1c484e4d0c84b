import CellLanguage
import NeuralEngine

/// A Sequential whose input is declared (an `Input` first, or `input_shape=` on its first
/// layer) is also a graph of symbolic tensors, as in Keras: `model.inputs` is that input,
/// each layer's `output` the symbolic tensor of its call in the model (its node 0), so
/// keras.io's feature extractor works:
///
///     keras.Model(inputs=initial_model.inputs, outputs=[layer.output for layer in initial_model.layers])
///
/// An input shape given by `input_shape=` makes an input named after the layer
/// (`dense_1_input`), as Keras 2 does.
extension SequentialObject {
    /// Extends the chain of symbolic outputs to every layer added since (after a `pop`, drops
    /// the popped layer's).
    func linkSymbolicChain() {
        while symbolicOutputs.count > layerObjects.count { symbolicOutputs.removeLast() }
        guard model.isBuilt, symbolicOutputs.count < layerObjects.count, let first = layerObjects.first else { return }
        if symbolicInput == nil {
            guard let declared = first.layer.declaredInputShape else { return }
            symbolicInput = InputObject(shape: declared, name: first.layer.name + "_input")
        }
        guard let input = symbolicInput else { return }
        var previous: any SymbolicTensor = input
        if let last = symbolicOutputs.last { previous = last }
        for object in layerObjects[symbolicOutputs.count...] {
            guard object.layer.isBuilt else { return }
            let node = NodeRecord(callee: .layer(object), inputs: [previous], index: object.callCount,
                                  outputShapes: [object.layer.outputShape])
            let output = KerasTensorObject(node: node, outputIndex: 0)
            if object.callCount == 0 { object.firstOutput = output }
            object.callCount += 1
            symbolicOutputs.append(output)
            previous = output
        }
    }

    /// `inputs`, `outputs` (lists), `input`, `output` (one tensor).
    func symbolicAttribute(_ name: String) throws -> Value {
        linkSymbolicChain()
        guard let input = symbolicInput, let last = symbolicOutputs.last, symbolicOutputs.count == layerObjects.count else {
            throw PyException(.attributeError, "Layer \(model.name) has no inbound nodes (Labbook gives a Sequential "
                              + "symbolic inputs and outputs when its input shape is declared: an Input first, or input_shape=)")
        }
        switch name {
        case "inputs": return .list(PyList([.host(input)]))
        case "outputs": return .list(PyList([.host(last)]))
        case "input": return .host(input)
        default: return .host(last)
        }
    }
}

extension LayerObject {
    /// `layer.output` and `layer.input`: those of its only call on symbolic tensors.
    func symbolicAttribute(_ name: String) throws -> Value {
        guard let output = firstOutput else {
            throw PyException(.attributeError, "Layer \(layer.name) has no inbound nodes.")
        }
        guard callCount <= 1 else {
            throw PyException(.attributeError, "Layer \(layer.name) has multiple inbound nodes, hence the notion of "
                              + "\"layer \(name)\" is ill-defined. Use `get_\(name)_at(node_index)` instead.")
        }
        return name == "output" ? .host(output) : .host(output.node.inputs[0])
    }
}
