import CellLanguage
import NeuralEngine

/// A `tf.data.Dataset` given to `fit`, `evaluate` or `predict` (as `x`, or as
/// `validation_data`), turned into the arrays and batch size the engine trains on. A dataset
/// of `(inputs, targets)` pairs, or of inputs alone for `predict`, batched: from its source
/// arrays directly when it only shuffles and batches them (the engine then reshuffles every
/// epoch, as the dataset would); otherwise from one pass over it.
enum DatasetArguments {
    static func rewrite(_ function: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Arguments {
        var arguments = arguments
        if case .host(let d as DatasetObject)? = arguments.positional.first {
            let (x, y, batch, shuffled) = try arrays(d, function, interpreter)
            arguments.positional[0] = x
            if let y {
                if arguments.positional.count > 1 || arguments.keyword("y") != nil {
                    throw PyException(.valueError, "`y` argument is not supported when using dataset as input.")
                }
                arguments.positional.insert(y, at: 1)
            }
            arguments.keywords.append(("batch_size", .int(batch)))
            if function == "fit" { arguments.keywords.append(("shuffle", .bool(shuffled))) }
        } else if let i = arguments.keywords.firstIndex(where: { $0.name == "x" }),
                  case .host(let d as DatasetObject) = arguments.keywords[i].value {
            let (x, y, batch, shuffled) = try arrays(d, function, interpreter)
            arguments.keywords[i].value = x
            if let y { arguments.keywords.append(("y", y)) }
            arguments.keywords.append(("batch_size", .int(batch)))
            if function == "fit" { arguments.keywords.append(("shuffle", .bool(shuffled))) }
        }
        if let i = arguments.keywords.firstIndex(where: { $0.name == "validation_data" }),
           case .host(let d as DatasetObject) = arguments.keywords[i].value {
            let (x, y, _, _) = try arrays(d, "evaluate", interpreter)
            arguments.keywords[i].value = .tuple([x, y ?? .none])
        }
        return arguments
    }

    /// The inputs, the targets (nil for a dataset of inputs alone), the batch size and whether
    /// the engine should shuffle.
    private static func arrays(_ dataset: DatasetObject, _ function: String,
                               _ interpreter: Interpreter) throws -> (Value, Value?, Int, Bool) {
        var batch: Int?
        var shuffled = false
        var direct = true
        for stage in dataset.stages {
            switch stage {
            case .shuffle where batch == nil: shuffled = true
            case let .batch(size, drop) where batch == nil && !drop: batch = size
            case .passThrough: break
            default: direct = false
            }
        }
        guard let size = batch ?? (direct ? nil : 0) else {
            throw PyException(.valueError, "Labbook's \(function) takes a batched dataset (`.batch(32)`), as Keras expects")
        }
        let source = dataset.source
        if direct {
            let parts = source.components.map { Value.host(EagerTensor(NDArray(shape: $0.shape, storage: $0.storage))) }
            return try split(parts, source.structure, function, batch: size, shuffled: shuffled)
        }
        // One pass, batches concatenated.
        var batches: [Value] = []
        let iterator = try dataset.iterate(interpreter)
        while let element = try iterator.next() { batches.append(element) }
        guard let first = batches.first else { throw PyException(.valueError, "The dataset given to \(function) is empty") }
        let width: Int
        switch first {
        case .tuple(let t): width = t.count
        default: width = 1
        }
        var firstInputs = first
        if case .tuple(let t) = first { firstInputs = t[0] }
        let firstRows = try TensorConversion.array(firstInputs).shape.first ?? 1
        var parts: [Value] = []
        for c in 0..<width {
            let arrays = try batches.map { b -> NDArray in
                if case .tuple(let t) = b { return try TensorConversion.array(t[c]) }
                return try TensorConversion.array(b)
            }
            parts.append(.host(EagerTensor(try NumPyFunctions.concatenate(arrays, axis: .int(0)))))
        }
        return try split(parts, width == 1 ? .single : .tuple, function, batch: firstRows, shuffled: false)
    }

    private static func split(_ parts: [Value], _ structure: DatasetSource.Structure, _ function: String,
                              batch: Int, shuffled: Bool) throws -> (Value, Value?, Int, Bool) {
        switch (structure, parts.count) {
        case (.single, 1): return (parts[0], nil, batch, shuffled)
        case (.tuple, 2): return (parts[0], parts[1], batch, shuffled)
        case (.tuple, 3):
            throw PyException(.valueError, "Labbook's \(function) takes a dataset of (inputs, targets); sample weights as a third component are not supported")
        default:
            throw PyException(.valueError, "Labbook's \(function) takes a dataset of (inputs, targets) pairs or of inputs alone")
        }
    }
}
