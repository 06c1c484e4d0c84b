import Testing
@testable import NeuralEngine

/// Forward passes of the convolution, pooling and normalisation layers against direct
/// computations written from Keras' definitions (not from the engine's im2col path).

private func run(_ layer: any Layer, _ x: [Float], inputShape: [Int], batch: Int, training: Bool = false) throws -> [Float] {
    var rng = RandomGenerator(seed: 1)
    if !layer.isBuilt { _ = try layer.build(inputShape: inputShape, rng: &rng) }
    var y = [Float](repeating: .nan, count: batch * layer.outputSize)
    layer.forward(x, into: &y, batchSize: batch, training: training, rng: &rng)
    return y
}

/// Keras' convolution, one output at a time: TensorFlow's padding (`same`: total
/// `max((out - 1) * stride + k - n, 0)`, the smaller half before).
private func directConvolution(
    _ x: [Float], batch: Int, h: Int, w: Int, c: Int, kernel: Tensor, bias: [Float], strides: (Int, Int), same: Bool
) -> [Float] {
    let (kh, kw, f) = (kernel.shape[0], kernel.shape[1], kernel.shape[3])
    func geometry(_ n: Int, _ k: Int, _ s: Int) -> (Int, Int) {
        guard same else { return ((n - k) / s + 1, 0) }
        let out = (n + s - 1) / s
        return (out, max((out - 1) * s + k - n, 0) / 2)
    }
    let (oh, top) = geometry(h, kh, strides.0), (ow, left) = geometry(w, kw, strides.1)
    var y: [Float] = []
    for b in 0..<batch {
        for oy in 0..<oh {
            for ox in 0..<ow {
                for filter in 0..<f {
                    var sum = Double(bias[filter])
                    for ky in 0..<kh {
                        for kx in 0..<kw {
                            let iy = oy * strides.0 - top + ky, ix = ox * strides.1 - left + kx
                            guard iy >= 0, iy < h, ix >= 0, ix < w else { continue }
                            for ch in 0..<c {
                                sum += Double(x[((b * h + iy) * w + ix) * c + ch]) * Double(kernel[ky, kx, ch, filter])
                            }
                        }
                    }
                    y.append(Float(sum))
                }
            }
        }
    }
    return y
}

@Test(arguments: [(Padding.valid, 1), (.same, 1), (.same, 2), (.valid, 2)])
func convolutionMatchesDirectComputation(_ padding: Padding, _ stride: Int) throws {
    let (batch, h, w, c) = (3, 7, 6, 2)
    let layer = try Convolution(rank: 2, filters: 4, kernelSize: [3, 2], strides: [stride, stride], padding: padding, name: "conv2d_1")
    var rng = RandomGenerator(seed: 4)
    _ = try layer.build(inputShape: [h, w, c], rng: &rng)
    var weights = layer.weights
    weights[1] = Tensor(shape: [4], scalars: [0.1, -0.2, 0.3, 0.05])
    try layer.setWeights(weights)
    #expect(weights[0].shape == [3, 2, 2, 4])
    let x = (0..<(batch * h * w * c)).map { _ in Float(rng.uniform(-1, 1)) }
    let y = try run(layer, x, inputShape: [h, w, c], batch: batch)
    let expected = directConvolution(x, batch: batch, h: h, w: w, c: c, kernel: weights[0], bias: weights[1].scalars,
                                     strides: (stride, stride), same: padding == .same)
    #expect(y.count == expected.count)
    for (a, e) in zip(y, expected) { #expect(abs(a - e) < 1e-5) }
}

@Test func poolingWithSamePaddingIgnoresThePadding() throws {
    // A 3x3 image 1...9, 2x2 windows, stride 2: the last row and column are padded.
    let x: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
    let average = try run(Pooling(.average, rank: 2, poolSize: [2, 2], padding: .same, name: "p"), x, inputShape: [3, 3, 1], batch: 1)
    #expect(average == [3, 4.5, 7.5, 9])
    let maximum = try run(Pooling(.max, rank: 2, poolSize: [2, 2], padding: .same, name: "p"), x, inputShape: [3, 3, 1], batch: 1)
    #expect(maximum == [5, 6, 8, 9])
    let valid = try run(Pooling(.max, rank: 2, poolSize: [2, 2], name: "p"), x, inputShape: [3, 3, 1], batch: 1)
    #expect(valid == [5])
}

@Test func batchNormalizationStatisticsAsKeras() throws {
    // Vectors (2-D batches): the moving variance follows the biased batch variance.
    let dense = BatchNormalization(name: "batch_normalization_1")
    let y = try run(dense, [1, 5], inputShape: [1], batch: 2, training: true)
    let scale = 1 / (4 + Float(0.001)).squareRoot()
    #expect(y == [-2 * scale, 2 * scale])
    // moving = moving * momentum + batch * (1 - momentum), in float32.
    let momentum: Float = 0.99
    #expect(dense.weights.map(\.scalars) == [[1], [0], [0 * momentum + 3 * (1 - momentum)], [1 * momentum + 4 * (1 - momentum)]])
    // Inference uses the moving statistics.
    let inference = try run(dense, [1, 5], inputShape: [1], batch: 2)
    let mm = dense.weights[2].scalars[0], mv = dense.weights[3].scalars[0]
    let factor = 1 / (mv + 0.001).squareRoot()
    #expect(inference == [1 * factor - mm * factor, 5 * factor - mm * factor])
    // Images (4-D batches, Keras 2's fused kernel): Bessel's correction, n / (n - 1) = 2.
    let image = BatchNormalization(momentum: 0.9, name: "batch_normalization_2")
    _ = try run(image, [1, 5], inputShape: [1, 1, 1], batch: 2, training: true)
    let imageMomentum: Float = 0.9
    #expect(image.weights[3].scalars == [1 * imageMomentum + 8 * (1 - imageMomentum)])
    #expect(image.parameterCount == 4 && image.nonTrainableParameterCount == 2 && image.trainableParameters.count == 2)
}

@Test func outputShapesAndParameterCountsAsKeras() throws {
    // keras.io's "Simple MNIST convnet": conv2d (None, 26, 26, 32) 320; max_pooling2d
    // (None, 13, 13, 32); conv2d_1 (None, 11, 11, 64) 18496; max_pooling2d_1 (None, 5, 5, 64);
    // flatten (None, 1600); dense (None, 10) 16010; total 34,826.
    var rng = RandomGenerator(seed: 0)
    let model = Sequential(name: "sequential_1")
    try model.add(Convolution(rank: 2, filters: 32, kernelSize: [3, 3], activation: .relu, inputShape: [28, 28, 1], name: "conv2d_1"), rng: &rng)
    try model.add(Pooling(.max, rank: 2, poolSize: [2, 2], name: "max_pooling2d_1"), rng: &rng)
    try model.add(Convolution(rank: 2, filters: 64, kernelSize: [3, 3], activation: .relu, name: "conv2d_2"), rng: &rng)
    try model.add(Pooling(.max, rank: 2, poolSize: [2, 2], name: "max_pooling2d_2"), rng: &rng)
    try model.add(Flatten(name: "flatten_1"), rng: &rng)
    try model.add(Dropout(rate: 0.5, name: "dropout_1"), rng: &rng)
    try model.add(Dense(units: 10, activation: .softmax, name: "dense_1"), rng: &rng)
    let summary = try model.summary()
    #expect(summary.rows.map(\.shapeColumn) == ["(None, 26, 26, 32)", "(None, 13, 13, 32)", "(None, 11, 11, 64)",
                                                 "(None, 5, 5, 64)", "(None, 1600)", "(None, 1600)", "(None, 10)"])
    #expect(summary.rows.map(\.parameters) == [320, 0, 18496, 0, 0, 0, 16010])
    #expect(summary.totalParameters == 34_826 && summary.nonTrainableParameters == 0)
    // Same padding keeps the size; strides divide it, rounding up (Keras' conv_output_length).
    let same = try Convolution(rank: 2, filters: 8, kernelSize: [5, 5], strides: [2, 2], padding: .same, name: "c")
    #expect(try same.build(inputShape: [28, 28, 3], rng: &rng) == [14, 14, 8])
    #expect(same.parameterCount == 5 * 5 * 3 * 8 + 8)
    // Conv1D(16, 3) on (100, 8): (None, 98, 16), 3 * 8 * 16 + 16 = 400; kernel (3, 8, 16).
    let conv1 = try Convolution(rank: 1, filters: 16, kernelSize: [3], name: "conv1d_1")
    #expect(try conv1.build(inputShape: [100, 8], rng: &rng) == [98, 16])
    #expect(conv1.parameterCount == 400 && conv1.weights[0].shape == [3, 8, 16])
    #expect(try Pooling(.max, rank: 1, poolSize: [2], name: "m").build(inputShape: [98, 16], rng: &rng) == [49, 16])
    // BatchNormalization on 32 channels: 128 parameters, 64 of them non-trainable.
    let bn = BatchNormalization(name: "batch_normalization_1")
    #expect(try bn.build(inputShape: [26, 26, 32], rng: &rng) == [26, 26, 32])
    #expect(bn.parameterCount == 128 && bn.nonTrainableParameterCount == 64)
    #expect(try GlobalPooling(.average, rank: 2, name: "g").build(inputShape: [5, 5, 64], rng: &rng) == [64])
    #expect(try Reshape(targetShape: [28, 28, 1], name: "r").build(inputShape: [784], rng: &rng) == [28, 28, 1])
    #expect(throws: KerasError.self) { try Reshape(targetShape: [28, 29], name: "r").build(inputShape: [784], rng: &rng) }
}
