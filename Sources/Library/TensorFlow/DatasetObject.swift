import CellLanguage
import NeuralEngine

/// `tf.data.Dataset`: `from_tensor_slices` of an array, a tuple or a dict of arrays, then a
/// chain of `shuffle`, `batch`, `map`, `take`, `skip`, `repeat` (`prefetch` and `cache` pass
/// elements through), iterated as tf.Tensors and taken by `fit`, `evaluate` and `predict`.
///
///     train_ds = tf.data.Dataset.from_tensor_slices((x_train, y_train)).shuffle(10000).batch(32)
///     for images, labels in train_ds: ...       # (32, 28, 28, 1) float32, (32,) uint8
///
/// Each `shuffle` holds a seed drawn from the run's generator when it is made (or its `seed=`)
/// and reshuffles on every pass from that seed and the pass's number, so a run is
/// reproducible; its buffer works as TensorFlow's (fill `buffer_size` elements, hand out a
/// random one, put the next element in its place), though not with TensorFlow's random numbers.
final class DatasetObject: HostObject {
    /// The sliced arrays and how an element holds them.
    let source: DatasetSource
    let stages: [DatasetStage]
    /// How many times the dataset has been iterated (each pass reshuffles).
    var passes = 0

    init(source: DatasetSource, stages: [DatasetStage]) {
        self.source = source
        self.stages = stages
    }

    var typeName: String { "Dataset" }
    var repr: String { "<\(Self.className(stages.last))Dataset element_spec=\(elementSpec)>" }

    /// TensorFlow's class of a dataset made by its last transformation.
    private static func className(_ stage: DatasetStage?) -> String {
        switch stage {
        case nil: "_TensorSlice"
        case .shuffle?: "_Shuffle"
        case .batch?: "_Batch"
        case .map?: "_Map"
        case .take?: "_Take"
        case .skip?: "_Skip"
        case .repeatCount?: "_Repeat"
        case let .passThrough(name)?: name == "prefetch" ? "_Prefetch" : "_Cache"
        }
    }

    /// `element_spec` as TensorFlow prints it (before any `map`).
    var elementSpec: String {
        let batched = stages.contains { if case .batch = $0 { true } else { false } }
        let specs = source.components.map { a in
            let dims = (batched ? ["None"] : []) + a.shape.dropFirst().map(String.init)
            let shape = dims.count == 1 ? "(\(dims[0]),)" : "(" + dims.joined(separator: ", ") + ")"
            return "TensorSpec(shape=\(shape), dtype=tf.\(a.dtype.name), name=None)"
        }
        switch source.structure {
        case .single: return specs[0]
        case .tuple: return "(" + specs.joined(separator: ", ") + ")"
        case .dict(let keys): return "{" + zip(keys, specs).map { "'\($0)': \($1)" }.joined(separator: ", ") + "}"
        }
    }

    /// The number of elements, nil when infinite (`repeat()`); `len()` of a mapped dataset
    /// is known too, as in TensorFlow.
    var cardinality: Int? {
        var n: Int? = source.count
        for stage in stages {
            switch stage {
            case let .batch(size, drop): n = n.map { drop ? $0 / size : ($0 + size - 1) / size }
            case let .take(k): n = k < 0 ? n : n.map { min($0, k) } ?? k
            case let .skip(k): n = n.map { k < 0 ? 0 : max($0 - k, 0) }
            case let .repeatCount(count): n = count.map { c in n.map { $0 * c } } ?? (n == 0 ? 0 : nil)
            case .shuffle, .map, .passThrough: break
            }
        }
        return n
    }

    func length() throws -> Int {
        guard let n = cardinality else { throw PyException(.typeError, "The dataset is infinite.") }
        return n
    }

    func iterate(_ interpreter: Interpreter) throws -> PyIterator {
        passes += 1
        let next = DatasetPipeline(dataset: self, pass: passes - 1, interpreter: interpreter).elements()
        return PyIterator("OwnedIterator") { try next() }
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "element_spec": return .str(elementSpec)
        case "cardinality":
            return .builtin(BuiltinFunction(name) { a, _ in
                try a.expectExactly(0, name)
                return .host(EagerTensor(NDArray(shape: [], storage: .int64([Int64(self.cardinality ?? -1)]))))
            })
        default:
            guard let method = DatasetMethods.method(name, of: self, interpreter) else { throw attributeError(name) }
            return method
        }
    }

    func adding(_ stage: DatasetStage) -> DatasetObject {
        DatasetObject(source: source, stages: stages + [stage])
    }
}

/// The arrays a dataset slices, row by row along their first axis.
struct DatasetSource {
    enum Structure: Equatable {
        case single
        case tuple
        case dict([String])
    }

    let components: [NDArray]
    let structure: Structure
    var count: Int { components.first?.shape.first ?? 0 }

    /// Component `c` of elements `rows` (one row: its slice; several: stacked).
    func value(rows: [Int], single: Bool) throws -> Value {
        let parts = try components.map { a -> Value in
            let part: NDArray
            if single {
                part = try a.subscripted(.int(rows[0]))
            } else if let first = rows.first, rows == Array(first..<(first + rows.count)) {
                part = try a.subscripted(.slice(PySlice(start: .int(first), stop: .int(first + rows.count))))
            } else {
                part = try a.subscripted(.host(NDArray(shape: [rows.count], storage: .int64(rows.map { Int64($0) }))))
            }
            return .host(EagerTensor(NDArray(shape: part.shape, storage: part.storage)))
        }
        switch structure {
        case .single: return parts[0]
        case .tuple: return .tuple(parts)
        case .dict(let keys): return .dict(PyDict(Array(zip(keys, parts))))
        }
    }
}

/// One transformation of a dataset.
enum DatasetStage {
    case shuffle(buffer: Int, seed: UInt64, reshuffle: Bool)
    case batch(Int, dropRemainder: Bool)
    case map(Value)
    case take(Int)
    case skip(Int)
    /// `repeat(count)`; nil repeats forever.
    case repeatCount(Int?)
    /// `prefetch` and `cache`: the same elements.
    case passThrough(String)
}
