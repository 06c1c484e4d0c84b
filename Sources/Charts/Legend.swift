/// matplotlib's legend: a white, lightly bordered box of entries (a sample of each labelled
/// artist and its label), placed at a named location or at the "best" one, i.e. the first
/// candidate location covering the least data.
struct Legend {
    let axes: Axes
    let layout: AxesLayout
    let style: ChartStyle

    private var font: Double { style.legendFont }
    private var entries: [(Artist, String)] {
        axes.artists.compactMap { artist in artist.legendLabel.map { (artist, $0) } }
    }

    func draw(at location: LegendLocation, into svg: inout SVGWriter) {
        let entries = self.entries
        guard !entries.isEmpty else { return }
        let pad = 0.4 * font, handle = 2 * font, handleGap = 0.8 * font, spacing = 0.5 * font
        let textWidth = entries.map { TextMetrics.width($0.1, size: font) }.max() ?? 0
        let width = 2 * pad + handle + handleGap + textWidth
        let height = 2 * pad + Double(entries.count) * font + Double(entries.count - 1) * spacing
        let box = place(width: width, height: height, location: location)
        svg.rect(x: box.x, y: box.y, width: box.width, height: box.height, fill: "#ffffff",
                 stroke: style.legendEdge, strokeWidth: 0.8 * style.pt, opacity: 0.85,
                 cornerRadius: 0.2 * font)
        for (i, (artist, label)) in entries.enumerated() {
            let rowTop = box.y + pad + Double(i) * (font + spacing)
            let midY = rowTop + font * 0.5
            drawHandle(artist, x: box.x + pad, y: midY, length: handle, into: &svg)
            svg.text(label, x: box.x + pad + handle + handleGap, y: midY + font * 0.35, size: font,
                     fill: style.textColor)
        }
    }

    private func drawHandle(_ artist: Artist, x: Double, y: Double, length: Double,
                            into svg: inout SVGWriter) {
        switch artist {
        case .line(let line):
            let width = line.lineWidth * style.pt
            if line.lineStyle != .none {
                svg.path(points: [(x, y), (x + length, y)], stroke: line.color.hex, width: width,
                         dashArray: line.lineStyle.dashArray(lineWidth: width), opacity: line.alpha)
            }
            if let marker = line.marker {
                svg.raw(MarkerShape.svg(marker, x: x + length / 2, y: y, diameter: line.markerSize * style.pt,
                                        color: line.color.hex, opacity: line.alpha,
                                        outline: axes.outlinesMarkers ? "#ffffff" : nil,
                                        strokeWidth: 0.8 * style.pt))
            }
        case .scatter(let scatter):
            svg.raw(MarkerShape.svg(scatter.marker, x: x + length / 2, y: y,
                                    diameter: min(scatter.size.squareRoot() * style.pt, font),
                                    color: scatter.color.hex, opacity: scatter.alpha))
        case .bars(let bars):
            svg.rect(x: x, y: y - font * 0.35, width: length, height: font * 0.7, fill: bars.color.hex,
                     opacity: bars.alpha)
        case .image, .text:
            break
        }
    }

    /// The box for a location; `best` tries matplotlib's candidates in its order.
    private func place(width: Double, height: Double, location: LegendLocation) -> Box {
        if location != .best { return box(for: location, width: width, height: height) }
        let candidates = LegendLocation.allCases.filter { $0 != .best }
        let (points, segments, rects) = dataShapes()
        var best = (box(for: candidates[0], width: width, height: height), Int.max)
        for candidate in candidates {
            let b = box(for: candidate, width: width, height: height)
            var badness = points.filter { b.contains($0.0, $0.1) }.count
            badness += rects.filter { $0.overlaps(b) }.count
            badness += segments.filter { line in zip(line, line.dropFirst()).contains { b.intersects($0, $1) } }.count
            if badness == 0 { return b }
            if badness < best.1 { best = (b, badness) }
        }
        return best.0
    }

    private func box(for location: LegendLocation, width: Double, height: Double) -> Box {
        let plot = layout.plot, inset = 0.5 * font
        let left = plot.x + inset, right = plot.right - inset - width, midX = plot.midX - width / 2
        let top = plot.y + inset, bottom = plot.bottom - inset - height, midY = plot.midY - height / 2
        switch location {
        case .best, .upperRight: return Box(x: right, y: top, width: width, height: height)
        case .upperLeft: return Box(x: left, y: top, width: width, height: height)
        case .lowerLeft: return Box(x: left, y: bottom, width: width, height: height)
        case .lowerRight: return Box(x: right, y: bottom, width: width, height: height)
        case .right, .centerRight: return Box(x: right, y: midY, width: width, height: height)
        case .centerLeft: return Box(x: left, y: midY, width: width, height: height)
        case .lowerCenter: return Box(x: midX, y: bottom, width: width, height: height)
        case .upperCenter: return Box(x: midX, y: top, width: width, height: height)
        case .center: return Box(x: midX, y: midY, width: width, height: height)
        }
    }

    /// Data in pixels: line vertices and scatter points, polylines, bar rectangles.
    private func dataShapes() -> ([(Double, Double)], [[(Double, Double)]], [Box]) {
        var points: [(Double, Double)] = [], lines: [[(Double, Double)]] = [], rects: [Box] = []
        for artist in axes.artists {
            switch artist {
            case .line(let l):
                let run = zip(l.x, l.y).filter { $0.0.isFinite && $0.1.isFinite }
                    .map { (layout.px($0.0), layout.py($0.1)) }
                points += run
                if l.lineStyle != .none { lines.append(run) }
            case .scatter(let s):
                points += zip(s.x, s.y).filter { $0.0.isFinite && $0.1.isFinite }
                    .map { (layout.px($0.0), layout.py($0.1)) }
            case .bars(let b):
                for bar in b.bars {
                    let x0 = layout.px(bar.left), x1 = layout.px(bar.right)
                    let y0 = layout.py(bar.bottom), y1 = layout.py(bar.top)
                    rects.append(Box(x: min(x0, x1), y: min(y0, y1), width: abs(x1 - x0), height: abs(y1 - y0)))
                }
            case .image, .text:
                break
            }
        }
        return (points, lines, rects)
    }
}
