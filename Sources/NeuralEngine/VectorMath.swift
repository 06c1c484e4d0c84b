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

    /// a = 1 / (1 + e^-z), with e's argument kept in [-80, 88] and results below the smallest
    /// normal float flushed to 0, so saturated units give exactly 0 or 1 and never denormals.
    static func sigmoid(_ z: UnsafePointer<Float>, _ a: UnsafeMutablePointer<Float>, count: Int) {
        let low = Lanes(repeating: -80), high = Lanes(repeating: 88)
        let one = Lanes(repeating: 1), tiny = Lanes(repeating: Float.leastNormalMagnitude)
        @inline(__always) func lanes(_ v: Lanes) -> Lanes {
            let e = exp((-v).clamped(lowerBound: low, upperBound: high))
            let s = one / (one + e)
            return s.replacing(with: 0, where: s .< tiny)
        }
        var i = 0
        while i + 8 <= count {
            let v = UnsafeRawPointer(z + i).loadUnaligned(as: Lanes.self)
            UnsafeMutableRawPointer(a + i).storeBytes(of: lanes(v), as: Lanes.self)
            i += 8
        }
        if i < count {
            // The tail goes through the same lanes, so a value's result never depends on its position.
            var v = Lanes(repeating: 0)
            for j in 0..<(count - i) { v[j] = z[i + j] }
            let s = lanes(v)
            for j in 0..<(count - i) { a[i + j] = s[j] }
        }
    }
}
