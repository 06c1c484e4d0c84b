import CellLanguage
import NeuralEngine

/// Several arrays of the same samples on their way to the engine as one `SampleSource` (the
/// inputs of a model with several inputs, the targets of one with several outputs): the
/// value `fit`'s arguments carry after `ModelObject` has matched them to the model. Cells
/// never hold one.
final class PackedData: HostObject, PackedSource {
    let packed: PackedSamples

    init(_ packed: PackedSamples) { self.packed = packed }

    var typeName: String { "list" }
    var repr: String { "[" + packed.parts.map { "<array of shape \(Value.tuple($0.shape.map { .int($0) }).repr)>" }.joined(separator: ", ") + "]" }
    var shape: [Int] { packed.shape }
    var parts: [any SampleSource] { packed.parts }
    func copyRows(_ rows: UnsafeBufferPointer<Int>, to destination: UnsafeMutablePointer<Float>) {
        packed.copyRows(rows, to: destination)
    }
    func prefetchRows(_ rows: UnsafeBufferPointer<Int>) { packed.prefetchRows(rows) }
}

/// The outputs' side of a functional model: their names (the output layers', which name the
/// losses, metrics and targets), `compile` over them, and targets given as a list in the
/// order of `outputs` or a dict by output name.
extension ModelObject {
    /// `model.output_names`.
    var outputNames: [String] {
        network.outputs.map { output in
            if let tensor = output as? KerasTensorObject { return tensor.node.callee.name }
            return (output as? InputObject)?.name ?? graph.name
        }
    }

    /// `compile(...)` with the losses and metrics spread over the outputs.
    func compile(_ arguments: Arguments, lossOptional: Bool = false) throws -> Value {
        try inner.compile(arguments, outputNames: outputNames, lossOptional: lossOptional)
        return .none
    }

    /// `y` of a model with several outputs: one array per output, packed for the engine.
    func targetData(_ value: Value) throws -> Value {
        let names = outputNames
        let given: [Value]
        switch value {
        case .dict(let d):
            given = try names.map { name in
                guard let item = try d.get(.str(name)) else {
                    throw PyException(.valueError, "No data provided for \"\(name)\". Need data for each key in: "
                                      + "[\(names.map { Value.str($0).repr }.joined(separator: ", "))]")
                }
                return item
            }
        case .list(let l): given = l.items
        case .tuple(let t): given = t
        default: given = [value]
        }
        let sources = try given.map { try KerasArrays.samples($0, "y") }
        return .host(PackedData(try pythonErrors { try PackedSamples(sources, what: "y") }))
    }
}
