import CellLanguage
import Datasets
import NeuralEngine

/// `keras.utils` and `keras.datasets.*`: one-hot labels, the session seed, and the
/// datasets' `load_data()`.
enum KerasUtilities {
    /// `keras.utils` attributes.
    static func utils(state: LibraryState) -> [(String, Value)] {
        [
            ("to_categorical", .builtin(BuiltinFunction("to_categorical") { arguments, _ in
                let a = try arguments.bind("to_categorical", ["y", .init("num_classes", default: .none),
                                                             .init("dtype", default: .str("float32"))])
                guard a["dtype"].str == "float32" else {
                    throw PyException(.valueError, "to_categorical(dtype=\(a["dtype"].repr)): Labbook returns float32 only")
                }
                return KerasArrays.array(try toCategorical(try KerasArrays.tensor(a["y"], "y"),
                                                           numClasses: try Convert.optionalInt(a["num_classes"], "num_classes")))
            })),
            ("plot_model", PlotModel.function()),
            ("set_random_seed", .builtin(BuiltinFunction("set_random_seed") { arguments, _ in
                let seed = try arguments.bind("set_random_seed", ["seed"])["seed"]
                state.reseed(try Convert.int(seed, "seed"))
                return .none
            })),
        ]
    }

    /// Keras' `to_categorical`: labels (truncated to integers) become one-hot rows; a
    /// trailing axis of 1 is dropped first; `num_classes` defaults to the largest label + 1.
    static func toCategorical(_ y: Tensor, numClasses: Int?) throws -> Tensor {
        var shape = y.shape
        if shape.count > 1, shape.last == 1 { shape.removeLast() }
        let labels = try y.scalars.map { value -> Int in
            guard value.isFinite else { throw PyException(.valueError, "cannot convert float NaN to integer") }
            guard value.magnitude < 9.2e18 else { throw PyException(.overflowError, "Python int too large to convert to C long") }
            return Int(value)
        }
        let classes = numClasses ?? ((labels.max() ?? -1) + 1)
        guard classes >= 0 else { throw PyException(.valueError, "negative dimensions are not allowed") }
        try ArrayAllocation.check([labels.count, classes], .float32)
        var scalars = [Float](repeating: 0, count: labels.count * classes)
        for (row, label) in labels.enumerated() {
            guard label < classes, label >= -classes else {
                throw PyException(.indexError, "index \(label) is out of bounds for axis 1 with size \(classes)")
            }
            scalars[row * classes + (label < 0 ? label + classes : label)] = 1
        }
        return Tensor(shape: shape + [classes], scalars: scalars)
    }

    /// `keras.datasets.<name>` attributes: `load_data()`.
    static func dataset(_ dataset: Dataset, state: LibraryState) -> [(String, Value)] {
        [
            ("load_data", .builtin(BuiltinFunction("load_data") { arguments, interpreter in
                _ = try arguments.bind("load_data", [.init("path", default: .str("\(dataset.name).npz"))])
                let loaded = try state.loadDataset(dataset)
                let ((xTrain, yTrain), (xTest, yTest)) = loaded
                return .tuple([
                    .tuple([KerasArrays.array(xTrain), KerasArrays.array(yTrain)]),
                    .tuple([KerasArrays.array(xTest), KerasArrays.array(yTest)]),
                ])
            })),
        ]
    }
}

extension LibraryState {
    /// A dataset's arrays, read once per session (later calls share the same storage).
    func loadDataset(_ dataset: Dataset) throws -> ((UInt8Array, UInt8Array), (UInt8Array, UInt8Array)) {
        if let loaded = loadedDatasets[dataset.name] { return loaded }
        do {
            let loaded = try Dataset.load(dataset)
            loadedDatasets[dataset.name] = loaded
            return loaded
        } catch {
            switch error {
            case .notFound: throw PyException(.fileNotFoundError, error.description)
            default: throw PyException(.osError, error.description)
            }
        }
    }
}
