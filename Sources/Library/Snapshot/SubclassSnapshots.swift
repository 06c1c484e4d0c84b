import CellLanguage
import NeuralEngine

/// A subclassed model's core keeps its name, the functional model traced from `call` (by
/// reference, so the layers it shares with the instance's attributes stay shared after a
/// restore) and a `compile` waiting for the model to be built.
extension SubclassedModel: SnapshotCodable {
    static var snapshotKind: String { "keras.SubclassedModel/1" }

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
        return core
    }
}
