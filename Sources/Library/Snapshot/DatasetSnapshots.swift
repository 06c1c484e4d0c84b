import CellLanguage
import NeuralEngine

/// A dataset keeps its source arrays, how an element holds them, its stages (a `map`'s
/// function by reference, a `shuffle`'s seed) and how many passes it has made, so a restored
/// dataset shuffles its next pass as the saved one would have.
extension DatasetObject: SnapshotCodable {
    static var snapshotKind: String { "tf.data.Dataset/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        try writer.write(value: .list(PyList(source.components.map { .host($0) })))
        switch source.structure {
        case .single: writer.write(0)
        case .tuple: writer.write(1)
        case .dict(let keys):
            writer.write(2)
            try writer.write(value: .list(PyList(keys.map { .str($0) })))
        }
        writer.write(stages.count)
        for stage in stages {
            switch stage {
            case let .shuffle(buffer, seed, reshuffle):
                writer.write("shuffle"); writer.write(buffer); writer.write(Int(bitPattern: UInt(seed))); writer.write(reshuffle)
            case let .batch(size, drop): writer.write("batch"); writer.write(size); writer.write(drop)
            case let .map(function): writer.write("map"); try writer.write(value: function)
            case let .take(k): writer.write("take"); writer.write(k)
            case let .skip(k): writer.write("skip"); writer.write(k)
            case let .repeatCount(count): writer.write("repeat"); writer.write(count ?? -1)
            case let .passThrough(name): writer.write(name)
            }
        }
        writer.write(passes)
    }

    static func restore(from reader: inout SnapshotReader) throws -> DatasetObject {
        guard case .list(let list) = try reader.readValue() else { throw SnapshotError.malformed("dataset components") }
        let components = try list.items.map { item -> NDArray in
            guard case .host(let a as NDArray) = item else { throw SnapshotError.malformed("dataset component") }
            return a
        }
        let structure: DatasetSource.Structure
        switch try reader.readInt() {
        case 0: structure = .single
        case 1: structure = .tuple
        default:
            guard case .list(let keys) = try reader.readValue() else { throw SnapshotError.malformed("dataset keys") }
            structure = .dict(keys.items.map { if case .str(let s) = $0 { s } else { "" } })
        }
        var stages: [DatasetStage] = []
        for _ in 0..<(try reader.readInt()) {
            switch try reader.readString() {
            case "shuffle":
                let buffer = try reader.readInt(), seed = UInt64(UInt(bitPattern: try reader.readInt()))
                stages.append(.shuffle(buffer: buffer, seed: seed, reshuffle: try reader.readBool()))
            case "batch": stages.append(.batch(try reader.readInt(), dropRemainder: try reader.readBool()))
            case "map": stages.append(.map(try reader.readValue()))
            case "take": stages.append(.take(try reader.readInt()))
            case "skip": stages.append(.skip(try reader.readInt()))
            case "repeat":
                let count = try reader.readInt()
                stages.append(.repeatCount(count < 0 ? nil : count))
            case let name: stages.append(.passThrough(name))
            }
        }
        let dataset = DatasetObject(source: DatasetSource(components: components, structure: structure), stages: stages)
        dataset.passes = try reader.readInt()
        return dataset
    }
}
