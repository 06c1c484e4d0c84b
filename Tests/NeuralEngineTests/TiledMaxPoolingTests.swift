import Testing
@testable import NeuralEngine

/// Max pooling's tiled loops (`TiledMaxPooling.swift`) against its general ones, bit for bit.

@Test(arguments: [[26, 26, 32], [11, 11, 64], [7, 6, 9], [5, 4, 3], [9, 5]])
func tiledMaxPoolingMatchesTheGeneralLoops(_ shape: [Int]) throws {
    // Values from a small set, so that windows hold ties (the first maximum takes the
    // gradient); odd sizes leave rows and columns no window covers; 9 and 3 channels leave
    // lanes over; the gradients start as NaN, so every value must be written.
    let rank = shape.count - 1, batch = 3
    var results: [[Float]] = []
    for tiled in [true, false] {
        let layer = try Pooling(.max, rank: rank, poolSize: Array(repeating: 2, count: rank), name: "p")
        layer.tiledLoops = tiled
        var rng = RandomGenerator(seed: 8)
        let outputShape = try layer.build(inputShape: shape, rng: &rng)
        let x = (0..<(batch * shape.reduce(1, *))).map { _ in Float(rng.nextInt(below: 5)) - 2 }
        var y = [Float](repeating: .nan, count: batch * outputShape.reduce(1, *))
        layer.forward(x, into: &y, batchSize: batch, training: true, rng: &rng)
        var dy = (0..<y.count).map { Float(($0 * 7) % 13) - 6.5 }
        var dx = [Float](repeating: .nan, count: x.count)
        layer.backward(input: x, output: y, outputGradient: &dy, inputGradient: &dx, batchSize: batch, update: .store)
        results.append(y + dx)
    }
    #expect(results[0].map(\.bitPattern) == results[1].map(\.bitPattern))
}
