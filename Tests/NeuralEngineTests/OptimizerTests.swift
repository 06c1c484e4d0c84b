import Testing
@testable import NeuralEngine

/// One parameter at 1.0 with gradient 0.5, stepped `steps` times.
private func step(_ optimizer: any Optimizer, steps: Int = 1) -> Float {
    let p = FloatBuffer([1])
    let g = FloatBuffer([0.5])
    for _ in 0..<steps { optimizer.apply([ParameterSlot(parameter: p.pointer, gradient: g.pointer, count: 1)]) }
    return p.pointer[0]
}

@Test func sgdSteps() {
    #expect(step(SGD(learningRate: 0.1)) == 0.95)
    // momentum 0.9: v1 = -0.05, p1 = 0.95; v2 = 0.9 * -0.05 - 0.05 = -0.095, p2 = 0.855
    #expect(abs(step(SGD(learningRate: 0.1, momentum: 0.9), steps: 2) - 0.855) < 1e-6)
    // Nesterov: p1 = 1 + 0.9 * -0.05 - 0.05 = 0.905
    #expect(abs(step(SGD(learningRate: 0.1, momentum: 0.9, nesterov: true)) - 0.905) < 1e-6)
}

@Test func adamStepFollowsKerasFormula() {
    // lr_t = 0.001 * sqrt(1 - 0.999) / (1 - 0.9); m = 0.05; v = 0.00025;
    // p = 1 - lr_t * m / (sqrt(v) + 1e-7) = 0.999 (numpy float32).
    let adam = Adam()
    #expect(abs(step(adam) - 0.999) < 1e-6)
    #expect(adam.state.iterations == 1)
    #expect(adam.state.slots.count == 1 && adam.state.slots[0].count == 2)
}

@Test func rmspropAndAdagradSteps() {
    #expect(abs(step(RMSprop()) - 0.99683774) < 1e-7)  // a = 0.1 * 0.25
    #expect(abs(step(Adagrad()) - 0.99915487) < 1e-7)  // a = 0.1 + 0.25
}

@Test func optimizerStateRestoresTheSameStream() {
    let a = Adam(learningRate: 0.01)
    _ = step(a, steps: 3)
    let b = OptimizerConfig.adam(learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7).makeOptimizer()
    b.state = a.state
    let p = FloatBuffer([2]), g = FloatBuffer([0.3])
    let q = FloatBuffer([2])
    a.apply([ParameterSlot(parameter: p.pointer, gradient: g.pointer, count: 1)])
    b.apply([ParameterSlot(parameter: q.pointer, gradient: g.pointer, count: 1)])
    #expect(p.pointer[0] == q.pointer[0])
    #expect(a.state == b.state)
}

@Test func optimizerNamesUseKerasDefaults() {
    #expect(OptimizerConfig(kerasName: "sgd") == .sgd(learningRate: 0.01, momentum: 0, nesterov: false))
    #expect(OptimizerConfig(kerasName: "Adam") == .adam(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7))
    #expect(OptimizerConfig(kerasName: "nadam") == .nadam(learningRate: 0.002, beta1: 0.9, beta2: 0.999, epsilon: 1e-7))
    #expect(OptimizerConfig(kerasName: "adadeltaa") == nil)
}

/// Keras 2.3's Adadelta by hand (rho 0.95, epsilon 1e-7, rate 1.0), from p = 1 and g = 0.5:
/// step 1: a = 0.05 * 0.25 = 0.0125, u = 0.5 * sqrt(1e-7) / sqrt(0.0125 + 1e-7) = 0.0014142,
/// p = 0.9985858, d = 0.05 * u^2 = 1e-7; step 2: a = 0.024375,
/// u = 0.5 * sqrt(d + 1e-7) / sqrt(a + 1e-7) = 0.0014323, p = 0.9971536 (numpy float32).
@Test func adadeltaStepsFollowKeras23() {
    let adadelta = Adadelta()
    #expect(abs(step(adadelta) - 0.9985858) < 2e-7)
    #expect(abs(adadelta.state.slots[0][0] - 0.0125) < 1e-8)
    #expect(abs(adadelta.state.slots[0][1] - 1e-7) < 1e-11)
    #expect(abs(step(Adadelta(), steps: 2) - 0.9971536) < 2e-7)
    #expect(OptimizerConfig(kerasName: "adadelta") == .adadelta(learningRate: 1, rho: 0.95, epsilon: 1e-7))
    #expect(OptimizerConfig.adadelta(learningRate: 1, rho: 0.95, epsilon: 1e-7).makeOptimizer() is Adadelta)
}
