/// Automatic axis limits in matplotlib's manner: the data range, widened when it is a
/// single value (`nonsingular`), then padded by a margin on each side except where an edge is
/// "sticky" (bars stand on 0, images fill their extent).
///
///     AxisRange.auto(dataMin: 1, dataMax: 3)          // (0.9, 3.1)
///     AxisRange.auto(dataMin: 2, dataMax: 2)          // (1.89, 2.11)
///     AxisRange.auto(dataMin: 0, dataMax: 5, sticky: [0])   // (0, 5.25)
enum AxisRange {
    /// - Parameters:
    ///   - margin: fraction of the span added on each side (matplotlib: 0.05).
    ///   - sticky: values the padded range must not cross if the data range touches them.
    static func auto(dataMin: Double, dataMax: Double, margin: Double = 0.05,
                     sticky: [Double] = []) -> (lower: Double, upper: Double) {
        guard dataMin.isFinite, dataMax.isFinite, dataMin <= dataMax else { return (0, 1) }
        var lo = dataMin, hi = dataMax
        // matplotlib.transforms.nonsingular with expander 0.05.
        let tiny = 1e-15
        if hi - lo <= max(abs(lo), abs(hi)) * tiny {
            if hi == 0 && lo == 0 { lo = -0.05; hi = 0.05 } else { lo -= 0.05 * abs(lo); hi += 0.05 * abs(hi) }
        }
        let pad = (hi - lo) * margin
        var paddedLo = lo - pad, paddedHi = hi + pad
        for s in sticky {
            if lo >= s && paddedLo < s { paddedLo = s }
            if hi <= s && paddedHi > s { paddedHi = s }
        }
        return (paddedLo, paddedHi)
    }
}
