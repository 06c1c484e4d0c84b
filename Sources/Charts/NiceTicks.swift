import Foundation

/// Tick positions on a "nice" grid of 1, 2 or 5 times a power of ten, chosen as matplotlib's
/// `MaxNLocator(nbins, steps=[1, 2, 5, 10])` does.
///
///     NiceTicks(lower: -0.05, upper: 1.05, maxIntervals: 6).values
///     // [0, 0.2, 0.4, 0.6, 0.8, 1]
///
/// Each tick is `k × step` for an integer `k`, computed as `k × mantissa` scaled by a power
/// of ten so that ticks print exactly ("0.3", not "0.30000000000000004").
struct NiceTicks: Equatable, Sendable {
    /// The step's leading digit: 1, 2 or 5.
    let mantissa: Int
    /// The step's power of ten.
    let exponent: Int
    /// Ticks inside the closed range, ascending.
    let values: [Double]

    var step: Double { Double(mantissa) * NiceTicks.power(exponent) }

    /// The smallest nice step no shorter than `(upper - lower) / maxIntervals` (smaller if that
    /// leaves fewer than two ticks). With `integersOnly`, steps below 1 are not used (epochs).
    init(lower: Double, upper: Double, maxIntervals: Int, integersOnly: Bool = false) {
        let lo = min(lower, upper), hi = max(lower, upper)
        let intervals = max(1, maxIntervals)
        let span = hi - lo
        guard lo.isFinite, hi.isFinite, span > 0 else {
            mantissa = 1; exponent = 0
            values = lo.isFinite ? [lo] : []
            return
        }
        // matplotlib's rule: the smallest nice step at least span / intervals, then smaller
        // steps while fewer than two ticks would fall inside the range.
        let rawStep = span / Double(intervals)
        var candidates: [(Int, Int)] = []
        var exp = Int(log10(rawStep).rounded(.down)) - 1
        if integersOnly { exp = max(exp, 0) }
        search: while true {
            for m in [1, 2, 5] {
                candidates.append((m, exp))
                if Double(m) * NiceTicks.power(exp) >= rawStep * (1 - 1e-9) { break search }
            }
            exp += 1
        }
        var chosen = candidates[candidates.count - 1]
        for candidate in candidates.reversed() {
            chosen = candidate
            if NiceTicks.multiples(lo: lo, hi: hi, mantissa: candidate.0, exponent: candidate.1).count >= 2 { break }
        }
        mantissa = chosen.0; exponent = chosen.1
        values = NiceTicks.multiples(lo: lo, hi: hi, mantissa: chosen.0, exponent: chosen.1)
    }

    /// 10^e computed by repeated multiplication so that 10^-1 is the same double everywhere.
    static func power(_ e: Int) -> Double {
        var result = 1.0
        if e >= 0 { for _ in 0..<e { result *= 10 } } else { for _ in 0..<(-e) { result *= 10 } }
        return e >= 0 ? result : 1 / result
    }

    private static func multiples(lo: Double, hi: Double, mantissa: Int, exponent: Int) -> [Double] {
        let step = Double(mantissa) * power(exponent)
        // Tolerate rounding at the ends: a tick 1e-9 steps outside the range still belongs.
        let slack = 1e-9
        let first = (lo / step - slack).rounded(.up), last = (hi / step + slack).rounded(.down)
        guard first <= last, last - first < 10_000 else { return [] }
        var ticks: [Double] = []
        var k = first
        while k <= last {
            // k·m scaled by the power of ten: division by 10^-e keeps decimals exact-looking.
            let units = k * Double(mantissa)
            let value = exponent >= 0 ? units * power(exponent) : units / power(-exponent)
            ticks.append(value == 0 ? 0 : value)
            k += 1
        }
        return ticks
    }
}
