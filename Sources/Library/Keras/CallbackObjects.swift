import CellLanguage
import NeuralEngine

/// `keras.callbacks.ModelCheckpoint`, `ReduceLROnPlateau`, `LearningRateScheduler`,
/// `CSVLogger` and `TerminateOnNaN`: Python objects around one engine callback each, for
/// `fit(callbacks=[...])` (beside `EarlyStopping`, which has its own object).
///
///     checkpoint = ModelCheckpoint('best.h5', monitor='val_accuracy', save_best_only=True)
///     reduce = ReduceLROnPlateau(monitor='val_loss', factor=0.5, patience=2, min_lr=1e-5)
///     model.fit(x, y, epochs=20, validation_split=0.1, callbacks=[checkpoint, reduce])
final class CallbackObject: KerasModuleInstance {
    static let kerasModule = "keras.callbacks"
    let callback: any TrainingCallback
    let className: String

    init(_ callback: any TrainingCallback, className: String) {
        self.callback = callback
        self.className = className
    }

    /// Gives the callbacks that call into the cell language the interpreter of this `fit`.
    func prepare(_ interpreter: Interpreter) {
        (callback as? ModelCheckpoint)?.interpreter = interpreter
        (callback as? LearningRateScheduler)?.interpreter = interpreter
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch (name, callback) {
        case ("monitor", let c as ModelCheckpoint): return .str(c.monitor)
        case ("monitor", let c as ReduceLROnPlateau): return .str(c.monitor)
        case ("filepath", let c as ModelCheckpoint): return .str(c.filepath)
        case ("save_best_only", let c as ModelCheckpoint): return .bool(c.saveBestOnly)
        case ("best", let c as ModelCheckpoint): return .float(c.best)
        case ("best", let c as ReduceLROnPlateau): return .float(c.best)
        case ("factor", let c as ReduceLROnPlateau): return .float(c.factor)
        case ("patience", let c as ReduceLROnPlateau): return .int(c.patience)
        case ("min_lr", let c as ReduceLROnPlateau): return OptimizerObject.pythonFloat(c.minLR)
        case ("cooldown", let c as ReduceLROnPlateau): return .int(c.cooldown)
        case ("wait", let c as ReduceLROnPlateau): return .int(c.wait)
        case ("schedule", let c as LearningRateScheduler): return c.schedule
        case ("filename", let c as CSVLogger): return .str(c.filename)
        case ("sep", let c as CSVLogger): return .str(c.separator)
        case ("append", let c as CSVLogger): return .bool(c.append)
        default: throw attributeError(name)
        }
    }

    /// The module's constructors (with `EarlyStopping`'s).
    static func attributes() -> [(String, Value)] {
        EarlyStoppingObject.attributes() + [
            ("ModelCheckpoint", make("ModelCheckpoint", [
                "filepath", .init("monitor", default: .str("val_loss")), .init("verbose", default: .int(0)),
                .init("save_best_only", default: .bool(false)), .init("save_weights_only", default: .bool(false)),
                .init("mode", default: .str("auto")), .init("period", default: .int(1)), .init("save_freq", default: .str("epoch")),
            ]) { a in
                guard case .str("epoch") = a["save_freq"] else {
                    throw PyException(.valueError, "ModelCheckpoint(save_freq=...) other than 'epoch' is not supported by Labbook's engine")
                }
                let checkpoint = ModelCheckpoint(
                    filepath: try Convert.string(a["filepath"], "filepath"), monitor: try Convert.string(a["monitor"], "monitor"),
                    verbose: try Convert.verbose(a["verbose"]), saveBestOnly: a["save_best_only"].isTruthy,
                    mode: try mode(a["mode"]), period: max(1, try Convert.int(a["period"], "period")))
                checkpoint.saveWeightsOnly = a["save_weights_only"].isTruthy
                return checkpoint
            }),
            ("ReduceLROnPlateau", make("ReduceLROnPlateau", [
                .init("monitor", default: .str("val_loss")), .init("factor", default: .float(0.1)),
                .init("patience", default: .int(10)), .init("verbose", default: .int(0)), .init("mode", default: .str("auto")),
                .init("min_delta", default: .float(1e-4)), .init("cooldown", default: .int(0)), .init("min_lr", default: .int(0)),
            ]) { a in
                let factor = try Convert.double(a["factor"], "factor")
                guard factor < 1 else {
                    throw PyException(.valueError, "ReduceLROnPlateau does not support a factor >= 1.0.")
                }
                return ReduceLROnPlateau(
                    monitor: try Convert.string(a["monitor"], "monitor"), factor: factor,
                    patience: try Convert.int(a["patience"], "patience"), verbose: try Convert.verbose(a["verbose"]),
                    mode: try mode(a["mode"]), minDelta: try Convert.double(a["min_delta"], "min_delta"),
                    cooldown: try Convert.int(a["cooldown"], "cooldown"), minLR: Float(try Convert.double(a["min_lr"], "min_lr")))
            }),
            ("LearningRateScheduler", make("LearningRateScheduler", ["schedule", .init("verbose", default: .int(0))]) { a in
                LearningRateScheduler(schedule: a["schedule"], verbose: try Convert.verbose(a["verbose"]))
            }),
            ("CSVLogger", make("CSVLogger", ["filename", .init("separator", default: .str(",")),
                                             .init("append", default: .bool(false))]) { a in
                CSVLogger(filename: try Convert.string(a["filename"], "filename"),
                          separator: try Convert.string(a["separator"], "separator"), append: a["append"].isTruthy)
            }),
            ("TerminateOnNaN", make("TerminateOnNaN", []) { _ in TerminateOnNaN() }),
        ]
    }

    private static func make(_ name: String, _ parameters: [HostParameter],
                             _ build: @escaping (BoundArguments) throws -> any TrainingCallback) -> Value {
        .builtin(BuiltinFunction(name) { arguments, _ in
            .host(CallbackObject(try build(try arguments.bind(name, parameters)), className: name))
        })
    }

    private static func mode(_ value: Value) throws -> EarlyStopping.Mode {
        EarlyStopping.Mode(rawValue: try Convert.string(value, "mode")) ?? .auto
    }
}
