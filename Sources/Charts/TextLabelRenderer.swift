import Foundation

/// Draws a `TextLabel` (`text`, `annotate`): the string anchored as matplotlib's `ha`/`va`
/// ask, turned by `rotation`, and for annotations a straight arrow from the text to its target.
struct TextLabelRenderer {
    let label: TextLabel
    let layout: AxesLayout
    let style: ChartStyle

    func draw(into svg: inout SVGWriter) {
        let n = SVGWriter.n
        let (x, y) = position()
        let size = label.fontSize * style.pt
        if let (tx, ty) = label.arrowTarget, tx.isFinite, ty.isFinite {
            drawArrow(from: (x, y), to: (layout.px(tx), layout.py(ty)), into: &svg)
        }
        // SVG anchors at the baseline; shift it for matplotlib's vertical alignments.
        let shift: Double
        switch label.verticalAlignment {
        case .baseline: shift = 0
        case .bottom: shift = -size * 0.22
        case .center: shift = size * 0.35
        case .top: shift = size * 0.78
        }
        let anchor: SVGWriter.Anchor
        switch label.horizontalAlignment {
        case .left: anchor = .start
        case .center: anchor = .middle
        case .right: anchor = .end
        }
        var element = "<text x=\"\(n(x))\" y=\"\(n(y + shift))\" font-size=\"\(n(size))\""
        if anchor != .start { element += " text-anchor=\"\(anchor.rawValue)\"" }
        element += " fill=\"\(label.color.hex)\""
        if label.rotation != 0 { element += " transform=\"rotate(\(n(-label.rotation)) \(n(x)) \(n(y)))\"" }
        svg.raw(element + ">\(XMLEscape.text(label.text))</text>")
    }

    /// The anchor point in pixels.
    private func position() -> (Double, Double) {
        let (dx, dy) = label.offsetPoints
        guard label.inAxesFraction else {
            return (layout.px(label.x) + dx * style.pt, layout.py(label.y) - dy * style.pt)
        }
        let box = layout.plot
        return (box.x + label.x * box.width + dx * style.pt, box.bottom - label.y * box.height - dy * style.pt)
    }

    /// A line ending in a filled triangle at the target, stopping short of the text.
    private func drawArrow(from start: (Double, Double), to end: (Double, Double), into svg: inout SVGWriter) {
        let n = SVGWriter.n
        let dx = end.0 - start.0, dy = end.1 - start.1
        let length = (dx * dx + dy * dy).squareRoot()
        let gap = label.fontSize * style.pt * 0.6
        guard length > gap + 1 else { return }
        let ux = dx / length, uy = dy / length
        let from = (start.0 + ux * gap, start.1 + uy * gap)
        let head = 8 * style.pt, half = 3 * style.pt
        let base = (end.0 - ux * head, end.1 - uy * head)
        let color = label.arrowColor.hex
        svg.line(x1: from.0, y1: from.1, x2: base.0, y2: base.1, stroke: color, width: style.pt)
        let left = (base.0 - uy * half, base.1 + ux * half), right = (base.0 + uy * half, base.1 - ux * half)
        svg.raw("<path d=\"M\(n(end.0)) \(n(end.1))L\(n(left.0)) \(n(left.1))L\(n(right.0)) \(n(right.1))z\" fill=\"\(color)\"/>")
    }
}
