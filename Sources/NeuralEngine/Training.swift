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
    /// The batch's sample weights, when the pass is weighted (`sample_weight=`, `class_weight=`).
    let weights: FloatBuffer
    let rows: UnsafeMutableBufferPointer<Int>
    /// Per output, for a model compiled with heads: its rows unpacked (see `scoreHeads`).
    var headBuffers: [HeadBuffers] = []

    init(layers: [any Layer], inputSize: Int, targetSize: Int, batchSize: Int, training: Bool) {
        self.batchSize = batchSize
        let sizes = [inputSize] + layers.map(\.outputSize)
        activations = sizes.map { FloatBuffer(count: batchSize * $0) }
        gradients = sizes.enumerated().map { FloatBuffer(count: training && $0.offset > 0 ? batchSize * $0.element : 0) }
        targets = FloatBuffer(count: batchSize * targetSize)
        weights = FloatBuffer(count: batchSize)
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
    /// For a model compiled with `OutputHead`s: each output's plan (the fields above then
    /// describe the packed rows: `width` and `targetWidth` their lengths), and the log names.
    var heads: [HeadPlan] = []
    var headNames: [String] = []
    var names: [String] { heads.isEmpty ? ["loss"] + metrics.map(\.name) : headNames }
    /// Target scalars per sample.
    var targetSize: Int { heads.isEmpty ? rowsPerSample * targetWidth : targetWidth }
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
        if let heads = compiled.heads {
            guard x.sampleCount == y.sampleCount else {
                throw KerasError(.valueError, "Input arrays should have the same number of samples as target arrays. "
                                 + "Found \(x.sampleCount) input samples and \(y.sampleCount) target samples.")
            }
            return try headPlan(y, heads: heads)
        }
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

    func checkShape(_ shape: [Int], expected: [Int], what: String, name: String) throws {
        guard shape.count == expected.count + 1 else {
            throw KerasError(.valueError, "Error when checking \(what): expected \(name) to have \(expected.count + 1) "
                             + "dimensions, but got array with shape \(pythonTuple(shape))")
        }
        guard Array(shape.dropFirst()) == expected else {
            throw KerasError(.valueError, "Error when checking \(what): expected \(name) to have shape "
                             + "\(pythonTuple(expected)) but got array with shape \(pythonTuple(Array(shape.dropFirst())))")
        }
    }

    func checkClassIndices(_ y: any SampleSource, classes: Int) throws {
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

    /// Gathers the samples `ws.rows[0..<count]` of `x` (and `y`, and their `weights`) into the
    /// workspace.
    func gather(_ x: any SampleSource, _ y: (any SampleSource)?, _ ws: Workspace, count: Int, weights: [Float]? = nil) {
        let rows = UnsafeBufferPointer(rebasing: ws.rows[0..<count])
        x.copyRows(rows, to: ws.activations[0].pointer)
        y?.copyRows(rows, to: ws.targets.pointer)
        if let weights { for i in 0..<count { ws.weights.pointer[i] = weights[rows[i]] } }
    }

    func forward(_ ws: Workspace, count: Int, training: Bool, rng: inout RandomGenerator) {
        for (i, layer) in layers.enumerated() {
            layer.forward(ws.activations[i].pointer, into: ws.activations[i + 1].pointer, batchSize: count,
                          training: training, rng: &rng)
        }
    }

    /// Adds the batch's loss (with the weight penalties, `penalty`) and metrics to `totals`
    /// and, when training, writes the loss gradient into the last gradient buffer. With
    /// `weighted`, the batch's loss is Keras' `sum(w * loss) / batch_size` over the weights in
    /// `ws.weights` (the metrics stay unweighted, as Keras 2's `metrics=` are).
    func score(_ ws: Workspace, _ plan: LossPlan, count: Int, withGradient: Bool, penalty: Float, weighted: Bool = false,
               into totals: inout PassTotals) {
        if !plan.heads.isEmpty {
            return scoreHeads(ws, plan, count: count, withGradient: withGradient, penalty: penalty, weighted: weighted,
                              into: &totals)
        }
        let rows = count * plan.rowsPerSample
        let output = UnsafePointer(ws.activations[layers.count].pointer)
        let targets = UnsafePointer(ws.targets.pointer)
        let gradient = withGradient ? ws.gradients[layers.count].pointer : nil
        var loss: Double
        if weighted {
            loss = SampleWeights.weightedLoss(plan, output: output, target: targets, weights: ws.weights.pointer,
                                              count: count, gradient: gradient)
        } else {
            loss = plan.loss.evaluate(output: output, target: targets, rows: rows, width: plan.width, gradient: gradient)
            // Sums over rows become sums over samples (each sample has the same number of rows).
            if plan.rowsPerSample > 1 { loss /= Double(plan.rowsPerSample) }
        }
        // Keras adds the penalties to the batch's mean loss: once per sample in the sum.
        loss += Double(penalty) * Double(count)
        totals.addSingle(samples: count, lossSum: loss, output: output, target: targets, rows: rows, width: plan.width,
                         rowsPerSample: plan.rowsPerSample)
    }

    /// Back-propagates down to layer `first`: the layers below it have nothing to train.
    private func backward(_ ws: Workspace, count: Int, update: ParameterUpdate, from first: Int) {
        for i in stride(from: layers.count - 1, through: first, by: -1) {
            layers[i].backward(
                input: ws.activations[i].pointer, output: ws.activations[i + 1].pointer,
                outputGradient: ws.gradients[i + 1].pointer, inputGradient: i > first ? ws.gradients[i].pointer : nil,
                batchSize: count, update: update)
        }
    }

    /// Keras 2's batch logs: `batch`, `size`, the batch's own loss (`lossBefore` is the pass's
    /// loss sum before it) and the pass's running metrics.
    func batchLogs(_ plan: LossPlan, _ totals: PassTotals, lossBefore: Double, batch: Int, count: Int) -> Logs {
        var logs = Logs(zip(plan.names, totals.values).map { Logs.Entry(name: $0, value: $1) })
        logs.entries[0].value = (totals.lossSum - lossBefore) / Double(count)
        logs.entries.insert(contentsOf: [.init(name: "batch", value: Double(batch)), .init(name: "size", value: Double(count))],
                            at: 0)
        return logs
    }

    // MARK: fit

    /// Trains the model as Keras 2's `fit` does (docs/keras.md): the validation split is the last
    /// fraction of the samples, taken before shuffling; the training samples are reshuffled
    /// every epoch; the last batch may be short; an epoch's loss and metrics are the
    /// sample-weighted means of each batch's values, each computed before that batch's update;
    /// validation runs after the epoch.
    ///
    /// `sampleWeights` (one per sample of `x`, the validation split's included) weight the loss
    /// as `sample_weight=` and `class_weight=` do. With `stepsPerEpoch` an epoch is that many
    /// batches, taken as `tf.keras` takes them from arrays: one stream of batches over
    /// successive shuffles of the samples, which carries on from one epoch to the next, at most
    /// `epochs - initialEpoch` passes over the data; `validationSteps` batches of validation.
    public func fit(
        _ x: any SampleSource, _ y: any SampleSource, batchSize: Int = 32, epochs: Int = 1,
        validationSplit: Double = 0, validationData: (x: any SampleSource, y: any SampleSource)? = nil,
        shuffle: Bool = true, initialEpoch: Int = 0, callbacks: [any TrainingCallback] = [],
        sampleWeights: [Float]? = nil, validationSampleWeights: [Float]? = nil,
        stepsPerEpoch: Int? = nil, validationSteps: Int? = nil,
        rng: inout RandomGenerator, observer: ((TrainingEvent) throws -> Void)? = nil
    ) throws -> History {
        guard let compiled else { throw KerasError.notCompiled }
        guard batchSize > 0 else {
            throw KerasError(.valueError, "Expected `batch_size` to be a positive integer, got \(batchSize).")
        }
        guard let plan = try prepare(x, y, rng: &rng) else { throw KerasError.notCompiled }
        try SampleWeights.check(sampleWeights, samples: x.sampleCount)
        var validation: ValidationData?
        var trainCount = x.sampleCount
        if let validationData {
            _ = try prepare(validationData.x, validationData.y, rng: &rng)
            try SampleWeights.check(validationSampleWeights, samples: validationData.x.sampleCount)
            validation = ValidationData(x: validationData.x, y: validationData.y, rows: 0..<validationData.x.sampleCount,
                                        weights: validationSampleWeights)
        } else if validationSplit > 0 && validationSplit < 1 {
            trainCount = Int(Double(x.sampleCount) * (1 - validationSplit))
            validation = ValidationData(x: x, y: y, rows: trainCount..<x.sampleCount, weights: sampleWeights)
        }
        validation?.steps = validationSteps
        if trainCount == 0 {
            throw KerasError(.valueError, "Training data contains 0 samples, which is not sufficient to split it into "
                             + "a validation and training set as specified by `validation_split=\(validationSplit)`. "
                             + "Either provide more data, or a different value for the `validation_split` argument.")
        }
        if let stepsPerEpoch, stepsPerEpoch <= 0 {
            throw KerasError(.valueError, "Expected `steps_per_epoch` to be a positive integer, got \(stepsPerEpoch).")
        }
        let emit = observer ?? { _ in }
        let ws = Workspace(layers: layers, inputSize: x.sampleSize, targetSize: plan.targetSize,
                           batchSize: min(batchSize, max(trainCount, validation?.rows.count ?? 0)), training: true)
        collectTrainableIfNeeded()
        let trained = trainedParameters
        let slots = trained.map {
            ParameterSlot(parameter: $0.value.pointer, gradient: $0.gradient.pointer, count: $0.count)
        }
        let optimizer = compiled.optimizer
        let penalties = self.penalties
        let firstTrained = firstTrainedLayer
        // Plain SGD steps inside the layers' gradient products; other optimizers, penalties and
        // frozen layers (whose products must leave their weights alone) read the gradients.
        let update: ParameterUpdate = penalties.isEmpty && trained.count == allParameters.count
            ? optimizer.descentRate.map { .descend(learningRate: $0) } ?? .store : .store
        var batches = BatchStream(samples: trainCount, batchSize: batchSize, shuffle: shuffle,
                                  passes: stepsPerEpoch == nil ? nil : max(epochs - initialEpoch, 0))
        var history = History()
        var runningLogs = Logs(plan.names.map { Logs.Entry(name: $0, value: 0) })
        stopTraining = false
        let message: (String) throws -> Void = { try emit(.message($0)) }
        // Keras counts the progress bar in steps when given `steps_per_epoch`, and prints no banner.
        try emit(.trainBegin(samples: stepsPerEpoch ?? trainCount, validationSamples: stepsPerEpoch == nil ? validation?.rows.count : nil,
                             epochs: epochs, initialEpoch: initialEpoch))
        for callback in callbacks { try callback.trainBegin(model: self, emit: message) }
        for epoch in initialEpoch..<max(initialEpoch, epochs) {
            try emit(.epochBegin(epoch: epoch))
            for callback in callbacks { try callback.epochBegin(epoch, model: self, emit: message) }
            let start = ContinuousClock.now
            if stepsPerEpoch == nil { batches.startPass(rng: &rng) }
            var totals = PassTotals(plan)
            var seen = 0, batch = 0
            while stepsPerEpoch.map({ batch < $0 }) ?? !batches.passDone {
                guard let rows = batches.next(rng: &rng) else {
                    if batches.ranDry {
                        try emit(.message(BatchStream.outOfDataWarning(batches: (stepsPerEpoch ?? 0) * (epochs - initialEpoch))))
                    }
                    break
                }
                let count = rows.count
                for i in 0..<count { ws.rows[i] = rows[rows.startIndex + i] }
                gather(x, y, ws, count: count, weights: sampleWeights)
                // The next batch's rows start loading while this one trains.
                batches.upcoming.withUnsafeBufferPointer { x.prefetchRows($0) }
                for callback in callbacks { try callback.batchBegin(batch, size: count, model: self, emit: message) }
                forward(ws, count: count, training: true, rng: &rng)
                let lossBefore = totals.lossSum
                score(ws, plan, count: count, withGradient: true, penalty: totalPenalty(penalties),
                      weighted: sampleWeights != nil, into: &totals)
                backward(ws, count: count, update: update, from: firstTrained)
                for (parameter, regularizer) in penalties {
                    regularizer.addGradient(parameter.value.pointer, to: parameter.gradient.pointer, count: parameter.count)
                }
                if case .descend = update { optimizer.countStep(slots) } else { optimizer.apply(slots) }
                seen += count
                if observer != nil {
                    for (i, value) in totals.values.enumerated() { runningLogs.entries[i].value = value }
                    try emit(.batchEnd(batch: batch, seen: stepsPerEpoch == nil ? seen : batch + 1,
                                       samples: stepsPerEpoch ?? trainCount, seconds: seconds(since: start), logs: runningLogs))
                }
                if !callbacks.isEmpty {
                    let logs = batchLogs(plan, totals, lossBefore: lossBefore, batch: batch, count: count)
                    for callback in callbacks { try callback.batchEnd(batch, logs: logs, model: self, emit: message) }
                }
                batch += 1
                if stopTraining { break }
            }
            // The stream ran dry before this epoch's first batch: nothing to record.
            if batch == 0 { break }
            var logs = Logs(zip(plan.names, totals.values).map { Logs.Entry(name: $0, value: $1) })
            if let validation {
                let values = try test(validation.x, validation.y, rows: validation.rows, plan: plan, ws: ws,
                                      weights: validation.weights, steps: validation.steps, callbacks: callbacks,
                                      emit: message, rng: &rng)
                logs.entries += zip(plan.names, values).map { Logs.Entry(name: "val_" + $0, value: $1) }
            }
            try emit(.epochEnd(epoch: epoch, logs: logs, seconds: seconds(since: start)))
            for callback in callbacks where try callback.epochEnd(epoch, logs: &logs, model: self, emit: message) {
                stopTraining = true
            }
            history.append(epoch: epoch, logs: logs)
            if stopTraining { break }
            if batches.ranDry { break }
        }
        for callback in callbacks { try callback.trainEnd(model: self, emit: message) }
        try emit(.trainEnd)
        return history
    }

    func seconds(since start: ContinuousClock.Instant) -> Double {
        start.duration(to: .now) / .seconds(1)
    }
}

/// The validation data of one `fit`: the samples `rows` of `x`/`y`, their weights if any, and
/// how many batches to take of them (all when `steps` is nil).
struct ValidationData {
    let x: any SampleSource
    let y: any SampleSource
    let rows: Range<Int>
    let weights: [Float]?
    var steps: Int?
}
