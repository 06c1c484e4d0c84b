import CellLanguage
import NeuralEngine

/// A cell's subclass of `keras.callbacks.Callback`, called by `fit` at Keras 2's hook points:
/// `set_params` and `set_model` first (so `self.model` is the model and
/// `self.model.stop_training = True` stops training after the batch or epoch), then
/// `on_train_begin(logs)`, `on_epoch_begin(epoch, logs)`, `on_train_batch_begin(batch, logs)`
/// and `on_train_batch_end(batch, logs)` (which the base class forwards to `on_batch_begin`
/// and `on_batch_end`), `on_epoch_end(epoch, logs)` and `on_train_end(logs)`, with the logs as
/// a dict. What `on_epoch_end` adds to its `logs` goes into `History`, as in Keras. As in
/// Keras 2.3, `evaluate`, `predict` and the validation inside `fit` call `on_test_begin`,
/// `on_test_batch_begin`/`_end`, `on_test_end` and the `on_predict_*` hooks.
final class PythonCallback: TrainingCallback {
    let instance: Value
    let model: SequentialObject
    let params: PyDict
    let interpreter: Interpreter

    init(_ instance: Value, model: SequentialObject, params: PyDict, interpreter: Interpreter) {
        self.instance = instance
        self.model = model
        self.params = params
        self.interpreter = interpreter
    }

    /// Keras' base class, written in Python so that cells can subclass it.
    static let baseClassSource = """
        class Callback:
            _labbook_keras_callback = True

            def __init__(self):
                self.validation_data = None
                self.model = None
                self.params = {}

            def set_params(self, params):
                self.params = params

            def set_model(self, model):
                self.model = model

            def on_epoch_begin(self, epoch, logs=None):
                pass

            def on_epoch_end(self, epoch, logs=None):
                pass

            def on_batch_begin(self, batch, logs=None):
                pass

            def on_batch_end(self, batch, logs=None):
                pass

            def on_train_batch_begin(self, batch, logs=None):
                self.on_batch_begin(batch, logs=logs)

            def on_train_batch_end(self, batch, logs=None):
                self.on_batch_end(batch, logs=logs)

            def on_train_begin(self, logs=None):
                pass

            def on_train_end(self, logs=None):
                pass

            def on_test_begin(self, logs=None):
                pass

            def on_test_end(self, logs=None):
                pass

            def on_predict_begin(self, logs=None):
                pass

            def on_predict_end(self, logs=None):
                pass

            def on_test_batch_begin(self, batch, logs=None):
                pass

            def on_test_batch_end(self, batch, logs=None):
                pass

            def on_predict_batch_begin(self, batch, logs=None):
                pass

            def on_predict_batch_end(self, batch, logs=None):
                pass

        """

    /// Whether `value` is an instance of a subclass of the base class (by its marker, which
    /// also holds for a base class parsed again by a cache restore).
    static func isCallback(_ value: Value, _ interpreter: Interpreter) -> Bool {
        guard case .host(let object) = value, object is PyInstance else { return false }
        return (try? interpreter.getAttribute(value, "_labbook_keras_callback").isTruthy) ?? false
    }

    /// Calls the hook `name`; what it prints joins the training log, where Keras shows it.
    private func hook(_ name: String, _ arguments: [Value], _ emit: (String) throws -> Void) throws {
        let method = try interpreter.getAttribute(instance, name)
        let printed = try interpreter.capturingText { _ = try interpreter.call(method, Arguments(arguments)) }
        if !printed.isEmpty { try emit(printed.hasSuffix("\n") ? String(printed.dropLast()) : printed) }
    }

    private static func dict(_ logs: Logs) -> PyDict {
        // Keras 2's epoch logs hold the validation values first (the fit loop writes them),
        // then the training ones (added by its BaseLogger), then what callbacks added.
        let ordered = logs.entries.filter { $0.name.hasPrefix("val_") } + logs.entries.filter { !$0.name.hasPrefix("val_") }
        return PyDict(ordered.map { entry in
            (entry.name, entry.name == "batch" || entry.name == "size" ? .int(Int(entry.value)) : .float(entry.value))
        })
    }

    /// `set_params(params)` then `set_model(model)`, as Keras does before `fit`, `evaluate`
    /// and `predict`.
    func setUp(_ emit: (String) throws -> Void) throws {
        try hook("set_params", [.dict(params)], emit)
        try hook("set_model", [.host(model)], emit)
    }

    func trainBegin(model engine: Sequential, emit: (String) throws -> Void) throws {
        try setUp(emit)
        try hook("on_train_begin", [.dict(PyDict())], emit)
    }

    func epochBegin(_ epoch: Int, model: Sequential, emit: (String) throws -> Void) throws {
        try hook("on_epoch_begin", [.int(epoch), .dict(PyDict())], emit)
    }

    func batchBegin(_ batch: Int, size: Int, model: Sequential, emit: (String) throws -> Void) throws {
        try hook("on_train_batch_begin", [.int(batch), .dict(PyDict([("batch", .int(batch)), ("size", .int(size))]))], emit)
    }

    func batchEnd(_ batch: Int, logs: Logs, model: Sequential, emit: (String) throws -> Void) throws {
        try hook("on_train_batch_end", [.int(batch), .dict(Self.dict(logs))], emit)
    }

    func epochEnd(_ epoch: Int, logs: inout Logs, model: Sequential, emit: (String) throws -> Void) throws -> Bool {
        let dict = Self.dict(logs)
        try hook("on_epoch_end", [.int(epoch), .dict(dict)], emit)
        for (key, value) in dict.entries {
            guard case .str(let name) = key, let number = value.asDouble else { continue }
            if let i = logs.entries.firstIndex(where: { $0.name == name }) {
                logs.entries[i].value = number
            } else {
                logs.entries.append(Logs.Entry(name: name, value: number))
            }
        }
        return false
    }

    func trainEnd(model: Sequential, emit: (String) throws -> Void) throws {
        try hook("on_train_end", [.dict(PyDict())], emit)
    }

    // MARK: evaluate and predict

    var observesInference: Bool { true }

    private static func batchDict(_ batch: Int, _ size: Int) -> PyDict { PyDict([("batch", .int(batch)), ("size", .int(size))]) }

    func testBegin(model: Sequential, emit: (String) throws -> Void) throws {
        try hook("on_test_begin", [.dict(PyDict())], emit)
    }

    func testBatchBegin(_ batch: Int, size: Int, model: Sequential, emit: (String) throws -> Void) throws {
        try hook("on_test_batch_begin", [.int(batch), .dict(Self.batchDict(batch, size))], emit)
    }

    func testBatchEnd(_ batch: Int, logs: Logs, model: Sequential, emit: (String) throws -> Void) throws {
        try hook("on_test_batch_end", [.int(batch), .dict(Self.dict(logs))], emit)
    }

    func testEnd(model: Sequential, emit: (String) throws -> Void) throws {
        try hook("on_test_end", [.dict(PyDict())], emit)
    }

    func predictBegin(model: Sequential, emit: (String) throws -> Void) throws {
        try hook("on_predict_begin", [.dict(PyDict())], emit)
    }

    func predictBatchBegin(_ batch: Int, size: Int, model: Sequential, emit: (String) throws -> Void) throws {
        try hook("on_predict_batch_begin", [.int(batch), .dict(Self.batchDict(batch, size))], emit)
    }

    /// Keras 2.3's logs after a predict batch: `batch`, `size` and `outputs`, the list of the
    /// model's output arrays for the batch.
    func predictBatchEnd(_ batch: Int, size: Int, outputs: Tensor, model: Sequential, emit: (String) throws -> Void) throws {
        let logs = Self.batchDict(batch, size)
        try logs.set(.str("outputs"), .list(PyList([KerasArrays.array(outputs)])))
        try hook("on_predict_batch_end", [.int(batch), .dict(logs)], emit)
    }

    func predictEnd(model: Sequential, emit: (String) throws -> Void) throws {
        try hook("on_predict_end", [.dict(PyDict())], emit)
    }
}
