import Foundation

/// `evaluate` and `predict`, and the test pass that `fit` runs for validation: inference mode,
/// in batches taken in order, with the callbacks' test and predict hooks called as Keras 2.3's
/// `test_loop` and `predict_loop` call them.
extension Sequential {
    /// Loss and metric means over `rows` of `x`/`y` (Keras' `test_loop`), in batches of the
    /// workspace's size, the first `steps` of them when given. The loss is weighted by
    /// `weights` (one per sample of `x`) when given.
    func test(
        _ x: any SampleSource, _ y: any SampleSource, rows: Range<Int>, plan: LossPlan, ws: Workspace,
        weights: [Float]? = nil, steps: Int? = nil, callbacks: [any TrainingCallback] = [],
        emit: (String) throws -> Void = { _ in }, rng: inout RandomGenerator
    ) throws -> [Double] {
        let observers = callbacks.filter(\.observesInference)
        var totals = PassTotals(plan)
        let penalty = totalPenalty(self.penalties)
        for callback in observers { try callback.testBegin(model: self, emit: emit) }
        var start = rows.lowerBound, batch = 0
        while start < rows.upperBound, steps.map({ batch < $0 }) ?? true {
            let count = min(ws.batchSize, rows.upperBound - start)
            for i in 0..<count { ws.rows[i] = start + i }
            gather(x, y, ws, count: count, weights: weights)
            for callback in observers { try callback.testBatchBegin(batch, size: count, model: self, emit: emit) }
            forward(ws, count: count, training: false, rng: &rng)
            let lossBefore = totals.lossSum
            score(ws, plan, count: count, withGradient: false, penalty: penalty, weighted: weights != nil, into: &totals)
            if !observers.isEmpty {
                let logs = batchLogs(plan, totals, lossBefore: lossBefore, batch: batch, count: count)
                for callback in observers { try callback.testBatchEnd(batch, logs: logs, model: self, emit: emit) }
            }
            start += count
            batch += 1
        }
        for callback in observers { try callback.testEnd(model: self, emit: emit) }
        return totals.values
    }

    /// `evaluate(x, y, batch_size=32, sample_weight=None, steps=None, callbacks=None)`: the loss
    /// and then each metric, as means over the samples (the loss weighted by `sampleWeights`).
    public func evaluate(
        _ x: any SampleSource, _ y: any SampleSource, batchSize: Int = 32, sampleWeights: [Float]? = nil,
        steps: Int? = nil, callbacks: [any TrainingCallback] = [], emit: (String) throws -> Void = { _ in },
        rng: inout RandomGenerator
    ) throws -> [Double] {
        guard compiled != nil else { throw KerasError.notCompiled }
        guard batchSize > 0 else {
            throw KerasError(.valueError, "Expected `batch_size` to be a positive integer, got \(batchSize).")
        }
        guard let plan = try prepare(x, y, rng: &rng) else { throw KerasError.notCompiled }
        try SampleWeights.check(sampleWeights, samples: x.sampleCount)
        let ws = Workspace(layers: layers, inputSize: x.sampleSize, targetSize: plan.targetSize,
                           batchSize: max(1, min(batchSize, x.sampleCount)), training: false)
        stopTraining = false
        return try test(x, y, rows: 0..<x.sampleCount, plan: plan, ws: ws, weights: sampleWeights, steps: steps,
                        callbacks: callbacks, emit: emit, rng: &rng)
    }

    /// `predict(x, batch_size=32, steps=None, callbacks=None)`: the outputs for every sample (of
    /// the first `steps` batches), shape `[n] + outputShape`.
    public func predict(
        _ x: any SampleSource, batchSize: Int = 32, steps: Int? = nil, callbacks: [any TrainingCallback] = [],
        emit: (String) throws -> Void = { _ in }, rng: inout RandomGenerator
    ) throws -> Tensor {
        guard batchSize > 0 else {
            throw KerasError(.valueError, "Expected `batch_size` to be a positive integer, got \(batchSize).")
        }
        _ = try prepare(x, nil, rng: &rng)
        guard let outputShape else { throw KerasError.notBuilt }
        let observers = callbacks.filter(\.observesInference)
        let n = min(x.sampleCount, steps.map { $0 * batchSize } ?? x.sampleCount), width = outputShape.reduce(1, *)
        let ws = Workspace(layers: layers, inputSize: x.sampleSize, targetSize: 0,
                           batchSize: max(1, min(batchSize, n)), training: false)
        var result = [Float](repeating: 0, count: n * width)
        stopTraining = false
        for callback in observers { try callback.predictBegin(model: self, emit: emit) }
        var start = 0, batch = 0
        try result.withUnsafeMutableBufferPointer { out in
            while start < n {
                let count = min(ws.batchSize, n - start)
                for i in 0..<count { ws.rows[i] = start + i }
                gather(x, nil, ws, count: count)
                for callback in observers { try callback.predictBatchBegin(batch, size: count, model: self, emit: emit) }
                forward(ws, count: count, training: false, rng: &rng)
                guard let base = out.baseAddress else { throw KerasError.notBuilt }
                (base + start * width).update(from: ws.activations[layers.count].pointer, count: count * width)
                if !observers.isEmpty {
                    let outputs = Tensor(shape: [count] + outputShape,
                                         scalars: Array(UnsafeBufferPointer(start: base + start * width, count: count * width)))
                    for callback in observers {
                        try callback.predictBatchEnd(batch, size: count, outputs: outputs, model: self, emit: emit)
                    }
                }
                start += count
                batch += 1
            }
        }
        for callback in observers { try callback.predictEnd(model: self, emit: emit) }
        return Tensor(shape: [n] + outputShape, scalars: result)
    }
}
