import CellLanguage
import NeuralEngine

/// `keras.callbacks.History`, what `fit` returns: `.history` (a dict of per-epoch Python
/// floats under Keras' keys, in Keras' order), `.epoch`, `.params` and `.model`.
///
///     h = model.fit(x, y, epochs=2, validation_split=0.1, verbose=0)
///     list(h.history)   # ['loss', 'accuracy', 'val_loss', 'val_accuracy']
///     h.epoch           # [0, 1]
final class HistoryObject: HostObject {
    /// The dicts and lists are made once, so that changes a cell makes to them persist.
    let historyDict: PyDict
    let epochList: PyList
    let paramsDict: PyDict
    /// Weak, as in Keras (the model holds its last History); a snapshot saves the link.
    weak var model: SequentialObject?

    init(_ history: History, params: [(String, Value)], model: SequentialObject?) {
        historyDict = PyDict(history.items.map { ($0.key, .list(PyList($0.values.map { .float($0) }))) })
        epochList = PyList(history.epoch.map { .int($0) })
        paramsDict = PyDict(params)
        self.model = model
    }

    /// A History restored from a snapshot.
    init(history: PyDict, epoch: PyList, params: PyDict, model: SequentialObject?) {
        historyDict = history
        epochList = epoch
        paramsDict = params
        self.model = model
    }

    var typeName: String { "History" }
    var repr: String { "<keras.callbacks.History object>" }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "history": return .dict(historyDict)
        case "epoch": return .list(epochList)
        case "params": return .dict(paramsDict)
        case "model": return model.map { .host($0) } ?? .none
        default: throw attributeError(name)
        }
    }
}
