/// One batch's loss as `fit` scores it, for a training step that a cell writes itself
/// (`self.compiled_loss(y, y_pred)` inside an overridden `train_step`): the same arithmetic as
/// the engine's own loop, so a step that does what the default one does trains bit for bit
/// as `fit` does.
///
/// ```swift
/// let (sum, gradient) = try loss.batchLoss(output: predictions, target: labels, weights: nil)
/// sum / Double(predictions.shape[0])   // the batch's mean loss
/// ```
extension Loss {
    /// The loss summed over the batch's samples (each sample's loss its mean over its output
    /// rows; times its weight when `weights` are given) and d(batch mean)/d(output), shaped
    /// like `output`. `output` is `[batch, ..., width]`; `target` holds one class index per
    /// output row for `sparse_categorical_crossentropy`, one value per output otherwise.
    public func batchLoss(output: Tensor, target: Tensor, weights: [Float]?) throws -> (sum: Double, gradient: Tensor) {
        guard output.shape.count >= 2, let width = output.shape.last, width > 0 else {
            throw KerasError(.valueError, "The predictions must have a batch axis and a last axis of classes or values, "
                             + "got shape \(pythonTuple(output.shape))")
        }
        let count = output.shape[0]
        let rows = output.count / width
        let rowsPerSample = count == 0 ? 1 : rows / count
        let targetWidth = takesClassIndices ? 1 : width
        guard target.count == rows * targetWidth else {
            throw KerasError(.valueError, takesClassIndices
                ? "Shape mismatch: the labels hold \(target.count) values but the predictions have \(rows) rows "
                    + "(shape \(pythonTuple(output.shape)))"
                : "Shapes \(pythonTuple(target.shape)) and \(pythonTuple(output.shape)) are incompatible")
        }
        if takesClassIndices {
            for label in target.scalars where !(label >= 0 && label < Float(width) && label == label.rounded()) {
                let text = label == label.rounded() && abs(label) < 1e9 ? String(Int(label)) : String(label)
                throw KerasError(.valueError, "Received a label value of \(text) which is outside the valid range of [0, \(width)).")
            }
        }
        if let weights, weights.count != count {
            throw KerasError(.valueError, "`sample_weight` holds \(weights.count) values for \(count) samples")
        }
        var gradient = [Float](repeating: 0, count: output.count)
        var sum = 0.0
        output.scalars.withUnsafeBufferPointer { p in
            target.scalars.withUnsafeBufferPointer { y in
                gradient.withUnsafeMutableBufferPointer { g in
                    guard let p = p.baseAddress, let y = y.baseAddress, let g = g.baseAddress else { return }
                    if let weights {
                        sum = weights.withUnsafeBufferPointer { w in
                            SampleWeights.weightedLoss(self, rowsPerSample: rowsPerSample, width: width, targetWidth: targetWidth,
                                                       output: p, target: y, weights: w.baseAddress!, count: count, gradient: g)
                        }
                    } else {
                        // As `fit` scores a batch: the sum over rows, a sum over samples once divided
                        // by the rows each sample has.
                        sum = evaluate(output: p, target: y, rows: rows, width: width, gradient: g)
                        if rowsPerSample > 1 { sum /= Double(rowsPerSample) }
                    }
                }
            }
        }
        return (sum, Tensor(shape: output.shape, scalars: gradient))
    }
}
