import NeuralEngine

/// A NumPy `ndarray`: a shape, a dtype and contiguous row-major typed elements.
///
/// Reshapes share the elements (copy-on-write), so `x.reshape(60000, 784)` costs nothing;
/// indexing returns new arrays (NumPy returns views: writing through a slice of an array
/// does not change the array here).
///
///     let x = NDArray(shape: [2, 3], storage: .uint8([0, 1, 2, 3, 4, 5]))
///     x.repr   // "array([[0, 1, 2],\n       [3, 4, 5]], dtype=uint8)"
public final class NDArray: @unchecked Sendable {
    /// The extent of each axis; `[]` for a 0-d array.
    public internal(set) var shape: [Int]
    /// The elements, row-major; `storage.count == shape.product`.
    public internal(set) var storage: ArrayStorage {
        didSet { version &+= 1 }
    }
    /// Bumped by every change of the elements (item assignment, `sort()`, `np.random.shuffle`,
    /// any in-place write), so a cache snapshot hashes and stores an unchanged array once.
    public private(set) var version = 0

    /// An array of the given shape and elements; the caller guarantees that the counts agree.
    public init(shape: [Int], storage: ArrayStorage) {
        precondition(shape.reduce(1, *) == storage.count, "NDArray: \(storage.count) elements for shape \(shape)")
        self.shape = shape
        self.storage = storage
    }

    /// A 1-d array of `storage`.
    public convenience init(_ storage: ArrayStorage) {
        self.init(shape: [storage.count], storage: storage)
    }

    /// A float32 array sharing the tensor's scalars.
    public convenience init(_ tensor: Tensor) {
        self.init(shape: tensor.shape, storage: .float32(tensor.scalars))
    }

    /// A uint8 array sharing the byte tensor's bytes (what `mnist.load_data()` returns).
    public convenience init(_ bytes: ByteTensor) {
        self.init(shape: bytes.shape, storage: .uint8(bytes.bytes))
    }

    public var dtype: DType { storage.dtype }
    /// Number of elements.
    public var size: Int { storage.count }
    /// Number of axes.
    public var ndim: Int { shape.count }

    /// The elements as a float32 `Tensor` (shared, not copied, when the array is float32).
    public func tensor() -> Tensor {
        Tensor(shape: shape, scalars: storage.asFloat32())
    }

    /// The same elements with another shape of equal size (the caller checks the size).
    func reshaped(_ newShape: [Int]) -> NDArray {
        NDArray(shape: newShape, storage: storage)
    }

    /// The elements cast to `dtype` (shares storage if the dtype is unchanged).
    public func astype(_ dtype: DType) -> NDArray {
        NDArray(shape: shape, storage: storage.converted(to: dtype))
    }

    /// Row-major strides in elements.
    var strides: [Int] { NDArray.strides(for: shape) }

    static func strides(for shape: [Int]) -> [Int] {
        var strides = Array(repeating: 1, count: shape.count)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = step
            step *= shape[axis]
        }
        return strides
    }

    /// Replaces the elements (same count) — used by item assignment.
    func replaceStorage(_ newStorage: ArrayStorage) {
        precondition(newStorage.count == storage.count)
        storage = newStorage
    }
}

extension NDArray: SampleSource {
    /// Copies whole samples (rows of the first axis) as float32, converting per row so a
    /// uint8 image set is never converted as a whole.
    public func copyRows(_ rows: UnsafeBufferPointer<Int>, to destination: UnsafeMutablePointer<Float>) {
        let width = shape.dropFirst().reduce(1, *)
        func copy<T>(_ elements: [T], _ convert: (T) -> Float) {
            elements.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                for (i, row) in rows.enumerated() {
                    let from = base + row * width
                    let to = destination + i * width
                    for j in 0..<width { to[j] = convert(from[j]) }
                }
            }
        }
        switch storage {
        case .float32(let a):
            a.withUnsafeBufferPointer { source in
                guard let base = source.baseAddress else { return }
                for (i, row) in rows.enumerated() {
                    (destination + i * width).update(from: base + row * width, count: width)
                }
            }
        case .bool(let a): copy(a) { $0 ? 1 : 0 }
        case .uint8(let a): copy(a) { Float($0) }
        case .int32(let a): copy(a) { Float($0) }
        case .int64(let a): copy(a) { Float($0) }
        case .uint64(let a): copy(a) { Float($0) }
        case .float64(let a): copy(a) { Float($0) }
        }
    }
}
