import Foundation
import Testing
@testable import NeuralEngine

/// Two Gaussian blobs in 2-D, centred at (-1, -1) and (1, 1), one-hot labels.
private func blobs(_ n: Int, rng: inout RandomGenerator) -> (Tensor, Tensor) {
    var x = [Float](), y = [Float]()
    for i in 0..<n {
        let c: Float = i % 2 == 0 ? -1 : 1
        x += [c + Float(0.6 * rng.nextNormal()), c + Float(0.6 * rng.nextNormal())]
        y += i % 2 == 0 ? [1, 0] : [0, 1]
    }
    return (Tensor(shape: [n, 2], scalars: x), Tensor(shape: [n, 2], scalars: y))
}

/// A network for the blobs: `dense_1` (`hidden` units on the two coordinates), `dropout_1`
/// when `dropout` is given, and `dense_2` (`outputs` units), as Keras names them.
private func blobModel(hidden: Int, _ activation: Activation, dropout: Float?, outputs: Int, _ outputActivation: Activation,
                       rng: inout RandomGenerator) throws -> Sequential {
    let model = Sequential(name: "sequential_1")
    try model.add(Dense(units: hidden, activation: activation, inputShape: [2], name: "dense_1"), rng: &rng)
    if let dropout { try model.add(Dropout(rate: dropout, name: "dropout_1"), rng: &rng) }
    try model.add(Dense(units: outputs, activation: outputActivation, name: "dense_2"), rng: &rng)
    return model
}

@Test func learnsTwoBlobs() throws {
    var rng = RandomGenerator(seed: 2024)
    let (x, y) = blobs(600, rng: &rng)
    let model = try blobModel(hidden: 8, .relu, dropout: 0.1, outputs: 2, .softmax, rng: &rng)
    try model.compile(optimizer: Adam(learningRate: 0.01), loss: .categoricalCrossentropy, metrics: [.accuracy])
    let history = try model.fit(x, y, batchSize: 32, epochs: 10, validationSplit: 0.2, rng: &rng)
    #expect(history.keys == ["loss", "accuracy", "val_loss", "val_accuracy"])
    #expect(history["val_accuracy"]!.last! >= 0.93)
    #expect(history["loss"]!.last! < history["loss"]![0])
    let (tx, ty) = blobs(200, rng: &rng)
    let result = try model.evaluate(tx, ty, rng: &rng)
    #expect(result.count == 2 && result[1] >= 0.93)
    let predictions = try model.predict(tx, rng: &rng)
    #expect(predictions.shape == [200, 2])
}

@Test func sameSeedSameRunBitForBit() throws {
    func run() throws -> (History, [Tensor]) {
        var rng = RandomGenerator(seed: 77)
        let (x, y) = blobs(100, rng: &rng)
        let model = try blobModel(hidden: 4, .tanh, dropout: 0.3, outputs: 1, .sigmoid, rng: &rng)
        try model.compile(optimizer: RMSprop(), loss: .binaryCrossentropy, metrics: [.accuracy, .mae])
        let labels = Tensor(shape: [100, 1], scalars: stride(from: 0, to: 200, by: 2).map { y.scalars[$0 + 1] })
        return (try model.fit(x, labels, batchSize: 16, epochs: 3, validationSplit: 0.1, rng: &rng), model.getWeights())
    }
    let (h1, w1) = try run()
    let (h2, w2) = try run()
    #expect(h1 == h2 && w1 == w2)
    #expect(h1.keys == ["loss", "accuracy", "mae", "val_loss", "val_accuracy", "val_mae"])
}

@Test func snapshotRestoresModelAndOptimizer() throws {
    var rng = RandomGenerator(seed: 5)
    let (x, y) = blobs(64, rng: &rng)
    let model = try blobModel(hidden: 3, .gelu, dropout: nil, outputs: 2, .softmax, rng: &rng)
    try model.compile(optimizer: Adam(), loss: .categoricalCrossentropy, metrics: [.accuracy])
    _ = try model.fit(x, y, batchSize: 16, epochs: 1, rng: &rng)
    let data = try JSONEncoder().encode(model.state)
    let copy = try Sequential(restoring: JSONDecoder().decode(ModelState.self, from: data))
    #expect(copy.state == model.state)
    var r1 = rng, r2 = rng
    let h1 = try model.fit(x, y, batchSize: 16, epochs: 1, rng: &r1)
    let h2 = try copy.fit(x, y, batchSize: 16, epochs: 1, rng: &r2)
    #expect(h1 == h2)
    #expect(model.getWeights() == copy.getWeights())
}

@Test func rawPixelsSaturateSigmoids() throws {
    // Inputs of 0...255 into a glorot-initialised sigmoid layer: most units are pinned at 0 or 1,
    // as in Keras with the reference notebook's unscaled MNIST pixels.
    var rng = RandomGenerator(seed: 0)
    let model = Sequential(name: "sequential_1")
    try model.add(Dense(units: 32, activation: .sigmoid, inputShape: [784], name: "dense_1"), rng: &rng)
    let x = Tensor(shape: [4, 784], scalars: (0..<(4 * 784)).map { _ in Float(rng.nextInt(below: 256)) })
    let out = try model.predict(x, rng: &rng)
    let saturated = out.scalars.filter { $0 < 1e-6 || $0 > 1 - 1e-6 }.count
    #expect(Double(saturated) / Double(out.count) > 0.8)
}
