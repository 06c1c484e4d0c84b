import CellLanguage

/// One component of an index key: `x[2]`, `x[1:3]`, `x[None]`, `x[[0, 2]]`, `x[mask]`,
/// or one element of a tuple of those (`x[:, 0]`).
enum IndexItem {
    case integer(Int)
    case slice(PySlice)
    case newAxis
    case indices(NDArray)
    case mask(NDArray)

    /// The components of `key` (a tuple gives several) for an array of `ndim` axes; an
    /// ellipsis (`x[..., 0]`) stands for as many full slices as the other items leave axes.
    static func parse(_ key: Value, ndim: Int) throws -> [IndexItem] {
        let parts: [Value]
        if case .tuple(let p) = key { parts = p } else { parts = [key] }
        guard let at = parts.firstIndex(where: \.isEllipsis) else { return try parts.map(item) }
        guard parts.filter(\.isEllipsis).count == 1 else {
            throw PyException(.indexError, "an index can only have a single ellipsis ('...')")
        }
        var items = try parts[..<at].map(item)
        let after = try parts[(at + 1)...].map(item)
        let consumed = (items + after).reduce(0) { $0 + $1.axesConsumed }
        items += Array(repeating: .slice(PySlice()), count: max(0, ndim - consumed))
        return items + after
    }

    /// Whether `key` holds an ellipsis: then an index that picks one element gives a 0-d
    /// array (a view), not a scalar, as NumPy does (`x[0, ...]`).
    static func hasEllipsis(_ key: Value) -> Bool {
        if case .tuple(let parts) = key { return parts.contains(where: \.isEllipsis) }
        return key.isEllipsis
    }

    /// How many of the array's axes this item indexes (a mask indexes as many as it has).
    private var axesConsumed: Int {
        switch self {
        case .integer, .slice, .indices: return 1
        case .newAxis: return 0
        case .mask(let m): return m.ndim
        }
    }

    private static func item(_ key: Value) throws -> IndexItem {
        switch key {
        case .int(let i): return .integer(i)
        case .bool(let b): return .mask(NDArray(shape: [], storage: .bool([b])))
        case .slice(let s): return .slice(s)
        case .none: return .newAxis
        case .list, .tuple:
            let a = try ArrayConversion.array(from: key, dtype: nil)
            return try arrayItem(a.size == 0 ? a.astype(.int64) : a)
        case .host(let h):
            if let a = h as? NDArray { return try arrayItem(a) }
            if let s = h as? NumPyScalar {
                if s.array.dtype.isInteger { return .integer(Int(s.array.storage.integer(at: 0) ?? 0)) }
                if s.array.dtype == .bool { return .mask(s.array) }
            }
        default: break
        }
        throw invalidIndex
    }

    private static func arrayItem(_ a: NDArray) throws -> IndexItem {
        if a.dtype == .bool { return .mask(a) }
        if a.dtype.isInteger { return .indices(a) }
        throw PyException(.indexError, "arrays used as indices must be of integer (or boolean) type")
    }

    static let invalidIndex = PyException(
        .indexError, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
}

/// NumPy's basic indexing (integers, slices, `None` only): the selected elements as a
/// layout over the same buffer, which is what makes `x[0]`, `x[:, 2]` and `x[::-1]` views.
struct BasicIndex {
    /// The view's layout.
    var layout: ArrayLayout
    /// Every axis got an integer: the result is one element (a NumPy scalar, not a view).
    var isScalar: Bool

    /// Nil when `items` holds an index array or a mask (fancy indexing copies).
    init?(_ items: [IndexItem], in source: ArrayLayout) throws {
        var consumed = 0
        for item in items {
            switch item {
            case .indices, .mask: return nil
            case .newAxis: break
            case .integer, .slice: consumed += 1
            }
        }
        let ndim = source.shape.count
        if consumed > ndim {
            throw PyException(.indexError, "too many indices for array: array is \(ndim)-dimensional, but \(consumed) were indexed")
        }
        var shape: [Int] = [], strides: [Int] = []
        var offset = source.offset
        var axis = 0
        var sawSliceOrNewAxis = false
        for item in items {
            switch item {
            case .integer(let i):
                let n = source.shape[axis]
                let j = i < 0 ? i + n : i
                guard j >= 0 && j < n else {
                    throw PyException(.indexError, "index \(i) is out of bounds for axis \(axis) with size \(n)")
                }
                offset += j * source.strides[axis]
                axis += 1
            case .slice(let s):
                let n = source.shape[axis]
                let (start, _, step) = try s.indices(length: n)
                let count = Selection.count(s, n)
                if count > 0 { offset += start * source.strides[axis] }
                shape.append(count)
                strides.append(source.strides[axis] * step)
                axis += 1
                sawSliceOrNewAxis = true
            case .newAxis:
                shape.append(1)
                strides.append(0)
                sawSliceOrNewAxis = true
            case .indices, .mask:
                return nil
            }
        }
        shape += source.shape[axis...]
        strides += source.strides[axis...]
        self.layout = ArrayLayout(shape: shape, strides: strides, offset: offset)
        self.isScalar = consumed == ndim && !sawSliceOrNewAxis
    }
}
