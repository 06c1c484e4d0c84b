import CellLanguage
import NeuralEngine

/// The attributes a training step reads on its model (`self.compiled_loss`,
/// `self.compiled_metrics`, `self.metrics`, `self.losses`) and the default steps
/// (`train_step`, `test_step`, ...) bound to a functional model or a `Sequential`.
extension SequentialObject {
    /// The attribute `name` for `receiver` (the model as the cell sees it), or nil when it is
    /// not one of these.
    func stepAttribute(_ name: String, receiver: Value, _ interpreter: Interpreter) throws -> Value? {
        switch name {
        case "compiled_loss", "compiled_metrics":
            guard let steps else { return .none }
            return .host(CompiledContainerObject(name == "compiled_loss" ? .loss : .metrics, steps))
        case "metrics":
            return .list(PyList(steps?.builtMetrics ?? []))
        case "losses":
            // Keras' regularization losses: tensors of the penalties, differentiable with
            // respect to the weights. Labbook's engine adds them inside its own `fit` only.
            guard !model.hasPenalties else {
                throw PyException(.notImplementedError, "Labbook's model.losses does not give the weight penalties "
                                  + "(kernel_regularizer=...) as tensors yet; a train_step cannot add them to its loss")
            }
            return .list(PyList())
        default:
            return try DefaultSteps.method(name, of: receiver, interpreter)
        }
    }
}
