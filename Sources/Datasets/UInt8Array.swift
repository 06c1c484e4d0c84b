/// An n-dimensional array of bytes in row-major (C) order: what Keras' dataset loaders
/// return as `numpy.uint8` arrays. Kept independent of the engine's tensor type so the
/// loaders can be used (and tested) on their own; converting is one pass over `bytes`.
///
/// ```swift
/// let ((xTrain, yTrain), _) = try Dataset.load(.mnist)
/// print(xTrain.shape, yTrain[0 ..< 3])   // [60000, 28, 28] [5, 0, 4]
/// ```
public struct UInt8Array: Sendable, Equatable {
    /// The extent of each dimension, outermost first: `[60000, 28, 28]`.
    public let shape: [Int]
    /// The elements, last dimension fastest; `bytes.count == shape.reduce(1, *)`.
    public let bytes: [UInt8]

    /// Wraps `bytes` as an array of `shape`; returns nil when the sizes disagree.
    public init?(shape: [Int], bytes: [UInt8]) {
        guard UInt8Array.elementCount(shape) == bytes.count else { return nil }
        self.shape = shape
        self.bytes = bytes
    }

    /// The number of samples (the first dimension), 1 for a scalar.
    public var count: Int { shape.first ?? 1 }

    /// The bytes of one sample (`x[i]` in numpy): 784 pixels for an MNIST image, one label.
    public subscript(sample index: Int) -> [UInt8] {
        let stride = shape.dropFirst().reduce(1, *)
        return Array(bytes[index * stride ..< (index + 1) * stride])
    }

    /// The first `n` samples (`x[:n]` in numpy).
    public func prefix(_ n: Int) -> UInt8Array {
        let n = min(max(n, 0), count)
        let stride = shape.dropFirst().reduce(1, *)
        return UInt8Array(unchecked: [n] + shape.dropFirst(), Array(bytes[0 ..< n * stride]))
    }

    /// The product of `shape`, or nil when an extent is negative or the product overflows.
    static func elementCount(_ shape: [Int]) -> Int? {
        var total = 1
        for extent in shape {
            guard extent >= 0 else { return nil }
            let (product, overflow) = total.multipliedReportingOverflow(by: extent)
            guard !overflow else { return nil }
            total = product
        }
        return total
    }

    init(unchecked shape: [Int], _ bytes: [UInt8]) {
        self.shape = shape
        self.bytes = bytes
    }
}
