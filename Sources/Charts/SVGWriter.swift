/// Builds SVG markup line by line. Every number goes through `SVGNumber` and every piece of
/// text through `XMLEscape`, so callers cannot forget either.
struct SVGWriter {
    private(set) var lines: [String] = []

    /// How text is anchored horizontally (`text-anchor`).
    enum Anchor: String { case start, middle, end }

    static let fontFamily =
        "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"

    static func n(_ value: Double) -> String { SVGNumber.format(value) }

    mutating func raw(_ line: String) { lines.append(line) }

    /// Opens the root element: responsive width, fixed aspect through the viewBox.
    mutating func open(width: Double, height: Double, label: String) {
        let w = SVGWriter.n(width), h = SVGWriter.n(height)
        raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(w) \(h)\" width=\"100%\""
            + " style=\"max-width:\(w)px;height:auto\" role=\"img\""
            + " aria-label=\"\(XMLEscape.text(label))\" font-family=\"\(SVGWriter.fontFamily)\">")
        if !label.isEmpty { raw("<title>\(XMLEscape.text(label))</title>") }
        raw("<rect width=\"\(w)\" height=\"\(h)\" fill=\"#ffffff\"/>")
    }

    mutating func close() { raw("</svg>") }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String,
                       stroke: String? = nil, strokeWidth: Double = 1, opacity: Double? = nil,
                       cornerRadius: Double = 0) {
        var s = "<rect x=\"\(SVGWriter.n(x))\" y=\"\(SVGWriter.n(y))\" width=\"\(SVGWriter.n(width))\""
            + " height=\"\(SVGWriter.n(height))\""
        if cornerRadius > 0 { s += " rx=\"\(SVGWriter.n(cornerRadius))\"" }
        s += " fill=\"\(fill)\""
        if let o = opacity { s += " fill-opacity=\"\(SVGNumber.format(o, decimals: 3))\"" }
        if let stroke { s += " stroke=\"\(stroke)\" stroke-width=\"\(SVGWriter.n(strokeWidth))\"" }
        raw(s + "/>")
    }

    /// A straight segment; `crisp` switches antialiasing off for axis-parallel hairlines.
    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                       width: Double) {
        raw("<line x1=\"\(SVGWriter.n(x1))\" y1=\"\(SVGWriter.n(y1))\" x2=\"\(SVGWriter.n(x2))\""
            + " y2=\"\(SVGWriter.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(SVGWriter.n(width))\"/>")
    }

    /// An open polyline as a path (`M x y L x y ...`).
    mutating func path(points: [(Double, Double)], stroke: String, width: Double,
                       dashArray: String?, opacity: Double?) {
        guard let first = points.first else { return }
        var d = "M\(SVGWriter.n(first.0)) \(SVGWriter.n(first.1))"
        for p in points.dropFirst() { d += "L\(SVGWriter.n(p.0)) \(SVGWriter.n(p.1))" }
        var s = "<path d=\"\(d)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(SVGWriter.n(width))\""
            + " stroke-linejoin=\"round\" stroke-linecap=\"butt\""
        if let dashArray { s += " stroke-dasharray=\"\(dashArray)\"" }
        if let o = opacity { s += " stroke-opacity=\"\(SVGNumber.format(o, decimals: 3))\"" }
        raw(s + "/>")
    }

    /// Text at a baseline point. `rotate` turns it by -90° around that point (y labels),
    /// `angle` by that many degrees counter-clockwise (rotated tick labels).
    mutating func text(_ string: String, x: Double, y: Double, size: Double,
                       anchor: Anchor = .start, fill: String = "#222222", bold: Bool = false,
                       rotate: Bool = false, angle: Double = 0) {
        var s = "<text x=\"\(SVGWriter.n(x))\" y=\"\(SVGWriter.n(y))\" font-size=\"\(SVGWriter.n(size))\""
        if anchor != .start { s += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { s += " font-weight=\"600\"" }
        s += " fill=\"\(fill)\""
        if rotate { s += " transform=\"rotate(-90 \(SVGWriter.n(x)) \(SVGWriter.n(y)))\"" }
        else if angle != 0 { s += " transform=\"rotate(\(SVGWriter.n(-angle)) \(SVGWriter.n(x)) \(SVGWriter.n(y)))\"" }
        raw(s + ">\(XMLEscape.text(string))</text>")
    }

    var output: String { lines.joined(separator: "\n") + "\n" }
}

/// Approximate text extents for layout, since we cannot measure fonts. Widths are average
/// advance widths of common sans-serif fonts, as fractions of the font size, erring wide.
enum TextMetrics {
    static func width(_ text: String, size: Double) -> Double {
        var em = 0.0
        for ch in text {
            switch ch {
            case "0"..."9": em += 0.58
            case ".", ",", ":", ";", "'", "|", "!": em += 0.3
            case "i", "j", "l", "I", "f", "t", "r": em += 0.33
            case " ": em += 0.3
            case "-", "(", ")", "[", "]": em += 0.38
            case "m", "w", "M", "W": em += 0.86
            case "A"..."Z": em += 0.68
            case "a"..."z": em += 0.55
            default: em += 0.62
            }
        }
        return em * size
    }
}
