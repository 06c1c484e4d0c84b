import CellLanguage
import NeuralEngine

/// `keras.callbacks.EarlyStopping(...)`, to pass in `fit(callbacks=[...])`.
///
///     stop = EarlyStopping(monitor='val_loss', patience=2, restore_best_weights=True)
///     model.fit(x, y, epochs=50, validation_split=0.1, callbacks=[stop])
///     stop.stopped_epoch   # the epoch (0-based) training stopped at, or 0
final class EarlyStoppingObject: HostObject {
    let callback: EarlyStopping
    /// `stopped_epoch` as saved in a snapshot, until the callback next trains (the engine
    /// callback resets it when training begins).
    var restoredStoppedEpoch: Int?

    init(_ callback: EarlyStopping) { self.callback = callback }

    /// `stopped_epoch`.
    var stoppedEpoch: Int { restoredStoppedEpoch ?? callback.stoppedEpoch }

    var typeName: String { "EarlyStopping" }
    var repr: String { "<keras.callbacks.EarlyStopping object>" }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "stopped_epoch": return .int(stoppedEpoch)
        case "monitor": return .str(callback.monitor)
        case "patience": return .int(callback.patience)
        case "min_delta": return .float(abs(callback.minDelta))
        case "restore_best_weights": return .bool(callback.restoreBestWeights)
        case "verbose": return .int(callback.verbose)
        case "mode": return .str(callback.mode.rawValue)
        case "baseline": return callback.baseline.map { .float($0) } ?? .none
        default: throw attributeError(name)
        }
    }

    /// The `keras.callbacks` module's attributes.
    static func attributes() -> [(String, Value)] {
        [
            ("EarlyStopping", .builtin(BuiltinFunction("EarlyStopping") { arguments, _ in
                let a = try arguments.bind("EarlyStopping", [
                    .init("monitor", default: .str("val_loss")), .init("min_delta", default: .int(0)),
                    .init("patience", default: .int(0)), .init("verbose", default: .int(0)),
                    .init("mode", default: .str("auto")), .init("baseline", default: .none),
                    .init("restore_best_weights", default: .bool(false)),
                ])
                let modeName = try Convert.string(a["mode"], "mode")
                let mode = EarlyStopping.Mode(rawValue: modeName) ?? .auto
                let callback = EarlyStopping(
                    monitor: try Convert.string(a["monitor"], "monitor"), minDelta: try Convert.double(a["min_delta"], "min_delta"),
                    patience: try Convert.int(a["patience"], "patience"), verbose: try Convert.verbose(a["verbose"]),
                    mode: mode, baseline: a["baseline"].isNone ? nil : try Convert.double(a["baseline"], "baseline"),
                    restoreBestWeights: a["restore_best_weights"].isTruthy)
                return .host(EarlyStoppingObject(callback))
            })),
        ]
    }
}
