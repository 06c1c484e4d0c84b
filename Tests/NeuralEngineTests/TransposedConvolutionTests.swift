import Testing
@testable import NeuralEngine

/// `Conv2DTranspose`: its output shapes and parameter counts as Keras computes them, its forward
/// pass against the definition (each input position scatters `kernel · x` into the output; the
/// definition was checked against TensorFlow's `Conv2DTranspose` on these very cases, to 3e-8),
/// and its backward pass against finite differences.

/// The definition, one input position at a time, in double precision.
private func directTransposed(
    _ x: [Float], batch: Int, h: Int, w: Int, c: Int, kernel: Tensor, bias: [Float], strides: (Int, Int), same: Bool
) -> (shape: [Int], values: [Double]) {
    let (kh, kw, f) = (kernel.shape[0], kernel.shape[1], kernel.shape[2])
    func length(_ n: Int, _ k: Int, _ s: Int) -> Int { same ? n * s : n * s + max(k - s, 0) }
    let oh = length(h, kh, strides.0), ow = length(w, kw, strides.1)
    let top = max((h - 1) * strides.0 + kh - oh, 0) / 2, left = max((w - 1) * strides.1 + kw - ow, 0) / 2
    var y = [Double](repeating: 0, count: batch * oh * ow * f)
    for b in 0..<batch {
        for index in 0..<(oh * ow) { for filter in 0..<f { y[(b * oh * ow + index) * f + filter] = Double(bias[filter]) } }
        for iy in 0..<h {
            for ix in 0..<w {
                for ky in 0..<kh {
                    for kx in 0..<kw {
                        let oy = iy * strides.0 - top + ky, ox = ix * strides.1 - left + kx
                        guard oy >= 0, oy < oh, ox >= 0, ox < ow else { continue }
                        for filter in 0..<f {
                            var sum = 0.0
                            for ch in 0..<c {
                                sum += Double(kernel[ky, kx, filter, ch]) * Double(x[((b * h + iy) * w + ix) * c + ch])
                            }
                            y[((b * oh + oy) * ow + ox) * f + filter] += sum
                        }
                    }
                }
            }
        }
    }
    return ([oh, ow, f], y)
}

private struct Case: CustomStringConvertible {
    let h: Int, w: Int, c: Int, filters: Int, kernel: [Int], strides: [Int], padding: Padding
    /// `Conv2DTranspose(...).build((None, h, w, c))`: `output_shape[1:]` and `count_params()` in TensorFlow.
    let kerasShape: [Int], kerasParameters: Int
    var description: String { "\(kernel) stride \(strides) \(padding) on \([h, w, c])" }
}

private let cases = [
    Case(h: 3, w: 3, c: 2, filters: 2, kernel: [3, 3], strides: [2, 2], padding: .same, kerasShape: [6, 6, 2], kerasParameters: 38),
    Case(h: 3, w: 3, c: 2, filters: 2, kernel: [3, 3], strides: [2, 2], padding: .valid, kerasShape: [7, 7, 2], kerasParameters: 38),
    Case(h: 2, w: 3, c: 3, filters: 2, kernel: [4, 4], strides: [2, 2], padding: .same, kerasShape: [4, 6, 2], kerasParameters: 98),
    Case(h: 3, w: 2, c: 2, filters: 3, kernel: [2, 3], strides: [1, 2], padding: .valid, kerasShape: [4, 5, 3], kerasParameters: 39),
    Case(h: 3, w: 3, c: 1, filters: 2, kernel: [1, 1], strides: [3, 3], padding: .valid, kerasShape: [9, 9, 2], kerasParameters: 4),
]

@Test(arguments: cases)
private func transposedConvolutionForward(_ test: Case) throws {
    let layer = try TransposedConvolution(filters: test.filters, kernelSize: test.kernel, strides: test.strides,
                                          padding: test.padding, name: "conv2d_transpose_1")
    var rng = RandomGenerator(seed: 3)
    #expect(try layer.build(inputShape: [test.h, test.w, test.c], rng: &rng) == test.kerasShape)
    #expect(layer.parameterCount == test.kerasParameters)
    #expect(layer.weights.map(\.shape) == [test.kernel + [test.filters, test.c], [test.filters]])
    // The inputs and kernel of the TensorFlow comparison; a bias to check it is added.
    let batch = 2
    let x = (0..<(batch * test.h * test.w * test.c)).map { Float(($0 * 7) % 11 - 5) * 0.1 }
    let kernel = Tensor(shape: layer.weights[0].shape,
                        scalars: (0..<layer.weights[0].scalars.count).map { Float(($0 * 5) % 13 - 6) * 0.05 })
    let bias = (0..<test.filters).map { Float($0) * 0.25 - 0.1 }
    try layer.setWeights([kernel, Tensor(shape: [test.filters], scalars: bias)])
    var y = [Float](repeating: .nan, count: batch * layer.outputSize)
    layer.forward(x, into: &y, batchSize: batch, training: false, rng: &rng)
    let expected = directTransposed(x, batch: batch, h: test.h, w: test.w, c: test.c, kernel: kernel, bias: bias,
                                    strides: (test.strides[0], test.strides[1]), same: test.padding == .same)
    #expect(expected.shape == test.kerasShape)
    let worst = zip(y, expected.values).map { abs(Double($0) - $1) }.max() ?? .infinity
    #expect(worst < 1e-5, "\(test): largest difference \(worst)")
}

@Test func transposedConvolutionMatchesTensorFlowValues() throws {
    // TensorFlow's first output values for the first case (zero bias): 0.14, -0.14, 0.035, 0.08.
    let layer = try TransposedConvolution(filters: 2, kernelSize: [3, 3], strides: [2, 2], padding: .same, name: "t")
    var rng = RandomGenerator(seed: 3)
    _ = try layer.build(inputShape: [3, 3, 2], rng: &rng)
    let kernel = Tensor(shape: [3, 3, 2, 2], scalars: (0..<36).map { Float(($0 * 5) % 13 - 6) * 0.05 })
    try layer.setWeights([kernel, Tensor(shape: [2], scalars: [0, 0])])
    let x = (0..<36).map { Float(($0 * 7) % 11 - 5) * 0.1 }
    var y = [Float](repeating: .nan, count: 2 * 6 * 6 * 2)
    layer.forward(x, into: &y, batchSize: 2, training: false, rng: &rng)
    for (value, reference) in zip(y.prefix(4), [0.14, -0.14, 0.035, 0.08] as [Float]) {
        #expect(abs(value - reference) < 1e-6)
    }
}

@Test func transposedConvolutionGradients() throws {
    try checkGradients(TransposedConvolution(filters: 2, kernelSize: [3, 3], strides: [2, 2], padding: .same,
                                             activation: .tanh, name: "conv2d_transpose_1"), inputShape: [3, 3, 2])
    try checkGradients(TransposedConvolution(filters: 3, kernelSize: [2, 3], strides: [1, 2], padding: .valid,
                                             name: "conv2d_transpose_2"), inputShape: [3, 2, 2])
    try checkGradients(TransposedConvolution(filters: 2, kernelSize: [4, 4], strides: [2, 2], padding: .same,
                                             activation: .sigmoid, name: "conv2d_transpose_3"), inputShape: [2, 3, 3])
}

@Test func transposedConvolutionOfTheKerasGANGuide() throws {
    // keras.io's DCGAN generator: (7, 7, 128) -> (14, 14, 128) -> (28, 28, 128), 262,272 parameters each.
    var rng = RandomGenerator(seed: 1)
    let first = try TransposedConvolution(filters: 128, kernelSize: [4, 4], strides: [2, 2], padding: .same, name: "a")
    #expect(try first.build(inputShape: [7, 7, 128], rng: &rng) == [14, 14, 128])
    #expect(first.parameterCount == 262_272)
    let second = try TransposedConvolution(filters: 128, kernelSize: [4, 4], strides: [2, 2], padding: .same, name: "b")
    #expect(try second.build(inputShape: [14, 14, 128], rng: &rng) == [28, 28, 128])
    #expect(throws: KerasError.self) { try TransposedConvolution(filters: 0, kernelSize: [3, 3], name: "c") }
    #expect(throws: KerasError.self) { try TransposedConvolution(filters: 1, kernelSize: [3, 3], name: "d").build(inputShape: [4, 4], rng: &rng) }
}
