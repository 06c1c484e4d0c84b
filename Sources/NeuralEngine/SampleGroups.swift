/// How a convolution cuts a batch for its matrix products: into `partCount` parts of
/// consecutive samples, run concurrently on our own threads (each product on one OpenBLAS
/// thread), and each part into groups of `groupSize` samples, one product per group and
/// direction. A group's patch matrix is small enough to stay in the core's cache between the
/// copy that makes it (im2col), the product that reads it and, backward, the copy back
/// (col2im); a whole batch's (17.8 MB for keras.io's MNIST convnet's second layer) went
/// through memory three times.
///
/// The cut depends only on the batch size and the layer's shape, never on the number of
/// cores: each part sums its own kernel and bias gradients and the parts are added in order,
/// so the same batch gives the same bits on any machine (with the same BLAS kernel).
///
/// ```swift
/// let groups = SampleGroups(batchSize: 10, groupSize: 2)
/// groups.parts                // [0..<2, 2..<5, 5..<7, 7..<10]
/// Array(groups.groups(ofPart: 1))   // [2..<4, 4..<5]
/// ```
struct SampleGroups: Equatable {
    /// Parts per batch (fewer when the batch is smaller): enough for the cores of most
    /// machines this runs on (1, 2 or 4 take an equal share each).
    static let partCount = 4

    let groupSize: Int
    let parts: [Range<Int>]

    init(batchSize: Int, groupSize: Int) {
        self.groupSize = max(1, groupSize)
        let count = min(Self.partCount, batchSize)
        parts = (0..<count).map { (batchSize * $0 / count)..<(batchSize * ($0 + 1) / count) }
    }

    /// The groups of part `index`, in order; the last may be smaller. (Lazy: nothing is
    /// allocated per batch.)
    func groups(ofPart index: Int) -> LazyMapSequence<StrideTo<Int>, Range<Int>> {
        let part = parts[index], size = groupSize
        return stride(from: part.lowerBound, to: part.upperBound, by: size).lazy.map { $0..<min($0 + size, part.upperBound) }
    }

    /// Samples per group for a layer whose samples each need `bytesPerSample` of patch matrix
    /// and product: as many as fit in `budget` bytes (about half a core's L2 cache), at least one.
    static func groupSize(bytesPerSample: Int, budget: Int = cacheBudget) -> Int {
        max(1, budget / max(bytesPerSample, 1))
    }

    /// Bytes of patches and products per group (measured on a 1 MB-L2 core; see docs/engine.md).
    static let cacheBudget = 384 * 1024
}
