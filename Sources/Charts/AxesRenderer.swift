/// Draws one `Axes` into an SVG writer, given its layout: grid, artists (clipped to the
/// plot box), frame, ticks, labels, title, legend. Order follows matplotlib's z-order.
struct AxesRenderer {
    let axes: Axes
    let layout: AxesLayout
    let style: ChartStyle
    /// The grid cell the axes was laid out in (the colorbar sits in its right part).
    var cell: Box = Box(x: 0, y: 0, width: 0, height: 0)

    func draw(into svg: inout SVGWriter) {
        let box = layout.plot
        let n = SVGWriter.n
        if axes.showsGrid { drawGrid(into: &svg) }
        // A nested <svg> clips the data to the plot box without needing an id.
        svg.raw("<svg x=\"\(n(box.x))\" y=\"\(n(box.y))\" width=\"\(n(box.width))\" height=\"\(n(box.height))\""
            + " viewBox=\"\(n(box.x)) \(n(box.y)) \(n(box.width)) \(n(box.height))\" overflow=\"hidden\">")
        let ordered = axes.artists.enumerated().sorted { ($0.element.zOrder, $0.offset) < ($1.element.zOrder, $1.offset) }
        for (_, artist) in ordered { drawArtist(artist, into: &svg) }
        svg.raw("</svg>")
        if axes.showsAxis { drawFrame(into: &svg) }
        if let title = axes.title {
            svg.text(title, x: box.midX, y: box.y - style.titlePad - style.titleFont * 0.25,
                     size: style.titleFont, anchor: .middle, fill: style.textColor)
        }
        if let colorbar = axes.colorbar {
            ColorbarRenderer(colorbar: colorbar, layout: layout, cell: cell, style: style).draw(into: &svg)
        }
        if let location = axes.legendLocation {
            Legend(axes: axes, layout: layout, style: style).draw(at: location, into: &svg)
        }
    }

    private func drawGrid(into svg: inout SVGWriter) {
        let box = layout.plot
        // Grid lines belong to their axis' ticks: a hidden axis draws none (as matplotlib's).
        for tick in axes.showsXAxis ? layout.xTicks : [] {
            let x = layout.px(tick.position)
            svg.line(x1: x, y1: box.y, x2: x, y2: box.bottom, stroke: style.gridColor, width: style.gridWidth)
        }
        for tick in axes.showsYAxis ? layout.yTicks : [] {
            let y = layout.py(tick.position)
            svg.line(x1: box.x, y1: y, x2: box.right, y2: y, stroke: style.gridColor, width: style.gridWidth)
        }
    }

    private func drawArtist(_ artist: Artist, into svg: inout SVGWriter) {
        switch artist {
        case .line(let line): drawLine(line, into: &svg)
        case .scatter(let scatter):
            let diameter = scatter.size.squareRoot() * style.pt
            svg.raw("<g>")
            for (a, b) in zip(scatter.x, scatter.y) where a.isFinite && b.isFinite {
                svg.raw(MarkerShape.svg(scatter.marker, x: layout.px(a), y: layout.py(b), diameter: diameter,
                                        color: scatter.color.hex, opacity: scatter.alpha))
            }
            svg.raw("</g>")
        case .bars(let series): drawBars(series, into: &svg)
        case .image(let image):
            let x0 = layout.px(-0.5), x1 = layout.px(Double(image.columns) - 0.5)
            let y0 = layout.py(-0.5), y1 = layout.py(Double(image.rows) - 0.5)
            // Row 0 is drawn at y0; with an inverted axis that is the top edge.
            let box = Box(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0))
            var image = image
            if y0 > y1 { image.pixels.reverse(); image.rgb?.reverse() }
            if x0 > x1 {
                image.pixels = image.pixels.map { $0.reversed() }
                image.rgb = image.rgb?.map { $0.reversed() }
            }
            for line in ImageRaster.svg(image, in: box) { svg.raw(line) }
        case .text(let label): TextLabelRenderer(label: label, layout: layout, style: style).draw(into: &svg)
        }
    }

    private func drawLine(_ line: LineSeries, into svg: inout SVGWriter) {
        let width = line.lineWidth * style.pt
        var runs: [[(Double, Double)]] = [[]]
        for (a, b) in zip(line.x, line.y) {
            if a.isFinite && b.isFinite {
                runs[runs.count - 1].append((layout.px(a), layout.py(b)))
            } else if !(runs.last?.isEmpty ?? true) {
                runs.append([])
            }
        }
        if line.lineStyle != .none {
            for run in runs where run.count >= 2 {
                svg.path(points: run, stroke: line.color.hex, width: width,
                         dashArray: line.lineStyle.dashArray(lineWidth: width), opacity: line.alpha)
            }
        }
        if let marker = line.marker {
            for point in runs.joined() {
                svg.raw(MarkerShape.svg(marker, x: point.0, y: point.1, diameter: line.markerSize * style.pt,
                                        color: line.color.hex, opacity: line.alpha,
                                        outline: axes.outlinesMarkers ? "#ffffff" : nil,
                                        strokeWidth: 0.8 * style.pt))
            }
        }
    }

    private func drawBars(_ series: BarSeries, into svg: inout SVGWriter) {
        var group = "<g fill=\"\(series.color.hex)\""
        if let alpha = series.alpha { group += " fill-opacity=\"\(SVGNumber.format(alpha, decimals: 3))\"" }
        if series.isHistogram { group += " stroke=\"#ffffff\" stroke-width=\"\(SVGWriter.n(0.5 * style.pt))\"" }
        svg.raw(group + ">")
        let n = SVGWriter.n
        for bar in series.bars where [bar.left, bar.right, bar.bottom, bar.top].allSatisfy(\.isFinite) {
            let x0 = layout.px(bar.left), x1 = layout.px(bar.right)
            let y0 = layout.py(bar.bottom), y1 = layout.py(bar.top)
            let height = abs(y1 - y0)
            if height == 0 { continue }
            let fill = bar.color.map { " fill=\"\($0.hex)\"" } ?? ""
            svg.raw("<rect x=\"\(n(min(x0, x1)))\" y=\"\(n(min(y0, y1)))\" width=\"\(n(abs(x1 - x0)))\" height=\"\(n(height))\"\(fill)/>")
        }
        svg.raw("</g>")
    }

    private func drawFrame(into svg: inout SVGWriter) {
        let box = layout.plot
        let stroke = style.spineColor, width = style.spineWidth
        if axes.openFrame {
            svg.line(x1: box.x, y1: box.y, x2: box.x, y2: box.bottom, stroke: stroke, width: width)
            svg.line(x1: box.x, y1: box.bottom, x2: box.right, y2: box.bottom, stroke: stroke, width: width)
        } else {
            svg.rect(x: box.x, y: box.y, width: box.width, height: box.height, fill: "none",
                     stroke: stroke, strokeWidth: width)
        }
        let tickEnd = style.tickLength
        let labelY = box.bottom + tickEnd + style.tickPad + style.tickFont * 0.8
        for tick in axes.showsXAxis ? layout.xTicks : [] {
            let x = layout.px(tick.position)
            svg.line(x1: x, y1: box.bottom, x2: x, y2: box.bottom + tickEnd, stroke: stroke, width: width)
            if axes.xTickRotation == 0 {
                svg.text(tick.label, x: x, y: labelY, size: style.tickFont, anchor: .middle, fill: style.textColor)
            } else {
                // Turned labels hang from the tick by their end, as matplotlib's ha='right' look.
                let top = box.bottom + tickEnd + style.tickPad + style.tickFont * 0.35
                svg.text(tick.label, x: x, y: top, size: style.tickFont, anchor: .end,
                         fill: style.textColor, angle: axes.xTickRotation)
            }
        }
        let labelX = box.x - tickEnd - style.tickPad
        var widest = 0.0
        for tick in axes.showsYAxis ? layout.yTicks : [] {
            let y = layout.py(tick.position)
            svg.line(x1: box.x - tickEnd, y1: y, x2: box.x, y2: y, stroke: stroke, width: width)
            svg.text(tick.label, x: labelX, y: y + style.tickFont * 0.35, size: style.tickFont, anchor: .end,
                     fill: style.textColor, angle: axes.yTickRotation)
            widest = max(widest, TextMetrics.width(tick.label, size: style.tickFont))
        }
        if let xLabel = axes.xLabel, axes.showsXAxis {
            svg.text(xLabel, x: box.midX, y: labelY + layout.xTickOverhang + style.labelPad + style.labelFont * 1.05,
                     size: style.labelFont, anchor: .middle, fill: style.textColor)
        }
        if let yLabel = axes.yLabel, axes.showsYAxis {
            let x = labelX - widest - style.labelPad - style.labelFont * 0.25
            svg.text(yLabel, x: x, y: box.midY, size: style.labelFont, anchor: .middle,
                     fill: style.textColor, rotate: true)
        }
    }
}
