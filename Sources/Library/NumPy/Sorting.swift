import CellLanguage

/// `np.sort`, `np.argsort` along an axis (the last by default). The sort is stable, with
/// NaN last as in NumPy; NumPy's default quicksort may order equal elements differently
/// in arrays longer than 16.
enum Sorting {
    static func argsort(_ a: NDArray, axis: Value) throws -> NDArray {
        let (source, axisIndex) = try prepared(a, axis)
        let (outer, n, inner) = Reductions.layout(source.shape, axisIndex)
        let keys = source.storage.asFloat64()
        let exact = source.dtype == .int64 || source.dtype == .uint64
        let ints = exact ? source.storage.asInt64() : []
        var result = [Int64](repeating: 0, count: source.size)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * n * inner + i
                let order = (0..<n).sorted { x, y in
                    let p = base + x * inner, q = base + y * inner
                    if exact { return ints[p] != ints[q] ? ints[p] < ints[q] : x < y }
                    let u = keys[p], v = keys[q]
                    if u.isNaN || v.isNaN { return !u.isNaN && v.isNaN || (u.isNaN && v.isNaN && x < y) }
                    return u != v ? u < v : x < y
                }
                for (k, position) in order.enumerated() { result[base + k * inner] = Int64(position) }
            }
        }
        return NDArray(shape: source.shape, storage: .int64(result))
    }

    static func sort(_ a: NDArray, axis: Value) throws -> NDArray {
        let (source, axisIndex) = try prepared(a, axis)
        let order = try argsort(source, axis: .int(axisIndex))
        let (outer, n, inner) = Reductions.layout(source.shape, axisIndex)
        let positions = order.storage.asInt64()
        var offsets = [Int](repeating: 0, count: source.size)
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * n * inner + i
                for k in 0..<n { offsets[base + k * inner] = base + Int(positions[base + k * inner]) * inner }
            }
        }
        return NDArray(shape: source.shape, storage: source.storage.gathered(offsets))
    }

    /// The array (flattened for `axis=None`) and the normalized axis.
    private static func prepared(_ a: NDArray, _ axis: Value) throws -> (NDArray, Int) {
        if axis.isNone { return (a.reshaped([a.size]), 0) }
        if a.ndim == 0 { throw PyException(.valueError, "Cannot sort a 0-d array") }
        return (a, try Reductions.normalizeAxis(axis, ndim: a.ndim) ?? 0)
    }
}
