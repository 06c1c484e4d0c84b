import CellLanguage
import NeuralEngine

/// A subclassed model's core keeps its name, the functional model traced from `call` (by
/// reference, so the layers it shares with the instance's attributes stay shared after a
/// restore) and a `compile` waiting for the model to be built.
extension SubclassedModel: SnapshotCodable {
    static var snapshotKind: String { "keras.SubclassedModel/2" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(name)
        try writer.write(value: traced.map { .host($0) } ?? .none)
        writer.write(traced?.className ?? "Model")
        writer.write(tracedFromCall)
        writer.write(pendingCompile != nil)
        if let pendingCompile {
            try writer.write(value: .tuple(pendingCompile.positional))
            try writer.write(value: .dict(PyDict(pendingCompile.keywords.map { ($0.name, $0.value) })))
        }
        try writer.write(value: eager.map { .host($0) } ?? .none)
    }

    static func restore(from reader: inout SnapshotReader) throws -> SubclassedModel {
        let core = SubclassedModel(name: try reader.readString(),
                                   traced: try reader.readOptionalHost(ModelObject.self, "a functional model"))
        let className = try reader.readString()
        core.traced?.className = className
        core.tracedFromCall = try reader.readBool()
        if try reader.readBool() {
            guard case .tuple(let positional) = try reader.readValue(), case .dict(let keywords) = try reader.readValue() else {
                throw SnapshotError.malformed("a pending compile")
            }
            core.pendingCompile = Arguments(positional, keywords: keywords.entries.compactMap { key, value in
                if case .str(let name) = key { return (name, value) }
                return nil
            })
        }
        core.eager = try reader.readOptionalHost(EagerModel.self, "an eager model")
        return core
    }
}

/// An eager model keeps its name, whether it was called, its compile settings (the optimizer
/// by reference: its slots and step count) and its last `History`; its weights live in the
/// layers the instance holds.
extension EagerModel: SnapshotCodable {
    static var snapshotKind: String { "keras.EagerModel/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(callbackModel.name)
        writer.write(built)
        writer.write(callbackModel.stopTraining)
        try writer.write(value: optimizerObject.map { .host($0) } ?? .none)
        try writer.write(value: compiledLoss)
        try writer.write(value: lastHistory.map { .host($0) } ?? .none)
        try SequentialObject.writeSteps(steps, into: &writer, modelName: callbackModel.name)
    }

    static func restore(from reader: inout SnapshotReader) throws -> EagerModel {
        let model = EagerModel(name: try reader.readString(), state: try LibraryStateHandle.state(of: reader.interpreter))
        model.built = try reader.readBool()
        model.callbackModel.stopTraining = try reader.readBool()
        model.optimizerObject = try reader.readOptionalHost(OptimizerObject.self, "an optimizer")
        model.compiledLoss = try reader.readValue()
        model.lastHistory = try reader.readOptionalHost(HistoryObject.self, "a History")
        model.steps = try SequentialObject.readSteps(from: &reader)
        return model
    }
}
