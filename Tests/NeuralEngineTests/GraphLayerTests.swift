import Testing
@testable import NeuralEngine

/// The functional-API graph: its backward pass against finite differences through fan-out,
/// merges and a shared layer; its parameters and packing of several inputs.
@Suite struct GraphLayerTests {
    /// input (4) -> a = Dense(3, tanh), b = Dense(3, sigmoid); shared Dense(3, tanh) on a and on
    /// b; Add, Multiply with a (a fans out three ways), Concatenate, Dense(2).
    static func branchyGraph(rng: inout RandomGenerator) throws -> GraphLayer {
        let a = try Dense(units: 3, activation: .tanh, name: "dense_a")
        let b = try Dense(units: 3, activation: .sigmoid, name: "dense_b")
        let shared = try Dense(units: 3, activation: .tanh, name: "shared")
        let head = try Dense(units: 2, name: "head")
        return try GraphLayer(name: "model_1", inputShapes: [[4]], nodes: [
            .init(.layer(a), inputs: [0]),                                   // 1
            .init(.layer(b), inputs: [0]),                                   // 2
            .init(.layer(shared), inputs: [1]),                              // 3
            .init(.layer(shared), inputs: [2]),                              // 4
            .init(.merge(Merge(.add, name: "add_1")), inputs: [3, 4, 1]),    // 5
            .init(.merge(Merge(.multiply, name: "multiply_1")), inputs: [5, 1]),  // 6
            .init(.merge(Merge(.concatenate(axis: -1), name: "concatenate_1")), inputs: [6, 2]),  // 7 (6 wide)
            .init(.merge(Merge(.average, name: "average_1")), inputs: [6, 6]),  // 8: one tensor twice
            .init(.merge(Merge(.concatenate(axis: -1), name: "concatenate_2")), inputs: [7, 8]),  // 9 (9 wide)
            .init(.layer(head), inputs: [9]),                                // 10
        ], outputs: [10], rng: &rng)
    }

    @Test func fanOutMergesAndSharedLayerGradients() throws {
        var rng = RandomGenerator(seed: 3)
        let graph = try Self.branchyGraph(rng: &rng)
        #expect(graph.sharesParameters)
        #expect(graph.parameterCount == (4 * 3 + 3) * 2 + (3 * 3 + 3) + (9 * 2 + 2))
        try checkGradients(graph, inputShape: [4], batch: 3, step: 1e-2, tolerance: 3e-3)
    }

    @Test func severalInputsAreUnpackedAndTheirGradientsPacked() throws {
        var rng = RandomGenerator(seed: 4)
        let left = try Dense(units: 2, activation: .tanh, name: "left")
        let graph = try GraphLayer(name: "model_2", inputShapes: [[3], [2]], nodes: [
            .init(.layer(left), inputs: [0]),
            .init(.merge(Merge(.subtract, name: "subtract_1")), inputs: [2, 1]),
            .init(.merge(Merge(.maximum, name: "maximum_1")), inputs: [3, 1]),
        ], outputs: [4], rng: &rng)
        #expect(graph.declaredInputShape == [5])
        #expect(graph.outputShape == [2])
        try checkGradients(graph, inputShape: [5], batch: 2)
    }

    @Test func unsharedGraphPassesTheUpdateThrough() throws {
        var rng = RandomGenerator(seed: 1)
        let graph = try GraphLayer(name: "m", inputShapes: [[2]], nodes: [
            .init(.layer(try Dense(units: 2, name: "d1")), inputs: [0]),
            .init(.layer(try Dense(units: 2, name: "d2")), inputs: [1]),
        ], outputs: [2], rng: &rng)
        #expect(!graph.sharesParameters)
        #expect(graph.weights.map(\.shape) == [[2, 2], [2], [2, 2], [2]])
        #expect(throws: KerasError.self) { try graph.build(inputShape: [3], rng: &rng) }
    }

    @Test func mergeShapeErrorsAreKeras() throws {
        #expect(throws: KerasError(.valueError, "Operands could not be broadcast together with shapes (3,) (4,)")) {
            try Merge(.add, name: "add_1").outputShape(for: [[3], [4]])
        }
        #expect(throws: KerasError(.valueError, "A `Concatenate` layer requires inputs with matching shapes except "
                                   + "for the concat axis. Got inputs shapes: [(None, 3, 2), (None, 4, 3)]")) {
            try Merge(.concatenate(axis: -1), name: "c").outputShape(for: [[3, 2], [4, 3]])
        }
        #expect(try Merge(.concatenate(axis: 1), name: "c").outputShape(for: [[3, 2], [4, 2]]) == [7, 2])
    }

    @Test func specRoundTripsThroughModelState() throws {
        var rng = RandomGenerator(seed: 7)
        let graph = try Self.branchyGraph(rng: &rng)
        let model = Sequential(name: "sequential_1")
        try model.add(graph, rng: &rng)
        let copy = try Sequential(restoring: model.state)
        #expect(copy.state == model.state)
        let x = Tensor(shape: [2, 4], scalars: (0..<8).map { Float($0) * 0.1 })
        #expect(try copy.predict(x, rng: &rng) == model.predict(x, rng: &rng))
    }

    /// A Dropout layer called twice keeps each call's mask for the backward pass: the
    /// gradients equal those of the same graph with two Dropout layers, bit for bit.
    @Test func sharedDropoutRecomputesEachCallsMask() throws {
        func gradients(shared: Bool) throws -> [[Float]] {
            var rng = RandomGenerator(seed: 11)
            let first = try Dropout(rate: 0.5, name: "dropout_1")
            let second = shared ? first : try Dropout(rate: 0.5, name: "dropout_2")
            let dense = try Dense(units: 6, activation: .relu, name: "dense_1")
            let graph = try GraphLayer(name: "m", inputShapes: [[6]], nodes: [
                .init(.layer(first), inputs: [0]), .init(.layer(dense), inputs: [1]), .init(.layer(second), inputs: [2]),
            ], outputs: [3], rng: &rng)
            let batch = 4
            graph.reserve(batchSize: batch)
            let x = spreadInputs(batch * 6, seed: 2)
            var y = [Float](repeating: 0, count: batch * 6)
            graph.forward(x, into: &y, batchSize: batch, training: true, rng: &rng)
            var dy = upstreamWeights(batch * 6)
            var dx = [Float](repeating: 0, count: batch * 6)
            graph.backward(input: x, output: y, outputGradient: &dy, inputGradient: &dx, batchSize: batch, update: .store)
            return [y, dx] + graph.trainableParameters.map(\.gradient.array)
        }
        #expect(try gradients(shared: true) == gradients(shared: false))
    }
}
