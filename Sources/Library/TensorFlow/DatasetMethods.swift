import CellLanguage
import NeuralEngine

/// `tf.data`: the `Dataset` class (`from_tensor_slices`), `AUTOTUNE`, and a dataset's methods,
/// bound with TensorFlow's parameter names.
enum DatasetMethods {
    /// TensorFlow's `tf.data.AUTOTUNE`.
    static let autotune = -1

    static func module(state: LibraryState) -> Module {
        Module("tensorflow.data", [
            ("Dataset", .host(DatasetClass(state: state))),
            ("AUTOTUNE", .int(autotune)),
            ("experimental", .module(Module("tensorflow.data.experimental", [("AUTOTUNE", .int(autotune))]))),
        ])
    }

    /// `Dataset.from_tensor_slices(tensors)`: an array, a tuple of arrays or a dict of them,
    /// sliced along their first axis, which must be the same length.
    static func fromTensorSlices(_ value: Value) throws -> DatasetObject {
        let structure: DatasetSource.Structure
        let parts: [Value]
        switch value {
        case .tuple(let t): (structure, parts) = (.tuple, t)
        case .dict(let d):
            let keys = try d.entries.map { key, _ -> String in
                guard case .str(let name) = key else { throw PyException(.typeError, "from_tensor_slices needs str dict keys") }
                return name
            }
            (structure, parts) = (.dict(keys), d.entries.map(\.value))
        default: (structure, parts) = (.single, [value])
        }
        let components = try parts.map { part -> NDArray in
            if case .tuple = part {
                throw PyException(.notImplementedError, "Labbook's from_tensor_slices takes one level of tuple or dict")
            }
            let array = try TensorConversion.array(part)
            guard array.ndim >= 1 else {
                throw PyException(.valueError, "Unbatching a tensor is only supported for rank >= 1")
            }
            return NDArray(shape: array.shape, storage: array.storage)
        }
        let counts = Set(components.map { $0.shape[0] })
        guard counts.count <= 1 else {
            throw PyException(.valueError, "Dimensions \(components.map { String($0.shape[0]) }.joined(separator: " and ")) "
                              + "are not compatible: from_tensor_slices needs the same number of rows in every component")
        }
        return DatasetObject(source: DatasetSource(components: components, structure: structure), stages: [])
    }

    /// A dataset's method `name`, or nil.
    static func method(_ name: String, of dataset: DatasetObject, _ interpreter: Interpreter) -> Value? {
        func make(_ parameters: [HostParameter], _ body: @escaping (BoundArguments) throws -> DatasetStage) -> Value {
            .builtin(BuiltinFunction(name) { arguments, _ in
                .host(dataset.adding(try body(try arguments.bind(name, parameters))))
            })
        }
        switch name {
        case "shuffle":
            return make(["buffer_size", .init("seed", default: .none), .init("reshuffle_each_iteration", default: .none),
                         .init("name", default: .none)]) { a in
                let size = try Convert.int(a["buffer_size"], "buffer_size")
                guard size > 0 else { throw PyException(.valueError, "buffer_size must be greater than zero.") }
                let state = try LibraryStateHandle.state(of: interpreter)
                let seed = a["seed"].isNone ? state.random.next() : UInt64(bitPattern: Int64(try Convert.int(a["seed"], "seed")))
                return .shuffle(buffer: size, seed: seed, reshuffle: a["reshuffle_each_iteration"].isNone || a["reshuffle_each_iteration"].isTruthy)
            }
        case "batch":
            return make(["batch_size", .init("drop_remainder", default: .bool(false)),
                         .init("num_parallel_calls", default: .none), .init("deterministic", default: .none),
                         .init("name", default: .none)]) { a in
                let size = try Convert.int(a["batch_size"], "batch_size")
                guard size > 0 else { throw PyException(.valueError, "Batch size must be greater than zero.") }
                return .batch(size, dropRemainder: a["drop_remainder"].isTruthy)
            }
        case "map":
            return make(["map_func", .init("num_parallel_calls", default: .none), .init("deterministic", default: .none),
                         .init("name", default: .none)]) { a in .map(a["map_func"]) }
        case "take", "skip":
            return make(["count", .init("name", default: .none)]) { a in
                let count = try Convert.int(a["count"], "count")
                return name == "take" ? .take(count) : .skip(count)
            }
        case "repeat":
            return make([.init("count", default: .none), .init("name", default: .none)]) { a in
                guard !a["count"].isNone else { return .repeatCount(nil) }
                let count = try Convert.int(a["count"], "count")
                return .repeatCount(count < 0 ? nil : count)
            }
        case "prefetch":
            return make(["buffer_size", .init("name", default: .none)]) { _ in .passThrough("prefetch") }
        case "cache":
            return make([.init("filename", default: .str("")), .init("name", default: .none)]) { _ in .passThrough("cache") }
        default:
            return nil
        }
    }
}

/// `tf.data.Dataset` itself: its class methods.
final class DatasetClass: HostClass {
    let state: LibraryState
    init(state: LibraryState) { self.state = state }

    var qualifiedName: String { "tensorflow.python.data.ops.dataset_ops.DatasetV2" }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "from_tensor_slices":
            return .builtin(BuiltinFunction(name) { arguments, _ in
                let a = try arguments.bind(name, ["tensors", .init("name", default: .none)])
                return .host(try DatasetMethods.fromTensorSlices(a["tensors"]))
            })
        default: throw attributeError(name)
        }
    }
}
