/// Keras' `optimizer.apply_gradients(zip(grads, variables))`: one step on parameters held
/// outside a model's layers (TensorFlow variables), with the optimizer's own state, so a
/// loop written by hand moves its step count, momenta and learning-rate schedule exactly as
/// `fit` does.
extension Optimizer {
    /// One step: `parameters[i] -= ...gradients[i]...`; the arrays pair up by position, and the
    /// accumulators are the optimizer's (made afresh when the sizes change, as in `fit`).
    ///
    ///     var weights = [[1, 2]] as [[Float]]
    ///     SGD(learningRate: 0.1).applyGradients(&weights, [[1, 1]])   // weights == [[0.9, 1.9]]
    public func applyGradients(_ parameters: inout [[Float]], _ gradients: [[Float]]) {
        precondition(parameters.count == gradients.count, "applyGradients: one gradient per parameter")
        let buffers = parameters.map { FloatBuffer($0) }
        let gradientBuffers = gradients.map { FloatBuffer($0) }
        for (p, g) in zip(buffers, gradientBuffers) { precondition(p.count == g.count, "applyGradients: sizes differ") }
        // The slots hold raw pointers: the buffers must outlive the step.
        withExtendedLifetime((buffers, gradientBuffers)) {
            apply(zip(buffers, gradientBuffers).map { ParameterSlot(parameter: $0.pointer, gradient: $1.pointer, count: $0.count) })
        }
        parameters = buffers.map(\.array)
    }
}
