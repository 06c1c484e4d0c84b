/// Elementwise functions over float32 buffers, eight lanes at a time, for the hot loops where a
/// call into libm per element would cost more than the matrix products around it (the sigmoid
/// of a 128 x 2048 activation is 262,144 exponentials per batch).
enum VectorMath {
    typealias Lanes = SIMD8<Float>

    /// e^x for x in [-87, 88], within about one ulp of the true value: Cephes' `expf` (range
    /// reduction by ln 2 in two parts, then a degree-6 polynomial), branch-free.
    @inline(__always)
    static func exp(_ x: Lanes) -> Lanes {
        let log2e: Float = 1.44269504088896341
        // Round x * log2(e) to the nearest integer without SSE4.1's roundps: adding 1.5 * 2^23
        // pushes the fraction out of the mantissa, whose low bits then hold the integer.
        let magic: Float = 12_582_912
        let shifted = x * log2e + Lanes(repeating: magic)
        let n = shifted - Lanes(repeating: magic)
        var r = x - n * 0.693359375
        r = r - n * -2.12194440e-4
        var p = Lanes(repeating: 1.9875691500e-4)
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        let y = p * (r * r) + r + 1
        // 2^n: the integer from the shifted value's low mantissa bits, placed in the exponent.
        let bits = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- unsafeBitCast(Lanes(repeating: magic), to: SIMD8<Int32>.self)
        let scale = unsafeBitCast((bits &+ 127) &<< 23, to: Lanes.self)
        return y * scale
    }

    /// 1 / (1 + e^-v), with e's argument kept in [-80, 87] and results below 1.7e-38 (where
    /// e^-v > e^87) set to exactly 0, so saturated units give exactly 0 or 1 and no step makes
    /// a denormal: arithmetic on denormals is dozens of times slower, and raw 0-255 pixels
    /// saturate most units of a first layer.
    @inline(__always)
    static func sigmoid(_ v: Lanes) -> Lanes {
        let low = Lanes(repeating: -80), high = Lanes(repeating: 87)
        let one = Lanes(repeating: 1)
        // Clamped by selects: `clamped(lowerBound:upperBound:)` is not inlined and costs more than exp.
        var t = -v
        let zero = t .> high
        t = t.replacing(with: low, where: t .< low)
        t = t.replacing(with: high, where: zero)
        let s = one / (one + exp(t))
        return s.replacing(with: 0, where: zero)
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<Float>) -> Lanes { UnsafeRawPointer(p).loadUnaligned(as: Lanes.self) }

    @inline(__always)
    static func store(_ v: Lanes, _ p: UnsafeMutablePointer<Float>) { UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes.self) }

    /// The first `count` (< 8) values at `p` in lanes, the rest 0.
    @inline(__always)
    static func loadPartial(_ p: UnsafePointer<Float>, count: Int) -> Lanes {
        var v = Lanes(repeating: 0)
        for j in 0..<count { v[j] = p[j] }
        return v
    }

    /// a = sigmoid(z), elementwise (see `sigmoid(_: Lanes)`).
    static func sigmoid(_ z: UnsafePointer<Float>, _ a: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 8 <= count {
            store(sigmoid(load(z + i)), a + i)
            i += 8
        }
        if i < count {
            // The tail goes through the same lanes, so a value's result never depends on its position.
            let s = sigmoid(loadPartial(z + i, count: count - i))
            for j in 0..<(count - i) { a[i + j] = s[j] }
        }
    }

    /// a = sigmoid(z + bias) for `rows` rows of `width`, the bias added to every row (a Dense
    /// layer's forward pass after its product, in one pass over the batch).
    /// Large batches are split by rows over the cores (each value's result is the same).
    static func sigmoid(
        _ z: UnsafePointer<Float>, adding bias: UnsafePointer<Float>, _ a: UnsafeMutablePointer<Float>,
        rows: Int, width: Int
    ) {
        Parallel.rows(rows, width: width) { part in
            let offset = part.lowerBound * width
            sigmoidRows(z + offset, adding: bias, a + offset, rows: part.count, width: width)
        }
    }

    private static func sigmoidRows(
        _ z: UnsafePointer<Float>, adding bias: UnsafePointer<Float>, _ a: UnsafeMutablePointer<Float>,
        rows: Int, width: Int
    ) {
        for r in 0..<rows {
            let zr = z + r * width, ar = a + r * width
            var j = 0
            while j + 8 <= width {
                store(sigmoid(load(zr + j) + load(bias + j)), ar + j)
                j += 8
            }
            if j < width {
                let s = sigmoid(loadPartial(zr + j, count: width - j) + loadPartial(bias + j, count: width - j))
                for t in 0..<(width - j) { ar[j + t] = s[t] }
            }
        }
    }

    /// g *= a (1 - a), sigmoid's derivative from its outputs, with results below the smallest
    /// normal float set to 0 (near-saturated units would otherwise feed denormals to the next
    /// products, see `sigmoid(_: Lanes)`). When `sums` is given, each column's new values are
    /// added to it, rows in order (a Dense layer's bias gradient).
    /// Large batches are split by columns over the cores, so each column's sum still adds its
    /// rows in order and every result is the same as on one core.
    static func sigmoidBackward(
        _ g: UnsafeMutablePointer<Float>, output a: UnsafePointer<Float>, rows: Int, width: Int,
        columnSums sums: UnsafeMutablePointer<Float>?
    ) {
        Parallel.columns(width, rows: rows) { part in
            let c = part.lowerBound
            sigmoidBackward(g + c, output: a + c, rows: rows, width: part.count, stride: width, columnSums: sums.map { $0 + c })
        }
    }

    // Columns 0..<width of rows `stride` apart.
    private static func sigmoidBackward(
        _ g: UnsafeMutablePointer<Float>, output a: UnsafePointer<Float>, rows: Int, width: Int, stride: Int,
        columnSums sums: UnsafeMutablePointer<Float>?
    ) {
        let one = Lanes(repeating: 1), tiny = Lanes(repeating: Float.leastNormalMagnitude)
        @inline(__always) func derivative(_ g: Lanes, _ a: Lanes) -> Lanes {
            let d = g * (a * (one - a))
            return d.replacing(with: 0, where: (d .< tiny) .& (d .> -tiny))
        }
        for r in 0..<rows {
            let gr = g + r * stride, ar = a + r * stride
            var j = 0
            while j + 8 <= width {
                let d = derivative(load(gr + j), load(ar + j))
                store(d, gr + j)
                if let sums { store(load(sums + j) + d, sums + j) }
                j += 8
            }
            if j < width {
                let d = derivative(loadPartial(gr + j, count: width - j), loadPartial(ar + j, count: width - j))
                for t in 0..<(width - j) {
                    gr[j + t] = d[t]
                    sums?[j + t] += d[t]
                }
            }
        }
    }

    /// `reluBackward` over `rows` rows of `width`, each row's results added to `sums` in the
    /// same pass (a convolution's bias gradient; for its first layer the gradient is 11 MB a
    /// batch, so a second pass to sum it costs more than the sums).
    /// Large batches are split by columns over the cores, as `sigmoidBackward`.
    static func reluBackward(
        _ g: UnsafeMutablePointer<Float>, output a: UnsafePointer<Float>, rows: Int, width: Int,
        columnSums sums: UnsafeMutablePointer<Float>
    ) {
        Parallel.columns(width, rows: rows) { part in
            let c = part.lowerBound
            reluBackward(g + c, output: a + c, rows: rows, width: part.count, stride: width, columnSums: sums + c)
        }
    }

    // Columns 0..<width of rows `stride` apart.
    private static func reluBackward(
        _ g: UnsafeMutablePointer<Float>, output a: UnsafePointer<Float>, rows: Int, width: Int, stride: Int,
        columnSums sums: UnsafeMutablePointer<Float>
    ) {
        let zero = Lanes(repeating: 0)
        for r in 0..<rows {
            let gr = g + r * stride, ar = a + r * stride
            var j = 0
            while j + 8 <= width {
                let d = load(gr + j).replacing(with: zero, where: load(ar + j) .<= zero)
                store(d, gr + j)
                store(load(sums + j) + d, sums + j)
                j += 8
            }
            while j < width {
                if !(ar[j] > 0) { gr[j] = 0 }
                sums[j] += gr[j]
                j += 1
            }
        }
    }

    /// Adds each of `rows` rows of `width` to `sums`, rows in order (each column's sum is the
    /// same as one value at a time), eight lanes at a time.
    static func addRows(_ values: UnsafePointer<Float>, rows: Int, width: Int, to sums: UnsafeMutablePointer<Float>) {
        for r in 0..<rows { add(values + r * width, to: sums, count: width) }
    }

    /// Copies `count` values, eight lanes at a time: for the short copies of im2col (three
    /// values per window row in a first layer) a call to `memmove` cost more than the copy.
    @inline(__always)
    static func copy(_ source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 8 <= count {
            store(load(source + i), target + i)
            i += 8
        }
        while i < count {
            target[i] = source[i]
            i += 1
        }
    }

    /// target += source, `count` values, eight lanes at a time.
    @inline(__always)
    static func add(_ source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count: Int) {
        var i = 0
        while i + 8 <= count {
            store(load(target + i) + load(source + i), target + i)
            i += 8
        }
        while i < count {
            target[i] += source[i]
            i += 1
        }
    }

    /// g = a > 0 ? g : 0, ReLU's derivative from its outputs, eight lanes at a time.
    static func reluBackward(_ g: UnsafeMutablePointer<Float>, output a: UnsafePointer<Float>, count: Int) {
        let zero = Lanes(repeating: 0)
        var i = 0
        while i + 8 <= count {
            store(load(g + i).replacing(with: zero, where: load(a + i) .<= zero), g + i)
            i += 8
        }
        while i < count {
            if !(a[i] > 0) { g[i] = 0 }
            i += 1
        }
    }
}
