/// How a model compiled with `OutputHead`s scores a batch: each output's slice of the packed
/// output row meets its slice of the packed target row (`PackedSamples`), with its own loss
/// and metrics; the batch's loss is `sum(loss_weight * output_loss)` plus the weight penalties,
/// and each output's loss gradient, times its weight, goes back into its slice of the packed
/// output gradient, from which the graph sends it on (summed where a tensor fans out).
struct HeadPlan {
    /// The output as a one-output plan: its loss (a stand-in when it has none), its metrics
    /// then its weighted metrics, its rows and widths.
    let plan: LossPlan
    let hasLoss: Bool
    let lossWeight: Float
    /// Where the output starts in a packed output row, and its target in a packed target row.
    let outputOffset: Int
    let targetOffset: Int
    /// How many of `plan.metrics` are unweighted; the rest are the weighted ones.
    let unweightedCount: Int

    var outputSize: Int { plan.rowsPerSample * plan.width }
    var targetSize: Int { plan.rowsPerSample * plan.targetWidth }
}

/// Scratch rows of one output for one batch: its outputs, targets and loss gradient unpacked.
final class HeadBuffers {
    let output: FloatBuffer
    let target: FloatBuffer
    let gradient: FloatBuffer

    init(_ head: HeadPlan, batchSize: Int) {
        output = FloatBuffer(count: batchSize * head.outputSize)
        target = FloatBuffer(count: batchSize * head.targetSize)
        gradient = FloatBuffer(count: batchSize * head.outputSize)
    }
}

/// The running values of a pass: one `MetricTotals` per output (one in all for a model
/// compiled without heads, whose values they are), and for heads the total loss.
struct PassTotals {
    private(set) var heads: [MetricTotals]
    private let reportsHeadLosses: [Bool]
    private let single: Bool
    private var totalLoss = 0.0
    private var samples = 0

    init(_ plan: LossPlan) {
        single = plan.heads.isEmpty
        heads = single ? [MetricTotals(metrics: plan.metrics)]
            : plan.heads.map { MetricTotals(metrics: $0.plan.metrics, weightedFrom: $0.unweightedCount) }
        reportsHeadLosses = plan.heads.count > 1 ? plan.heads.map(\.hasLoss) : plan.heads.map { _ in false }
    }

    /// The total loss summed over the samples so far.
    var lossSum: Double { single ? heads[0].lossSum : totalLoss }

    /// The values in `LossPlan.names` order.
    var values: [Double] {
        if single { return heads[0].values }
        let n = Double(max(samples, 1))
        var values = [totalLoss / n]
        for (totals, reported) in zip(heads, reportsHeadLosses) where reported { values.append(totals.values[0]) }
        for totals in heads { values += totals.values.dropFirst() }
        return values
    }

    mutating func addSingle(samples count: Int, lossSum: Double, output: UnsafePointer<Float>, target: UnsafePointer<Float>,
                            rows: Int, width: Int, rowsPerSample: Int) {
        heads[0].add(samples: count, lossSum: lossSum, output: output, target: target, rows: rows, width: width,
                     rowsPerSample: rowsPerSample)
    }

    mutating func addHead(_ h: Int, _ plan: LossPlan, lossSum: Double, output: UnsafePointer<Float>,
                          target: UnsafePointer<Float>, count: Int, weights: UnsafePointer<Float>?) {
        heads[h].add(samples: count, lossSum: lossSum, output: output, target: target, rows: count * plan.rowsPerSample,
                     width: plan.width, rowsPerSample: plan.rowsPerSample, weights: weights)
    }

    mutating func addTotal(samples count: Int, lossSum: Double) {
        samples += count
        totalLoss += lossSum
    }
}

extension Sequential {
    /// The per-sample shape of each output: several for a functional model with several
    /// outputs (the graph packs them side by side), else the one output's.
    public var outputShapes: [[Int]] {
        if layers.count == 1, let graph = layers[0] as? GraphLayer, graph.outputs.count > 1 {
            return graph.outputs.map { graph.tensorShapes[$0] }
        }
        return outputShape.map { [$0] } ?? []
    }

    /// Checks the targets of each output (one array per head; `PackedSamples` for several) as
    /// Keras 2 checks them, and lays the heads out over the packed rows.
    func headPlan(_ y: any SampleSource, heads: [OutputHead]) throws -> LossPlan {
        let shapes = outputShapes
        let parts = (y as? any PackedSource)?.parts ?? [y]
        guard heads.count == shapes.count else {
            throw KerasError(.valueError, "The model has \(shapes.count) outputs but was compiled for \(heads.count)")
        }
        guard parts.count == heads.count else {
            throw KerasError(.valueError, "Error when checking model target: the list of Numpy arrays that you are passing to "
                             + "your model is not the size the model expected. Expected to see \(heads.count) array(s), but "
                             + "instead got the following list of \(parts.count) arrays.")
        }
        var plans: [HeadPlan] = []
        var outputOffset = 0, targetOffset = 0
        for (head, (shape, part)) in zip(heads, zip(shapes, parts)) {
            let loss = head.loss ?? .meanSquaredError
            var targetShape = part.shape
            if targetShape.count == 1 { targetShape.append(1) }  // Keras expands (n,) to (n, 1)
            let expected = loss.takesClassIndices ? shape.dropLast() + [1] : shape
            try checkShape(targetShape, expected: expected, what: "target", name: head.name)
            let width = shape.last ?? 1
            if loss.takesClassIndices { try checkClassIndices(part, classes: width) }
            let metrics = (head.metrics + head.weightedMetrics).map { $0.resolved(for: loss, outputWidth: width) }
            if loss.takesClassIndices, let metric = metrics.first(where: \.needsDenseTargets) {
                throw KerasError(.valueError, "The metric `\(metric.name)` needs targets shaped like the output (one-hot or "
                                 + "binary), but the loss `\(loss.kerasName)` takes class indices.")
            }
            let plan = LossPlan(loss: loss, metrics: metrics, rowsPerSample: shape.dropLast().reduce(1, *), width: width,
                                targetWidth: loss.takesClassIndices ? 1 : width)
            let headPlan = HeadPlan(plan: plan, hasLoss: head.loss != nil, lossWeight: head.lossWeight,
                                    outputOffset: outputOffset, targetOffset: targetOffset, unweightedCount: head.metrics.count)
            plans.append(headPlan)
            outputOffset += headPlan.outputSize
            targetOffset += headPlan.targetSize
        }
        guard parts.allSatisfy({ $0.sampleCount == parts[0].sampleCount }) else {
            throw KerasError(.valueError, "All target arrays (y) should have the same number of samples. Got array shapes: "
                             + "[\(parts.map { pythonTuple($0.shape) }.joined(separator: ", "))]")
        }
        var plan = LossPlan(loss: heads.first?.loss ?? .meanSquaredError, metrics: [], rowsPerSample: 1, width: outputOffset,
                            targetWidth: targetOffset)
        plan.heads = plans
        plan.headNames = OutputHead.logNames(heads)
        return plan
    }

    /// `score` for a model compiled with heads: each output's loss and metrics on its slice,
    /// the weighted sum of the losses into `totals`, and the gradients packed back.
    func scoreHeads(_ ws: Workspace, _ plan: LossPlan, count: Int, withGradient: Bool, penalty: Float, weighted: Bool,
                    into totals: inout PassTotals) {
        if ws.headBuffers.count != plan.heads.count {
            ws.headBuffers = plan.heads.map { HeadBuffers($0, batchSize: ws.batchSize) }
        }
        let output = ws.activations[layers.count].pointer, targets = ws.targets.pointer
        let outputWidth = plan.width, targetWidth = plan.targetWidth
        let packedGradient = withGradient ? ws.gradients[layers.count].pointer : nil
        var total = 0.0
        for (h, head) in plan.heads.enumerated() {
            let buffers = ws.headBuffers[h]
            let out = buffers.output.pointer, target = buffers.target.pointer, gradient = buffers.gradient.pointer
            for s in 0..<count {
                (out + s * head.outputSize).update(from: output + s * outputWidth + head.outputOffset, count: head.outputSize)
                (target + s * head.targetSize).update(from: targets + s * targetWidth + head.targetOffset, count: head.targetSize)
            }
            var loss = 0.0
            if head.hasLoss {
                let g = withGradient ? gradient : nil
                if weighted {
                    loss = SampleWeights.weightedLoss(head.plan, output: out, target: target, weights: ws.weights.pointer,
                                                      count: count, gradient: g)
                } else {
                    loss = head.plan.loss.evaluate(output: out, target: target, rows: count * head.plan.rowsPerSample,
                                                   width: head.plan.width, gradient: g)
                    if head.plan.rowsPerSample > 1 { loss /= Double(head.plan.rowsPerSample) }
                }
                total += head.lossWeight == 1 ? loss : Double(head.lossWeight) * loss
                if withGradient, head.lossWeight != 1 {
                    for j in 0..<(count * head.outputSize) { gradient[j] *= head.lossWeight }
                }
            } else if withGradient {
                gradient.update(repeating: 0, count: count * head.outputSize)
            }
            totals.addHead(h, head.plan, lossSum: loss, output: out, target: target, count: count,
                           weights: weighted ? UnsafePointer(ws.weights.pointer) : nil)
            if let packedGradient {
                for s in 0..<count {
                    (packedGradient + s * outputWidth + head.outputOffset).update(from: gradient + s * head.outputSize,
                                                                                  count: head.outputSize)
                }
            }
        }
        // Keras adds the penalties to the batch's mean loss: once per sample in the sum.
        total += Double(penalty) * Double(count)
        totals.addTotal(samples: count, lossSum: total)
    }
}
