import Testing
@testable import NeuralEngine

/// AMSGrad, Nadam, AdamW, gradient clipping, learning-rate schedules and regularizers.
/// Reference values come from the Keras formulas written out in NumPy float32 (the script is
/// in the comment of each test), so a change of arithmetic order shows up.

/// Runs `optimizer` on one parameter starting at 1 with the gradients 2, 0.01, -0.02, 0.01.
private func fourSteps(_ optimizer: any Optimizer) -> Float {
    var p: [Float] = [1]
    for g in [Float(2), 0.01, -0.02, 0.01] {
        var gradient = [g]
        p.withUnsafeMutableBufferPointer { pp in
            gradient.withUnsafeMutableBufferPointer { gg in
                optimizer.apply([ParameterSlot(parameter: pp.baseAddress!, gradient: gg.baseAddress!, count: 1)])
            }
        }
    }
    return p[0]
}

@Test func adamVariantsFollowKerasFormulas() {
    // NumPy float32, Keras 2's Adam: lr_t = lr*sqrt(1-b2^t)/(1-b1^t); m, v; amsgrad: vhat = max(vhat, v).
    #expect(abs(fourSteps(Adam(learningRate: 0.01)) - 0.9738755226135254) < 2e-7)
    #expect(abs(fourSteps(Adam(learningRate: 0.01, amsgrad: true)) - 0.9738895893096924) < 2e-7)
    // Keras 2's Nadam (schedule_decay 0.004, m_schedule carried from step to step).
    #expect(abs(fourSteps(Nadam()) - 0.9974951148033142) < 2e-7)
    // keras.optimizers.AdamW: p -= p*wd*lr, then m += (g-m)(1-b1), v += (g^2-v)(1-b2), p -= m*alpha/(sqrt(v)+eps).
    #expect(abs(fourSteps(AdamW(learningRate: 0.01)) - 0.9737175107002258) < 2e-7)
}

@Test func nadamResumesItsMomentumScheduleExactly() {
    let whole = Nadam()
    let first = fourSteps(whole)
    let resumed = Nadam()
    _ = fourSteps(resumed)
    let copy = OptimizerConfig.nadam(learningRate: 0.002, beta1: 0.9, beta2: 0.999, epsilon: 1e-7).makeOptimizer()
    copy.state = resumed.state
    // Eight steps in one optimizer equal four, a restore, and four more.
    #expect(fourSteps(whole) == fourSteps(copy))
    #expect(first != 1)
}

@Test func schedulesMatchTheirFormulas() {
    let staircase = LearningRateSchedule.exponentialDecay(initial: 0.1, decaySteps: 100, decayRate: 0.96, staircase: true)
    #expect(abs(staircase.rate(atStep: 250) - 0.09216) < 1e-7)
    let smooth = LearningRateSchedule.exponentialDecay(initial: 0.1, decaySteps: 100, decayRate: 0.96, staircase: false)
    #expect(abs(smooth.rate(atStep: 50) - 0.09797958971132713) < 1e-7)
    #expect(LearningRateSchedule.inverseTimeDecay(initial: 0.1, decaySteps: 1, decayRate: 0.5, staircase: false).rate(atStep: 2) == 0.05)
    let piecewise = LearningRateSchedule.piecewiseConstant(boundaries: [100, 200], values: [1, 0.5, 0.1])
    #expect([0, 100, 101, 200, 201].map(piecewise.rate) == [1, 1, 0.5, 0.5, 0.1])
    let cosine = LearningRateSchedule.cosineDecay(initial: 1, decaySteps: 100, alpha: 0)
    #expect(abs(cosine.rate(atStep: 25) - 0.8535533905932737) < 1e-6)
    #expect(cosine.rate(atStep: 500) == 0)
    #expect(abs(LearningRateSchedule.timeDecay(initial: 0.1, decay: 0.01).rate(atStep: 100) - 0.05) < 1e-8)
}

@Test func scheduleSetsTheRateOfEachStepFromTheStepsBefore() {
    let sgd = SGD(learningRate: 1)
    sgd.options.schedule = .piecewiseConstant(boundaries: [0, 1], values: [1, 0.5, 0.25])
    #expect(sgd.descentRate == nil)
    // Steps 0, 1, 2, 3 take rates 1, 0.5, 0.25, 0.25 on gradients 2, 0.01, -0.02, 0.01.
    #expect(abs(fourSteps(sgd) - (1 - 2 - 0.005 + 0.005 - 0.0025)) < 1e-6)
    #expect(sgd.config == .configured(.sgd(learningRate: 0.25, momentum: 0, nesterov: false), sgd.options))
}

@Test func clippingUsesTheGlobalNormThenTheValue() {
    var a: [Float] = [3, 4], b: [Float] = [12]
    var pa: [Float] = [0, 0], pb: [Float] = [0]
    func clip(_ options: OptimizerOptions) {
        pa.withUnsafeMutableBufferPointer { p in a.withUnsafeMutableBufferPointer { g in
            pb.withUnsafeMutableBufferPointer { q in b.withUnsafeMutableBufferPointer { h in
                options.clip([ParameterSlot(parameter: p.baseAddress!, gradient: g.baseAddress!, count: 2),
                              ParameterSlot(parameter: q.baseAddress!, gradient: h.baseAddress!, count: 1)])
            } }
        } }
    }
    clip(OptimizerOptions(clipNorm: 1))     // global norm 13
    #expect(abs(a[0] - 3.0 / 13) < 1e-7 && abs(a[1] - 4.0 / 13) < 1e-7 && abs(b[0] - 12.0 / 13) < 1e-7)
    clip(OptimizerOptions(clipNorm: 5))     // below the limit: unchanged
    #expect(abs(b[0] - 12.0 / 13) < 1e-7)
    clip(OptimizerOptions(clipValue: 0.5))
    #expect(a[1] == 4.0 / 13 && b[0] == 0.5)
}

@Test(arguments: [Regularizer(l1: 0.01), Regularizer(l2: 0.05), Regularizer(l1: 0.02, l2: 0.03)])
func regularizerGradientMatchesFiniteDifferences(_ regularizer: Regularizer) {
    let w: [Float] = [0.7, -1.2, 0.35, 2.1, -0.05]
    var g = [Float](repeating: 0, count: w.count)
    regularizer.addGradient(w, to: &g, count: w.count)
    for i in w.indices {
        var plus = w, minus = w
        plus[i] += 1e-2
        minus[i] -= 1e-2
        let numeric = (regularizer.penalty(plus, count: w.count) - regularizer.penalty(minus, count: w.count)) / 2e-2
        #expect(abs(g[i] - numeric) < 1e-3, "\(regularizer) at \(i): \(g[i]) vs \(numeric)")
    }
    // l1 * sum|w| + l2 * sum w^2 with sum|w| = 4.4, sum w^2 = 6.465.
    #expect(abs(regularizer.penalty(w, count: w.count) - (regularizer.l1 * 4.4 + regularizer.l2 * 6.465)) < 1e-5)
}

@Test func penaltiesJoinTheLossAndTheGradient() throws {
    var rng = RandomGenerator(seed: 3)
    let dense = try Dense(units: 2, activation: .softmax, inputShape: [3], name: "dense_1")
    let model = Sequential(name: "sequential_1")
    try model.add(dense, rng: &rng)
    try model.compile(optimizer: SGD(learningRate: 0.1), loss: .categoricalCrossentropy)
    let x = Tensor(shape: [4, 3], scalars: [0.1, 0.5, -0.3, 0.8, -0.2, 0.4, 0.0, 0.9, 0.3, -0.6, 0.2, 0.7])
    let y = Tensor(shape: [4, 2], scalars: [1, 0, 0, 1, 1, 0, 0, 1])
    let plain = try model.evaluate(x, y, rng: &rng)[0]
    dense.regularizers = WeightRegularizers(kernel: Regularizer(l2: 0.5), bias: Regularizer(l1: 0.25))
    let kernel = dense.weights[0].scalars
    let penalized = try model.evaluate(x, y, rng: &rng)[0]
    #expect(abs(penalized - plain - Double(0.5 * kernel.reduce(0) { $0 + $1 * $1 })) < 1e-5)
    // One SGD step: the kernel moves by the data gradient plus 2 * 0.5 * w, so it differs from
    // the unpenalised step by 0.1 * w.
    let twin = try Sequential(restoring: model.state)
    #expect((twin.layers[0] as? Dense)?.regularizers == dense.regularizers)
    (twin.layers[0] as? Dense)?.regularizers = WeightRegularizers()
    _ = try model.fit(x, y, batchSize: 4, epochs: 1, shuffle: false, rng: &rng)
    _ = try twin.fit(x, y, batchSize: 4, epochs: 1, shuffle: false, rng: &rng)
    for (a, (b, w)) in zip(dense.weights[0].scalars, zip(twin.layers[0].weights[0].scalars, kernel)) {
        #expect(abs((b - a) - 0.1 * w) < 1e-5)
    }
}
