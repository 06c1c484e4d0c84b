import CellLanguage
import Foundation

/// A tensor is its array (stored as arrays are: a large one as a blob, hashed once).
extension EagerTensor: SnapshotCodable {
    static var snapshotKind: String { "tf.Tensor/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        try writer.write(value: .host(array))
    }

    static func restore(from reader: inout SnapshotReader) throws -> EagerTensor {
        EagerTensor(try reader.readHost(NDArray.self, "a tensor's array"))
    }
}

/// A variable keeps its layer object by reference, so after a restore it still reads (and
/// `assign` still writes) the weight of the model's very layer.
extension VariableObject: SnapshotCodable {
    static var snapshotKind: String { "tf.Variable/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        try writer.write(value: .host(owner))
        writer.write(index)
        writer.write(name)
        writer.write(trainable)
    }

    static func restore(from reader: inout SnapshotReader) throws -> VariableObject {
        let owner = try reader.readHost(LayerObject.self, "a variable's layer")
        let index = try reader.readInt()
        guard index >= 0 else { throw SnapshotError.malformed("a variable's index") }
        let variable = VariableObject(owner: owner, index: index, name: try reader.readString(), trainable: try reader.readBool())
        // The layer hands out this very object again (`layer.weights[i] is v` stays true).
        if owner.variables[index] == nil { owner.variables[index] = variable }
        return variable
    }
}

extension TensorShapeObject: SnapshotCodable {
    static var snapshotKind: String { "tf.TensorShape/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(ints: dimensions)
    }

    static func restore(from reader: inout SnapshotReader) throws -> TensorShapeObject {
        TensorShapeObject(try reader.readInts())
    }
}

extension TFDType: SnapshotCodable {
    static var snapshotKind: String { "tf.DType/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(dtype.rawValue)
    }

    static func restore(from reader: inout SnapshotReader) throws -> TFDType {
        TFDType(try reader.readDType("a TensorFlow dtype"))
    }
}
