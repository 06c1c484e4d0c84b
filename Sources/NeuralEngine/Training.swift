import Foundation

/// Batch buffers for one model and batch size, allocated once per `fit`/`evaluate`/`predict`
/// call and reused by every batch: the gathered inputs and targets, each layer's output, and
/// the gradient with respect to each of them.
final class Workspace {
    let batchSize: Int
    /// `activations[0]` is the input batch; `activations[i + 1]` the output of layer `i`.
    let activations: [FloatBuffer]
    /// `gradients[i]` is d(loss)/d(activations[i]); index 0 is unused (inputs need none).
    let gradients: [FloatBuffer]
    let targets: FloatBuffer
    let rows: UnsafeMutableBufferPointer<Int>

    init(layers: [any Layer], inputSize: Int, targetSize: Int, batchSize: Int, training: Bool) {
        self.batchSize = batchSize
        let sizes = [inputSize] + layers.map(\.outputSize)
        activations = sizes.map { FloatBuffer(count: batchSize * $0) }
        gradients = sizes.enumerated().map { FloatBuffer(count: training && $0.offset > 0 ? batchSize * $0.element : 0) }
        targets = FloatBuffer(count: batchSize * targetSize)
        rows = .allocate(capacity: max(batchSize, 1))
        rows.initialize(repeating: 0)
        for layer in layers { layer.reserve(batchSize: batchSize) }
    }

    deinit { rows.deallocate() }
}

/// How a compiled model's output meets its targets.
struct LossPlan {
    let loss: Loss
    let metrics: [Metric]
    /// Output rows per sample (1 unless the output has rank > 1) and the width of each.
    let rowsPerSample: Int
    let width: Int
    /// Target scalars per row: 1 class index for sparse losses, `width` otherwise.
    let targetWidth: Int
    var names: [String] { ["loss"] + metrics.map(\.name) }
}

extension Sequential {
    // MARK: Checks

    /// Builds the model for the data if needed and checks the data as Keras 2 does.
    func prepare(_ x: any SampleSource, _ y: (any SampleSource)?, rng: inout RandomGenerator) throws -> LossPlan? {
        guard !layers.isEmpty else {
            throw KerasError(.typeError, "The model has no layers. Add layers with `model.add()` before using it.")
        }
        if !isBuilt {
            guard x.shape.count >= 2 else {
                throw KerasError(.valueError, "Error when checking input: expected \(inputName) to have at least 2 dimensions, "
                                 + "but got array with shape \(pythonTuple(x.shape))")
            }
            try build(inputShape: Array(x.shape.dropFirst()), rng: &rng)
        }
        guard let inputShape, let outputShape else { throw KerasError.notBuilt }
        try checkShape(x.shape, expected: inputShape, what: "input", name: inputName)
        guard let y else { return nil }
        guard let compiled else { throw KerasError.notCompiled }
        let loss = compiled.loss
        var targetShape = y.shape
        if targetShape.count == 1 { targetShape.append(1) }  // Keras expands (n,) to (n, 1)
        let expected = loss.takesClassIndices ? outputShape.dropLast() + [1] : outputShape
        try checkShape(targetShape, expected: expected, what: "target", name: layers[layers.count - 1].name)
        guard x.sampleCount == y.sampleCount else {
            throw KerasError(.valueError, "Input arrays should have the same number of samples as target arrays. "
                             + "Found \(x.sampleCount) input samples and \(y.sampleCount) target samples.")
        }
        let width = outputShape.last ?? 1
        if loss.takesClassIndices { try checkClassIndices(y, classes: width) }
        let metrics = compiled.metrics.map { $0.resolved(for: loss, outputWidth: width) }
        if loss.takesClassIndices, let metric = metrics.first(where: \.needsDenseTargets) {
            throw KerasError(.valueError, "The metric `\(metric.name)` needs targets shaped like the output (one-hot or "
                             + "binary), but the loss `\(loss.kerasName)` takes class indices.")
        }
        return LossPlan(
            loss: loss, metrics: metrics,
            rowsPerSample: outputShape.dropLast().reduce(1, *), width: width,
            targetWidth: loss.takesClassIndices ? 1 : width)
    }

    private func checkShape(_ shape: [Int], expected: [Int], what: String, name: String) throws {
        guard shape.count == expected.count + 1 else {
            throw KerasError(.valueError, "Error when checking \(what): expected \(name) to have \(expected.count + 1) "
                             + "dimensions, but got array with shape \(pythonTuple(shape))")
        }
        guard Array(shape.dropFirst()) == expected else {
            throw KerasError(.valueError, "Error when checking \(what): expected \(name) to have shape "
                             + "\(pythonTuple(expected)) but got array with shape \(pythonTuple(Array(shape.dropFirst())))")
        }
    }

    private func checkClassIndices(_ y: any SampleSource, classes: Int) throws {
        let count = y.shape.reduce(1, *)
        var labels = [Float](repeating: 0, count: count)
        let rows = Array(0..<y.sampleCount)
        rows.withUnsafeBufferPointer { r in labels.withUnsafeMutableBufferPointer { y.copyRows(r, to: $0.baseAddress!) } }
        for label in labels where !(label >= 0 && label < Float(classes) && label == label.rounded()) {
            let shown = label == label.rounded() && abs(label) < 1e15 ? String(Int(label)) : String(label)
            throw KerasError(.valueError, "Received a label value of \(shown) which is outside the valid range of [0, \(classes)).")
        }
    }

    // MARK: One batch

    /// Gathers the samples `ws.rows[0..<count]` of `x` (and `y`) into the workspace.
    private func gather(_ x: any SampleSource, _ y: (any SampleSource)?, _ ws: Workspace, count: Int) {
        let rows = UnsafeBufferPointer(rebasing: ws.rows[0..<count])
        x.copyRows(rows, to: ws.activations[0].pointer)
        y?.copyRows(rows, to: ws.targets.pointer)
    }

    private func forward(_ ws: Workspace, count: Int, training: Bool, rng: inout RandomGenerator) {
        for (i, layer) in layers.enumerated() {
            layer.forward(ws.activations[i].pointer, into: ws.activations[i + 1].pointer, batchSize: count,
                          training: training, rng: &rng)
        }
    }

    /// Adds the batch's loss (with the weight penalties, `penalty`) and metrics to `totals`
    /// and, when training, writes the loss gradient into the last gradient buffer.
    private func score(_ ws: Workspace, _ plan: LossPlan, count: Int, withGradient: Bool, penalty: Float,
                       into totals: inout MetricTotals) {
        let rows = count * plan.rowsPerSample
        let output = UnsafePointer(ws.activations[layers.count].pointer)
        let targets = UnsafePointer(ws.targets.pointer)
        var loss = plan.loss.evaluate(output: output, target: targets, rows: rows, width: plan.width,
                                      gradient: withGradient ? ws.gradients[layers.count].pointer : nil)
        // Sums over rows become sums over samples (each sample has the same number of rows).
        if plan.rowsPerSample > 1 { loss /= Double(plan.rowsPerSample) }
        // Keras adds the penalties to the batch's mean loss: once per sample in the sum.
        loss += Double(penalty) * Double(count)
        totals.add(samples: count, lossSum: loss, output: output, target: targets, rows: rows, width: plan.width,
                   rowsPerSample: plan.rowsPerSample)
    }

    private func backward(_ ws: Workspace, count: Int, update: ParameterUpdate) {
        for i in stride(from: layers.count - 1, through: 0, by: -1) {
            layers[i].backward(
                input: ws.activations[i].pointer, output: ws.activations[i + 1].pointer,
                outputGradient: ws.gradients[i + 1].pointer, inputGradient: i > 0 ? ws.gradients[i].pointer : nil,
                batchSize: count, update: update)
        }
    }

    // MARK: fit

    /// Trains the model as Keras 2's `fit` does (docs/keras.md): the validation split is the last
    /// fraction of the samples, taken before shuffling; the training samples are reshuffled
    /// every epoch; the last batch may be short; an epoch's loss and metrics are the
    /// sample-weighted means of each batch's values, each computed before that batch's update;
    /// validation runs after the epoch.
    public func fit(
        _ x: any SampleSource, _ y: any SampleSource, batchSize: Int = 32, epochs: Int = 1,
        validationSplit: Double = 0, validationData: (x: any SampleSource, y: any SampleSource)? = nil,
        shuffle: Bool = true, initialEpoch: Int = 0, callbacks: [any TrainingCallback] = [],
        rng: inout RandomGenerator, observer: ((TrainingEvent) throws -> Void)? = nil
    ) throws -> History {
        guard let compiled else { throw KerasError.notCompiled }
        guard batchSize > 0 else {
            throw KerasError(.valueError, "Expected `batch_size` to be a positive integer, got \(batchSize).")
        }
        guard let plan = try prepare(x, y, rng: &rng) else { throw KerasError.notCompiled }
        var validation: (x: any SampleSource, y: any SampleSource, rows: Range<Int>)?
        var trainCount = x.sampleCount
        if let validationData {
            _ = try prepare(validationData.x, validationData.y, rng: &rng)
            validation = (validationData.x, validationData.y, 0..<validationData.x.sampleCount)
        } else if validationSplit > 0 && validationSplit < 1 {
            trainCount = Int(Double(x.sampleCount) * (1 - validationSplit))
            validation = (x, y, trainCount..<x.sampleCount)
        }
        if trainCount == 0 {
            throw KerasError(.valueError, "Training data contains 0 samples, which is not sufficient to split it into "
                             + "a validation and training set as specified by `validation_split=\(validationSplit)`. "
                             + "Either provide more data, or a different value for the `validation_split` argument.")
        }
        let emit = observer ?? { _ in }
        let ws = Workspace(layers: layers, inputSize: x.sampleSize, targetSize: plan.rowsPerSample * plan.targetWidth,
                           batchSize: min(batchSize, max(trainCount, validation?.rows.count ?? 0)), training: true)
        let slots = layers.flatMap(\.trainableParameters).map {
            ParameterSlot(parameter: $0.value.pointer, gradient: $0.gradient.pointer, count: $0.count)
        }
        let optimizer = compiled.optimizer
        let penalties = self.penalties
        // Plain SGD steps inside the layers' gradient products; other optimizers, and penalties,
        // read the gradients.
        let update: ParameterUpdate = penalties.isEmpty ? optimizer.descentRate.map { .descend(learningRate: $0) } ?? .store : .store
        var order = Array(0..<trainCount)
        var history = History()
        var runningLogs = Logs(plan.names.map { Logs.Entry(name: $0, value: 0) })
        stopTraining = false
        let message: (String) throws -> Void = { try emit(.message($0)) }
        try emit(.trainBegin(samples: trainCount, validationSamples: validation?.rows.count,
                             epochs: epochs, initialEpoch: initialEpoch))
        for callback in callbacks { try callback.trainBegin(model: self, emit: message) }
        for epoch in initialEpoch..<max(initialEpoch, epochs) {
            try emit(.epochBegin(epoch: epoch))
            for callback in callbacks { try callback.epochBegin(epoch, model: self, emit: message) }
            let start = ContinuousClock.now
            if shuffle { rng.shuffle(&order) }
            var totals = MetricTotals(metrics: plan.metrics)
            var seen = 0, batch = 0
            while seen < trainCount {
                let count = min(batchSize, trainCount - seen)
                for i in 0..<count { ws.rows[i] = order[seen + i] }
                gather(x, y, ws, count: count)
                // The next batch's rows start loading while this one trains.
                order[min(seen + count, trainCount)..<min(seen + count + batchSize, trainCount)].withUnsafeBufferPointer {
                    x.prefetchRows($0)
                }
                for callback in callbacks { try callback.batchBegin(batch, size: count, model: self, emit: message) }
                forward(ws, count: count, training: true, rng: &rng)
                let lossBefore = totals.lossSum
                score(ws, plan, count: count, withGradient: true, penalty: totalPenalty(penalties), into: &totals)
                backward(ws, count: count, update: update)
                for (parameter, regularizer) in penalties {
                    regularizer.addGradient(parameter.value.pointer, to: parameter.gradient.pointer, count: parameter.count)
                }
                if case .descend = update { optimizer.countStep(slots) } else { optimizer.apply(slots) }
                seen += count
                if observer != nil {
                    for (i, value) in totals.values.enumerated() { runningLogs.entries[i].value = value }
                    try emit(.batchEnd(batch: batch, seen: seen, samples: trainCount,
                                       seconds: seconds(since: start), logs: runningLogs))
                }
                if !callbacks.isEmpty {
                    var batchLogs = Logs(zip(plan.names, totals.values).map { Logs.Entry(name: $0, value: $1) })
                    batchLogs.entries[0].value = (totals.lossSum - lossBefore) / Double(count)
                    batchLogs.entries.insert(contentsOf: [.init(name: "batch", value: Double(batch)),
                                                          .init(name: "size", value: Double(count))], at: 0)
                    for callback in callbacks { try callback.batchEnd(batch, logs: batchLogs, model: self, emit: message) }
                }
                batch += 1
                if stopTraining { break }
            }
            var logs = Logs(zip(plan.names, totals.values).map { Logs.Entry(name: $0, value: $1) })
            if let validation {
                let values = test(validation.x, validation.y, rows: validation.rows, plan: plan, ws: ws, rng: &rng)
                logs.entries += zip(plan.names, values).map { Logs.Entry(name: "val_" + $0, value: $1) }
            }
            try emit(.epochEnd(epoch: epoch, logs: logs, seconds: seconds(since: start)))
            for callback in callbacks where try callback.epochEnd(epoch, logs: &logs, model: self, emit: message) {
                stopTraining = true
            }
            history.append(epoch: epoch, logs: logs)
            if stopTraining { break }
        }
        for callback in callbacks { try callback.trainEnd(model: self, emit: message) }
        try emit(.trainEnd)
        return history
    }

    /// Loss and metric means over `rows` of `x`/`y`, inference mode, in batches of the
    /// workspace's size (Keras' `test_loop`).
    private func test(
        _ x: any SampleSource, _ y: any SampleSource, rows: Range<Int>, plan: LossPlan, ws: Workspace,
        rng: inout RandomGenerator
    ) -> [Double] {
        var totals = MetricTotals(metrics: plan.metrics)
        let penalty = totalPenalty(self.penalties)
        var start = rows.lowerBound
        while start < rows.upperBound {
            let count = min(ws.batchSize, rows.upperBound - start)
            for i in 0..<count { ws.rows[i] = start + i }
            gather(x, y, ws, count: count)
            forward(ws, count: count, training: false, rng: &rng)
            score(ws, plan, count: count, withGradient: false, penalty: penalty, into: &totals)
            start += count
        }
        return totals.values
    }

    private func seconds(since start: ContinuousClock.Instant) -> Double {
        start.duration(to: .now) / .seconds(1)
    }

    // MARK: evaluate, predict

    /// `evaluate(x, y, batch_size=32)`: the loss and then each metric, as means over the samples.
    public func evaluate(_ x: any SampleSource, _ y: any SampleSource, batchSize: Int = 32, rng: inout RandomGenerator) throws -> [Double] {
        guard compiled != nil else { throw KerasError.notCompiled }
        guard batchSize > 0 else {
            throw KerasError(.valueError, "Expected `batch_size` to be a positive integer, got \(batchSize).")
        }
        guard let plan = try prepare(x, y, rng: &rng) else { throw KerasError.notCompiled }
        let ws = Workspace(layers: layers, inputSize: x.sampleSize, targetSize: plan.rowsPerSample * plan.targetWidth,
                           batchSize: max(1, min(batchSize, x.sampleCount)), training: false)
        return test(x, y, rows: 0..<x.sampleCount, plan: plan, ws: ws, rng: &rng)
    }

    /// `predict(x, batch_size=32)`: the outputs for every sample, shape `[n] + outputShape`.
    public func predict(_ x: any SampleSource, batchSize: Int = 32, rng: inout RandomGenerator) throws -> Tensor {
        guard batchSize > 0 else {
            throw KerasError(.valueError, "Expected `batch_size` to be a positive integer, got \(batchSize).")
        }
        _ = try prepare(x, nil, rng: &rng)
        guard let outputShape else { throw KerasError.notBuilt }
        let n = x.sampleCount, width = outputShape.reduce(1, *)
        let ws = Workspace(layers: layers, inputSize: x.sampleSize, targetSize: 0,
                           batchSize: max(1, min(batchSize, n)), training: false)
        var result = [Float](repeating: 0, count: n * width)
        var start = 0
        try result.withUnsafeMutableBufferPointer { out in
            while start < n {
                let count = min(ws.batchSize, n - start)
                for i in 0..<count { ws.rows[i] = start + i }
                gather(x, nil, ws, count: count)
                forward(ws, count: count, training: false, rng: &rng)
                guard let base = out.baseAddress else { throw KerasError.notBuilt }
                (base + start * width).update(from: ws.activations[layers.count].pointer, count: count * width)
                start += count
            }
        }
        return Tensor(shape: [n] + outputShape, scalars: result)
    }
}
