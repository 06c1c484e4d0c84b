import Foundation

/// Major ticks of a log axis, matplotlib's `LogLocator` with `LogFormatterSciNotation`:
/// one tick per decade (every second, third... decade when there are too many), labelled
/// `10ⁿ` with Unicode superscripts, so the label stays plain text in the SVG.
///
///     LogTicks.decades(lower: -0.2, upper: 2.1)   // [(1, "10⁰"), (10, "10¹"), (100, "10²")]
enum LogTicks {
    /// Ticks between the limits given as base-10 logarithms; nil when fewer than two decades
    /// fall inside (then plain ticks read better, as matplotlib's minor labels do).
    static func decades(lower: Double, upper: Double, maximum: Int = 9) -> [(Double, String)]? {
        guard lower.isFinite, upper.isFinite else { return nil }
        let first = Int((lower - 1e-9).rounded(.up)), last = Int((upper + 1e-9).rounded(.down))
        guard last - first >= 1 else { return nil }
        let step = max(1, Int((Double(last - first + 1) / Double(maximum)).rounded(.up)))
        return stride(from: first, through: last, by: step).map { (pow(10, Double($0)), "10" + superscript($0)) }
    }

    static func superscript(_ exponent: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let text = String(String(abs(exponent)).map { digits[Int(String($0)) ?? 0] })
        return exponent < 0 ? "⁻" + text : text
    }
}
