import Testing
@testable import NeuralEngine

/// The convolution, pooling, normalisation and shape layers: their hand-written backward
/// passes against central finite differences of their forward passes (training mode), for
/// the input and for every trained parameter.

/// Inputs spread out on a grid of 0.1 (shuffled), so that no two values in a pooling
/// window are within a finite-difference step of each other, and none sits on ReLU's kink.
func spreadInputs(_ count: Int, seed: UInt64) -> [Float] {
    var rng = RandomGenerator(seed: seed)
    var values = (0..<count).map { Float($0 - count / 2) * 0.1 + 0.05 }  // none at a kink (0)
    rng.shuffle(&values)
    return values
}

func upstreamWeights(_ count: Int) -> [Float] { (0..<count).map { Float(($0 * 37) % 23 - 11) * 0.07 } }

/// Checks `layer`'s input and parameter gradients for a batch of `batch` samples.
func checkGradients(
    _ layer: any Layer, inputShape: [Int], batch: Int = 2, step: Float = 1e-2, tolerance: Double = 3e-3,
    sourceLocation: SourceLocation = #_sourceLocation
) throws {
    var rng = RandomGenerator(seed: 5)
    let outputShape = try layer.build(inputShape: inputShape, rng: &rng)
    layer.reserve(batchSize: batch)
    let x = spreadInputs(batch * inputShape.reduce(1, *), seed: 9)
    let outCount = batch * outputShape.reduce(1, *)
    let upstream = upstreamWeights(outCount)
    func objective(_ x: [Float]) -> Double {
        var y = [Float](repeating: 0, count: outCount)
        var r = RandomGenerator(seed: 0)
        layer.forward(x, into: &y, batchSize: batch, training: true, rng: &r)
        return zip(y, upstream).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }
    func numeric(_ values: [Float], _ f: ([Float]) -> Double) -> [Double] {
        values.indices.map { i in
            var plus = values, minus = values
            plus[i] += step
            minus[i] -= step
            return (f(plus) - f(minus)) / Double(2 * step)
        }
    }
    func expectClose(_ analytic: [Float], _ numeric: [Double], _ what: String) {
        #expect(analytic.count == numeric.count, sourceLocation: sourceLocation)
        let scale = max(1, numeric.map(abs).max() ?? 1)
        for (i, (a, n)) in zip(analytic, numeric).enumerated() where abs(Double(a) - n) > tolerance * scale {
            Issue.record("\(layer.className) \(what)[\(i)]: analytic \(a) vs numeric \(n)", sourceLocation: sourceLocation)
            return
        }
    }
    var y = [Float](repeating: 0, count: outCount)
    layer.forward(x, into: &y, batchSize: batch, training: true, rng: &rng)
    var dy = upstream
    var dx = [Float](repeating: .nan, count: x.count)
    layer.backward(input: x, output: y, outputGradient: &dy, inputGradient: &dx, batchSize: batch, update: .store)
    expectClose(dx, numeric(x, objective), "dx")

    let original = layer.weights
    for (index, parameter) in layer.trainableParameters.enumerated() {
        let analytic = parameter.gradient.array
        let numericGradient = numeric(original[index].scalars) { values in
            var w = original
            w[index] = Tensor(shape: w[index].shape, scalars: values)
            try? layer.setWeights(w)
            return objective(x)
        }
        try layer.setWeights(original)
        expectClose(analytic, numericGradient, "parameter \(index)")
    }
}

@Test func conv2DValidGradients() throws {
    try checkGradients(Convolution(rank: 2, filters: 3, kernelSize: [3, 3], activation: .tanh, name: "conv2d_1"),
                       inputShape: [5, 5, 2])
}

@Test func conv2DSameStridedGradients() throws {
    try checkGradients(Convolution(rank: 2, filters: 2, kernelSize: [3, 2], strides: [2, 2], padding: .same, name: "conv2d_1"),
                       inputShape: [5, 6, 3])
}

@Test func conv2DWithoutBiasGradients() throws {
    try checkGradients(Convolution(rank: 2, filters: 2, kernelSize: [2, 2], useBias: false, name: "conv2d_1"),
                       inputShape: [3, 4, 2])
}

@Test func conv1DSameGradients() throws {
    try checkGradients(Convolution(rank: 1, filters: 2, kernelSize: [3], padding: .same, activation: .gelu, name: "conv1d_1"),
                       inputShape: [7, 2])
}

@Test(arguments: [Pooling.Kind.max, .average])
func pooling2DGradients(_ kind: Pooling.Kind) throws {
    try checkGradients(Pooling(kind, rank: 2, poolSize: [2, 2], name: "pooling_1"), inputShape: [4, 5, 2])
    try checkGradients(Pooling(kind, rank: 2, poolSize: [3, 3], strides: [2, 2], padding: .same, name: "pooling_2"),
                       inputShape: [5, 4, 2])
    try checkGradients(Pooling(kind, rank: 1, poolSize: [2], name: "pooling_3"), inputShape: [7, 3])
    // Nine channels: eight lanes at a time, then one.
    try checkGradients(Pooling(kind, rank: 2, poolSize: [2, 2], name: "pooling_4"), inputShape: [4, 4, 9])
}

@Test(arguments: [Pooling.Kind.max, .average])
func globalPoolingGradients(_ kind: Pooling.Kind) throws {
    try checkGradients(GlobalPooling(kind, rank: 2, name: "global_1"), inputShape: [3, 2, 4])
}

@Test func batchNormalizationGradients() throws {
    // Images (4-D batches) and plain vectors; the batch statistics depend on every input.
    try checkGradients(BatchNormalization(name: "batch_normalization_1"), inputShape: [3, 2, 3], batch: 2)
    try checkGradients(BatchNormalization(name: "batch_normalization_2"), inputShape: [4], batch: 5)
    try checkGradients(BatchNormalization(center: false, scale: false, name: "batch_normalization_3"), inputShape: [3], batch: 4)
}

@Test func shapeAndActivationLayerGradients() throws {
    try checkGradients(Reshape(targetShape: [2, -1], name: "reshape_1"), inputShape: [3, 2])
    try checkGradients(Rescaling(scale: 1.0 / 255, offset: -0.5, name: "rescaling_1"), inputShape: [4])
    try checkGradients(ActivationFunctionLayer(.relu, name: "re_lu_1"), inputShape: [2, 3])
    try checkGradients(ActivationFunctionLayer(.leakyReLU(alpha: 0.3), name: "leaky_re_lu_1"), inputShape: [2, 3])
    try checkGradients(ActivationFunctionLayer(.softmax, name: "softmax_1"), inputShape: [2, 4])
}

@Test func upSamplingGradients() throws {
    try checkGradients(UpSampling(size: [2, 3], name: "up_sampling2d_1"), inputShape: [2, 3, 2])
    // Nine channels: eight lanes at a time, then one.
    try checkGradients(UpSampling(size: [2, 2], name: "up_sampling2d_2"), inputShape: [2, 2, 9])
    try checkGradients(UpSampling(size: [3], name: "up_sampling1d_1"), inputShape: [4, 2])
}

/// The values tf_keras 2.21 gives: `UpSampling2D((2, 3))` of `arange(8).reshape(1, 2, 2, 2)`,
/// `UpSampling1D(2)` of `arange(6).reshape(1, 3, 2)`.
@Test func upSamplingRepeatsAsKerasDoes() throws {
    var rng = RandomGenerator(seed: 0)
    let up2 = try UpSampling(size: [2, 3], name: "up_sampling2d_1")
    #expect(try up2.build(inputShape: [2, 2, 2], rng: &rng) == [4, 6, 2])
    var y = [Float](repeating: -1, count: 48)
    up2.forward((0..<8).map(Float.init), into: &y, batchSize: 1, training: false, rng: &rng)
    let row0: [Float] = [0, 1, 0, 1, 0, 1, 2, 3, 2, 3, 2, 3], row2: [Float] = [4, 5, 4, 5, 4, 5, 6, 7, 6, 7, 6, 7]
    #expect(y == row0 + row0 + row2 + row2)
    let up1 = try UpSampling(size: [2], name: "up_sampling1d_1")
    #expect(try up1.build(inputShape: [3, 2], rng: &rng) == [6, 2])
    var z = [Float](repeating: -1, count: 12)
    up1.forward((0..<6).map(Float.init), into: &z, batchSize: 1, training: false, rng: &rng)
    #expect(z == [0, 1, 0, 1, 2, 3, 2, 3, 4, 5, 4, 5])
    #expect(throws: KerasError.self) { try UpSampling(size: [2, 2], name: "u").build(inputShape: [784], rng: &rng) }
    #expect(throws: KerasError.self) { try UpSampling(size: [0, 2], name: "u") }
}
