import Foundation
import Charts

/// The limits `get_xlim()`/`xlim()` report: the fixed ones, else matplotlib's automatic
/// ones — the data range padded by 5% a side, except at "sticky" edges (bars stand on their
/// bottom, images fill their extent). Mirrors what Charts draws (its own rule is internal).
enum AxesLimits {
    static func x(_ axes: Axes) -> (Double, Double) {
        if let fixed = axes.xLimits { return fixed }
        return automatic(axes, vertical: false)
    }

    static func y(_ axes: Axes) -> (Double, Double) {
        if let fixed = axes.yLimits { return fixed }
        let (low, high) = automatic(axes, vertical: true)
        return axes.yInverted ? (high, low) : (low, high)
    }

    /// On a log axis the padding is in decades: the limits of the logarithms, raised again.
    private static func automatic(_ axes: Axes, vertical: Bool) -> (Double, Double) {
        let log = vertical ? axes.yLog : axes.xLog
        let (low, high) = linear(axes, vertical: vertical, log: log)
        return log ? (pow(10, low), pow(10, high)) : (low, high)
    }

    private static func linear(_ axes: Axes, vertical: Bool, log: Bool) -> (Double, Double) {
        var values: [Double] = []
        var sticky: [Double] = []
        var padded = false
        for artist in axes.artists {
            switch artist {
            case .line(let l):
                values += (vertical ? l.y : l.x).filter(\.isFinite); padded = true
            case .scatter(let s):
                values += (vertical ? s.y : s.x).filter(\.isFinite); padded = true
            case .bars(let b):
                for bar in b.bars {
                    values += vertical ? [bar.bottom, bar.top] : [bar.left, bar.right]
                    if vertical { sticky.append(bar.bottom) }
                }
                padded = true
            case .image(let image):
                let extent = Double(vertical ? image.rows : image.columns)
                values += [-0.5, extent - 0.5]
                sticky += [-0.5, extent - 0.5]
            case .text:
                break
            }
        }
        if log {
            values = values.filter { $0 > 0 }.map(log10)
            sticky = sticky.filter { $0 > 0 }.map(log10)
        }
        guard var low = values.min(), var high = values.max() else { return (0, 1) }
        if !padded { return (low, high) }
        // matplotlib's nonsingular(): a single value is widened by 5% of itself (±0.05 at 0).
        if high - low <= max(abs(low), abs(high)) * 1e-15 {
            if low == 0 && high == 0 { low = -0.05; high = 0.05 } else { low -= 0.05 * abs(low); high += 0.05 * abs(high) }
        }
        let pad = (high - low) * 0.05
        var paddedLow = low - pad, paddedHigh = high + pad
        for edge in sticky {
            if low >= edge && paddedLow < edge { paddedLow = edge }
            if high <= edge && paddedHigh > edge { paddedHigh = edge }
        }
        return (paddedLow, paddedHigh)
    }
}
