import CellLanguage
import NeuralEngine

/// `optimizer.lr`: the optimizer's learning rate as Keras 2.3 holds it, a variable, so that
/// `keras.backend.set_value(model.optimizer.lr, 0.01)` (keras.io's "Writing your own
/// callbacks") changes the rate the next batch uses. It reads as the current rate: `float()`,
/// arithmetic, comparisons and formatting see the number. (`optimizer.learning_rate` stays the
/// plain number, or the schedule when one was given.)
///
///     lr = opt.lr                          # <tf.Variable 'learning_rate:0' shape=() dtype=float32, numpy=0.1>
///     keras.backend.set_value(opt.lr, 0.05)
///     float(lr)                            # 0.05
final class LearningRateVariable: HostObject {
    let optimizer: OptimizerObject

    init(_ optimizer: OptimizerObject) { self.optimizer = optimizer }

    /// The current rate as Python shows a float32 (`0.1`).
    var value: Value { OptimizerObject.pythonFloat(optimizer.optimizer.learningRate) }

    var typeName: String { "ResourceVariable" }
    var repr: String { "<tf.Variable 'learning_rate:0' shape=() dtype=float32, numpy=\(value.repr)>" }
    var asDouble: Double? { value.asDouble }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "numpy": return .builtin(BuiltinFunction("numpy") { _, _ in self.value })
        case "dtype": return .str("float32")
        case "shape": return .tuple([])
        default: throw attributeError(name)
        }
    }

    func isTruthy() throws -> Bool { optimizer.optimizer.learningRate != 0 }

    func format(spec: String) throws -> String {
        let x = value.asDouble ?? 0
        do {
            return try PyFormat.format(x, spec: spec)
        } catch {
            throw PyException(ExceptionType(rawValue: error.typeName) ?? .valueError, error.message)
        }
    }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Interpreter) throws -> Value? {
        reflected ? try interpreter.binary(op, other, value) : try interpreter.binary(op, value, other)
    }

    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        try interpreter.compare(op, value, other)
    }

    /// `keras.backend.set_value(variable, x)`.
    func assign(_ rate: Value) throws {
        guard let number = rate.asDouble else {
            throw PyException(.typeError, "set_value needs a number for the learning rate, got \(Convert.describe(rate))")
        }
        guard optimizer.optimizer.options.schedule == nil else {
            throw PyException(.valueError, "Labbook cannot set the learning rate of an optimizer that follows a schedule "
                              + "(or `decay=`): the schedule sets it before each update")
        }
        optimizer.optimizer.learningRate = Float(number)
    }
}

/// `keras.backend.get_value(x)` and `set_value(x, value)`: Labbook's variables are the
/// optimizers' learning rates (`optimizer.lr`); other values read as themselves.
enum BackendValues {
    static func functions() -> [(String, Value)] {
        [
            ("get_value", .builtin(BuiltinFunction("get_value") { arguments, _ in
                let x = try arguments.bind("get_value", ["x"])["x"]
                if case .host(let variable as LearningRateVariable) = x { return variable.value }
                return x
            })),
            ("set_value", .builtin(BuiltinFunction("set_value") { arguments, _ in
                let a = try arguments.bind("set_value", ["x", "value"])
                guard case .host(let variable as LearningRateVariable) = a["x"] else {
                    throw PyException(.typeError, "Labbook's keras.backend.set_value sets an optimizer's learning rate "
                                      + "(`optimizer.lr`), got \(Convert.describe(a["x"]))")
                }
                try variable.assign(a["value"])
                return .none
            })),
        ]
    }
}

/// The variable keeps its optimizer, by reference.
extension LearningRateVariable: SnapshotCodable {
    static var snapshotKind: String { "keras.LearningRateVariable/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        try writer.write(value: .host(optimizer))
    }

    static func restore(from reader: inout SnapshotReader) throws -> LearningRateVariable {
        LearningRateVariable(try reader.readHost(OptimizerObject.self, "an optimizer"))
    }
}
