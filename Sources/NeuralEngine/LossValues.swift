/// A loss computed outside training: what Keras' loss objects and functions return when
/// called on targets and predictions (`loss_fn(y_train[:1], predictions)`).
extension Loss {
    /// The loss of each row of `output` (`rows x width`, the last axis being the width), in
    /// the row order; `target` holds one class index per row for the sparse cross-entropy,
    /// otherwise as many elements as `output`. Each value is what training sums for that row,
    /// so their mean is `evaluate`'s loss on the same data (without weight penalties).
    ///
    ///     let loss = Loss(.sparseCategoricalCrossentropy, fromLogits: true)
    ///     try loss.rowValues(output: logits, target: labels)   // one value per sample
    public func rowValues(output: Tensor, target: Tensor) throws -> [Double] {
        guard let width = output.shape.last, output.shape.count >= 1, width > 0 else {
            throw KerasError(.valueError, "The predictions must have a last axis of classes or values, got shape \(output.shape)")
        }
        let rows = output.count / width
        let targetWidth = kind == .sparseCategoricalCrossentropy ? 1 : width
        guard target.count == rows * targetWidth else {
            throw KerasError(.valueError, kind == .sparseCategoricalCrossentropy
                ? "Shape mismatch: the labels hold \(target.count) values but the logits have \(rows) rows (shape \(output.shape))"
                : "Shapes \(target.shape) and \(output.shape) are incompatible")
        }
        if kind == .sparseCategoricalCrossentropy {
            for label in target.scalars where !(label >= 0 && label < Float(width) && label == label.rounded()) {
                let text = label == label.rounded() && abs(label) < 1e9 ? String(Int(label)) : String(label)
                throw KerasError(.valueError, "Received a label value of \(text) which is outside the valid range of [0, \(width)).")
            }
        }
        var values = [Double](repeating: 0, count: rows)
        output.scalars.withUnsafeBufferPointer { p in
            target.scalars.withUnsafeBufferPointer { y in
                guard let p = p.baseAddress, let y = y.baseAddress else { return }
                for r in 0..<rows {
                    values[r] = evaluate(output: p + r * width, target: y + r * targetWidth, rows: 1, width: width, gradient: nil)
                }
            }
        }
        return values
    }
}
