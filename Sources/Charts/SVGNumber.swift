/// Prints coordinates and lengths for SVG with a fixed small precision, so that the same
/// figure gives the same bytes on every machine.
///
///     SVGNumber.format(12.3456)   // "12.35"
///     SVGNumber.format(3.0)       // "3"
///     SVGNumber.format(-0.001)    // "0"
///
/// Rounding goes through an integer of hundredths: no locale, no `%f`, no platform printf.
enum SVGNumber {
    /// Fixed-point text of `value` with at most `decimals` decimals (0...6), trailing zeros and
    /// a negative zero removed. Non-finite values print as "0" (they are never drawn anyway).
    static func format(_ value: Double, decimals: Int = 2) -> String {
        guard value.isFinite else { return "0" }
        let places = max(0, min(decimals, 6))
        var scale: Double = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        // Coordinates far outside any figure are clamped rather than trapping on conversion.
        let limit = 1e15
        let clamped = max(-limit, min(limit, scaled))
        var units = Int64(clamped)
        if units == 0 { return "0" }
        let negative = units < 0
        units = negative ? -units : units
        let divisor = Int64(scale)
        let whole = units / divisor
        var fraction = units % divisor
        var text = String(whole)
        if fraction != 0 {
            var digits = places
            while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return negative ? "-" + text : text
    }
}
