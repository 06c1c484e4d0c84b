import Testing
@testable import NeuralEngine

/// Gradients written by hand, checked against central finite differences of the forward pass.
/// Values are float32, so the step is 1e-2 and tolerances are ~1e-3 relative to the scale.

private func numericGradient(_ values: [Float], step h: Float = 1e-2, _ f: ([Float]) -> Double) -> [Double] {
    values.indices.map { i in
        var plus = values, minus = values
        plus[i] += h
        minus[i] -= h
        return (f(plus) - f(minus)) / Double(2 * h)
    }
}

private func expectClose(_ a: [Double], _ b: [Double], tolerance: Double = 2e-3, _ what: String) {
    #expect(a.count == b.count)
    let scale = max(1, b.map(abs).max() ?? 1)
    for (x, y) in zip(a, b) {
        #expect(abs(x - y) <= tolerance * scale, "\(what): analytic \(x) vs numeric \(y)")
    }
}

private let inputs: [Float] = [-2.1, -0.7, -0.05, 0.3, 0.9, 1.7, -1.2, 0.55, 2.4, -0.33, 0.12, 1.1]
private let weights: [Float] = [0.3, -1.2, 0.7, 0.25, -0.4, 1.5, 0.9, -0.6, 0.2, 1.1, -0.8, 0.45]

@Test(arguments: Activation.allCases)
func activationGradientMatchesFiniteDifferences(_ activation: Activation) {
    let rows = 3, width = 4
    func objective(_ z: [Float]) -> Double {
        var a = [Float](repeating: 0, count: z.count)
        activation.forward(z, &a, rows: rows, width: width)
        return zip(a, weights).reduce(0) { $0 + Double($1.0 * $1.1) }
    }
    var a = [Float](repeating: 0, count: inputs.count)
    activation.forward(inputs, &a, rows: rows, width: width)
    var grad = weights
    activation.backward(&grad, output: a, preactivation: inputs, rows: rows, width: width)
    expectClose(grad.map(Double.init), numericGradient(inputs, step: 1e-2, objective), "\(activation)")
}

@Test(arguments: Loss.allCases + [Loss(.huber, delta: 0.5)])
func lossGradientMatchesFiniteDifferences(_ loss: Loss) {
    let rows = 3, width = 4
    // Probabilities well inside (1e-7, 1 - 1e-7), rows summing to 1 for the categorical losses;
    // read as logits when `fromLogits`.
    let p: [Float] = [0.1, 0.2, 0.3, 0.4, 0.25, 0.25, 0.4, 0.1, 0.7, 0.1, 0.15, 0.05]
    let logits: [Float] = [-2.1, 0.7, 1.3, -0.4, 3.2, -1.5, 0.2, 0.9, -0.6, 2.4, -3.0, 0.05]
    let target: [Float]
    switch loss.kind {
    case .sparseCategoricalCrossentropy: target = [3, 0, 2]
    case .categoricalCrossentropy, .kullbackLeiblerDivergence: target = [0, 0, 0, 1, 1, 0, 0, 0, 0, 0.5, 0.5, 0]
    case .binaryCrossentropy: target = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0]
    case .meanSquaredError, .meanAbsoluteError, .huber: target = [0.5, -1, 0.2, 0.9, 0, 0.3, 0.1, 0.8, 0.6, 0.05, 2, -0.2]
    }
    let output = loss.fromLogits ? logits : p
    func mean(_ q: [Float]) -> Double {
        loss.evaluate(output: q, target: target, rows: rows, width: width, gradient: nil) / Double(rows)
    }
    var grad = [Float](repeating: 0, count: output.count)
    _ = loss.evaluate(output: output, target: target, rows: rows, width: width, gradient: &grad)
    expectClose(grad.map(Double.init), numericGradient(output, step: 1e-3, mean), tolerance: 5e-3, "\(loss)")
}

@Test(arguments: [Activation.sigmoid, .softmax, .gelu, .linear])
func denseGradientsMatchFiniteDifferences(_ activation: Activation) throws {
    var rng = RandomGenerator(seed: 7)
    let layer = try Dense(units: 3, activation: activation, name: "dense_1")
    _ = try layer.build(inputShape: [4], rng: &rng)
    let batch = 2
    let x: [Float] = [0.5, -1.2, 0.3, 0.8, -0.4, 0.9, 1.5, -0.7]
    let upstream: [Float] = [0.3, -0.8, 0.5, 1.1, 0.2, -0.6]
    func objective(_ layer: Dense, _ x: [Float]) -> Double {
        var y = [Float](repeating: 0, count: batch * 3)
        var r = RandomGenerator(seed: 0)
        layer.forward(x, into: &y, batchSize: batch, training: true, rng: &r)
        return zip(y, upstream).reduce(0) { $0 + Double($1.0 * $1.1) }
    }
    var y = [Float](repeating: 0, count: batch * 3)
    layer.forward(x, into: &y, batchSize: batch, training: true, rng: &rng)
    var dy = upstream
    var dx = [Float](repeating: 0, count: x.count)
    layer.backward(input: x, output: y, outputGradient: &dy, inputGradient: &dx, batchSize: batch, update: .store)
    expectClose(dx.map(Double.init), numericGradient(x) { objective(layer, $0) }, "dx \(activation)")

    let original = layer.weights
    for (index, parameter) in layer.parameters.enumerated() {
        let analytic = parameter.gradient.array.map(Double.init)
        let numeric = numericGradient(original[index].scalars) { values in
            var w = original
            w[index] = Tensor(shape: w[index].shape, scalars: values)
            try? layer.setWeights(w)
            return objective(layer, x)
        }
        try layer.setWeights(original)
        expectClose(analytic, numeric, "parameter \(index) \(activation)")
    }
}

@Test func denseBackwardAccumulatesWhenAsked() throws {
    var rng = RandomGenerator(seed: 1)
    let layer = try Dense(units: 2, name: "dense_1")
    _ = try layer.build(inputShape: [2], rng: &rng)
    let x: [Float] = [1, 2]
    var y: [Float] = [0, 0]
    layer.forward(x, into: &y, batchSize: 1, training: true, rng: &rng)
    var dy: [Float] = [1, -1]
    layer.backward(input: x, output: y, outputGradient: &dy, inputGradient: nil, batchSize: 1, update: .store)
    let once = layer.parameters[0].gradient.array
    dy = [1, -1]
    layer.backward(input: x, output: y, outputGradient: &dy, inputGradient: nil, batchSize: 1, update: .accumulate)
    #expect(layer.parameters[0].gradient.array == once.map { $0 * 2 })
    #expect(once == [1, -1, 2, -2])
}

@Test func dropoutGradientUsesItsMask() throws {
    let layer = try Dropout(rate: 0.5, name: "dropout_1")
    var rng = RandomGenerator(seed: 3)
    _ = try layer.build(inputShape: [4], rng: &rng)
    let x: [Float] = [1, 2, 3, 4, 5, 6, 7, 8]
    var y = [Float](repeating: 0, count: 8)
    layer.forward(x, into: &y, batchSize: 2, training: true, rng: &rng)
    // Inverted dropout: every output is 0 or twice its input.
    for (xi, yi) in zip(x, y) { #expect(yi == 0 || yi == 2 * xi) }
    // With a fixed mask, the layer is linear: d(sum(c * y))/dx = c * mask.
    let mask: [Float] = [2, 0, 2, 2, 0, 0, 2, 0]
    layer.setMask(mask)
    var dy: [Float] = [1, 1, 1, 1, 1, 1, 1, 1]
    var dx = [Float](repeating: 0, count: 8)
    layer.backward(input: x, output: y, outputGradient: &dy, inputGradient: &dx, batchSize: 2, update: .store)
    #expect(dx == mask)
    // Inference passes inputs through.
    layer.forward(x, into: &y, batchSize: 2, training: false, rng: &rng)
    #expect(y == x)
}

@Test func dropoutKeepsAboutOneMinusRate() throws {
    let layer = try Dropout(rate: 0.25, name: "dropout_1")
    var rng = RandomGenerator(seed: 11)
    _ = try layer.build(inputShape: [1000], rng: &rng)
    let x = [Float](repeating: 1, count: 1000)
    var y = [Float](repeating: 0, count: 1000)
    layer.forward(x, into: &y, batchSize: 1, training: true, rng: &rng)
    let kept = y.filter { $0 != 0 }
    #expect(abs(Double(kept.count) / 1000 - 0.75) < 0.05)
    #expect(kept.allSatisfy { abs($0 - 4.0 / 3.0) < 1e-6 })
}

@Test func dropoutMaskIsTheGeneratorsStreamInOrder() throws {
    // Eight draws at a time and selects give the mask of one draw per value, in order, and
    // leave the generator where that would (23 values: two groups of eight and a tail).
    let layer = try Dropout(rate: 0.4, name: "dropout_1")
    var rng = RandomGenerator(seed: 21)
    _ = try layer.build(inputShape: [23], rng: &rng)
    let x = (0..<23).map { Float($0) * 0.5 - 3 }
    var y = [Float](repeating: .nan, count: 23)
    var reference = rng
    layer.forward(x, into: &y, batchSize: 1, training: true, rng: &rng)
    let keep: Float = 1 / (1 - 0.4)
    let mask = x.map { _ in reference.nextFloat() >= 0.4 ? keep : Float(0) }
    #expect(layer.mask?.array == mask)
    #expect(y == zip(x, mask).map { $0 * $1 })
    #expect(rng == reference)
}

@Test(arguments: [Activation.sigmoid, .relu])
func descentStepInsideBackwardEqualsStoreThenStep(_ activation: Activation) throws {
    // Two copies of one layer: one stores its gradients and is stepped by hand, the other
    // takes the plain-SGD step inside `backward` (what `fit` does for SGD without momentum).
    func makeLayer() throws -> Dense {
        var rng = RandomGenerator(seed: 7)
        let layer = try Dense(units: 3, activation: activation, name: "dense_1")
        _ = try layer.build(inputShape: [4], rng: &rng)
        return layer
    }
    let stored = try makeLayer(), fused = try makeLayer()
    let x = inputs, rate: Float = 0.05
    var rng = RandomGenerator(seed: 0)
    var dxStored = [Float](repeating: 0, count: x.count), dxFused = dxStored
    for (layer, isFused) in [(stored, false), (fused, true)] {
        var y = [Float](repeating: 0, count: 9)
        layer.forward(x, into: &y, batchSize: 3, training: true, rng: &rng)
        var dy = Array(weights[0..<9])
        if isFused {
            layer.backward(input: x, output: y, outputGradient: &dy, inputGradient: &dxFused, batchSize: 3,
                           update: .descend(learningRate: rate))
        } else {
            layer.backward(input: x, output: y, outputGradient: &dy, inputGradient: &dxStored, batchSize: 3, update: .store)
        }
    }
    // The input gradient comes from the kernel before the step.
    #expect(dxFused == dxStored)
    let before = try makeLayer().weights
    for (index, parameter) in stored.parameters.enumerated() {
        let expected = zip(before[index].scalars, parameter.gradient.array).map { $0 - rate * $1 }
        let got = fused.weights[index].scalars
        #expect(got != before[index].scalars)
        for (e, g) in zip(expected, got) { #expect(abs(e - g) <= 1e-6 * max(1, abs(e)), "parameter \(index)") }
    }
}
