/// The Mersenne Twister MT19937 (Matsumoto and Nishimura, 1998): the generator behind
/// CPython's `random` and NumPy's legacy `RandomState`. Both seed it their own way
/// (`init(byArray:)` for CPython's integers, `init(genrand:)` for NumPy's 32-bit seeds) and
/// draw from the same tempered 32-bit outputs.
public struct MT19937: Sendable {
    static let words = 624
    /// The 624 words of state and the next one to temper; `words` means "twist first".
    var state = [UInt32](repeating: 0, count: MT19937.words)
    var index = MT19937.words

    /// Seeded with one 32-bit word (the reference code's `init_genrand`).
    public init(genrand seed: UInt32) {
        state[0] = seed
        for i in 1..<Self.words {
            state[i] = 1_812_433_253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
    }

    /// Seeded with a key of 32-bit words (`init_by_array`, which CPython uses for integers).
    public init(byArray key: [UInt32]) {
        self.init(genrand: 19_650_218)
        let n = Self.words
        var i = 1, j = 0
        for _ in 0..<max(n, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1; j += 1
            if i >= n { state[0] = state[n - 1]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<(n - 1) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= n { state[0] = state[n - 1]; i = 1 }
        }
        state[0] = 0x8000_0000
    }

    /// The next tempered 32-bit output.
    public mutating func next32() -> UInt32 {
        if index >= Self.words { twist() }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    private mutating func twist() {
        let n = Self.words
        for k in 0..<n {
            let y = (state[k] & 0x8000_0000) | (state[(k + 1) % n] & 0x7FFF_FFFF)
            state[k] = state[(k + 397) % n] ^ (y >> 1) ^ (y & 1 == 1 ? 0x9908_B0DF : 0)
        }
        index = 0
    }
}
