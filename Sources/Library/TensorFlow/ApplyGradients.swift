import CellLanguage

/// `optimizer.apply_gradients(zip(grads, model.trainable_variables))`: one step of the
/// optimizer on each variable, with its own state (step count, momenta, Adam's moments, a
/// learning-rate schedule's position), the same state `fit` moves. A layer's variable writes
/// the model's weight, so the model is trained.
///
/// The optimizer's accumulators pair up with the variables by position, as in `fit`: a loop
/// passes the same variables in the same order on every step (a new set of shapes starts
/// the accumulators afresh). Pairs whose gradient is None are left out, as Keras does.
extension OptimizerObject {
    func applyGradientsMethod() -> Value {
        .builtin(BuiltinFunction("apply_gradients") { arguments, interpreter in
            let a = try arguments.bind("apply_gradients", [
                "grads_and_vars", .init("name", default: .none), .init("experimental_aggregate_gradients", default: .bool(true)),
                .init("skip_gradients_aggregation", default: .bool(false)),
            ])
            try self.applyGradients(try Self.pairs(a["grads_and_vars"], interpreter))
            return .none
        })
    }

    /// The (gradient, variable) pairs, None gradients dropped.
    private static func pairs(_ value: Value, _ interpreter: Interpreter) throws -> [(NDArray, any TapeVariable)] {
        let iterator = try interpreter.makeIterator(value)
        var pairs: [(NDArray, any TapeVariable)] = []
        var names: [String] = []
        while let item = try iterator.next() {
            let parts: [Value]
            switch item {
            case .tuple(let items): parts = items
            case .list(let l): parts = l.items
            default: parts = []
            }
            guard parts.count == 2, case .host(let v as any TapeVariable) = parts[1] else {
                throw PyException(.valueError, "apply_gradients takes (gradient, variable) pairs, got \(item.repr)")
            }
            names.append("'\(Self.name(of: v))'")
            if parts[0].isNone { continue }
            let gradient = try TensorConversion.array(parts[0], dtype: v.value.dtype)
            guard gradient.shape == v.value.shape else {
                throw PyException(.valueError, "Shapes \(TensorShapeObject.text(gradient.shape)) and "
                                  + "\(TensorShapeObject.text(v.value.shape)) are incompatible (a gradient and its variable "
                                  + "\(Self.name(of: v)))")
            }
            pairs.append((gradient, v))
        }
        guard !pairs.isEmpty else {
            throw PyException(.valueError, "No gradients provided for any variable: [\(names.joined(separator: ", "))].")
        }
        return pairs
    }

    private static func name(of variable: any TapeVariable) -> String {
        (variable as? VariableObject)?.name ?? (variable as? FreeVariable)?.name ?? "Variable:0"
    }

    private func applyGradients(_ pairs: [(NDArray, any TapeVariable)]) throws {
        for (_, v) in pairs where v.value.dtype != .float32 {
            throw PyException(.typeError, "Labbook's optimizers update float32 variables, got \(v.value.dtype.name) for "
                              + Self.name(of: v))
        }
        var parameters = pairs.map { $0.1.value.storage.asFloat32() }
        optimizer.applyGradients(&parameters, pairs.map { $0.0.storage.asFloat32() })
        for (index, (_, variable)) in pairs.enumerated() {
            try variable.write(NDArray(shape: variable.value.shape, storage: .float32(parameters[index])))
        }
    }
}
