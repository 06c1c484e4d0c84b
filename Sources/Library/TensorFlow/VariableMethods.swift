import CellLanguage

/// What every TensorFlow variable does, a layer's weight (`VariableObject`) or a cell's own
/// (`FreeVariable`): its attributes, `assign`/`assign_add`/`assign_sub`, and arithmetic on its
/// value, read through the tapes so that a `GradientTape` sees the variable.
///
///     v = tf.Variable(tf.zeros((2,)))
///     v.assign_sub([1., 2.])      # v is now [-1., -2.]
extension TapeVariable {
    /// The attribute `name` every variable has, or nil.
    func variableAttribute(_ name: String) -> Value? {
        switch name {
        case "trainable": return .bool(trainable)
        case "shape": return .host(TensorShapeObject(value.shape))
        case "dtype": return .host(TFDType(value.dtype))
        case "device": return .str("/job:localhost/replica:0/task:0/device:CPU:0")
        case "numpy": return method(name) { EagerTensor.numpyValue(self.value) }
        case "value", "read_value": return method(name) { .host(Tape.read(self)) }
        case "get_shape": return method(name) { .host(TensorShapeObject(self.value.shape)) }
        case "assign", "assign_add", "assign_sub":
            return .builtin(BuiltinFunction(name) { arguments, _ in
                let a = try arguments.bind(name, ["value", .init("use_locking", default: .none), .init("name", default: .none),
                                                  .init("read_value", default: .bool(true))])
                try self.update(name, a["value"])
                return a["read_value"].isTruthy ? .host(self) : .none
            })
        default: return nil
        }
    }

    private func method(_ name: String, _ body: @escaping () throws -> Value) -> Value {
        .builtin(BuiltinFunction(name) { arguments, _ in
            try arguments.expectExactly(0, name)
            return try body()
        })
    }

    /// `assign` (`op` "assign"), `assign_add`, `assign_sub`: in the variable's dtype and shape.
    func update(_ op: String, _ newValue: Value) throws {
        let current = value
        var replacement = try TensorConversion.array(newValue, dtype: current.dtype)
        guard replacement.shape == current.shape else {
            let label = (self as? VariableObject)?.name ?? (self as? FreeVariable)?.name ?? ""
            throw PyException(.valueError, "Cannot assign value to variable ' \(label)': Shape mismatch.The variable shape "
                              + "\(TensorShapeObject.text(current.shape)), and the assigned value shape "
                              + "\(TensorShapeObject.text(replacement.shape)) are incompatible.")
        }
        if op == "assign_add" { replacement = try Arithmetic.binary(.add, current, replacement) }
        if op == "assign_sub" { replacement = try Arithmetic.binary(.subtract, current, replacement) }
        try write(NDArray(shape: current.shape, storage: replacement.storage.converted(to: current.dtype)))
    }

    // Arithmetic and comparisons: the value, read through the tapes.

    func variableBinary(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        try TensorGradients.binary(Tape.read(self), op, other, reflected: reflected).map { .host($0) }
    }
}
