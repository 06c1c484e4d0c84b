/// A non-negative integer in base 10⁹ limbs, just enough arithmetic to expand a double
/// into its exact decimal digits (multiply by powers of 2 and 5, print in decimal).
struct BigDecimalInteger {
    /// Little-endian limbs, each below 10⁹.
    private(set) var limbs: [UInt64]

    private static let base: UInt64 = 1_000_000_000

    init(_ value: UInt64) {
        limbs = []
        var rest = value
        repeat {
            limbs.append(rest % Self.base)
            rest /= Self.base
        } while rest > 0
    }

    /// Multiplies in place by a factor below 2³².
    mutating func multiply(by factor: UInt64) {
        var carry: UInt64 = 0
        for index in limbs.indices {
            let product = limbs[index] * factor + carry
            limbs[index] = product % Self.base
            carry = product / Self.base
        }
        while carry > 0 {
            limbs.append(carry % Self.base)
            carry /= Self.base
        }
    }

    /// Multiplies in place by 2ⁿ.
    mutating func multiply(byPowerOfTwo exponent: Int) {
        var rest = exponent
        while rest > 0 {
            let step = min(rest, 31)
            multiply(by: UInt64(1) << UInt64(step))
            rest -= step
        }
    }

    /// Multiplies in place by 5ⁿ.
    mutating func multiply(byPowerOfFive exponent: Int) {
        var rest = exponent
        while rest > 0 {
            let step = min(rest, 13)  // 5¹³ < 2³²
            var factor: UInt64 = 1
            for _ in 0..<step { factor *= 5 }
            multiply(by: factor)
            rest -= step
        }
    }

    /// Decimal digits (values 0...9), most significant first, without leading zeros.
    var decimalDigits: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(limbs.count * 9)
        for (position, limb) in limbs.reversed().enumerated() {
            var chunk = [UInt8](repeating: 0, count: 9)
            var rest = limb
            for index in stride(from: 8, through: 0, by: -1) {
                chunk[index] = UInt8(rest % 10)
                rest /= 10
            }
            if position == 0 {
                result.append(contentsOf: chunk.drop(while: { $0 == 0 }))
            } else {
                result.append(contentsOf: chunk)
            }
        }
        return result.isEmpty ? [0] : result
    }
}
