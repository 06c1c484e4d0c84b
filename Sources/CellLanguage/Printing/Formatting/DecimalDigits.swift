/// A finite non-negative double as decimal digits, in the shape David Gay's `dtoa` returns
/// them (and CPython lays out): the value is `0.d₁d₂…dₙ × 10^decimalPoint`, with no leading
/// or trailing zeros. Zero is the single digit `0` with `decimalPoint` 1, as in `dtoa`.
/// "No digits" (a value rounded away to nothing) is an empty `digits`.
struct DecimalDigits: Equatable {
    var digits: [UInt8]
    var decimalPoint: Int

    /// The exact decimal expansion of `x` (at most ~770 digits), so that rounding it is
    /// rounding the true binary value, as CPython does.
    static func exact(_ x: Double) -> DecimalDigits {
        precondition(x.isFinite && x >= 0)
        if x == 0 { return DecimalDigits(digits: [0], decimalPoint: 1) }
        // x = significand × 2^exponent with an integer significand.
        let significand = x.significandBitPattern | (x.isNormal ? (UInt64(1) << 52) : 0)
        let exponent = (x.isNormal ? Int(x.exponentBitPattern) : 1) - 1075
        var number = BigDecimalInteger(significand)
        var scale = 0  // value = number × 10^-scale
        if exponent >= 0 {
            number.multiply(byPowerOfTwo: exponent)
        } else {
            // m / 2^k = m × 5^k / 10^k
            number.multiply(byPowerOfFive: -exponent)
            scale = -exponent
        }
        var digits = number.decimalDigits
        let decimalPoint = digits.count - scale
        while let last = digits.last, last == 0 { digits.removeLast() }
        return DecimalDigits(digits: digits, decimalPoint: decimalPoint)
    }

    /// The shortest digits that read back as `x`, the closest such when several tie
    /// (`dtoa` mode 0, as `repr` uses). Swift's own `description` computes exactly that;
    /// only its layout differs, so it is taken apart here.
    static func shortest(_ x: Double) -> DecimalDigits {
        precondition(x.isFinite && x >= 0)
        if x == 0 { return DecimalDigits(digits: [0], decimalPoint: 1) }
        let text = x.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var integerDigits = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." {
                seenPoint = true
            } else if let value = character.wholeNumberValue {
                digits.append(UInt8(value))
                if !seenPoint { integerDigits += 1 }
            }
        }
        var decimalPoint = integerDigits + exponent
        while let first = digits.first, first == 0, digits.count > 1 {
            digits.removeFirst()
            decimalPoint -= 1
        }
        while let last = digits.last, last == 0, digits.count > 1 { digits.removeLast() }
        return DecimalDigits(digits: digits, decimalPoint: decimalPoint)
    }

    /// Rounded half-to-even to `count` significant digits (`dtoa` mode 2), trailing
    /// zeros removed.
    func roundedToSignificant(_ count: Int) -> DecimalDigits {
        if isZero { return self }
        return rounded(keeping: max(1, count), fractionDigits: nil)
    }

    /// Rounded half-to-even to `places` digits after the decimal point (`dtoa` mode 3),
    /// trailing zeros removed. A value that rounds to zero has no digits and
    /// `decimalPoint == -places`, as `dtoa` returns it.
    func roundedToFraction(_ places: Int) -> DecimalDigits {
        if isZero { return self }
        return rounded(keeping: decimalPoint + places, fractionDigits: places)
    }

    var isZero: Bool { digits == [0] }

    private func rounded(keeping keep: Int, fractionDigits: Int?) -> DecimalDigits {
        if keep >= digits.count { return self }
        let noDigits = DecimalDigits(digits: [], decimalPoint: -(fractionDigits ?? 0))
        if keep < 0 { return noDigits }
        // Compare the dropped tail with one half of the last kept unit.
        let first = digits[keep]
        let restIsZero = digits[(keep + 1)...].allSatisfy { $0 == 0 }
        let previousIsOdd = keep > 0 && digits[keep - 1] % 2 == 1
        let roundUp = first > 5 || (first == 5 && (!restIsZero || previousIsOdd))
        var kept = Array(digits[..<keep])
        var point = decimalPoint
        if roundUp {
            var index = kept.count - 1
            while index >= 0 && kept[index] == 9 {
                kept[index] = 0
                index -= 1
            }
            if index >= 0 {
                kept[index] += 1
            } else {
                kept.insert(1, at: 0)
                point += 1
            }
        }
        while let last = kept.last, last == 0 { kept.removeLast() }
        if kept.isEmpty { return noDigits }
        return DecimalDigits(digits: kept, decimalPoint: point)
    }
}
