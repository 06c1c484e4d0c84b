/// The gradient of a loss computed outside training, for `tf.GradientTape`: a cell that
/// calls `keras.losses.sparse_categorical_crossentropy(y, p)` under a tape differentiates
/// through the very arithmetic `fit` differentiates (clipping included, see `Loss`).
extension Loss {
    /// d(row loss)/d(output) for every row of `output` (`rows x width`), shaped like
    /// `output`; `target` as for `rowValues`, which checks both first.
    ///
    ///     let rows = try loss.rowGradients(output: p, target: y)   // one gradient row per sample
    public func rowGradients(output: Tensor, target: Tensor) throws -> Tensor {
        _ = try rowValues(output: output, target: target)
        guard let width = output.shape.last, width > 0 else { return Tensor(shape: output.shape) }
        let rows = output.count / width
        let targetWidth = kind == .sparseCategoricalCrossentropy ? 1 : width
        var gradient = [Float](repeating: 0, count: output.count)
        output.scalars.withUnsafeBufferPointer { p in
            target.scalars.withUnsafeBufferPointer { y in
                gradient.withUnsafeMutableBufferPointer { g in
                    guard let p = p.baseAddress, let y = y.baseAddress, let g = g.baseAddress else { return }
                    for r in 0..<rows {
                        // One row at a time: `evaluate` scales by 1/rows, here 1.
                        _ = evaluate(output: p + r * width, target: y + r * targetWidth, rows: 1, width: width,
                                     gradient: g + r * width)
                    }
                }
            }
        }
        return Tensor(shape: output.shape, scalars: gradient)
    }
}
