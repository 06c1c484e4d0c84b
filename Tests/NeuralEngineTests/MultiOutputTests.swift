import Testing
@testable import NeuralEngine

/// Models with several outputs: the weighted sum of the outputs' losses and its gradient
/// through a tensor that feeds both heads, Keras' log names and order, weighted metrics.
@Suite struct MultiOutputTests {
    /// input (3) -> shared Dense(4, tanh) -> priority Dense(1, sigmoid) and department
    /// Dense(3, softmax): the shared output fans out to both heads. Without `department` the
    /// same seed gives the same shared and priority weights (they are drawn first).
    static func model(withDepartment: Bool = true, seed: UInt64 = 3) throws -> Sequential {
        var rng = RandomGenerator(seed: seed)
        let shared = try Dense(units: 4, activation: .tanh, name: "shared")
        let priority = try Dense(units: 1, activation: .sigmoid, name: "priority")
        var nodes: [GraphLayer.Node] = [.init(.layer(shared), inputs: [0]), .init(.layer(priority), inputs: [1])]
        if withDepartment {
            nodes.append(.init(.layer(try Dense(units: 3, activation: .softmax, name: "department")), inputs: [1]))
        }
        let graph = try GraphLayer(name: "model_1", inputShapes: [[3]], nodes: nodes, outputs: withDepartment ? [2, 3] : [2],
                                   rng: &rng)
        let model = Sequential(name: "model_1")
        try model.add(graph, rng: &rng)
        return model
    }

    static let heads = [
        OutputHead(name: "priority", loss: .meanSquaredError, lossWeight: 0.7, metrics: [Metric(kerasName: "mae")!]),
        OutputHead(name: "department", loss: .categoricalCrossentropy, lossWeight: 0.3, metrics: [.accuracy]),
    ]

    static let x = Tensor(shape: [5, 3], scalars: (0..<15).map { Float(($0 * 7) % 11) * 0.2 - 1 })
    static let priority = Tensor(shape: [5, 1], scalars: [0.1, 0.9, 0.4, 0.7, 0.2])
    static let department = Tensor(shape: [5, 3], scalars: [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 1, 0])

    /// The batch's total loss (mean over the samples) and, with `gradients`, the parameter
    /// gradients the backward pass leaves.
    static func loss(_ model: Sequential, gradients: Bool) throws -> (Double, [[Float]]) {
        var rng = RandomGenerator(seed: 0)
        let y = try PackedSamples([priority, department], what: "y")
        guard let plan = try model.prepare(x, y, rng: &rng) else { throw KerasError.notCompiled }
        let ws = Workspace(layers: model.layers, inputSize: 3, targetSize: plan.targetSize, batchSize: 5, training: true)
        for i in 0..<5 { ws.rows[i] = i }
        model.gather(x, y, ws, count: 5)
        model.forward(ws, count: 5, training: true, rng: &rng)
        var totals = PassTotals(plan)
        model.score(ws, plan, count: 5, withGradient: gradients, penalty: 0, into: &totals)
        guard gradients else { return (totals.values[0], []) }
        let graph = model.layers[0]
        graph.backward(input: ws.activations[0].pointer, output: ws.activations[1].pointer,
                       outputGradient: ws.gradients[1].pointer, inputGradient: nil, batchSize: 5, update: .store)
        return (totals.values[0], graph.trainableParameters.map(\.gradient.array))
    }

    @Test func weightedLossGradientMatchesFiniteDifferences() throws {
        let model = try Self.model()
        try model.compile(optimizer: SGD(), loss: .meanSquaredError, heads: try OutputHead.named(Self.heads))
        let (_, analytic) = try Self.loss(model, gradients: true)
        let parameters = model.layers[0].trainableParameters
        #expect(parameters.count == 6)
        let step: Float = 1e-2
        for (p, parameter) in parameters.enumerated() {
            for j in 0..<parameter.count {
                let original = parameter.value.pointer[j]
                parameter.value.pointer[j] = original + step
                let plus = try Self.loss(model, gradients: false).0
                parameter.value.pointer[j] = original - step
                let minus = try Self.loss(model, gradients: false).0
                parameter.value.pointer[j] = original
                let numeric = (plus - minus) / Double(2 * step)
                #expect(abs(Double(analytic[p][j]) - numeric) < 2e-3, "parameter \(p)[\(j)]: \(analytic[p][j]) vs \(numeric)")
            }
        }
    }

    @Test func totalLossIsTheWeightedSumAndNamesFollowKeras() throws {
        let model = try Self.model()
        try model.compile(optimizer: SGD(), loss: .meanSquaredError, heads: try OutputHead.named(Self.heads))
        #expect(model.compiled?.logNames == ["loss", "priority_loss", "department_loss", "priority_mae", "department_accuracy"])
        var rng = RandomGenerator(seed: 1)
        let y = try PackedSamples([Self.priority, Self.department], what: "y")
        let values = try model.evaluate(Self.x, y, batchSize: 2, rng: &rng)
        #expect(values.count == 5)
        #expect(abs(values[0] - (0.7 * values[1] + 0.3 * values[2])) < 1e-6)
        // Each head alone, as a one-output evaluation of the same predictions, gives its own values.
        let predictions = try model.predict(Self.x, rng: &rng).scalars
        let p = (0..<5).map { predictions[$0 * 4] }, targets = Self.priority.scalars
        let mse = zip(p, targets).map { Double(($0 - $1) * ($0 - $1)) }.reduce(0, +) / 5
        let mae = zip(p, targets).map { Double(abs($0 - $1)) }.reduce(0, +) / 5
        #expect(abs(values[1] - mse) < 1e-6 && abs(values[3] - mae) < 1e-6)
        let history = try model.fit(Self.x, y, batchSize: 2, epochs: 1, validationData: (Self.x, y), rng: &rng)
        #expect(history.keys == ["loss", "priority_loss", "department_loss", "priority_mae", "department_accuracy",
                                 "val_loss", "val_priority_loss", "val_department_loss", "val_priority_mae",
                                 "val_department_accuracy"])
    }

    /// With loss weights `[1, 0]` the second head changes nothing upstream: the shared and
    /// first-output weights end as those of the one-output model, bit for bit.
    @Test func zeroWeightedHeadLeavesTheOtherOutputAsAlone() throws {
        let two = try Self.model()
        var heads = Self.heads
        heads[0].lossWeight = 1
        heads[1].lossWeight = 0
        try two.compile(optimizer: RMSprop(), loss: .meanSquaredError, heads: try OutputHead.named(heads))
        let one = try Self.model(withDepartment: false)
        try one.compile(optimizer: RMSprop(), loss: .meanSquaredError, metrics: [Metric(kerasName: "mae")!])
        #expect(one.getWeights() == Array(two.getWeights().prefix(4)))
        var rngTwo = RandomGenerator(seed: 9), rngOne = RandomGenerator(seed: 9)
        let historyTwo = try two.fit(Self.x, try PackedSamples([Self.priority, Self.department], what: "y"), batchSize: 2,
                                     epochs: 3, rng: &rngTwo)
        let historyOne = try one.fit(Self.x, Self.priority, batchSize: 2, epochs: 3, rng: &rngOne)
        #expect(one.getWeights() == Array(two.getWeights().prefix(4)))
        #expect(historyTwo["priority_loss"] == historyOne["loss"])
        #expect(historyTwo["priority_mae"] == historyOne["mae"])
    }

    @Test func weightedMetricsWeighTheSamplesAndAreNamedAsKeras() throws {
        let single = try OutputHead.named([OutputHead(name: "dense_1", loss: .meanSquaredError, metrics: [.mae],
                                                      weightedMetrics: [.mae, .mse])])
        #expect(OutputHead.logNames(single) == ["loss", "mae", "weighted_mae", "mse"])
        let several = try OutputHead.named([
            OutputHead(name: "a", loss: .meanSquaredError, metrics: [.mae], weightedMetrics: [.mae]),
            OutputHead(name: "b", loss: nil, metrics: [.mae], weightedMetrics: [.mse]),
        ])
        #expect(OutputHead.logNames(several) == ["loss", "a_loss", "a_mae", "a_weighted_mae", "b_mae", "b_mse"])
        #expect(throws: KerasError.self) {
            try OutputHead.named([OutputHead(name: "a", loss: .meanSquaredError, metrics: [.mae, .mae])])
        }

        var rng = RandomGenerator(seed: 0)
        let model = Sequential(name: "sequential_1")
        try model.add(Dense(units: 1, kernelInitializer: .zeros, inputShape: [1], name: "dense_1"), rng: &rng)
        try model.compile(optimizer: SGD(learningRate: 0), loss: .meanSquaredError, heads: single)
        let y = Tensor(shape: [4, 1], scalars: [1, 2, 3, 4])
        let w: [Float] = [1, 0, 0, 3]
        let values = try model.evaluate(y, y, batchSize: 3, sampleWeights: w, rng: &rng)
        // The model predicts 0: loss = sum(w * y^2) / 4, mae = mean(y), weighted mae = sum(w * y) / sum(w).
        #expect(abs(values[0] - (1 + 48) / 4) < 1e-5)
        #expect(abs(values[1] - 2.5) < 1e-6)
        #expect(abs(values[2] - 13.0 / 4) < 1e-6)
        #expect(abs(values[3] - 49.0 / 4) < 1e-5)
        // Unweighted, a weighted metric is the plain one.
        let plain = try model.evaluate(y, y, batchSize: 3, rng: &rng)
        #expect(abs(plain[2] - 2.5) < 1e-6)
    }

    @Test func targetsAreCheckedPerOutput() throws {
        let model = try Self.model()
        try model.compile(optimizer: SGD(), loss: .meanSquaredError, heads: try OutputHead.named(Self.heads))
        var rng = RandomGenerator(seed: 1)
        #expect(throws: KerasError(.valueError, "Error when checking target: expected department to have shape (3,) but got "
                                   + "array with shape (1,)")) {
            try model.evaluate(Self.x, try PackedSamples([Self.priority, Self.priority], what: "y"), rng: &rng)
        }
        #expect(throws: KerasError.self) { try model.evaluate(Self.x, Self.priority, rng: &rng) }
    }
}
