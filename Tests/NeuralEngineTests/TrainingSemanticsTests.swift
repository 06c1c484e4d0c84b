import Testing
@testable import NeuralEngine

/// An identity layer that records, in training, the first feature of every sample it sees.
final class RecordingLayer: Layer {
    let name = "recording_1"
    var className: String { "Recording" }
    let declaredInputShape: [Int]?
    private(set) var outputShape: [Int] = []
    private(set) var isBuilt = false
    var seen: [[Float]] = []
    init(inputShape: [Int]) { declaredInputShape = inputShape }
    var spec: LayerSpec { .flatten(name: name, inputShape: declaredInputShape) }
    func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        outputShape = inputShape
        isBuilt = true
        return inputShape
    }
    var weights: [Tensor] { [] }
    func setWeights(_ weights: [Tensor]) throws {}
    var parameterCount: Int { 0 }
    func reserve(batchSize: Int) {}
    func forward(_ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
                 training: Bool, rng: inout RandomGenerator) {
        let width = outputSize
        output.update(from: input, count: batchSize * width)
        if training { seen.append((0..<batchSize).map { input[$0 * width] }) }
    }
    func backward(input: UnsafePointer<Float>, output: UnsafePointer<Float>, outputGradient: UnsafeMutablePointer<Float>,
                  inputGradient: UnsafeMutablePointer<Float>?, batchSize: Int, update: ParameterUpdate) {
        inputGradient?.update(from: outputGradient, count: batchSize * outputSize)
    }
}

/// A model predicting 0 for everything and never learning: zero kernel, learning rate 0.
/// Its mean squared error on targets `y` is then mean(y^2), known in advance.
private func frozenModel(recording: RecordingLayer? = nil) throws -> Sequential {
    var rng = RandomGenerator(seed: 0)
    let model = Sequential(name: "sequential_1")
    if let recording { try model.add(recording, rng: &rng) }
    try model.add(Dense(units: 1, kernelInitializer: .zeros, inputShape: recording == nil ? [1] : nil, name: "dense_1"), rng: &rng)
    try model.compile(optimizer: SGD(learningRate: 0), loss: .meanSquaredError)
    return model
}

private func column(_ values: [Float]) -> Tensor { Tensor(shape: [values.count, 1], scalars: values) }

@Test func validationSplitTakesTheLastFraction() throws {
    let model = try frozenModel()
    let y = column((0..<10).map(Float.init))
    var rng = RandomGenerator(seed: 5)
    // split_at = int(10 * (1 - 0.3)) = 7: training rows 0...6, validation rows 7, 8, 9.
    let history = try model.fit(y, y, batchSize: 3, epochs: 1, validationSplit: 0.3, rng: &rng)
    #expect(history.keys == ["loss", "val_loss"])
    #expect(abs(history["val_loss"]![0] - (49.0 + 64 + 81) / 3) < 1e-4)
    // The epoch loss is the sample-weighted mean of the batch means (batches of 3, 3, 1):
    // the mean of i^2 over 0...6 = 13, whatever the shuffle (an unweighted mean would differ).
    #expect(abs(history["loss"]![0] - 13) < 1e-4)
}

@Test func unweightedBatchMeanWouldDiffer() throws {
    let model = try frozenModel()
    let y = column((0..<7).map(Float.init))
    var rng = RandomGenerator(seed: 5)
    let history = try model.fit(y, y, batchSize: 3, epochs: 1, shuffle: false, rng: &rng)
    // Batches [0,1,2], [3,4,5], [6]: means 5/3, 50/3, 36. Weighted: 13; unweighted: 18.11.
    #expect(abs(history["loss"]![0] - 13) < 1e-4)
}

@Test func shortLastBatchAndRunningLogs() throws {
    let model = try frozenModel()
    let y = column((0..<10).map(Float.init))
    var rng = RandomGenerator(seed: 5)
    var seen: [Int] = []
    var running: [Double] = []
    _ = try model.fit(y, y, batchSize: 4, epochs: 1, shuffle: false, rng: &rng) { event in
        if case let .batchEnd(_, s, samples, _, logs) = event {
            #expect(samples == 10)
            seen.append(s)
            running.append(logs["loss"]!)
        }
    }
    #expect(seen == [4, 8, 10])
    // Running means: (0+1+4+9)/4, (14+16+25+36+49)/8, 285/10.
    #expect(zip(running, [3.5, 17.5, 28.5]).allSatisfy { abs($0 - $1) < 1e-4 })
}

@Test func epochShufflesDifferEachEpochAndFollowTheSeed() throws {
    func orders(seed: UInt64) throws -> [[Float]] {
        let recording = RecordingLayer(inputShape: [1])
        let model = try frozenModel(recording: recording)
        let x = column((0..<20).map(Float.init))
        var rng = RandomGenerator(seed: seed)
        _ = try model.fit(x, x, batchSize: 20, epochs: 3, validationSplit: 0.25, rng: &rng)
        return recording.seen
    }
    let first = try orders(seed: 1)
    #expect(first.count == 3)
    for epoch in first { #expect(epoch.sorted() == (0..<15).map(Float.init)) }  // validation rows never trained on
    #expect(first[0] != first[1] && first[1] != first[2])
    #expect(try orders(seed: 1) == first)
    #expect(try orders(seed: 2) != first)
}

@Test func noShuffleKeepsTheOrder() throws {
    let recording = RecordingLayer(inputShape: [1])
    let model = try frozenModel(recording: recording)
    let x = column((0..<6).map(Float.init))
    var rng = RandomGenerator(seed: 1)
    _ = try model.fit(x, x, batchSize: 4, epochs: 2, shuffle: false, rng: &rng)
    #expect(recording.seen == [[0, 1, 2, 3], [4, 5], [0, 1, 2, 3], [4, 5]])
}

@Test func batchValuesAreTakenBeforeTheUpdate() throws {
    var rng = RandomGenerator(seed: 3)
    let model = Sequential(name: "sequential_1")
    try model.add(Dense(units: 2, activation: .softmax, inputShape: [3], name: "dense_1"), rng: &rng)
    try model.compile(optimizer: SGD(learningRate: 0.5), loss: .categoricalCrossentropy, metrics: [.accuracy])
    let x = Tensor(shape: [4, 3], scalars: [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 1, 0])
    let y = Tensor(shape: [4, 2], scalars: [1, 0, 0, 1, 1, 0, 0, 1])
    let before = try model.evaluate(x, y, rng: &rng)
    let history = try model.fit(x, y, batchSize: 4, epochs: 2, shuffle: false, rng: &rng)
    #expect(abs(history["loss"]![0] - before[0]) < 1e-6)
    #expect(history["accuracy"]![0] == before[1])
    #expect(history["loss"]![1] < history["loss"]![0])
    #expect(history.epoch == [0, 1])
}

@Test func confidentWrongPredictionIsClipped() {
    let p: [Float] = [1, 0, 0]
    let y: [Float] = [0, 1, 0]
    var grad: [Float] = [9, 9, 9]
    let loss = Loss.categoricalCrossentropy.evaluate(output: p, target: y, rows: 1, width: 3, gradient: &grad)
    #expect(abs(loss - 16.118095) < 1e-4)  // -log(1e-7)
    #expect(grad == [0, 0, 0])  // the clipped probability passes no gradient, as in Keras
    let sparse = Loss.sparseCategoricalCrossentropy.evaluate(output: p, target: [1], rows: 1, width: 3, gradient: nil)
    #expect(abs(sparse - 16.118095) < 1e-4)
    let binary = Loss.binaryCrossentropy.evaluate(output: [0], target: [1], rows: 1, width: 1, gradient: nil)
    #expect(abs(binary - 16.118095) < 1e-3)
}

@Test func softmaxWithCrossEntropyGivesPMinusYWhereNothingIsClipped() {
    let z: [Float] = [0.2, -1.0, 0.7, 2.0, 0.1, -0.3]
    var p = [Float](repeating: 0, count: 6)
    Activation.softmax.forward(z, &p, rows: 2, width: 3)
    let y: [Float] = [0, 0, 1, 1, 0, 0]
    var grad = [Float](repeating: 0, count: 6)
    _ = Loss.categoricalCrossentropy.evaluate(output: p, target: y, rows: 2, width: 3, gradient: &grad)
    Activation.softmax.backward(&grad, output: p, preactivation: z, rows: 2, width: 3)
    for i in 0..<6 { #expect(abs(grad[i] - (p[i] - y[i]) / 2) < 1e-6) }
}

@Test func accuracyResolvesFromTheLoss() {
    #expect(Metric.accuracy.resolved(for: .categoricalCrossentropy, outputWidth: 10).kind == .categoricalAccuracy)
    #expect(Metric.accuracy.resolved(for: .sparseCategoricalCrossentropy, outputWidth: 10).kind == .sparseCategoricalAccuracy)
    #expect(Metric.accuracy.resolved(for: .binaryCrossentropy, outputWidth: 3).kind == .binaryAccuracy)
    #expect(Metric.accuracy.resolved(for: .meanSquaredError, outputWidth: 1).kind == .binaryAccuracy)
    #expect(Metric.accuracy.resolved(for: .meanSquaredError, outputWidth: 1).name == "accuracy")
    // Binary accuracy rounds half to even, as tf.round: 0.5 counts as 0.
    let hits = Metric(.binaryAccuracy, name: "acc").evaluate(output: [0.5, 0.7], target: [0, 1], rows: 2, width: 1)
    #expect(hits == 2)
}

@Test func earlyStoppingRestoresTheBestWeights() throws {
    var rng = RandomGenerator(seed: 3)
    let model = Sequential(name: "sequential_1")
    try model.add(Dense(units: 1, inputShape: [1], name: "dense_1"), rng: &rng)
    // A learning rate this large diverges: val_loss grows from the first epoch on.
    try model.compile(optimizer: SGD(learningRate: 3), loss: .meanSquaredError)
    let x = column([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    let stop = EarlyStopping(monitor: "val_loss", patience: 2, verbose: 1, restoreBestWeights: true)
    var messages: [String] = []
    var weightsAfterFirstEpoch: [Tensor] = []
    let history = try model.fit(x, x, batchSize: 8, epochs: 20, validationSplit: 0.2, callbacks: [stop], rng: &rng) { event in
        if case .message(let text) = event { messages.append(text) }
        if case .epochEnd(0, _, _) = event { weightsAfterFirstEpoch = model.getWeights() }
    }
    #expect(history.epoch == [0, 1, 2])
    #expect(model.getWeights() == weightsAfterFirstEpoch)
    #expect(messages == ["Restoring model weights from the end of the best epoch", "Epoch 00003: early stopping"])
}
