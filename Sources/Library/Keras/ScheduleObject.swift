import CellLanguage
import NeuralEngine

/// `keras.optimizers.schedules.ExponentialDecay(...)` and friends: a learning-rate schedule to
/// pass as an optimizer's `learning_rate`, and callable on a step number as in Keras.
///
///     lr = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=1000, decay_rate=0.9)
///     lr(2000)                                   # 0.081 (float32 arithmetic)
///     opt = keras.optimizers.SGD(learning_rate=lr)
final class ScheduleObject: KerasModuleInstance {
    static let kerasModule = "keras.optimizers.schedules"
    let schedule: LearningRateSchedule

    init(_ schedule: LearningRateSchedule) { self.schedule = schedule }

    var className: String { schedule.className }

    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let step = try arguments.bind("__call__", ["step"])["step"]
        guard let number = step.asDouble, number >= 0 else {
            throw PyException(.typeError, "A schedule is called with a step number, got \(step.repr)")
        }
        let rate = schedule.rate(atStep: Int(number))
        return OptimizerObject.pythonFloat(rate)
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        let f = OptimizerObject.pythonFloat
        switch (name, schedule) {
        case ("initial_learning_rate", .exponentialDecay(let initial, _, _, _)),
             ("initial_learning_rate", .inverseTimeDecay(let initial, _, _, _)),
             ("initial_learning_rate", .cosineDecay(let initial, _, _)):
            return f(initial)
        case ("decay_steps", .exponentialDecay(_, let steps, _, _)), ("decay_steps", .inverseTimeDecay(_, let steps, _, _)),
             ("decay_steps", .cosineDecay(_, let steps, _)):
            return .int(Int(steps))
        case ("decay_rate", .exponentialDecay(_, _, let rate, _)), ("decay_rate", .inverseTimeDecay(_, _, let rate, _)):
            return f(rate)
        case ("staircase", .exponentialDecay(_, _, _, let staircase)), ("staircase", .inverseTimeDecay(_, _, _, let staircase)):
            return .bool(staircase)
        case ("alpha", .cosineDecay(_, _, let alpha)): return f(alpha)
        case ("boundaries", .piecewiseConstant(let boundaries, _)): return .list(PyList(boundaries.map { .int(Int($0)) }))
        case ("values", .piecewiseConstant(_, let values)): return .list(PyList(values.map(f)))
        default: throw attributeError(name)
        }
    }

    /// The `keras.optimizers.schedules` module's classes.
    static func attributes() -> [(String, Value)] {
        [
            ("ExponentialDecay", decay("ExponentialDecay") { initial, steps, rate, staircase in
                .exponentialDecay(initial: initial, decaySteps: steps, decayRate: rate, staircase: staircase)
            }),
            ("InverseTimeDecay", decay("InverseTimeDecay") { initial, steps, rate, staircase in
                .inverseTimeDecay(initial: initial, decaySteps: steps, decayRate: rate, staircase: staircase)
            }),
            ("PiecewiseConstantDecay", .builtin(BuiltinFunction("PiecewiseConstantDecay") { arguments, _ in
                let a = try arguments.bind("PiecewiseConstantDecay", ["boundaries", "values", .init("name", default: .none)])
                let boundaries = try interpreterList(a["boundaries"], "boundaries").map { Float(try Convert.double($0, "boundaries")) }
                let values = try interpreterList(a["values"], "values").map { Float(try Convert.double($0, "values")) }
                guard values.count == boundaries.count + 1 else {
                    throw PyException(.valueError, "The length of boundaries should be 1 less than the length of values")
                }
                return .host(ScheduleObject(.piecewiseConstant(boundaries: boundaries, values: values)))
            })),
            ("CosineDecay", .builtin(BuiltinFunction("CosineDecay") { arguments, _ in
                let a = try arguments.bind("CosineDecay", ["initial_learning_rate", "decay_steps", .init("alpha", default: .float(0)),
                                                           .init("name", default: .none)])
                return .host(ScheduleObject(.cosineDecay(
                    initial: Float(try Convert.double(a["initial_learning_rate"], "initial_learning_rate")),
                    decaySteps: try steps(a["decay_steps"]), alpha: Float(try Convert.double(a["alpha"], "alpha")))))
            })),
        ]
    }

    /// `ExponentialDecay(initial_learning_rate, decay_steps, decay_rate, staircase=False, name=None)`
    /// and `InverseTimeDecay` (same arguments).
    private static func decay(_ name: String, _ make: @escaping (Float, Float, Float, Bool) -> LearningRateSchedule) -> Value {
        .builtin(BuiltinFunction(name) { arguments, _ in
            let a = try arguments.bind(name, ["initial_learning_rate", "decay_steps", "decay_rate",
                                              .init("staircase", default: .bool(false)), .init("name", default: .none)])
            return .host(ScheduleObject(make(
                Float(try Convert.double(a["initial_learning_rate"], "initial_learning_rate")), try steps(a["decay_steps"]),
                Float(try Convert.double(a["decay_rate"], "decay_rate")), a["staircase"].isTruthy)))
        })
    }

    private static func steps(_ value: Value) throws -> Float {
        let steps = try Convert.double(value, "decay_steps")
        guard steps > 0 else { throw PyException(.valueError, "`decay_steps` must be positive, got \(value.repr)") }
        return Float(steps)
    }
}

extension ScheduleObject: SnapshotCodable {
    static var snapshotKind: String { "keras.LearningRateSchedule/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(bytes: try ExactJSON.encode(schedule, "a learning-rate schedule"))
    }

    static func restore(from reader: inout SnapshotReader) throws -> ScheduleObject {
        ScheduleObject(try ExactJSON.decode(LearningRateSchedule.self, from: try reader.readBytes(), "a learning-rate schedule"))
    }
}
