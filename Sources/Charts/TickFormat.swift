import Foundation

/// Tick label text: the shortest form that prints every tick of an axis exactly, with the
/// same number of decimals along the axis, and matplotlib's typographic minus sign.
///
///     TickFormat.labels(for: NiceTicks(lower: 0, upper: 1, maxIntervals: 5))
///     // ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]
///     TickFormat.labels(for: NiceTicks(lower: 0, upper: 10, maxIntervals: 5))
///     // ["0", "2", "4", "6", "8", "10"]
///     TickFormat.labels(for: NiceTicks(lower: 0, upper: 4e-5, maxIntervals: 4))
///     // ["0", "1e−05", "2e−05", "3e−05", "4e−05"]
///
/// Plain decimals unless the numbers are tiny (step below 1e-4 and every tick below 1e-3)
/// or huge (a tick of a million or more); then Python's `1e-05` style.
enum TickFormat {
    /// U+2212, what matplotlib draws for negative tick labels (`axes.unicode_minus`).
    static let minus = "\u{2212}"

    static func labels(for ticks: NiceTicks) -> [String] {
        let largest = ticks.values.map(abs).max() ?? 0
        let scientific = largest >= 1e6 || (ticks.exponent < -4 && largest < 1e-3)
        let decimals = max(0, -ticks.exponent)
        return ticks.values.map { value in
            let text = scientific
                ? self.scientific(value, stepExponent: ticks.exponent)
                : plain(value, decimals: decimals)
            return text.replacingOccurrences(of: "-", with: minus)
        }
    }

    /// A tick value with exactly `decimals` decimals and a typographic minus.
    static func plain(_ value: Double, decimals: Int) -> String {
        padded(fixed(value, decimals: decimals), decimals: min(decimals, 6))
            .replacingOccurrences(of: "-", with: minus)
    }

    /// Pads a trimmed number to `decimals` places: "0" → "0.0", "0.5" → "0.50".
    static func padded(_ text: String, decimals: Int) -> String {
        guard decimals > 0 else { return text }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let have = parts.count > 1 ? parts[1].count : 0
        return text + (have == 0 ? "." : "") + String(repeating: "0", count: decimals - have)
    }

    /// A single number printed with just enough decimals, e.g. for a free-standing value.
    static func fixed(_ value: Double, decimals: Int) -> String {
        SVGNumber.format(value, decimals: min(decimals, 6))
    }

    /// `1e-05`, `2.5e+06`: mantissa with the digits the step needs, signed two-digit exponent.
    static func scientific(_ value: Double, stepExponent: Int) -> String {
        guard value != 0, value.isFinite else { return "0" }
        var exponent = Int(log10(abs(value)).rounded(.down))
        var mantissa = value / NiceTicks.power(exponent)
        if abs(mantissa) >= 9.9999999 {
            // log10 can land one below for exact powers of ten.
            let rounded = SVGNumber.format(mantissa, decimals: max(0, exponent - stepExponent))
            if rounded == "10" || rounded == "-10" { exponent += 1; mantissa /= 10 }
        }
        let digits = max(0, min(6, exponent - stepExponent))
        let sign = exponent < 0 ? "-" : "+"
        let magnitude = abs(exponent)
        let expText = magnitude < 10 ? "0\(magnitude)" : "\(magnitude)"
        return padded(SVGNumber.format(mantissa, decimals: digits), decimals: digits) + "e" + sign + expText
    }
}
