import Testing
@testable import NeuralEngine

/// The grouped convolution products (`SampleGroups`, `ConvolutionGroups.swift`) against the
/// whole-batch products they replaced: same outputs, input gradients and parameter steps for
/// every padding, stride, activation and update, batch sizes that leave parts and groups
/// uneven, and groups of one sample (many groups per part) as well as the default size.
///
/// Inputs, weights and upstream gradients are small multiples of powers of two, so every
/// product and sum of the linear and ReLU layers is exact in float32 and the two ways of
/// cutting the sums must agree bit for bit; through tanh and gelu (inexact values) the sums
/// differ by rounding only, bounded by the number of terms.

@Test func sampleGroupsCutTheBatchInOrder() {
    let groups = SampleGroups(batchSize: 10, groupSize: 2)
    #expect(groups.parts == [0..<2, 2..<5, 5..<7, 7..<10])
    #expect(Array(groups.groups(ofPart: 1)) == [2..<4, 4..<5])
    #expect((0..<groups.parts.count).flatMap { groups.groups(ofPart: $0) }.flatMap { Array($0) } == Array(0..<10))
    #expect(SampleGroups(batchSize: 3, groupSize: 8).parts == [0..<1, 1..<2, 2..<3])
    #expect(SampleGroups.groupSize(bytesPerSample: 100_000, budget: 384 * 1024) == 3)
    #expect(SampleGroups.groupSize(bytesPerSample: 1_000_000, budget: 384 * 1024) == 1)
}

private struct Pass: Equatable {
    var output: [Float], inputGradient: [Float], weights: [[Float]], gradients: [[Float]]
}

/// One forward and backward pass of a fresh layer (weights from seed 4, bias made non-zero).
private func pass(
    _ make: @Sendable () throws -> Convolution, products: Convolution.Products, budget: Int?, inputShape: [Int], batch: Int,
    update: ParameterUpdate, inputGradient: Bool = true
) throws -> Pass {
    let layer = try make()
    layer.products = products
    if let budget { layer.groupBudget = budget }
    var rng = RandomGenerator(seed: 4)
    let outputShape = try layer.build(inputShape: inputShape, rng: &rng)
    // Multiples of 1/8 and 1/16 in [-1, 1]: exact products and sums (see above).
    func dyadic(_ count: Int, _ step: Int, _ denominator: Float) -> [Float] {
        (0..<count).map { Float(($0 * step) % 17 - 8) / denominator }
    }
    try layer.setWeights(layer.weights.enumerated().map { Tensor(shape: $1.shape, scalars: dyadic($1.count, 5 + $0, 16)) })
    for parameter in layer.trainableParameters { parameter.gradient.fill(0.5) }  // what .accumulate adds to
    let x = dyadic(batch * inputShape.reduce(1, *), 7, 8)
    var y = [Float](repeating: .nan, count: batch * outputShape.reduce(1, *))
    layer.reserve(batchSize: batch)
    layer.forward(x, into: &y, batchSize: batch, training: true, rng: &rng)
    var dy = dyadic(y.count, 3, 16)
    var dx = [Float](repeating: .nan, count: inputGradient ? x.count : 0)
    if inputGradient {
        layer.backward(input: x, output: y, outputGradient: &dy, inputGradient: &dx, batchSize: batch, update: update)
    } else {
        layer.backward(input: x, output: y, outputGradient: &dy, inputGradient: nil, batchSize: batch, update: update)
    }
    let gradients = update == .store || update == .accumulate ? layer.trainableParameters.map(\.gradient.array) : []
    return Pass(output: y, inputGradient: dx, weights: layer.weights.map(\.scalars), gradients: gradients)
}

/// Equal within `tolerance` times the largest magnitude (0: bit for bit).
private func expectClose(
    _ a: [Float], _ b: [Float], _ what: String, tolerance: Float, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(a.count == b.count, "\(what): sizes", sourceLocation: sourceLocation)
    let scale = max(1, b.map(abs).max() ?? 1)
    for (i, (u, v)) in zip(a, b).enumerated() where !(u == v || abs(u - v) <= tolerance * scale) {
        Issue.record("\(what)[\(i)]: grouped \(u), whole batch \(v)", sourceLocation: sourceLocation)
        return
    }
}

/// Layers to compare: label, input shape, whether every value is exact (linear or ReLU), the layer.
private let layers: [(String, [Int], Bool, @Sendable () throws -> Convolution)] = [
    ("3x3 valid relu", [8, 7, 3], true, { try Convolution(rank: 2, filters: 5, kernelSize: [3, 3], activation: .relu, name: "c") }),
    ("3x2 same stride 2 tanh", [7, 6, 2], false, {
        try Convolution(rank: 2, filters: 4, kernelSize: [3, 2], strides: [2, 2], padding: .same, activation: .tanh, name: "c")
    }),
    ("no bias, gelu", [5, 6, 2], false, {
        try Convolution(rank: 2, filters: 3, kernelSize: [2, 2], activation: .gelu, useBias: false, name: "c")
    }),
    ("1-D same", [9, 3], true, { try Convolution(rank: 1, filters: 4, kernelSize: [3], padding: .same, name: "c") }),
    ("keras.io first layer", [28, 28, 1], true, {
        try Convolution(rank: 2, filters: 32, kernelSize: [3, 3], activation: .relu, name: "c")
    }),
]

@Test(arguments: [1, 3, 7, 13])
func groupedProductsMatchTheWholeBatchProducts(batch: Int) throws {
    for (label, shape, exact, make) in layers {
        // A sum of n rounded terms is off by about n ulps at most; a descent step rounds once more
        // (sgemm may fuse it into one multiply-add).
        let sums: Float = exact ? 0 : 1e-7 * Float(batch * 30 * 30), step: Float = 2e-7
        for update in [ParameterUpdate.store, .accumulate, .descend(learningRate: 0.1)] {
            let reference = try pass(make, products: .wholeBatch, budget: nil, inputShape: shape, batch: batch, update: update)
            // Groups of the default size, and of one sample (many groups per part).
            for budget in [nil, 1] {
                let grouped = try pass(make, products: .grouped, budget: budget, inputShape: shape, batch: batch, update: update)
                let what = "\(label), batch \(batch), \(update), budget \(budget.map(String.init) ?? "default")"
                expectClose(grouped.output, reference.output, "\(what): output", tolerance: 0)
                expectClose(grouped.inputGradient, reference.inputGradient, "\(what): input gradient", tolerance: exact ? 0 : 1e-6)
                for (g, r) in zip(grouped.weights, reference.weights) {
                    expectClose(g, r, "\(what): weights", tolerance: sums + (update == .store || update == .accumulate ? 0 : step))
                }
                for (g, r) in zip(grouped.gradients, reference.gradients) { expectClose(g, r, "\(what): gradients", tolerance: sums) }
            }
        }
    }
}

@Test func groupedProductsWithoutInputGradient() throws {
    // The first layer of a model asks for no input gradient; the parameter gradients are the same.
    let make: @Sendable () throws -> Convolution = { try Convolution(rank: 2, filters: 6, kernelSize: [3, 3], activation: .relu, name: "c") }
    let reference = try pass(make, products: .wholeBatch, budget: nil, inputShape: [9, 9, 1], batch: 6, update: .store,
                             inputGradient: false)
    let grouped = try pass(make, products: .grouped, budget: 1, inputShape: [9, 9, 1], batch: 6, update: .store,
                           inputGradient: false)
    for (g, r) in zip(grouped.gradients, reference.gradients) { expectClose(g, r, "gradients", tolerance: 0) }
}

@Test func groupedProductsAreDeterministic() throws {
    // Parts run concurrently; their sums are added in a fixed order, so the bits never vary.
    let make = layers[0].3
    let first = try pass(make, products: .grouped, budget: 1, inputShape: [8, 7, 3], batch: 13, update: .store)
    for _ in 0..<5 {
        #expect(try pass(make, products: .grouped, budget: 1, inputShape: [8, 7, 3], batch: 13, update: .store) == first)
    }
}
