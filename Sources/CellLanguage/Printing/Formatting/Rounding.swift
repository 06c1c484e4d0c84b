extension PyFormat {
    /// CPython's `round(x, ndigits)` for a float: the exact binary value rounded half-to-even
    /// at the `ndigits`-th decimal place, read back as the nearest double.
    ///
    ///     PyFormat.round(2.675, ndigits: 2)   // 2.67 (the double is just below 2.675)
    ///     PyFormat.round(1234.5, ndigits: -2) // 1200.0
    ///
    /// `nan` and `±inf` round to themselves. Where CPython raises
    /// `OverflowError: rounded value too large to represent` (only when rounding a value
    /// near `1.8e308` up), this returns `±inf`.
    public static func round(_ x: Double, ndigits: Int) -> Double {
        guard x.isFinite else { return x }
        // Beyond these, x rounds to itself / to a signed zero (floatobject.c's NDIGITS_MAX/MIN).
        if ndigits > 323 { return x }
        if ndigits < -308 { return x.sign == .minus ? -0.0 : 0.0 }
        let rounded = DecimalDigits.exact(Swift.abs(x)).roundedToFraction(ndigits)
        let negative = x.sign == .minus
        if rounded.digits.isEmpty || rounded.isZero { return negative ? -0.0 : 0.0 }
        var text = negative ? "-" : ""
        for digit in rounded.digits { text.unicodeScalars.append(Unicode.Scalar(48 + digit)) }
        text += "e\(rounded.decimalPoint - rounded.digits.count)"
        return Double(text) ?? (negative ? -.infinity : .infinity)
    }

    /// CPython's `round(n, ndigits)` for an int: itself for `ndigits >= 0`, else rounded
    /// half-to-even to a multiple of `10^-ndigits`.
    ///
    ///     PyFormat.round(25, ndigits: -1)   // 20
    ///     PyFormat.round(-150, ndigits: -2) // -200
    ///
    /// Results beyond 64 bits (only for `ndigits <= -19`) saturate.
    public static func round(_ x: Int, ndigits: Int) -> Int {
        if ndigits >= 0 { return x }
        if ndigits < -19 { return 0 }
        let unit = power10(-ndigits)  // up to 10^19, as UInt64
        let magnitude = UInt64(x.magnitude)
        var quotient = magnitude / unit
        let remainder = magnitude % unit
        let half = unit / 2
        if remainder > half || (remainder == half && quotient % 2 == 1) { quotient += 1 }
        let (product, overflow) = quotient.multipliedReportingOverflow(by: unit)
        if overflow || product > UInt64(Int.max) { return x < 0 ? Int.min : Int.max }
        return x < 0 ? -Int(product) : Int(product)
    }

    /// `round(x)` with no `ndigits`: the nearest int, ties to even.
    ///
    ///     try PyFormat.roundHalfEven(2.5)  // 2
    ///     try PyFormat.roundHalfEven(-0.5) // 0
    ///
    /// Throws CPython's errors for `inf` (`OverflowError`) and `nan` (`ValueError`), and an
    /// `OverflowError` for results outside 64-bit ints (CPython has big ints there).
    public static func roundHalfEven(_ x: Double) throws(FormatError) -> Int {
        try integer(x.rounded(.toNearestOrEven))
    }

    /// `int(x)` for a float: truncation toward zero, with CPython's errors.
    public static func truncate(_ x: Double) throws(FormatError) -> Int {
        try integer(x.rounded(.towardZero))
    }

    private static func integer(_ whole: Double) throws(FormatError) -> Int {
        if whole.isNaN { throw .value("cannot convert float NaN to integer") }
        if whole.isInfinite {
            throw FormatError(typeName: "OverflowError", message: "cannot convert float infinity to integer")
        }
        guard let value = Int(exactly: whole) else {
            throw FormatError(typeName: "OverflowError", message: "int too large to convert to a 64-bit integer")
        }
        return value
    }

    private static func power10(_ n: Int) -> UInt64 {
        var result: UInt64 = 1
        for _ in 0..<n { result *= 10 }
        return result
    }
}
