import CellLanguage
import Foundation
import NeuralEngine

/// A symbolic tensor keeps the call that made it: the callee (a layer, merge or model object,
/// by reference), the input tensors (by reference), the call's index and output shapes.
extension KerasTensorObject: SnapshotCodable {
    static var snapshotKind: String { "keras.KerasTensor/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        try writer.write(value: node.callee.value)
        writer.write(node.inputs.count)
        for input in node.inputs { try writer.write(value: .host(input)) }
        writer.write(node.index)
        writer.write(node.outputShapes.count)
        for shape in node.outputShapes { writer.write(ints: shape) }
        writer.write(outputIndex)
    }

    static func restore(from reader: inout SnapshotReader) throws -> KerasTensorObject {
        let callee: CallableRef
        switch try reader.readValue() {
        case .host(let o as LayerObject): callee = .layer(o)
        case .host(let o as MergeObject): callee = .merge(o)
        case .host(let o as ModelObject): callee = .model(o)
        case .host(let o as SequentialObject): callee = .sequential(o)
        default: throw SnapshotError.malformed("a symbolic tensor's layer")
        }
        var inputs: [any SymbolicTensor] = []
        for _ in 0..<(try reader.readInt()) { inputs.append(try reader.readHost((any SymbolicTensor).self, "a symbolic tensor")) }
        let index = try reader.readInt()
        var shapes: [[Int]] = []
        for _ in 0..<(try reader.readInt()) { shapes.append(try reader.readInts()) }
        let node = NodeRecord(callee: callee, inputs: inputs, index: index, outputShapes: shapes)
        let tensor = KerasTensorObject(node: node, outputIndex: try reader.readInt())
        // A layer's calls and its first output (`layer.output`) come back with its tensors.
        if case .layer(let layer) = callee {
            layer.callCount = max(layer.callCount, index + 1)
            if index == 0 { layer.firstOutput = tensor }
        }
        if case .merge(let merge) = callee, index == 0 { merge.firstOutput = tensor }
        return tensor
    }
}

/// A merge layer keeps its kind, name, the shapes it was last called on, and its call count.
extension MergeObject: SnapshotCodable {
    static var snapshotKind: String { "keras.Merge/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(bytes: try ExactJSON.encode(merge.kind, "the kind of merge layer '\(merge.name)'"))
        writer.write(merge.name)
        writer.write(merge.inputShapes.count)
        for shape in merge.inputShapes { writer.write(ints: shape) }
        writer.write(callCount)
    }

    static func restore(from reader: inout SnapshotReader) throws -> MergeObject {
        let kind = try ExactJSON.decode(Merge.Kind.self, from: try reader.readBytes(), "a merge layer's kind")
        let object = MergeObject(Merge(kind, name: try reader.readString()))
        var shapes: [[Int]] = []
        for _ in 0..<(try reader.readInt()) { shapes.append(try reader.readInts()) }
        if !shapes.isEmpty { try object.merge.outputShape(for: shapes) }
        object.callCount = try reader.readInt()
        return object
    }
}

/// A functional model keeps its name, its input and output tensors (by reference: the graph
/// between them, its layer objects and their weights come with them) and what its hidden
/// Sequential was compiled with. Restoring finds the same graph again, as `keras.Model` did,
/// without drawing anything: every layer is already built.
extension ModelObject: SnapshotCodable {
    static var snapshotKind: String { "keras.Model/3" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(graph.name)
        writer.write(network.inputs.count)
        for input in network.inputs { try writer.write(value: .host(input)) }
        writer.write(network.outputs.count)
        for output in network.outputs { try writer.write(value: .host(output)) }
        writer.write(callCount)
        try inner.writeTrainingState(into: &writer, modelName: graph.name)
    }

    static func restore(from reader: inout SnapshotReader) throws -> ModelObject {
        let state = try LibraryStateHandle.state(of: reader.interpreter)
        let name = try reader.readString()
        var inputs: [InputObject] = []
        for _ in 0..<(try reader.readInt()) { inputs.append(try reader.readHost(InputObject.self, "a model input")) }
        var outputs: [any SymbolicTensor] = []
        for _ in 0..<(try reader.readInt()) { outputs.append(try reader.readHost((any SymbolicTensor).self, "a model output")) }
        let object = try ModelObject(network: try FunctionalGraph(inputs: inputs, outputs: outputs), name: name, state: state)
        object.callCount = try reader.readInt()
        let inner = object.inner
        (inner.optimizerObject, inner.compiledLoss, inner.lastHistory, inner.steps) =
            try SequentialObject.readTrainingState(into: inner.model, from: &reader)
        inner.lastHistory?.model = inner
        return object
    }
}
