/// Per-sample weights of the loss, as Keras 2.3 applies `sample_weight=` and `class_weight=`:
/// each sample's loss is multiplied by its weight and the batch's loss is the sum divided by
/// the batch size (not by the sum of the weights: Keras' `SUM_OVER_BATCH_SIZE`), so the
/// gradient of sample `i` is its unweighted gradient times `w_i`. The metrics of `metrics=`
/// stay unweighted, as in Keras 2. Class weights become per-sample weights from each sample's
/// class (the target's argmax when it has several columns), multiplied with the sample
/// weights when both are given.
///
/// ```swift
/// let w = try SampleWeights.combining(classWeights: [0: 1, 1: 5], targets: y, sampleWeights: nil)
/// try model.fit(x, y, sampleWeights: w, rng: &rng)
/// ```
public enum SampleWeights {
    /// Checks that there is one weight per sample.
    static func check(_ weights: [Float]?, samples: Int) throws {
        guard let weights, weights.count != samples else { return }
        throw KerasError(.valueError, "Found a sample_weight array with shape (\(weights.count),) for an input with shape "
                         + "(\(samples), ...). sample_weight cannot be broadcast.")
    }

    /// The batch's weighted loss summed over its samples (`sum(w * loss)`, each sample's loss
    /// its mean over its output rows) and, when `gradient` is given, d(weighted mean)/d(output).
    static func weightedLoss(
        _ plan: LossPlan, output: UnsafePointer<Float>, target: UnsafePointer<Float>, weights: UnsafePointer<Float>,
        count: Int, gradient: UnsafeMutablePointer<Float>?
    ) -> Double {
        weightedLoss(plan.loss, rowsPerSample: plan.rowsPerSample, width: plan.width, targetWidth: plan.targetWidth,
                     output: output, target: target, weights: weights, count: count, gradient: gradient)
    }

    /// `weightedLoss` for a loss whose samples have `rowsPerSample` rows of `width` outputs and
    /// `targetWidth` target scalars each.
    static func weightedLoss(
        _ loss: Loss, rowsPerSample rows: Int, width: Int, targetWidth: Int, output: UnsafePointer<Float>,
        target: UnsafePointer<Float>, weights: UnsafePointer<Float>, count: Int, gradient: UnsafeMutablePointer<Float>?
    ) -> Double {
        let outputStride = rows * width, targetStride = rows * targetWidth
        var total = 0.0
        for s in 0..<count {
            let sampleGradient = gradient.map { $0 + s * outputStride }
            // The loss averages over the sample's rows (scale 1 / rows); Keras' mean is over the
            // batch too, and weighted: scale the sample's gradient by w / count.
            let sum = loss.evaluate(output: output + s * outputStride, target: target + s * targetStride, rows: rows,
                                    width: width, gradient: sampleGradient)
            let w = weights[s]
            total += Double(w) * sum / Double(rows)
            if let g = sampleGradient {
                let factor = w / Float(count)
                for j in 0..<outputStride { g[j] *= factor }
            }
        }
        return total
    }

    /// One weight per sample from `class_weight` (`classWeights[class]`), times `sampleWeights`
    /// when given. A sample's class is its target's argmax when the target has several columns,
    /// else the target itself; every class in the data needs a weight, as in Keras.
    public static func combining(classWeights: [Int: Float], targets y: any SampleSource,
                                 sampleWeights: [Float]?) throws -> [Float] {
        guard y.shape.count <= 2 else {
            throw KerasError(.valueError, "`class_weight` not supported for 3+ dimensional targets.")
        }
        let n = y.sampleCount, width = y.sampleSize
        var values = [Float](repeating: 0, count: n * width)
        let rows = Array(0..<n)
        if !values.isEmpty {
            rows.withUnsafeBufferPointer { r in values.withUnsafeMutableBufferPointer { y.copyRows(r, to: $0.baseAddress!) } }
        }
        var weights = [Float](repeating: 0, count: n)
        var missing: [Double] = []
        for i in 0..<n {
            let row = values[(i * width)..<(i * width + width)]
            let label: Float
            if width > 1 {
                var best = row.startIndex
                for j in row.indices where row[j] > row[best] { best = j }
                label = Float(best - row.startIndex)
            } else {
                label = row.first ?? 0
            }
            if label == label.rounded(), abs(label) < 1e9, let w = classWeights[Int(label)] {
                weights[i] = w * (sampleWeights?[i] ?? 1)
            } else if !missing.contains(Double(label)) {
                missing.append(Double(label))
            }
        }
        guard missing.isEmpty else {
            let shown = missing.sorted().map { $0 == $0.rounded() && abs($0) < 1e15 ? String(Int($0)) : String($0) }
            throw KerasError(.valueError, "`class_weight` must contain all classes in the data. The classes "
                             + "{\(shown.joined(separator: ", "))} exist in the data but not in `class_weight`.")
        }
        return weights
    }
}
