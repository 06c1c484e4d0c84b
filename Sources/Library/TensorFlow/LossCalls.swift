import CellLanguage
import NeuralEngine

/// Calling a loss, as TensorFlow's tutorials do before training
/// (`loss_fn(y_train[:1], predictions).numpy()`).
///
/// - A loss object (`SparseCategoricalCrossentropy(from_logits=True)`) returns a float32
///   scalar tensor: the per-sample losses averaged over the batch, as Keras reduces them
///   (`sample_weight` multiplies each sample's loss before the sum, which is still divided by
///   the number of samples).
/// - A loss function (`keras.losses.sparse_categorical_crossentropy`) returns the per-sample
///   losses, a float32 tensor shaped like the predictions without their last axis.
///
/// The values are those training computes, so a loss object on the whole data equals
/// `evaluate`'s loss on a model without weight penalties.
enum LossCalls {
    /// Each sample's loss (float32 values, computed in the engine's arithmetic).
    static func rowValues(_ loss: Loss, yTrue: Value, yPred: Value) throws -> (values: [Double], shape: [Int]) {
        let output = try KerasArrays.tensor(plain(yPred), "y_pred")
        let target = try KerasArrays.tensor(plain(yTrue), "y_true")
        let values = try pythonErrors { try loss.rowValues(output: output, target: target) }
        return (values.map { Double(Float($0)) }, Array(output.shape.dropLast()))
    }

    /// A variable as the tensor of its value; anything else as it is.
    private static func plain(_ value: Value) -> Value {
        if case .host(let variable as any TapeVariable) = value { return .host(EagerTensor(variable.value)) }
        return value
    }

    /// `loss_object(y_true, y_pred, sample_weight=None)`.
    static func call(_ object: LossObject, _ arguments: Arguments) throws -> Value {
        let a = try arguments.bind(object.className, ["y_true", "y_pred", .init("sample_weight", default: .none)])
        let (values, _) = try rowValues(object.loss, yTrue: a["y_true"], yPred: a["y_pred"])
        var weights = [Double](repeating: 1, count: values.count)
        if !a["sample_weight"].isNone {
            let given = try KerasArrays.tensor(a["sample_weight"], "sample_weight").scalars
            guard given.count == values.count || given.count == 1 else {
                throw PyException(.valueError, "`sample_weight` holds \(given.count) values for \(values.count) samples")
            }
            weights = values.indices.map { Double(given.count == 1 ? given[0] : given[$0]) }
        }
        let weighted = values.indices.map { values[$0] * weights[$0] }
        let mean = weighted.isEmpty ? 0 : weighted.reduce(0, +) / Double(weighted.count)
        let result = EagerTensor(NDArray(shape: [], storage: .float32([Float(mean)])))
        // d(mean)/d(sample's loss) = its weight / n.
        let count = Double(max(values.count, 1))
        return .host(try recorded(result, object.loss, a["y_true"], a["y_pred"]) { g in
            let scale = g.storage.asFloat64()[0] / count
            return weights.map { $0 * scale }
        })
    }

    /// `result` recorded on the tapes tracking `yPred`: the loss's gradient for each row of
    /// the predictions, times `rowScales(g)` (d(target)/d(row loss), from the result's gradient).
    private static func recorded(_ result: EagerTensor, _ loss: Loss, _ yTrue: Value, _ yPred: Value,
                                 rowScales: @escaping (NDArray) -> [Double]) throws -> EagerTensor {
        guard let predictions = Tape.operand(yPred), Tape.isTracked([predictions]) else { return result }
        let output = try KerasArrays.tensor(.host(predictions), "y_pred")
        let target = try KerasArrays.tensor(plain(yTrue), "y_true")
        let dtype = predictions.dtype
        return Tape.record(result, [predictions]) { g, _ in
            let rows = try pythonErrors { try loss.rowGradients(output: output, target: target) }
            let scales = rowScales(g)
            let width = scales.isEmpty ? 0 : rows.count / scales.count
            var scaled = rows.scalars
            for r in scales.indices {
                let s = Float(scales[r])
                for j in 0..<width { scaled[r * width + j] *= s }
            }
            return [NDArray(shape: output.shape, storage: ArrayStorage.float32(scaled).converted(to: dtype))]
        }
    }

    /// `keras.losses.<name>(y_true, y_pred, ...)`: the per-sample losses.
    static func function(_ name: String) -> Value {
        .builtin(BuiltinFunction(name) { arguments, _ in
            guard let loss = Loss(kerasName: name) else {
                throw PyException(.valueError, "Unknown loss function:\(name)")
            }
            var parameters: [HostParameter] = ["y_true", "y_pred"]
            if loss.kind.acceptsLogits { parameters.append(.init("from_logits", default: .bool(false))) }
            if loss.kind == .huber { parameters.append(.init("delta", default: .float(1))) }
            let a = try arguments.bind(name, parameters)
            let configured = Loss(loss.kind, fromLogits: loss.kind.acceptsLogits && a["from_logits"].isTruthy,
                                  delta: loss.kind == .huber ? Float(try Convert.double(a["delta"], "delta")) : 1)
            let (values, shape) = try rowValues(configured, yTrue: a["y_true"], yPred: a["y_pred"])
            let result = EagerTensor(NDArray(shape: shape, storage: .float32(values.map { Float($0) })))
            return .host(try recorded(result, configured, a["y_true"], a["y_pred"]) { g in g.storage.asFloat64() })
        })
    }
}

extension LossObject {
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        try LossCalls.call(self, arguments)
    }
}
