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
        let output = try KerasArrays.tensor(yPred, "y_pred")
        let target = try KerasArrays.tensor(yTrue, "y_true")
        let values = try pythonErrors { try loss.rowValues(output: output, target: target) }
        return (values.map { Double(Float($0)) }, Array(output.shape.dropLast()))
    }

    /// `loss_object(y_true, y_pred, sample_weight=None)`.
    static func call(_ object: LossObject, _ arguments: Arguments) throws -> Value {
        let a = try arguments.bind(object.className, ["y_true", "y_pred", .init("sample_weight", default: .none)])
        let (values, _) = try rowValues(object.loss, yTrue: a["y_true"], yPred: a["y_pred"])
        var weighted = values
        if !a["sample_weight"].isNone {
            let weights = try KerasArrays.tensor(a["sample_weight"], "sample_weight").scalars
            guard weights.count == values.count || weights.count == 1 else {
                throw PyException(.valueError, "`sample_weight` holds \(weights.count) values for \(values.count) samples")
            }
            weighted = values.indices.map { values[$0] * Double(weights.count == 1 ? weights[0] : weights[$0]) }
        }
        let mean = weighted.isEmpty ? 0 : weighted.reduce(0, +) / Double(weighted.count)
        return .host(EagerTensor(NDArray(shape: [], storage: .float32([Float(mean)]))))
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
            return .host(EagerTensor(NDArray(shape: shape, storage: .float32(values.map { Float($0) }))))
        })
    }
}

extension LossObject {
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        try LossCalls.call(self, arguments)
    }
}
