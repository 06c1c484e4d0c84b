import Foundation

/// The one seeded generator behind every random draw of a session: weight initialisation,
/// shuffling and dropout masks. Its whole state is this small `Codable` value, so a cache
/// can snapshot it and a restored session continues the very same stream.
///
/// The algorithm is xoshiro256** (Blackman & Vigna), seeded through SplitMix64.
///
/// ```swift
/// var rng = RandomGenerator(seed: 42)
/// rng.nextFloat()          // uniform in [0, 1)
/// rng.permutation(5)       // e.g. [3, 0, 4, 1, 2]
/// ```
public struct RandomGenerator: RandomNumberGenerator, Codable, Equatable, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64
    /// The second normal deviate of the last Box-Muller pair, not yet handed out.
    private var spareNormal: Double?

    /// A generator whose stream is fixed by `seed`.
    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
        spareNormal = nil
    }

    /// A generator in the given raw xoshiro256** state (for checking against reference streams).
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
        spareNormal = nil
    }

    /// The next 64 random bits.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotate(s3, 45)
        return result
    }

    @inline(__always)
    private func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform float in [0, 1) with 24 random bits.
    @inline(__always)
    public mutating func nextFloat() -> Float { Float(next() >> 40) * 0x1p-24 }

    /// A uniform double in [0, 1) with 53 random bits.
    @inline(__always)
    public mutating func nextDouble() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform double in `[low, high)`.
    public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * nextDouble()
    }

    /// A standard normal deviate (Box-Muller; the pair's second value is kept for the next call).
    public mutating func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        var u = nextDouble()
        while u == 0 { u = nextDouble() }
        let v = nextDouble()
        let radius = (-2 * log(u)).squareRoot()
        spareNormal = radius * sin(2 * .pi * v)
        return radius * cos(2 * .pi * v)
    }

    /// A uniform integer in `0..<bound` without modulo bias (Lemire's method).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// Shuffles `values` in place (Fisher-Yates), as `np.random.shuffle` does.
    public mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = nextInt(below: i + 1)
            if i != j { values.swapAt(i, j) }
        }
    }

    /// A random permutation of `0..<n`.
    public mutating func permutation(_ n: Int) -> [Int] {
        var values = Array(0..<max(0, n))
        shuffle(&values)
        return values
    }
}
