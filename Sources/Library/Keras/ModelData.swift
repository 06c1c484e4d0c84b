import CellLanguage
import NeuralEngine

/// The data of a functional model's `fit`, `evaluate` and `predict`: inputs given as one
/// array, a list or a dict by input name, checked against the model's inputs with Keras 2's
/// messages, several of them packed side by side per sample (the row the engine's graph reads);
/// a prediction of several outputs split back into one array per output.
extension ModelObject {
    func run(_ name: String, _ arguments: Arguments, _ interpreter: Interpreter, receiver: Value? = nil) throws -> Value {
        var arguments = try DatasetArguments.rewrite(name, arguments, interpreter)
        try rewrite(&arguments, position: 0, keyword: "x") { try self.inputData($0) }
        let severalOutputs = graph.outputs.count > 1
        let targets: (Value) throws -> Value = { severalOutputs ? try self.targetData($0) : self.single($0) }
        if name != "predict" {
            try rewrite(&arguments, position: 1, keyword: "y", targets)
            if severalOutputs {
                try rewrite(&arguments, position: name == "fit" ? 10 : 4, keyword: "sample_weight") { value in
                    if case .dict = value {
                        throw PyException(.valueError, "Labbook takes one sample_weight array for all the outputs "
                                          + "(a dict or list of them, one per output, is not supported)")
                    }
                    if let items = Self.items(value), items.contains(where: Self.isArray) {
                        throw PyException(.valueError, "Labbook takes one sample_weight array for all the outputs "
                                          + "(a dict or list of them, one per output, is not supported)")
                    }
                    return value
                }
                if name == "fit" {
                    try rewrite(&arguments, position: 9, keyword: "class_weight") { value in
                        guard value.isNone else {
                            throw PyException(.valueError, "`class_weight` is only supported for Models with a single output.")
                        }
                        return value
                    }
                }
            }
        }
        if name == "fit" {
            try rewrite(&arguments, position: 7, keyword: "validation_data") { value in
                guard let items = Self.items(value), items.count == 2 || items.count == 3 else { return value }
                return .tuple([try self.inputData(items[0]), try targets(items[1])] + items.dropFirst(2))
            }
        }
        switch name {
        case "fit": return try inner.fit(arguments, interpreter, receiver: receiver ?? .host(self))
        case "evaluate": return try inner.evaluate(arguments, interpreter, receiver: receiver ?? .host(self))
        default:
            let result = try inner.predict(arguments, interpreter)
            guard graph.outputs.count > 1 else { return result }
            return .list(PyList(split(try KerasArrays.tensor(result, "predictions")).map(KerasArrays.array)))
        }
    }

    private static func items(_ value: Value) -> [Value]? {
        switch value {
        case .list(let l): l.items
        case .tuple(let t): t
        default: nil
        }
    }

    private static func isArray(_ value: Value) -> Bool {
        if case .host(let h) = value, h is any SampleSource { return true }
        return false
    }

    /// A list of one array, or a dict with one entry, as that array.
    private func single(_ value: Value) -> Value {
        if let items = Self.items(value), items.count == 1, Self.isArray(items[0]) { return items[0] }
        if case .dict(let d) = value, d.count == 1 { return d.entries[0].value }
        return value
    }

    private func rewrite(_ arguments: inout Arguments, position: Int, keyword: String,
                         _ transform: (Value) throws -> Value) throws {
        if arguments.positional.count > position {
            arguments.positional[position] = try transform(arguments.positional[position])
        } else if let i = arguments.keywords.lastIndex(where: { $0.name == keyword }) {
            arguments.keywords[i].value = try transform(arguments.keywords[i].value)
        }
    }

    /// The model's input data as one value the engine reads: the array itself for one input.
    func inputData(_ value: Value) throws -> Value {
        let inputs = network.inputs
        var given: [Value]
        if case .dict(let d) = value {
            given = try inputs.map { input in
                guard let item = try d.get(.str(input.name)) else {
                    throw PyException(.valueError, "No data provided for \"\(input.name)\". Need data for each key in: "
                                      + "[\(inputs.map { "'\($0.name)'" }.joined(separator: ", "))]")
                }
                return item
            }
        } else if let items = Self.items(value), !items.isEmpty, items.allSatisfy(Self.isArray) {
            given = items
        } else {
            given = [value]
        }
        if inputs.count == 1 && given.count != 1 && !Self.isArray(value) { given = [value] }
        guard given.count == inputs.count else {
            throw PyException(.valueError, "Error when checking model input: the list of Numpy arrays that you are "
                + "passing to your model is not the size the model expected. Expected to see \(inputs.count) array(s), "
                + "but instead got the following list of \(given.count) arrays.")
        }
        let sources = try zip(inputs, given).map { input, item in
            let source = try KerasArrays.samples(item, "x")
            let shape = Array(source.shape.dropFirst())
            guard source.shape.count == input.shape.count + 1 else {
                throw PyException(.valueError, "Error when checking input: expected \(input.name) to have "
                    + "\(input.shape.count + 1) dimensions, but got array with shape \(Value.tuple(source.shape.map { .int($0) }).repr)")
            }
            guard shape == input.shape else {
                throw PyException(.valueError, "Error when checking input: expected \(input.name) to have shape "
                    + "\(Value.tuple(input.shape.map { .int($0) }).repr) but got array with shape \(Value.tuple(shape.map { .int($0) }).repr)")
            }
            return source
        }
        if inputs.count == 1 { return given[0] }
        let n = sources[0].shape[0]
        guard sources.allSatisfy({ $0.shape[0] == n }) else {
            throw PyException(.valueError, "All input arrays (x) should have the same number of samples. Got array shapes: "
                + "[\(sources.map { Value.tuple($0.shape.map { .int($0) }).repr }.joined(separator: ", "))]")
        }
        // Read in place, batch by batch, by the engine.
        return .host(PackedData(try pythonErrors { try PackedSamples(sources) }))
    }

    /// A packed prediction of several outputs as one tensor per output.
    private func split(_ packed: Tensor) -> [Tensor] {
        let n = packed.shape.first ?? 0
        let shapes = network.outputs.map(\.shape)
        let sizes = shapes.map { $0.reduce(1, *) }
        let width = sizes.reduce(0, +)
        var offset = 0
        return zip(shapes, sizes).map { shape, size in
            var scalars = [Float](repeating: 0, count: n * size)
            for s in 0..<n { scalars[(s * size)..<((s + 1) * size)] = packed.scalars[(s * width + offset)..<(s * width + offset + size)] }
            offset += size
            return Tensor(shape: [n] + shape, scalars: scalars)
        }
    }
}
