import CellLanguage
import NeuralEngine

/// `keras.callbacks.TensorBoard(log_dir="logs", ...)`: accepted so that notebooks written for
/// TensorBoard run, but it writes nothing. Labbook has no TensorBoard event writer; the
/// training curves of every `fit` are drawn under its log in the HTML report instead. Making
/// one says so on a warning line (TensorFlow's `WARNING:` form), so the difference is never
/// silent; `%load_ext tensorboard` and `%tensorboard` stay refused as IPython magics.
///
///     tensorboard = keras.callbacks.TensorBoard(log_dir="/tmp/logs")
///     model.fit(x, y, epochs=10, callbacks=[tensorboard])   # trains; writes no event files
final class TensorBoardLogs: TrainingCallback {
    let logDir: String

    init(logDir: String) { self.logDir = logDir }

    var observesInference: Bool { false }

    static func constructor() -> Value {
        .builtin(BuiltinFunction("TensorBoard") { arguments, interpreter in
            let a = try arguments.bind("TensorBoard", [
                .init("log_dir", default: .str("logs")), .init("histogram_freq", default: .int(0)),
                .init("write_graph", default: .bool(true)), .init("write_images", default: .bool(false)),
                .init("write_steps_per_second", default: .bool(false)), .init("update_freq", default: .str("epoch")),
                .init("profile_batch", default: .int(0)), .init("embeddings_freq", default: .int(0)),
                .init("embeddings_metadata", default: .none),
            ], extraKeywords: true)
            let logDir = try Convert.string(a["log_dir"], "log_dir")
            interpreter.write("WARNING:labbook:keras.callbacks.TensorBoard writes no logs (Labbook has no TensorBoard; nothing "
                              + "goes to \(Value.str(logDir).repr)): the HTML report draws each fit's training curves under its log\n")
            return .host(CallbackObject(TensorBoardLogs(logDir: logDir), className: "TensorBoard"))
        })
    }
}
