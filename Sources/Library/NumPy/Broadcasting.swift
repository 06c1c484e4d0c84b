import CellLanguage

/// NumPy's broadcasting: shapes are aligned on their last axis and axes of extent 1 stretch.
enum Broadcasting {
    /// The broadcast shape of two operands, or NumPy's ValueError.
    static func shape(_ a: [Int], _ b: [Int]) throws -> [Int] {
        if a == b { return a }
        let rank = max(a.count, b.count)
        var result = Array(repeating: 0, count: rank)
        for i in 0..<rank {
            let x = i < rank - a.count ? 1 : a[i - (rank - a.count)]
            let y = i < rank - b.count ? 1 : b[i - (rank - b.count)]
            guard x == y || x == 1 || y == 1 else {
                throw PyException(.valueError, "operands could not be broadcast together with shapes "
                                  + ArrayPrinter.shapeString(a) + " " + ArrayPrinter.shapeString(b) + " ")
            }
            result[i] = x == 1 ? y : x
        }
        return result
    }

    /// Strides (in elements) that read an array of `shape` as if it had `outShape`.
    static func strides(_ shape: [Int], in outShape: [Int]) -> [Int] {
        let own = NDArray.strides(for: shape)
        let offset = outShape.count - shape.count
        return outShape.indices.map { i in
            i < offset || shape[i - offset] == 1 ? 0 : own[i - offset]
        }
    }

    /// `f` applied to the broadcast elements of `a` and `b`.
    @inline(__always)
    static func apply<T, U, R>(_ a: [T], _ aShape: [Int], _ b: [U], _ bShape: [Int], _ outShape: [Int],
                               _ f: (T, U) -> R) -> [R] {
        let count = outShape.reduce(1, *)
        if count == 0 { return [] }
        return a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                [R](unsafeUninitializedCapacity: count) { out, initialized in
                    if aShape == outShape && bShape == outShape {
                        for i in 0..<count { out.initializeElement(at: i, to: f(pa[i], pb[i])) }
                    } else if pb.count == 1 && aShape == outShape {
                        let y = pb[0]
                        for i in 0..<count { out.initializeElement(at: i, to: f(pa[i], y)) }
                    } else if pa.count == 1 && bShape == outShape {
                        let x = pa[0]
                        for i in 0..<count { out.initializeElement(at: i, to: f(x, pb[i])) }
                    } else {
                        general(pa, aShape, pb, bShape, outShape, out, f)
                    }
                    initialized = count
                }
            }
        }
    }

    /// The general case: an odometer over the output's multi-index, the last axis innermost.
    private static func general<T, U, R>(_ pa: UnsafeBufferPointer<T>, _ aShape: [Int], _ pb: UnsafeBufferPointer<U>,
                                         _ bShape: [Int], _ outShape: [Int], _ out: UnsafeMutableBufferPointer<R>,
                                         _ f: (T, U) -> R) {
        let rank = outShape.count
        if rank == 0 {
            out.initializeElement(at: 0, to: f(pa[0], pb[0]))
            return
        }
        let sa = strides(aShape, in: outShape)
        let sb = strides(bShape, in: outShape)
        var counter = Array(repeating: 0, count: rank)
        var ia = 0, ib = 0, o = 0
        let inner = outShape[rank - 1], ja = sa[rank - 1], jb = sb[rank - 1]
        let count = out.count
        while o < count {
            var xa = ia, xb = ib
            for _ in 0..<inner {
                out.initializeElement(at: o, to: f(pa[xa], pb[xb]))
                o += 1; xa += ja; xb += jb
            }
            // Advance the outer axes.
            var axis = rank - 2
            while axis >= 0 {
                counter[axis] += 1
                ia += sa[axis]; ib += sb[axis]
                if counter[axis] < outShape[axis] { break }
                ia -= sa[axis] * outShape[axis]; ib -= sb[axis] * outShape[axis]
                counter[axis] = 0
                axis -= 1
            }
            if axis < 0 { break }
        }
    }

    /// The elements of `a` repeated to fill `outShape` (for assignment and `np.broadcast_to`).
    static func expand<T>(_ a: [T], _ aShape: [Int], to outShape: [Int]) -> [T] {
        if aShape == outShape { return a }
        let unit: [Bool] = [false]
        return apply(a, aShape, unit, [], outShape) { x, _ in x }
    }
}
