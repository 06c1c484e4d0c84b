import CellLanguage

/// `sum`, `mean`, `std`, `max`, `min`, `argmax`, `argmin` over all elements or one axis,
/// with NumPy's summation order so float results match to the last bit: pairwise
/// summation (blocks of 8, halves above 128) along the contiguous axis, plain
/// accumulation along the others.
enum Reductions {
    enum Kind: String {
        case sum, mean, std, `var`, max, min, argmax, argmin
    }

    /// The reduced axis (nil: all) of an array of rank `ndim`, or NumPy's AxisError.
    static func normalizeAxis(_ axis: Value, ndim: Int) throws -> Int? {
        if axis.isNone { return nil }
        guard let a = axis.asInt else {
            throw PyException(.typeError, "'\(axis.typeName)' object cannot be interpreted as an integer")
        }
        guard a >= -ndim && a < max(ndim, 1) && !(ndim == 0 && a != 0 && a != -1) else {
            throw PyException(.axisError, "axis \(a) is out of bounds for array of dimension \(ndim)")
        }
        return a < 0 ? a + ndim : a
    }

    /// `x.kind(axis=, keepdims=)`; a 0-d result is returned as a 0-d array (the caller
    /// makes it a NumPy scalar).
    static func reduce(_ kind: Kind, _ a: NDArray, axis: Int?, keepdims: Bool, ddof: Int = 0) throws -> NDArray {
        let (outer, n, inner) = layout(a.shape, axis)
        var shape: [Int]
        if let axis {
            shape = a.shape
            if keepdims { shape[axis] = 1 } else { shape.remove(at: axis) }
        } else {
            shape = keepdims ? Array(repeating: 1, count: a.ndim) : []
        }
        if n == 0 && [.max, .min, .argmax, .argmin].contains(kind) && outer * inner > 0 || (a.size == 0 && axis == nil && [.max, .min, .argmax, .argmin].contains(kind)) {
            let name: String
            switch kind {
            case .max: name = "zero-size array to reduction operation maximum which has no identity"
            case .min: name = "zero-size array to reduction operation minimum which has no identity"
            case .argmax: name = "attempt to get argmax of an empty sequence"
            default: name = "attempt to get argmin of an empty sequence"
            }
            throw PyException(.valueError, name)
        }
        switch kind {
        case .sum:
            return NDArray(shape: shape, storage: sum(a.storage.converted(to: a.dtype.sumType), outer, n, inner))
        case .mean:
            let type: DType = a.dtype.isFloat ? a.dtype : .float64
            // Integer sums are exact in float64 (below 2**53) whatever the order, so NumPy's
            // float64 pairwise sum of the converted elements equals the integer sum converted.
            let total = a.dtype.isFloat || a.dtype == .int64 || a.dtype == .uint64
                ? sum(a.storage.converted(to: type), outer, n, inner)
                : sum(a.storage, outer, n, inner).converted(to: .float64)
            return try divide(NDArray(shape: shape, storage: total), by: n)
        case .std, .var:
            let type: DType = a.dtype.isFloat ? a.dtype : .float64
            let x = a.astype(type)
            var meanShape = a.shape
            if let axis { meanShape[axis] = 1 } else { meanShape = Array(repeating: 1, count: a.ndim) }
            let mean = try divide(NDArray(shape: meanShape, storage: sum(x.storage, outer, n, inner)), by: n)
            let deviation = try Arithmetic.binary(.subtract, x, mean)
            let squared = try Arithmetic.binary(.multiply, deviation, deviation)
            let variance = try divide(NDArray(shape: shape, storage: sum(squared.storage, outer, n, inner)), by: max(n - ddof, 0))
            return kind == .var ? variance : try MathFunctions.apply(.sqrt, variance)
        case .max, .min, .argmax, .argmin:
            return NDArray(shape: shape, storage: extremum(kind, a.storage, outer, n, inner))
        }
    }

    /// `(outer, n, inner)`: the array seen as outer x n x inner with the reduced axis in the middle.
    static func layout(_ shape: [Int], _ axis: Int?) -> (Int, Int, Int) {
        guard let axis else { return (1, shape.reduce(1, *), 1) }
        let outer = shape[..<axis].reduce(1, *)
        let inner = shape[(axis + 1)...].reduce(1, *)
        return (outer, shape[axis], inner)
    }

    private static func divide(_ total: NDArray, by n: Int) throws -> NDArray {
        let count = NDArray(shape: [], storage: ArrayStorage.float64([Double(n)]).converted(to: total.dtype))
        return try Arithmetic.binary(.trueDivide, total, count)
    }

    private static func sum(_ s: ArrayStorage, _ outer: Int, _ n: Int, _ inner: Int) -> ArrayStorage {
        switch s {
        case .float32(let v): return .float32(reduceFloat(v, outer, n, inner))
        case .float64(let v): return .float64(reduceFloat(v, outer, n, inner))
        case .int64(let v): return .int64(reduceLines(v, outer, n, inner) { p, base, stride, count in
            var total: Int64 = 0
            for k in 0..<count { total &+= p[base + k * stride] }
            return total
        })
        case .uint64(let v): return .uint64(reduceLines(v, outer, n, inner) { p, base, stride, count in
            var total: UInt64 = 0
            for k in 0..<count { total &+= p[base + k * stride] }
            return total
        })
        // Narrow integers and bools accumulate directly, without a widened copy of the array.
        case .bool(let v): return .int64(integerSum(v, outer, n, inner) { $0 ? 1 : 0 })
        case .uint8(let v): return .uint64(integerSum(v, outer, n, inner) { UInt64($0) })
        case .int32(let v): return .int64(integerSum(v, outer, n, inner) { Int64($0) })
        }
    }

    private static func integerSum<T, R: FixedWidthInteger>(_ v: [T], _ outer: Int, _ n: Int, _ inner: Int,
                                                            _ widen: (T) -> R) -> [R] {
        reduceLines(v, outer, n, inner) { p, base, stride, count in
            var total: R = 0
            for k in 0..<count { total &+= widen(p[base + k * stride]) }
            return total
        }
    }

    private static func reduceFloat<T: NumPyFloat>(_ v: [T], _ outer: Int, _ n: Int, _ inner: Int) -> [T] {
        reduceLines(v, outer, n, inner) { p, base, stride, count in
            if stride == 1 { return 0 + pairwise(p, base, count) }
            var total: T = 0
            for k in 0..<count { total += p[base + k * stride] }
            return total
        }
    }

    /// NumPy's `pairwise_sum`: exact same association, so float32 sums agree bit for bit.
    static func pairwise<T: NumPyFloat>(_ p: UnsafeBufferPointer<T>, _ start: Int, _ n: Int) -> T {
        if n < 8 {
            var res: T = 0
            for i in 0..<n { res += p[start + i] }
            return res
        } else if n <= 128 {
            var r = (0..<8).map { p[start + $0] }
            var i = 8
            while i < n - n % 8 {
                for j in 0..<8 { r[j] += p[start + i + j] }
                i += 8
            }
            var res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
            while i < n { res += p[start + i]; i += 1 }
            return res
        }
        var n2 = n / 2
        n2 -= n2 % 8
        return pairwise(p, start, n2) + pairwise(p, start + n2, n - n2)
    }

    /// Applies `body(elements, base, stride, count)` to each line along the reduced axis.
    private static func reduceLines<T, R>(_ v: [T], _ outer: Int, _ n: Int, _ inner: Int,
                                          _ body: (UnsafeBufferPointer<T>, Int, Int, Int) -> R) -> [R] {
        v.withUnsafeBufferPointer { p in
            var result: [R] = []
            result.reserveCapacity(outer * inner)
            for o in 0..<outer {
                for i in 0..<inner { result.append(body(p, o * n * inner + i, inner, n)) }
            }
            return result
        }
    }

    private static func extremum(_ kind: Kind, _ s: ArrayStorage, _ outer: Int, _ n: Int, _ inner: Int) -> ArrayStorage {
        switch s {
        case .bool(let v): return pick(kind, v.map { $0 ? UInt8(1) : 0 }, outer, n, inner, wrap: { .bool($0.map { $0 != 0 }) })
        case .uint8(let v): return pick(kind, v, outer, n, inner, wrap: { .uint8($0) })
        case .int32(let v): return pick(kind, v, outer, n, inner, wrap: { .int32($0) })
        case .int64(let v): return pick(kind, v, outer, n, inner, wrap: { .int64($0) })
        case .uint64(let v): return pick(kind, v, outer, n, inner, wrap: { .uint64($0) })
        case .float32(let v): return pick(kind, v, outer, n, inner, wrap: { .float32($0) })
        case .float64(let v): return pick(kind, v, outer, n, inner, wrap: { .float64($0) })
        }
    }

    /// Max/min (NaN wins, as NumPy propagates it) or the index of the first such element.
    private static func pick<T: Comparable>(_ kind: Kind, _ v: [T], _ outer: Int, _ n: Int, _ inner: Int,
                                            wrap: ([T]) -> ArrayStorage) -> ArrayStorage {
        let wantMax = kind == .max || kind == .argmax
        let positions = reduceLines(v, outer, n, inner) { p, base, stride, count -> Int in
            var best = 0
            var bestValue = p[base]
            if bestValue != bestValue { return 0 }
            for k in 1..<max(count, 1) {
                let x = p[base + k * stride]
                if x != x { return k }
                if wantMax ? x > bestValue : x < bestValue { best = k; bestValue = x }
            }
            return best
        }
        if kind == .argmax || kind == .argmin { return .int64(positions.map(Int64.init)) }
        var values: [T] = []
        values.reserveCapacity(positions.count)
        var line = 0
        for o in 0..<outer {
            for i in 0..<inner {
                values.append(v[o * n * inner + i + positions[line] * inner])
                line += 1
            }
        }
        return wrap(values)
    }
}
