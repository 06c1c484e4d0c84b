import CellLanguage
import NeuralEngine

/// A merge layer as cells see it (`layers.Add()`, `layers.Concatenate(axis=-1)`, ...), called
/// on a list of tensors; and the functional forms `layers.add([a, b])`, `layers.concatenate(...)`.
///
///     x = layers.Add()([a, b])
///     y = layers.concatenate([a, b], axis=-1)
final class MergeObject: KerasModuleInstance {
    static let kerasModule = "keras.layers.merge"
    let merge: Merge
    /// How many times it was called on symbolic tensors.
    var callCount = 0
    /// The output of its first call on symbolic tensors (its node 0), for `layer.output`.
    var firstOutput: KerasTensorObject?

    init(_ merge: Merge) { self.merge = merge }

    var className: String { merge.kind.className }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "name": return .str(merge.name)
        case "trainable": return .bool(true)
        case "weights": return .list(PyList())
        case "axis":
            if case let .concatenate(axis) = merge.kind { return .int(axis) }
        case "output_shape":
            guard !merge.outputShape.isEmpty else {
                throw PyException(.attributeError, "The layer has never been called and thus has no defined output shape.")
            }
            return LayerObject.batchShape(merge.outputShape)
        case "input", "output":
            guard let output = firstOutput else { throw PyException(.attributeError, "Layer \(merge.name) has no inbound nodes.") }
            guard callCount <= 1 else {
                throw PyException(.attributeError, "Layer \(merge.name) has multiple inbound nodes, hence the notion of "
                                  + "\"layer \(name)\" is ill-defined. Use `get_\(name)_at(node_index)` instead.")
            }
            return name == "output" ? .host(output) : .list(PyList(output.node.inputs.map { .host($0) }))
        case "get_config":
            return .builtin(BuiltinFunction(name) { arguments, _ in
                try arguments.expectExactly(0, name)
                return .dict(KerasConfig.merge(self))
            })
        case "count_params", "get_weights":
            return .builtin(BuiltinFunction(name) { arguments, _ in
                try arguments.expectExactly(0, name)
                return name == "count_params" ? .int(0) : .list(PyList())
            })
        default: break
        }
        throw attributeError(name)
    }

    /// `merge([a, b])` on symbolic tensors, or on arrays at once.
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let value = try LayerCalls.input(arguments, merge.name)
        if let tensors = LayerCalls.symbolic(value) {
            if case .host = value {
                throw PyException(.valueError, "A merge layer should be called on a list of inputs.")
            }
            let shape = try pythonErrors { try merge.outputShape(for: tensors.map(\.shape)) }
            let node = NodeRecord(callee: .merge(self), inputs: tensors, index: callCount, outputShapes: [shape])
            callCount += 1
            let output = KerasTensorObject(node: node, outputIndex: 0)
            if firstOutput == nil { firstOutput = output }
            return .host(output)
        }
        let arrays = try interpreterList(value, "inputs").map { try KerasArrays.tensor($0, "inputs") }
        guard arrays.allSatisfy({ $0.shape.count >= 2 && $0.shape[0] == arrays[0].shape[0] }) else {
            throw PyException(.valueError, "A merge layer needs arrays with one batch axis of the same length")
        }
        let shape = try pythonErrors { try merge.outputShape(for: arrays.map { Array($0.shape.dropFirst()) }) }
        let n = arrays[0].shape[0]
        var out = [Float](repeating: 0, count: n * shape.reduce(1, *))
        let pointers = arrays.map { a in
            let p = UnsafeMutablePointer<Float>.allocate(capacity: max(a.count, 1))
            a.scalars.withUnsafeBufferPointer { if let b = $0.baseAddress { p.initialize(from: b, count: a.count) } }
            return p
        }
        defer { pointers.forEach { $0.deallocate() } }
        out.withUnsafeMutableBufferPointer { merge.forward(pointers.map { UnsafePointer($0) }, into: $0.baseAddress!, batchSize: n) }
        return KerasArrays.array(Tensor(shape: [n] + shape, scalars: out))
    }

    /// The classes and functional forms of `keras.layers`.
    static func attributes(state: LibraryState) -> [(String, Value)] {
        let kinds: [(String, String, Merge.Kind)] = [
            ("Add", "add", .add), ("Subtract", "subtract", .subtract), ("Multiply", "multiply", .multiply),
            ("Average", "average", .average), ("Maximum", "maximum", .maximum), ("Minimum", "minimum", .minimum),
        ]
        var result: [(String, Value)] = []
        for (className, prefix, kind) in kinds {
            result.append((className, .builtin(BuiltinFunction(className) { arguments, _ in
                let a = try arguments.bind(className, LayerConstructors.common)
                return .host(MergeObject(Merge(kind, name: try name(a, prefix, state))))
            })))
            result.append((prefix, .builtin(BuiltinFunction(prefix) { arguments, interpreter in
                let a = try arguments.bind(prefix, ["inputs"] + LayerConstructors.common)
                let object = MergeObject(Merge(kind, name: try name(a, prefix, state)))
                return try object.call(Arguments([a["inputs"]]), interpreter)
            })))
        }
        result.append(("Concatenate", .builtin(BuiltinFunction("Concatenate") { arguments, _ in
            let a = try arguments.bind("Concatenate", [.init("axis", default: .int(-1))] + LayerConstructors.common)
            let axis = try Convert.int(a["axis"], "axis")
            return .host(MergeObject(Merge(.concatenate(axis: axis), name: try name(a, "concatenate", state))))
        })))
        result.append(("concatenate", .builtin(BuiltinFunction("concatenate") { arguments, interpreter in
            let a = try arguments.bind("concatenate", ["inputs", .init("axis", default: .int(-1))] + LayerConstructors.common)
            let axis = try Convert.int(a["axis"], "axis")
            let object = MergeObject(Merge(.concatenate(axis: axis), name: try name(a, "concatenate", state)))
            return try object.call(Arguments([a["inputs"]]), interpreter)
        })))
        return result
    }

    private static func name(_ a: BoundArguments, _ prefix: String, _ state: LibraryState) throws -> String {
        a["name"].isNone ? state.layerNames.next(prefix) : try Convert.string(a["name"], "name")
    }
}
