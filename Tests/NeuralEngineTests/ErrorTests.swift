import Testing
@testable import NeuralEngine

private func referenceModel(compiled: Bool = true) throws -> Sequential {
    var rng = RandomGenerator(seed: 0)
    let model = Sequential(name: "sequential_1")
    try model.add(Dense(units: 32, activation: .sigmoid, inputShape: [784], name: "dense_1"), rng: &rng)
    try model.add(Dense(units: 10, activation: .softmax, name: "dense_2"), rng: &rng)
    if compiled { try model.compile(optimizer: SGD(), loss: .categoricalCrossentropy, metrics: [.accuracy]) }
    return model
}

private func expectError(_ expected: String, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected \(expected)")
    } catch let error as KerasError {
        #expect(error.description == expected)
    } catch {
        Issue.record("unexpected \(error)")
    }
}

@Test func fitBeforeCompile() throws {
    let model = try referenceModel(compiled: false)
    var rng = RandomGenerator(seed: 0)
    expectError("RuntimeError: You must compile your model before training/testing. Use model.compile(optimizer, loss).") {
        _ = try model.fit(Tensor(shape: [2, 784]), Tensor(shape: [2, 10]), rng: &rng)
    }
}

@Test func inputWidthMismatch() throws {
    let model = try referenceModel()
    var rng = RandomGenerator(seed: 0)
    expectError("ValueError: Error when checking input: expected dense_1_input to have shape (784,) but got array with shape (100,)") {
        _ = try model.fit(Tensor(shape: [2, 100]), Tensor(shape: [2, 10]), rng: &rng)
    }
    expectError("ValueError: Error when checking input: expected dense_1_input to have 2 dimensions, but got array with shape (2, 28, 28)") {
        _ = try model.predict(ByteTensor(shape: [2, 28, 28], bytes: [UInt8](repeating: 0, count: 2 * 784)), rng: &rng)
    }
}

@Test func labelShapeMismatch() throws {
    let model = try referenceModel()
    var rng = RandomGenerator(seed: 0)
    expectError("ValueError: Error when checking target: expected dense_2 to have shape (10,) but got array with shape (1,)") {
        _ = try model.fit(Tensor(shape: [2, 784]), Tensor(shape: [2]), rng: &rng)
    }
    expectError("ValueError: Input arrays should have the same number of samples as target arrays. Found 2 input samples and 3 target samples.") {
        _ = try model.fit(Tensor(shape: [2, 784]), Tensor(shape: [3, 10]), rng: &rng)
    }
}

@Test func sparseLabelsOutOfRange() throws {
    var rng = RandomGenerator(seed: 0)
    let model = Sequential(name: "sequential_1")
    try model.add(Dense(units: 3, activation: .softmax, inputShape: [2], name: "dense_1"), rng: &rng)
    try model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
    expectError("ValueError: Received a label value of 3 which is outside the valid range of [0, 3).") {
        _ = try model.fit(Tensor(shape: [2, 2]), Tensor(shape: [2], scalars: [0, 3]), rng: &rng)
    }
    let history = try model.fit(Tensor(shape: [2, 2]), Tensor(shape: [2], scalars: [0, 2]), rng: &rng)
    #expect(history.keys == ["loss", "accuracy"])
}

@Test func invalidLayerArguments() {
    expectError("ValueError: Received an invalid value for `units`, expected a positive integer. Received: units=-1") {
        _ = try Dense(units: -1, name: "dense_1")
    }
    expectError("ValueError: Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=1.5") {
        _ = try Dropout(rate: 1.5, name: "dropout_1")
    }
}

@Test func unbuiltModel() throws {
    var rng = RandomGenerator(seed: 0)
    let model = Sequential(name: "sequential_1")
    try model.add(Dense(units: 4, name: "dense_1"), rng: &rng)
    #expect(throws: KerasError.notBuilt) { try model.summary() }
    // fit builds it from the data, as Keras does.
    try model.compile(optimizer: SGD(), loss: .meanSquaredError)
    _ = try model.fit(Tensor(shape: [3, 5]), Tensor(shape: [3, 4]), rng: &rng)
    #expect(try model.countParams() == 24)
}

@Test func setWeightsChecksShapes() throws {
    let model = try referenceModel()
    var weights = model.getWeights()
    #expect(weights.map(\.shape) == [[784, 32], [32], [32, 10], [10]])
    weights[1] = Tensor(shape: [31])
    expectError("ValueError: Layer weight shape (32,) not compatible with provided weight shape (31,)") {
        try model.setWeights(weights)
    }
}
