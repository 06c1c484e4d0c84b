import Foundation

/// Where an `Axes` lands in its cell and which ticks it shows: the data limits, the plot
/// box in pixels (inside the tick labels, axis labels and title) and the labelled ticks.
struct AxesLayout {
    /// Limits along one axis in drawing order: `start` maps to the left/bottom edge.
    struct Limits { var start: Double, end: Double }
    struct Tick { var position: Double, label: String }

    var plot: Box
    /// Limits in drawing units: data units, or their base-10 logarithms on a log axis.
    var x: Limits
    var y: Limits
    var xTicks: [Tick]
    var yTicks: [Tick]
    var xLog = false
    var yLog = false
    /// How far turned x tick labels reach below the unturned ones.
    var xTickOverhang = 0.0

    /// Maps data coordinates to figure pixels.
    func px(_ value: Double) -> Double {
        plot.x + (AxesLayout.scaled(value, log: xLog) - x.start) / (x.end - x.start) * plot.width
    }
    func py(_ value: Double) -> Double {
        plot.bottom - (AxesLayout.scaled(value, log: yLog) - y.start) / (y.end - y.start) * plot.height
    }

    /// A data value in drawing units: its logarithm on a log axis, where values at or below
    /// zero fall far outside the plot (matplotlib clips them).
    static func scaled(_ value: Double, log: Bool) -> Double {
        guard log else { return value }
        return value > 0 ? log10(value) : -1000
    }

    init(axes: Axes, cell fullCell: Box, style: ChartStyle) {
        var cell = fullCell
        if axes.colorbar != nil { cell.width *= 1 - Colorbar.fraction }
        (x, y) = AxesLayout.limits(of: axes)
        xLog = axes.xLog
        yLog = axes.yLog
        let decoratedX = axes.showsAxis && axes.showsXAxis, decoratedY = axes.showsAxis && axes.showsYAxis
        let top = axes.title != nil ? style.titleFont * 1.2 + style.titlePad : style.tickFont * 0.6
        if decoratedX && axes.xTickRotation != 0 {
            let labels = axes.xTicks?.map { $0.label ?? "" } ?? ["0.0000"]
            let widest = labels.map { TextMetrics.width($0, size: style.tickFont) }.max() ?? 0
            let angle = abs(axes.xTickRotation) * Double.pi / 180
            xTickOverhang = max(0, widest * sin(angle) + style.tickFont * cos(angle) - style.tickFont * 1.05)
        }
        var bottom = decoratedX ? style.tickLength + style.tickPad + style.tickFont * 1.05 + xTickOverhang : 0
        if decoratedX && axes.xLabel != nil { bottom += style.labelPad + style.labelFont * 1.15 }
        let height = max(10, cell.height - top - bottom)
        var yTicks = AxesLayout.ticks(fixed: axes.yTicks, limits: y, length: height, vertical: true,
                                      integers: false, log: axes.yLog, style: style)
        var left = 0.0
        if decoratedY {
            let widest = yTicks.map { TextMetrics.width($0.label, size: style.tickFont) }.max() ?? 0
            left = style.tickLength + style.tickPad + widest
            if axes.yLabel != nil { left += style.labelPad + style.labelFont * 1.15 }
        }
        // Room for half of the last x tick label, which hangs over the right edge.
        let right = decoratedX ? style.tickFont * 1.2 : 0
        var box = Box(x: cell.x + left, y: cell.y + top, width: max(10, cell.width - left - right),
                      height: height)
        var xTicks = AxesLayout.ticks(fixed: axes.xTicks, limits: x, length: box.width, vertical: false,
                                      integers: axes.integerXTicks, log: axes.xLog, style: style)
        if axes.equalAspect {
            // Shrink one side so that a data unit is as long across as up, centred in the room.
            let dataAspect = abs(y.end - y.start) / abs(x.end - x.start)
            if box.height / box.width > dataAspect {
                let h = box.width * dataAspect
                box.y += (box.height - h) / 2; box.height = h
            } else {
                let w = box.height / dataAspect
                box.x += (box.width - w) / 2; box.width = w
            }
            xTicks = AxesLayout.ticks(fixed: axes.xTicks, limits: x, length: box.width, vertical: false,
                                      integers: false, log: axes.xLog, style: style)
            yTicks = AxesLayout.ticks(fixed: axes.yTicks, limits: y, length: box.height, vertical: true,
                                      integers: false, log: axes.yLog, style: style)
        }
        plot = box
        self.xTicks = xTicks
        self.yTicks = yTicks
    }

    /// Ticks within the limits: the fixed ones if given, else a nice grid as dense as the
    /// axis length allows without labels colliding (matplotlib: at most ~9 intervals, about
    /// three font sizes apart across and two up).
    static func ticks(fixed: [TickMark]?, limits: Limits, length: Double, vertical: Bool,
                      integers: Bool, log: Bool = false, style: ChartStyle) -> [Tick] {
        let lo = min(limits.start, limits.end), hi = max(limits.start, limits.end)
        let inside = { (v: Double) in v >= lo - (hi - lo) * 1e-9 && v <= hi + (hi - lo) * 1e-9 }
        if let fixed {
            let decimals = fixed.map { decimalsNeeded($0.position) }.max() ?? 0
            return fixed.filter { inside(scaled($0.position, log: log)) }.map {
                Tick(position: $0.position, label: $0.label ?? TickFormat.plain($0.position, decimals: decimals))
            }
        }
        if log, let decades = LogTicks.decades(lower: lo, upper: hi) { return decades.map { Tick(position: $0.0, label: $0.1) } }
        if log {
            // Less than two decades in view: plain nice ticks over the values themselves.
            let values = Limits(start: pow(10, lo), end: pow(10, hi))
            return ticks(fixed: nil, limits: values, length: length, vertical: vertical, integers: integers, style: style)
        }
        let spacing = style.tickFont * (vertical ? 2 : 3)
        var intervals = max(1, min(9, Int(length / spacing)))
        while true {
            let nice = NiceTicks(lower: lo, upper: hi, maxIntervals: intervals, integersOnly: integers)
            let labels = TickFormat.labels(for: nice)
            let ticks = zip(nice.values, labels).map { Tick(position: $0, label: $1) }
            if vertical || intervals == 1 || ticks.count < 2 { return ticks }
            // Across, the widest label plus a gap must fit between neighbouring ticks.
            let gap = length * nice.step / (hi - lo)
            let widest = labels.map { TextMetrics.width($0, size: style.tickFont) }.max() ?? 0
            if widest + style.tickFont * 0.8 <= gap { return ticks }
            intervals -= 1
        }
    }

    /// Decimals a fixed tick position needs to print exactly (up to 6).
    private static func decimalsNeeded(_ value: Double) -> Int {
        for d in 0...6 {
            let scaled = value * NiceTicks.power(d)
            if abs(scaled - scaled.rounded()) < 1e-9 * max(1, abs(scaled)) { return d }
        }
        return 6
    }

    /// Automatic limits from the artists, overridden by `xlim`/`ylim`; inverted y for images.
    static func limits(of axes: Axes) -> (Limits, Limits) {
        var xs: [Double] = [], ys: [Double] = []
        var xSticky: [Double] = [], ySticky: [Double] = []
        for artist in axes.artists {
            switch artist {
            case .line(let l):
                for (a, b) in zip(l.x, l.y) where a.isFinite && b.isFinite { xs.append(a); ys.append(b) }
            case .scatter(let s):
                for (a, b) in zip(s.x, s.y) where a.isFinite && b.isFinite { xs.append(a); ys.append(b) }
            case .bars(let b):
                for bar in b.bars where [bar.left, bar.right, bar.bottom, bar.top].allSatisfy(\.isFinite) {
                    xs += [bar.left, bar.right]; ys += [bar.bottom, bar.top]
                    ySticky.append(bar.bottom)
                }
            case .image(let image):
                let x0 = -0.5, x1 = Double(image.columns) - 0.5, y1 = Double(image.rows) - 0.5
                xs += [x0, x1]; ys += [x0, y1]
                xSticky += [x0, x1]; ySticky += [x0, y1]
            case .text:
                break
            }
        }
        if axes.xLog {
            xs = xs.filter { $0 > 0 }.map(log10); xSticky = xSticky.filter { $0 > 0 }.map(log10)
        }
        if axes.yLog {
            ys = ys.filter { $0 > 0 }.map(log10); ySticky = ySticky.filter { $0 > 0 }.map(log10)
        }
        let xAuto = AxisRange.auto(dataMin: xs.min() ?? 0, dataMax: xs.max() ?? 1,
                                   sticky: edgeSticky(xSticky, xs))
        let yAuto = AxisRange.auto(dataMin: ys.min() ?? 0, dataMax: ys.max() ?? 1,
                                   sticky: edgeSticky(ySticky, ys))
        var x = Limits(start: xAuto.lower, end: xAuto.upper)
        var y = axes.yInverted ? Limits(start: yAuto.upper, end: yAuto.lower)
                               : Limits(start: yAuto.lower, end: yAuto.upper)
        if let (a, b) = axes.xLimits, a.isFinite, b.isFinite, a != b, !axes.xLog || (a > 0 && b > 0) {
            x = Limits(start: scaled(a, log: axes.xLog), end: scaled(b, log: axes.xLog))
        }
        if let (a, b) = axes.yLimits, a.isFinite, b.isFinite, a != b, !axes.yLog || (a > 0 && b > 0) {
            y = Limits(start: scaled(a, log: axes.yLog), end: scaled(b, log: axes.yLog))
        }
        return (x, y)
    }

    /// Only sticky values at the data's extremes matter; keeps the list short.
    private static func edgeSticky(_ sticky: [Double], _ values: [Double]) -> [Double] {
        guard let lo = values.min(), let hi = values.max() else { return [] }
        var result: [Double] = []
        if sticky.contains(lo) { result.append(lo) }
        if sticky.contains(hi) && hi != lo { result.append(hi) }
        return result
    }
}
