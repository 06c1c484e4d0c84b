import CellLanguage
import NeuralEngine

/// A NumPy `ndarray`: a dtype, and a shape laid out over a shared `ArrayBuffer`.
///
/// As in NumPy, basic indexing (`x[0]`, `x[1:3]`, `x[:, 2]`, `x[::-1]`), `reshape`,
/// `ravel` (of a contiguous array), `squeeze`, `.T` and `transpose` return views: arrays
/// over the same buffer, so `row = x[0]; row[1] = 5` changes `x`. Fancy indexing (index
/// arrays, masks), `flatten`, `astype` and `copy` return new buffers.
///
///     let x = NDArray(shape: [2, 3], storage: .uint8([0, 1, 2, 3, 4, 5]))
///     x.repr   // "array([[0, 1, 2],\n       [3, 4, 5]], dtype=uint8)"
public final class NDArray: @unchecked Sendable {
    /// The elements this array shares with its views.
    let buffer: ArrayBuffer
    /// Where the array's elements are in `buffer`.
    private(set) var layout: ArrayLayout

    /// An array of the given shape and elements (row-major); the caller guarantees that
    /// the counts agree.
    public init(shape: [Int], storage: ArrayStorage) {
        precondition(shape.reduce(1, *) == storage.count, "NDArray: \(storage.count) elements for shape \(shape)")
        // Results of arithmetic are made before anyone could ask: counted afterwards.
        MemoryLimit.note(count: storage.count, stride: storage.dtype.itemSize)
        self.buffer = ArrayBuffer(storage)
        self.layout = .rowMajor(shape)
    }

    /// A view: `layout` over `buffer` (the caller guarantees it stays inside the buffer).
    init(buffer: ArrayBuffer, layout: ArrayLayout) {
        self.buffer = buffer
        self.layout = layout
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

    /// The extent of each axis; `[]` for a 0-d array.
    public var shape: [Int] { layout.shape }
    /// Steps between neighbours along each axis, in elements of the buffer.
    var strides: [Int] { layout.strides }
    public var dtype: DType { buffer.dtype }
    /// Number of elements.
    public var size: Int { layout.elementCount }
    /// Number of axes.
    public var ndim: Int { layout.shape.count }
    /// Bumped by every write to the elements (through this array or any view of its
    /// buffer), so a cache snapshot hashes and stores an unchanged array once.
    public var version: Int { buffer.version }

    /// Whether the array is its whole buffer in row-major order (a fresh array, or a
    /// reshape of one): its elements are then shared rather than gathered.
    var isWholeBuffer: Bool {
        layout.offset == 0 && size == buffer.count && layout.isContiguous
    }

    /// The elements, row-major: the buffer itself for a whole-buffer array (copy-on-write),
    /// a gathered copy for other views.
    public var storage: ArrayStorage {
        if isWholeBuffer { return buffer.elements }
        if layout.isContiguous { return buffer.elements.sliced(layout.offset..<(layout.offset + size)) }
        return buffer.elements.transformed(RunGather(runs: layout))
    }

    /// The elements as a float32 `Tensor` (shared, not copied, when the array is a whole
    /// float32 buffer).
    public func tensor() -> Tensor {
        Tensor(shape: shape, scalars: storage.asFloat32())
    }

    /// Another view of this array's buffer.
    func view(_ layout: ArrayLayout) -> NDArray {
        NDArray(buffer: buffer, layout: layout)
    }

    /// The same elements with another shape of equal size (the caller checks the size):
    /// a view when the strides allow it, as NumPy's `reshape`, otherwise a copy.
    func reshaped(_ newShape: [Int]) -> NDArray {
        if let viewLayout = layout.reshaped(to: newShape) { return view(viewLayout) }
        return NDArray(shape: newShape, storage: storage)
    }

    /// A new array with these elements in a buffer of its own (`x.copy()`).
    func copy() -> NDArray {
        NDArray(shape: shape, storage: storage)
    }

    /// The elements cast to `dtype`, always in a new buffer (NumPy's `astype(copy=True)`).
    public func astype(_ dtype: DType) -> NDArray {
        NDArray(shape: shape, storage: storage.converted(to: dtype))
    }

    /// Row-major strides in elements.
    static func strides(for shape: [Int]) -> [Int] {
        ArrayLayout.rowMajorStrides(shape)
    }

    /// `x.shape = ...`: a new shape of equal size, possible only without a copy.
    func setShape(_ newShape: [Int]) throws {
        guard let newLayout = layout.reshaped(to: newShape) else {
            throw PyException(.attributeError, "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.")
        }
        layout = newLayout
    }

    /// Writes `newStorage` (row-major, same count and dtype) into this array's elements,
    /// and so into every view sharing them: in-place sort, shuffle.
    func replaceStorage(_ newStorage: ArrayStorage) {
        precondition(newStorage.count == size)
        if isWholeBuffer { buffer.replace(newStorage) } else { buffer.scatter(newStorage, at: layout) }
    }
}
