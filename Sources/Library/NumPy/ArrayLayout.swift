/// Where an array's elements lie in its `ArrayBuffer`: NumPy's shape, strides and offset,
/// counted in elements (not bytes). A fresh array is row-major from 0; views made by basic
/// indexing, `reshape`, `.T` or `squeeze` have other offsets and strides (negative for
/// `x[::-1]`, 0 for `np.newaxis`).
///
///     ArrayLayout.rowMajor([2, 3])            // strides [3, 1], offset 0
///     // a[:, 1] of that: shape [2], strides [3], offset 1
struct ArrayLayout: Equatable, ElementRuns {
    var shape: [Int]
    var strides: [Int]
    var offset: Int

    /// Row-major (C order) strides for `shape`.
    static func rowMajorStrides(_ shape: [Int]) -> [Int] {
        var strides = Array(repeating: 1, count: shape.count)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[axis] = step
            step *= shape[axis]
        }
        return strides
    }

    static func rowMajor(_ shape: [Int], offset: Int = 0) -> ArrayLayout {
        ArrayLayout(shape: shape, strides: rowMajorStrides(shape), offset: offset)
    }

    var elementCount: Int { shape.reduce(1, *) }

    /// Whether the elements are one after another in row-major order (NumPy's
    /// C_CONTIGUOUS; axes of extent 1 do not count).
    var isContiguous: Bool {
        var expected = 1
        for (n, s) in zip(shape, strides).reversed() where n != 1 {
            if n == 0 { return true }
            if s != expected { return false }
            expected *= n
        }
        return true
    }

    /// The smallest and largest buffer positions the layout reaches (nil when empty).
    var span: ClosedRange<Int>? {
        if shape.contains(0) { return nil }
        var low = offset, high = offset
        for (n, s) in zip(shape, strides) {
            if s > 0 { high += (n - 1) * s } else { low += (n - 1) * s }
        }
        return low...high
    }

    /// Runs over the elements in row-major order; adjacent axes that are contiguous with
    /// each other merge, so a contiguous array is one run and a column is one strided run.
    func forEachRun(_ body: (Int, Int, Int) -> Void) {
        if shape.contains(0) { return }
        var dims: [(extent: Int, stride: Int)] = []
        for (n, s) in zip(shape, strides) where n != 1 {
            if let last = dims.last, last.stride == s * n {
                dims[dims.count - 1] = (last.extent * n, s)
            } else {
                dims.append((n, s))
            }
        }
        guard let inner = dims.popLast() else {
            body(offset, 1, 1)
            return
        }
        var counter = Array(repeating: 0, count: dims.count)
        var start = offset
        while true {
            body(start, inner.extent, inner.stride)
            var axis = dims.count - 1
            while axis >= 0 {
                counter[axis] += 1
                start += dims[axis].stride
                if counter[axis] < dims[axis].extent { break }
                start -= dims[axis].stride * dims[axis].extent
                counter[axis] = 0
                axis -= 1
            }
            if axis < 0 { return }
        }
    }

    /// The same elements seen with `newShape` (equal size) without copying, or nil when the
    /// strides cannot express it (NumPy's `_attempt_nocopy_reshape`: then `reshape` copies).
    func reshaped(to newShape: [Int]) -> ArrayLayout? {
        if isContiguous || elementCount == 0 { return .rowMajor(newShape, offset: offset) }
        let old = zip(shape, strides).filter { $0.0 != 1 }
        var newStrides = Array(repeating: 0, count: newShape.count)
        var oi = 0, oj = 1, ni = 0, nj = 1
        while ni < newShape.count && oi < old.count {
            var np = newShape[ni], op = old[oi].0
            while np != op {
                if np < op { np *= newShape[nj]; nj += 1 } else { op *= old[oj].0; oj += 1 }
            }
            // The old axes oi..<oj must be contiguous with each other to be regrouped.
            for k in oi..<(oj - 1) where old[k].1 != old[k + 1].0 * old[k + 1].1 { return nil }
            newStrides[nj - 1] = old[oj - 1].1
            var nk = nj - 1
            while nk > ni { newStrides[nk - 1] = newStrides[nk] * newShape[nk]; nk -= 1 }
            ni = nj; nj += 1
            oi = oj; oj += 1
        }
        let last = ni >= 1 ? newStrides[ni - 1] : 1
        for nk in ni..<newShape.count { newStrides[nk] = last }
        return ArrayLayout(shape: newShape, strides: newStrides, offset: offset)
    }

    /// Axes permuted: `order[i]` is the old axis that becomes axis `i`.
    func permuted(_ order: [Int]) -> ArrayLayout {
        ArrayLayout(shape: order.map { shape[$0] }, strides: order.map { strides[$0] }, offset: offset)
    }

    /// Without the axes of extent 1.
    func squeezed() -> ArrayLayout {
        let kept = shape.indices.filter { shape[$0] != 1 }
        return ArrayLayout(shape: kept.map { shape[$0] }, strides: kept.map { strides[$0] }, offset: offset)
    }
}
