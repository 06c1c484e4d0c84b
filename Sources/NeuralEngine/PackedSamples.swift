/// A source made of several arrays side by side (a model's targets for several outputs).
public protocol PackedSource: SampleSource {
    /// The arrays, in order.
    var parts: [any SampleSource] { get }
}

/// Several arrays of the same samples read as one: sample `i` is the row of each part, side by
/// side, in order. This is how the data of a model with several inputs reaches the graph (which
/// unpacks it again), and how the targets of several outputs reach their losses, without
/// copying the arrays: each batch reads the rows it needs from every part.
///
/// ```swift
/// let targets = try PackedSamples([priority, department])   // (n, 1) and (n, 4)
/// targets.shape                                             // [n, 5]
/// ```
public final class PackedSamples: PackedSource {
    /// The arrays, in order.
    public let parts: [any SampleSource]
    public let shape: [Int]
    private let sizes: [Int]
    private var scratch: [Float] = []

    /// Throws Keras' message when the parts hold different numbers of samples.
    public init(_ parts: [any SampleSource], what: String = "x") throws {
        self.parts = parts
        sizes = parts.map(\.sampleSize)
        let n = parts.first?.sampleCount ?? 0
        guard parts.allSatisfy({ $0.sampleCount == n }) else {
            throw KerasError(.valueError, "All \(what == "x" ? "input" : "target") arrays (\(what)) should have the same "
                             + "number of samples. Got array shapes: [\(parts.map { pythonTuple($0.shape) }.joined(separator: ", "))]")
        }
        shape = [n, sizes.reduce(0, +)]
    }

    public func copyRows(_ rows: UnsafeBufferPointer<Int>, to destination: UnsafeMutablePointer<Float>) {
        let width = shape[1]
        var offset = 0
        for (part, size) in zip(parts, sizes) {
            if scratch.count < rows.count * size { scratch = [Float](repeating: 0, count: rows.count * size) }
            scratch.withUnsafeMutableBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                part.copyRows(rows, to: base)
                for i in 0..<rows.count {
                    (destination + i * width + offset).update(from: base + i * size, count: size)
                }
            }
            offset += size
        }
    }

    public func prefetchRows(_ rows: UnsafeBufferPointer<Int>) {
        for part in parts { part.prefetchRows(rows) }
    }
}
