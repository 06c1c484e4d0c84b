/// `colorbar`: the colormap of an image or scatter drawn as a vertical bar to the right of
/// its axes, `vmin` at the bottom, with ticks and an optional label. The axes gives up
/// matplotlib's `fraction=0.15` of its cell width to make room.
public struct Colorbar: Equatable, Sendable {
    public var colormap: Colormap
    public var vmin: Double
    public var vmax: Double
    public var label: String?

    public init(colormap: Colormap, vmin: Double, vmax: Double, label: String? = nil) {
        self.colormap = colormap; self.vmin = vmin; self.vmax = vmax; self.label = label
    }

    /// The share of the cell width the colorbar takes (matplotlib's default `fraction`).
    static let fraction = 0.15
}

struct ColorbarRenderer {
    let colorbar: Colorbar
    let layout: AxesLayout
    let cell: Box
    let style: ChartStyle

    /// Bands of one colour each: a listed map's own colours, else 64 samples.
    private var bands: [Color] {
        let map = colorbar.colormap
        if map.colors.count <= 64 { return map.colors }
        return (0..<64).map { map.color(at: (Double($0) + 0.5) / 64) }
    }

    func draw(into svg: inout SVGWriter) {
        let n = SVGWriter.n
        let plot = layout.plot
        let width = min(cell.width * 0.04, plot.height / 20)
        let box = Box(x: plot.right + cell.width * 0.03, y: plot.y, width: width, height: plot.height)
        let colors = bands
        let step = box.height / Double(colors.count)
        svg.raw("<g shape-rendering=\"crispEdges\">")
        for (i, color) in colors.enumerated() {
            // Band 0 (vmin) at the bottom; each band overlaps the next by a hair against seams.
            let top = box.bottom - Double(i + 1) * step
            svg.raw("<rect x=\"\(n(box.x))\" y=\"\(n(top))\" width=\"\(n(box.width))\" height=\"\(n(step + (i + 1 < colors.count ? 0.5 : 0)))\" fill=\"\(color.hex)\"/>")
        }
        svg.raw("</g>")
        svg.rect(x: box.x, y: box.y, width: box.width, height: box.height, fill: "none",
                 stroke: style.spineColor, strokeWidth: style.spineWidth)
        let lo = min(colorbar.vmin, colorbar.vmax), hi = max(colorbar.vmin, colorbar.vmax)
        guard hi > lo else { return }
        let ticks = AxesLayout.ticks(fixed: nil, limits: AxesLayout.Limits(start: lo, end: hi), length: box.height,
                                     vertical: true, integers: false, style: style)
        var widest = 0.0
        for tick in ticks {
            let y = box.bottom - (tick.position - lo) / (hi - lo) * box.height
            svg.line(x1: box.right, y1: y, x2: box.right + style.tickLength, y2: y, stroke: style.spineColor,
                     width: style.spineWidth)
            svg.text(tick.label, x: box.right + style.tickLength + style.tickPad, y: y + style.tickFont * 0.35,
                     size: style.tickFont, fill: style.textColor)
            widest = max(widest, TextMetrics.width(tick.label, size: style.tickFont))
        }
        if let label = colorbar.label {
            let x = box.right + style.tickLength + style.tickPad + widest + style.labelPad + style.labelFont * 0.8
            svg.text(label, x: x, y: box.midY, size: style.labelFont, anchor: .middle, fill: style.textColor, angle: 90)
        }
    }
}
