/// SVG for one marker centred on a point: filled shapes for `o . s D ^ v *`, stroked
/// strokes for `x +`. `diameter` is the marker size in pixels.
enum MarkerShape {
    static func svg(_ marker: Marker, x: Double, y: Double, diameter: Double, color: String,
                    opacity: Double?, outline: String? = nil, strokeWidth: Double = 1) -> String {
        let n = SVGWriter.n
        var paint = " fill=\"\(color)\""
        if let opacity { paint += " fill-opacity=\"\(SVGNumber.format(opacity, decimals: 3))\"" }
        if let outline { paint += " stroke=\"\(outline)\" stroke-width=\"\(n(strokeWidth))\"" }
        let r = diameter / 2
        switch marker {
        case .circle:
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\"\(paint)/>"
        case .point:
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r / 2))\"\(paint)/>"
        case .pixel:
            return "<rect x=\"\(n(x - 0.5))\" y=\"\(n(y - 0.5))\" width=\"1\" height=\"1\"\(paint)/>"
        case .square:
            let h = r * 0.85
            return "<rect x=\"\(n(x - h))\" y=\"\(n(y - h))\" width=\"\(n(2 * h))\" height=\"\(n(2 * h))\"\(paint)/>"
        case .diamond:
            return polygon([(0, -r), (r * 0.7, 0), (0, r), (-r * 0.7, 0)], x, y, paint)
        case .triangleUp:
            return polygon([(0, -r), (r, r * 0.75), (-r, r * 0.75)], x, y, paint)
        case .triangleDown:
            return polygon([(0, r), (r, -r * 0.75), (-r, -r * 0.75)], x, y, paint)
        case .star:
            let points = (0..<10).map { k -> (Double, Double) in
                let radius = k % 2 == 0 ? r * 1.1 : r * 0.45
                return (radius * starSines[k], -radius * starCosines[k])
            }
            return polygon(points, x, y, paint)
        case .cross, .plus:
            let h = r * 0.85
            let d = marker == .cross
                ? "M\(n(x - h)) \(n(y - h))L\(n(x + h)) \(n(y + h))M\(n(x - h)) \(n(y + h))L\(n(x + h)) \(n(y - h))"
                : "M\(n(x - r)) \(n(y))L\(n(x + r)) \(n(y))M\(n(x)) \(n(y - r))L\(n(x)) \(n(y + r))"
            var stroke = " fill=\"none\" stroke=\"\(color)\" stroke-width=\"\(n(max(1, diameter / 6)))\""
            if let opacity { stroke += " stroke-opacity=\"\(SVGNumber.format(opacity, decimals: 3))\"" }
            return "<path d=\"\(d)\"\(stroke)/>"
        }
    }

    private static func polygon(_ points: [(Double, Double)], _ x: Double, _ y: Double,
                                _ paint: String) -> String {
        let n = SVGWriter.n
        let d = points.enumerated().map { i, p in (i == 0 ? "M" : "L") + "\(n(x + p.0)) \(n(y + p.1))" }
        return "<path d=\"\(d.joined())Z\"\(paint)/>"
    }

    // The ten star vertices lie at multiples of 36°; sine and cosine are tabulated so that
    // the output never depends on a platform's libm.
    private static let starSines: [Double] = [
        0, 0.587785, 0.951057, 0.951057, 0.587785, 0, -0.587785, -0.951057, -0.951057, -0.587785,
    ]
    private static let starCosines: [Double] = [
        1, 0.809017, 0.309017, -0.309017, -0.809017, -1, -0.809017, -0.309017, 0.309017, 0.809017,
    ]
}
