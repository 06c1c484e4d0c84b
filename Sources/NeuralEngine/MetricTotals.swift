/// The running values of one pass over data (an epoch, a validation pass, `evaluate`), kept
/// as Keras 2 keeps them: the loss and the averaging metrics as sums over samples, and the
/// confusion-count metrics (`precision`, `recall`, `auc`) as counts over every output
/// element, so their value is the epoch's ratio, not a mean of batch ratios.
///
/// The counts are a histogram per metric: for each element, how many of the metric's sorted
/// thresholds it exceeds (`y_pred > threshold` is Keras' positive prediction), split by
/// whether its target is non-zero. True positives at threshold `i` are then the positives in
/// the buckets above `i`, and so on, so AUC's 200 thresholds cost a binary search per element.
///
/// The metrics from `weightedFrom` on are weighted metrics (`weighted_metrics=`): each sample
/// counts with its weight, so an averaging one is `sum(w * value) / sum(w)`, as Keras' `Mean`
/// with `sample_weight`; without weights every sample weighs 1.
struct MetricTotals {
    let metrics: [Metric]
    let weightedFrom: Int
    /// Samples added so far.
    private(set) var samples = 0
    /// The loss summed over the samples added.
    private(set) var lossSum = 0.0
    /// Per metric: `[sum]` for the averaging ones; for the counting ones the positive-target
    /// histogram then the negative-target one, `thresholds.count + 1` buckets each.
    private var states: [[Double]]
    private let thresholds: [[Float]]

    init(metrics: [Metric], weightedFrom: Int? = nil) {
        self.metrics = metrics
        self.weightedFrom = weightedFrom ?? metrics.count
        thresholds = metrics.map(Self.thresholds)
        states = zip(metrics, thresholds).map { metric, cuts in
            [Double](repeating: 0, count: metric.kind.isConfusionCount ? 2 * (cuts.count + 1) : 2)
        }
    }

    /// Keras' thresholds: the given one for precision and recall; for AUC `num_thresholds`
    /// points, `-1e-7`, `(i + 1) / (n - 1)` for the inner ones, `1 + 1e-7`.
    static func thresholds(_ metric: Metric) -> [Float] {
        switch metric.kind {
        case .precision, .recall: return [metric.threshold ?? 0.5]
        case .auc:
            let n = metric.thresholdCount ?? 200
            let inner = (0..<max(n - 2, 0)).map { Float(Double($0 + 1) / Double(n - 1)) }
            return [Float(0.0 - 1e-7)] + inner + [Float(1.0 + 1e-7)]
        default: return []
        }
    }

    /// Adds one batch: its loss summed over samples, and its outputs and targets
    /// (`rows x width`, `rowsPerSample` rows per sample), with the samples' `weights` for the
    /// weighted metrics when the pass is weighted.
    mutating func add(
        samples count: Int, lossSum: Double, output p: UnsafePointer<Float>, target y: UnsafePointer<Float>,
        rows: Int, width: Int, rowsPerSample: Int, weights: UnsafePointer<Float>? = nil
    ) {
        samples += count
        self.lossSum += lossSum
        for m in metrics.indices {
            let metric = metrics[m]
            let sampleWeights = m >= weightedFrom ? weights : nil
            guard metric.kind.isConfusionCount else {
                if let sampleWeights {
                    let targetWidth = metric.kind == .sparseCategoricalAccuracy || metric.kind == .sparseTopKCategoricalAccuracy
                        ? 1 : width
                    for s in 0..<count {
                        let value = metric.evaluate(output: p + s * rowsPerSample * width,
                                                    target: y + s * rowsPerSample * targetWidth, rows: rowsPerSample, width: width)
                        states[m][0] += Double(sampleWeights[s]) * value / Double(rowsPerSample)
                        states[m][1] += Double(sampleWeights[s])
                    }
                    continue
                }
                let sum = metric.evaluate(output: p, target: y, rows: rows, width: width)
                states[m][0] += rowsPerSample > 1 ? sum / Double(rowsPerSample) : sum
                states[m][1] += Double(count)
                continue
            }
            let elementsPerSample = max(rows * width / max(count, 1), 1)
            let cuts = thresholds[m], buckets = cuts.count + 1
            states[m].withUnsafeMutableBufferPointer { histogram in
                for i in 0..<(rows * width) {
                    // The number of thresholds strictly below the value.
                    var low = 0, high = cuts.count
                    while low < high {
                        let mid = (low + high) / 2
                        if p[i] > cuts[mid] { low = mid + 1 } else { high = mid }
                    }
                    histogram[(y[i] != 0 ? 0 : buckets) + low] += sampleWeights.map { Double($0[i / elementsPerSample]) } ?? 1
                }
            }
        }
    }

    /// The loss mean, then each metric's value, in `LossPlan.names` order.
    var values: [Double] {
        let n = Double(max(samples, 1))
        return [lossSum / n] + metrics.indices.map { m in
            if metrics[m].kind.isConfusionCount { return confusionValue(m) }
            // A weighted metric divides by the weights' sum (the sample count when unweighted).
            if m >= weightedFrom { return states[m][1] == 0 ? 0 : states[m][0] / states[m][1] }
            return states[m][0] / n
        }
    }

    /// Precision, recall or ROC AUC (trapezoids, Keras' default) from the histograms, in
    /// float32 as Keras' variables are.
    private func confusionValue(_ m: Int) -> Double {
        let buckets = thresholds[m].count + 1
        let positives = states[m][0..<buckets], negatives = states[m][buckets...]
        let allPositive = Float(positives.reduce(0, +)), allNegative = Float(negatives.reduce(0, +))
        // Counts at threshold i: the elements in buckets above i predicted positive.
        var tp = [Float](repeating: 0, count: buckets - 1), fp = tp
        var abovePositive: Float = 0, aboveNegative: Float = 0
        for i in stride(from: buckets - 1, to: 0, by: -1) {
            abovePositive += Float(positives[positives.startIndex + i])
            aboveNegative += Float(negatives[negatives.startIndex + i])
            tp[i - 1] = abovePositive
            fp[i - 1] = aboveNegative
        }
        func ratio(_ a: Float, _ b: Float) -> Float { a > 0 ? a / (a + b) : 0 }
        switch metrics[m].kind {
        case .precision: return Double(ratio(tp[0], fp[0]))
        case .recall: return Double(ratio(tp[0], allPositive - tp[0]))
        default:
            let recall = tp.map { ratio($0, allPositive - $0) }
            let falseRate = fp.map { ratio($0, allNegative - $0) }
            var area: Float = 0
            for i in 0..<(tp.count - 1) {
                area += (falseRate[i] - falseRate[i + 1]) * ((recall[i] + recall[i + 1]) / 2)
            }
            return Double(area)
        }
    }
}
