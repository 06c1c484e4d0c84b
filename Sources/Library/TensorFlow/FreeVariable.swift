import CellLanguage

/// A variable a cell makes itself, `tf.Variable(initial_value)`: a mutable tensor that tapes
/// watch when it is read (if trainable), that `assign_sub` and `optimizer.apply_gradients`
/// change in place, and that prints as TensorFlow 2 prints it:
///
///     x = tf.Variable(0.)
///     x   # <tf.Variable 'Variable:0' shape=() dtype=float32, numpy=0.0>
///
/// Eager TensorFlow does not make names unique: every unnamed variable is `Variable:0`.
final class FreeVariable: TapeVariable, ArrayConvertible {
    private(set) var value: NDArray
    let name: String
    let trainable: Bool
    let tapes: TapeStack

    init(_ value: NDArray, name: String, trainable: Bool, tapes: TapeStack) {
        self.value = value
        self.name = name
        self.trainable = trainable
        self.tapes = tapes
    }

    var arrayValue: NDArray { value }

    func write(_ newValue: NDArray) throws { value = newValue }

    /// `tf.Variable(initial_value, trainable=True, name=None, dtype=None, ...)`.
    static func constructor(tapes: TapeStack) -> Value {
        .builtin(BuiltinFunction("Variable") { arguments, _ in
            let a = try arguments.bind("Variable", [
                .init("initial_value", default: .none), .init("trainable", default: .none),
                .init("validate_shape", default: .bool(true)), .init("caching_device", default: .none),
                .init("name", default: .none), .init("variable_def", default: .none), .init("dtype", default: .none),
                .init("import_scope", default: .none), .init("constraint", default: .none),
                .init("synchronization", default: .none), .init("aggregation", default: .none), .init("shape", default: .none),
            ])
            guard !a["initial_value"].isNone else {
                throw PyException(.valueError, "The initial value must be specified.")
            }
            let initial = try TensorConversion.array(a["initial_value"], dtype: try TensorConversion.dtype(a["dtype"]))
            let name = a["name"].isNone ? "Variable" : try Convert.string(a["name"], "name")
            let trainable = a["trainable"].isNone ? true : a["trainable"].isTruthy
            let copy = NDArray(shape: initial.shape, storage: initial.storage)
            return .host(FreeVariable(copy, name: name + ":0", trainable: trainable, tapes: tapes))
        })
    }

    // MARK: What cells see

    var typeName: String { "ResourceVariable" }

    var repr: String {
        "<tf.Variable '\(name)' shape=\(TensorShapeObject.text(value.shape)) dtype=\(value.dtype.name), "
            + "numpy=\(EagerTensor.valueText(value, repr: true))>"
    }

    func getAttribute(_ attribute: String, _ interpreter: Interpreter) throws -> Value {
        if attribute == "name" { return .str(name) }
        if let value = variableAttribute(attribute) { return value }
        throw attributeError(attribute)
    }

    func format(spec: String) throws -> String { try Tape.read(self).format(spec: spec) }
    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value { try EagerTensor(value).getItem(key, interpreter) }
    func length() throws -> Int { try EagerTensor(value).length() }
    func iterate(_ interpreter: Interpreter) throws -> PyIterator { try EagerTensor(value).iterate(interpreter) }
    func isTruthy() throws -> Bool { try value.isTruthy() }
    var asDouble: Double? { value.asDouble }
    var asInt: Int? { value.asInt }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Interpreter) throws -> Value? {
        try variableBinary(op, other, reflected: reflected)
    }

    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        try EagerTensor(value).compare(op, other, interpreter)
    }

    func unaryOperation(_ op: UnaryOperator, _ interpreter: Interpreter) throws -> Value? {
        try Tape.read(self).unaryOperation(op, interpreter)
    }
}
