/// How a line is stroked: matplotlib's `linestyle`.
public enum LineStyle: String, Sendable, CaseIterable {
    case solid = "-"
    case dashed = "--"
    case dotted = ":"
    case dashDot = "-."
    case none = "None"

    /// Parses `"-"`, `"--"`, `":"`, `"-."`, their long names (`"solid"`, `"dashed"`, ...),
    /// and `"None"`, `" "`, `""` for no line.
    public init(matplotlib text: String) throws {
        switch text {
        case "-", "solid": self = .solid
        case "--", "dashed": self = .dashed
        case ":", "dotted": self = .dotted
        case "-.", "dashdot": self = .dashDot
        case "None", "none", " ", "": self = .none
        default: throw ChartError.unknownLineStyle(text)
        }
    }

    /// SVG `stroke-dasharray` for a line of the given width, using matplotlib's dash
    /// patterns (which scale with the line width); nil for solid lines.
    func dashArray(lineWidth: Double) -> String? {
        let pattern: [Double]
        switch self {
        case .solid, .none: return nil
        case .dashed: pattern = [3.7, 1.6]
        case .dotted: pattern = [1, 1.65]
        case .dashDot: pattern = [6.4, 1.6, 1, 1.6]
        }
        return pattern.map { SVGNumber.format($0 * lineWidth) }.joined(separator: " ")
    }
}

/// A point marker: matplotlib's `marker`.
public enum Marker: String, Sendable, CaseIterable {
    case circle = "o"
    case point = "."
    case pixel = ","
    case cross = "x"
    case plus = "+"
    case square = "s"
    case diamond = "D"
    case triangleUp = "^"
    case triangleDown = "v"
    case star = "*"

    /// Parses a marker code (`"o"`, `"."`, `"x"`, `"s"`, `"^"`, ...); `"None"`/`""` give nil.
    public static func parse(_ text: String) throws -> Marker? {
        if text == "None" || text == "none" || text == "" || text == " " { return nil }
        if text == "d" { return .diamond }
        guard let marker = Marker(rawValue: text) else { throw ChartError.unknownMarker(text) }
        return marker
    }
}

/// The parts of a `plot` format string such as `"ro--"`: colour, marker, line style.
///
///     try PlotFormat("r--")   // color red, line dashed, no marker
///     try PlotFormat("o")     // marker circle, no line (a marker alone turns the line off)
public struct PlotFormat: Equatable, Sendable {
    public var color: Color?
    public var marker: Marker?
    public var lineStyle: LineStyle?

    public init(_ format: String) throws {
        var rest = Substring(format)
        // Line styles first, longest first, like matplotlib's _process_plot_format.
        for style in [LineStyle.dashed, .dashDot, .solid, .dotted] {
            if let range = rest.range(of: style.rawValue) {
                if lineStyle != nil { throw ChartError.invalidFormat(format) }
                lineStyle = style
                rest.removeSubrange(range)
                break
            }
        }
        var chars = Array(rest)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "C", i + 1 < chars.count, chars[i + 1].isNumber {
                guard color == nil, let n = chars[i + 1].wholeNumberValue else { throw ChartError.invalidFormat(format) }
                color = Color.cycle(n)
                i += 2
                continue
            }
            if "bgrcmykw".contains(c) {
                guard color == nil else { throw ChartError.invalidFormat(format) }
                color = try Color(matplotlib: String(c))
            } else if let m = Marker(rawValue: String(c)) ?? (c == "d" ? .diamond : nil) {
                guard marker == nil else { throw ChartError.invalidFormat(format) }
                marker = m
            } else {
                throw ChartError.invalidFormat(format)
            }
            i += 1
        }
        chars.removeAll()
        if marker != nil && lineStyle == nil { lineStyle = LineStyle.none }
    }
}
