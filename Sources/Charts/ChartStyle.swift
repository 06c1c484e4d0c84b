/// Sizes and colours of everything that is not data, in pixels, derived from matplotlib's
/// defaults (given in points) at the figure's dpi.
struct ChartStyle: Sendable {
    /// Pixels per typographic point.
    let pt: Double

    init(dpi: Double) { pt = dpi / 72 }

    var tickFont: Double { 10 * pt }
    var labelFont: Double { 10 * pt }
    var titleFont: Double { 12 * pt }
    var legendFont: Double { 10 * pt }
    var figureTitleFont: Double { 13 * pt }
    var tickLength: Double { 3.5 * pt }
    var tickPad: Double { 3.5 * pt }
    var labelPad: Double { 4 * pt }
    var titlePad: Double { 6 * pt }
    var spineWidth: Double { 0.8 * pt }
    var gridWidth: Double { 0.8 * pt }
    /// Padding around the figure and between subplots.
    var outerPad: Double { 6 * pt }
    var cellGap: Double { 10 * pt }

    let textColor = "#222222"
    let spineColor = "#333333"
    let gridColor = "#dddddd"
    let legendEdge = "#cccccc"
}

/// A rectangle in figure pixels, y growing downwards.
struct Box: Equatable, Sendable {
    var x: Double, y: Double, width: Double, height: Double
    var right: Double { x + width }
    var bottom: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }

    func contains(_ px: Double, _ py: Double) -> Bool {
        px >= x && px <= right && py >= y && py <= bottom
    }

    func overlaps(_ other: Box) -> Bool {
        x < other.right && other.x < right && y < other.bottom && other.y < bottom
    }

    /// Whether the segment from p to q touches the box (Liang–Barsky clipping).
    func intersects(_ p: (Double, Double), _ q: (Double, Double)) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = q.0 - p.0, dy = q.1 - p.1
        for (edgeP, edgeQ) in [(-dx, p.0 - x), (dx, right - p.0), (-dy, p.1 - y), (dy, bottom - p.1)] {
            if edgeP == 0 {
                if edgeQ < 0 { return false }
            } else {
                let r = edgeQ / edgeP
                if edgeP < 0 { if r > t1 { return false }; t0 = max(t0, r) } else { if r < t0 { return false }; t1 = min(t1, r) }
            }
        }
        return true
    }
}
