import CellLanguage

/// A cell's own variable keeps its name, trainability and value (an array, stored as arrays are).
extension FreeVariable: SnapshotCodable {
    static var snapshotKind: String { "tf.Variable.free/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(name)
        writer.write(trainable)
        try writer.write(value: .host(value))
    }

    static func restore(from reader: inout SnapshotReader) throws -> FreeVariable {
        let name = try reader.readString()
        let trainable = try reader.readBool()
        let value = try reader.readCompleteHost(NDArray.self, "a variable's value")
        let state = try LibraryStateHandle.state(of: reader.interpreter)
        return FreeVariable(value, name: name, trainable: trainable, tapes: state.tapes)
    }
}

/// A finished tape (left, and with its gradients taken or nothing recorded) keeps its
/// settings; a live one (still recording, or holding operations whose gradients were not yet
/// taken) cannot be saved: its records are closures over the engine's state. A cell that
/// leaves one in a global stops the cache after it, with a note naming the global; taking
/// the gradient, or `del tape`, lets the cache go on.
extension GradientTapeObject: SnapshotCodable {
    static var snapshotKind: String { "tf.GradientTape/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        guard !recording, records.isEmpty else {
            throw SnapshotError.unsupported("a global holds a live tf.GradientTape (recording, or holding operations whose "
                                            + "gradients were not taken), which cannot be saved; `del` it once its "
                                            + "gradients are taken, or keep the tape inside a function")
        }
        writer.write(persistent)
        writer.write(watchAccessedVariables)
        writer.write(spent)
    }

    static func restore(from reader: inout SnapshotReader) throws -> GradientTapeObject {
        let persistent = try reader.readBool()
        let watch = try reader.readBool()
        let spent = try reader.readBool()
        let state = try LibraryStateHandle.state(of: reader.interpreter)
        let tape = GradientTapeObject(persistent: persistent, watchAccessedVariables: watch, stack: state.tapes)
        tape.spent = spent
        return tape
    }
}
