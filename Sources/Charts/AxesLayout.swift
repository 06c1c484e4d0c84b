/// Where an `Axes` lands in its cell and which ticks it shows: the data limits, the plot
/// box in pixels (inside the tick labels, axis labels and title) and the labelled ticks.
struct AxesLayout {
    /// Limits along one axis in drawing order: `start` maps to the left/bottom edge.
    struct Limits { var start: Double, end: Double }
    struct Tick { var position: Double, label: String }

    var plot: Box
    var x: Limits
    var y: Limits
    var xTicks: [Tick]
    var yTicks: [Tick]

    /// Maps data coordinates to figure pixels.
    func px(_ value: Double) -> Double { plot.x + (value - x.start) / (x.end - x.start) * plot.width }
    func py(_ value: Double) -> Double { plot.bottom - (value - y.start) / (y.end - y.start) * plot.height }

    init(axes: Axes, cell: Box, style: ChartStyle) {
        (x, y) = AxesLayout.limits(of: axes)
        let decorated = axes.showsAxis
        let top = axes.title != nil ? style.titleFont * 1.2 + style.titlePad : style.tickFont * 0.6
        var bottom = decorated ? style.tickLength + style.tickPad + style.tickFont * 1.05 : 0
        if decorated && axes.xLabel != nil { bottom += style.labelPad + style.labelFont * 1.15 }
        let height = max(10, cell.height - top - bottom)
        var yTicks = AxesLayout.ticks(fixed: axes.yTicks, limits: y, length: height, vertical: true,
                                      integers: false, style: style)
        var left = 0.0
        if decorated {
            let widest = yTicks.map { TextMetrics.width($0.label, size: style.tickFont) }.max() ?? 0
            left = style.tickLength + style.tickPad + widest
            if axes.yLabel != nil { left += style.labelPad + style.labelFont * 1.15 }
        }
        // Room for half of the last x tick label, which hangs over the right edge.
        let right = decorated ? style.tickFont * 1.2 : 0
        var box = Box(x: cell.x + left, y: cell.y + top, width: max(10, cell.width - left - right),
                      height: height)
        var xTicks = AxesLayout.ticks(fixed: axes.xTicks, limits: x, length: box.width, vertical: false,
                                      integers: axes.integerXTicks, style: style)
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
                                      integers: false, style: style)
            yTicks = AxesLayout.ticks(fixed: axes.yTicks, limits: y, length: box.height, vertical: true,
                                      integers: false, style: style)
        }
        plot = box
        self.xTicks = xTicks
        self.yTicks = yTicks
    }

    /// Ticks within the limits: the fixed ones if given, else a nice grid as dense as the
    /// axis length allows without labels colliding (matplotlib: at most ~9 intervals, about
    /// three font sizes apart across and two up).
    static func ticks(fixed: [TickMark]?, limits: Limits, length: Double, vertical: Bool,
                      integers: Bool, style: ChartStyle) -> [Tick] {
        let lo = min(limits.start, limits.end), hi = max(limits.start, limits.end)
        let inside = { (v: Double) in v >= lo - (hi - lo) * 1e-9 && v <= hi + (hi - lo) * 1e-9 }
        if let fixed {
            let decimals = fixed.map { decimalsNeeded($0.position) }.max() ?? 0
            return fixed.filter { inside($0.position) }.map {
                Tick(position: $0.position, label: $0.label ?? TickFormat.plain($0.position, decimals: decimals))
            }
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
        let xAuto = AxisRange.auto(dataMin: xs.min() ?? 0, dataMax: xs.max() ?? 1,
                                   sticky: edgeSticky(xSticky, xs))
        let yAuto = AxisRange.auto(dataMin: ys.min() ?? 0, dataMax: ys.max() ?? 1,
                                   sticky: edgeSticky(ySticky, ys))
        var x = Limits(start: xAuto.lower, end: xAuto.upper)
        var y = axes.yInverted ? Limits(start: yAuto.upper, end: yAuto.lower)
                               : Limits(start: yAuto.lower, end: yAuto.upper)
        if let (a, b) = axes.xLimits, a.isFinite, b.isFinite, a != b { x = Limits(start: a, end: b) }
        if let (a, b) = axes.yLimits, a.isFinite, b.isFinite, a != b { y = Limits(start: a, end: b) }
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
