import Foundation

/// A dense float32 array: a shape and its scalars in row-major order.
///
/// `Tensor` is a value: copies share storage until one of them is written (Swift's
/// copy-on-write arrays), so passing weights around costs nothing.
///
/// ```swift
/// let t = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
/// t[1, 2]   // 6.0
/// ```
public struct Tensor: Equatable, Sendable {
    /// The extent of each axis; `[]` is a scalar.
    public private(set) var shape: [Int]
    /// The elements in row-major order; `scalars.count == shape.product`.
    public var scalars: [Float]

    /// A tensor of the given shape and elements. The caller guarantees that the counts agree.
    public init(shape: [Int], scalars: [Float]) {
        precondition(shape.reduce(1, *) == scalars.count, "Tensor: \(scalars.count) scalars for shape \(shape)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of the given shape filled with `value`.
    public init(shape: [Int], repeating value: Float = 0) {
        self.shape = shape
        self.scalars = [Float](repeating: value, count: shape.reduce(1, *))
    }

    /// Number of elements.
    public var count: Int { scalars.count }
    /// Number of axes.
    public var rank: Int { shape.count }

    /// The element at a full multi-index.
    public subscript(indices: Int...) -> Float {
        get { scalars[offset(indices)] }
        set { scalars[offset(indices)] = newValue }
    }

    private func offset(_ indices: [Int]) -> Int {
        precondition(indices.count == shape.count, "Tensor: \(indices.count) indices for rank \(shape.count)")
        var offset = 0
        for (index, extent) in zip(indices, shape) { offset = offset * extent + index }
        return offset
    }

    /// The same scalars seen with another shape of equal element count, or `nil`.
    public func reshaped(_ newShape: [Int]) -> Tensor? {
        guard newShape.reduce(1, *) == count else { return nil }
        var copy = self
        copy.shape = newShape
        return copy
    }
}

/// A dense uint8 array (images as `mnist.load_data()` returns them).
public struct ByteTensor: Equatable, Sendable {
    /// The extent of each axis.
    public private(set) var shape: [Int]
    /// The elements in row-major order.
    public var bytes: [UInt8]

    /// A byte tensor of the given shape and elements.
    public init(shape: [Int], bytes: [UInt8]) {
        precondition(shape.reduce(1, *) == bytes.count, "ByteTensor: \(bytes.count) bytes for shape \(shape)")
        self.shape = shape
        self.bytes = bytes
    }

    /// Number of elements.
    public var count: Int { bytes.count }

    /// The same bytes seen with another shape of equal element count, or `nil`.
    public func reshaped(_ newShape: [Int]) -> ByteTensor? {
        guard newShape.reduce(1, *) == count else { return nil }
        var copy = self
        copy.shape = newShape
        return copy
    }

    /// The elements converted to float32 (0...255), as Keras feeds uint8 arrays.
    public func floats() -> Tensor {
        var scalars = [Float](repeating: 0, count: bytes.count)
        bytes.withUnsafeBufferPointer { src in
            scalars.withUnsafeMutableBufferPointer { dst in
                for i in 0..<src.count { dst[i] = Float(src[i]) }
            }
        }
        return Tensor(shape: shape, scalars: scalars)
    }
}

/// Anything `fit`, `evaluate` and `predict` can read samples from: an array whose first axis
/// is the sample axis. The engine copies the rows it needs into float32 batch buffers, so
/// uint8 images are never converted as a whole (Keras converts per batch, too).
public protocol SampleSource {
    /// The array's shape; `shape[0]` is the number of samples.
    var shape: [Int] { get }
    /// Copies sample `rows[i]` (all of its `shape[1...]` elements, row-major, as float32)
    /// to `destination + i * sampleSize`.
    func copyRows(_ rows: UnsafeBufferPointer<Int>, to destination: UnsafeMutablePointer<Float>)
    /// Starts loading sample `rows[i]` into the cache, without waiting: `fit` asks for the
    /// next batch's rows, scattered over the data set, while the current batch trains, so the
    /// next `copyRows` does not stall on memory. A hint: doing nothing is correct.
    func prefetchRows(_ rows: UnsafeBufferPointer<Int>)
}

extension SampleSource {
    public func prefetchRows(_ rows: UnsafeBufferPointer<Int>) {}
}

extension SampleSource {
    /// Elements per sample.
    var sampleSize: Int { shape.dropFirst().reduce(1, *) }
    /// Number of samples.
    var sampleCount: Int { shape.first ?? 0 }
}

extension Tensor: SampleSource {
    public func copyRows(_ rows: UnsafeBufferPointer<Int>, to destination: UnsafeMutablePointer<Float>) {
        let width = sampleSize
        scalars.withUnsafeBufferPointer { src in
            guard let base = src.baseAddress else { return }
            for (i, row) in rows.enumerated() {
                (destination + i * width).update(from: base + row * width, count: width)
            }
        }
    }
}

extension ByteTensor: SampleSource {
    public func prefetchRows(_ rows: UnsafeBufferPointer<Int>) {
        let width = sampleSize
        bytes.withUnsafeBufferPointer { src in
            guard let base = src.baseAddress else { return }
            for row in rows { RowCopy.prefetch(base + row * width, bytes: width) }
        }
    }

    public func copyRows(_ rows: UnsafeBufferPointer<Int>, to destination: UnsafeMutablePointer<Float>) {
        let width = sampleSize
        bytes.withUnsafeBufferPointer { src in
            guard let base = src.baseAddress else { return }
            RowCopy.convertRows(rows, from: base, rowStride: width, to: destination, width: width)
        }
    }
}

extension Tensor: Codable {
    private enum CodingKeys: String, CodingKey { case shape, data }

    /// Scalars are encoded as one little-endian byte blob, not as a list of numbers.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(shape, forKey: .shape)
        let data = scalars.withUnsafeBufferPointer { buffer in
            Data(buffer: UnsafeBufferPointer(start: buffer.baseAddress.map { UnsafePointer($0) }, count: buffer.count))
        }
        try container.encode(data, forKey: .data)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let shape = try container.decode([Int].self, forKey: .shape)
        let data = try container.decode(Data.self, forKey: .data)
        let count = shape.reduce(1, *)
        guard shape.allSatisfy({ $0 >= 0 }), data.count == count * MemoryLayout<Float>.size else {
            throw DecodingError.dataCorruptedError(
                forKey: .data, in: container, debugDescription: "tensor data does not match shape \(shape)")
        }
        var scalars = [Float](repeating: 0, count: count)
        scalars.withUnsafeMutableBytes { _ = data.copyBytes(to: $0) }
        self.init(shape: shape, scalars: scalars)
    }
}

extension ByteTensor: Codable {}
