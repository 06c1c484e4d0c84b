import CellLanguage
import NeuralEngine

/// NumPy's legacy `np.random.RandomState(seed)` stream: MT19937 seeded with `init_genrand`,
/// and `shuffle` as NumPy's legacy generator does it (Fisher-Yates from the end, each index
/// drawn by masked rejection from 32-bit outputs). scikit-learn turns an integer
/// `random_state` into exactly this, so `train_test_split(..., random_state=42)` picks the
/// rows scikit-learn picks.
struct LegacyMersenneTwister {
    private var generator: MT19937

    init(seed: UInt32) {
        generator = MT19937(genrand: seed)
    }

    /// The next tempered 32-bit output.
    mutating func next32() -> UInt32 { generator.next32() }

    /// A uniform integer in `0...max` (NumPy's `random_interval`).
    mutating func interval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        var mask = max
        for shift in [1, 2, 4, 8, 16, 32] as [UInt64] { mask |= mask >> shift }
        while true {
            let value: UInt64
            if max <= 0xFFFF_FFFF {
                value = UInt64(next32()) & mask
            } else {
                value = ((UInt64(next32()) << 32) | UInt64(next32())) & mask
            }
            if value <= max { return value }
        }
    }

    /// `RandomState.shuffle` of a 1-d array.
    mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = Int(interval(UInt64(i)))
            values.swapAt(i, j)
        }
    }
}

/// Where train_test_split's random permutations come from: scikit-learn's stream for an
/// integer `random_state`, the session's one generator for `None`.
enum SplitShuffler {
    case legacy(LegacyMersenneTwister)
    case session(NumPyContext)

    mutating func shuffle<T>(_ values: inout [T]) {
        switch self {
        case .legacy(var twister):
            twister.shuffle(&values)
            self = .legacy(twister)
        case .session(let context):
            context.generator.shuffle(&values)
        }
    }

    /// `rng.permutation(n)`.
    mutating func permutation(_ n: Int) -> [Int] {
        var values = Array(0..<max(0, n))
        shuffle(&values)
        return values
    }
}
