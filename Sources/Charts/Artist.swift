/// One thing drawn inside an `Axes`. A closed set: the renderer switches over it.
public enum Artist: Equatable, Sendable {
    case line(LineSeries)
    case scatter(ScatterSeries)
    case bars(BarSeries)
    case image(ImageData)

    /// The legend label, if the artist asked for one (labels starting with `_` are hidden,
    /// as in matplotlib).
    var legendLabel: String? {
        let label: String?
        switch self {
        case .line(let l): label = l.label
        case .scatter(let s): label = s.label
        case .bars(let b): label = b.label
        case .image: label = nil
        }
        guard let text = label, !text.hasPrefix("_") else { return nil }
        return text
    }

    /// matplotlib's default z-order: images 0, patches and collections 1, lines 2.
    var zOrder: Int {
        switch self {
        case .image: return 0
        case .bars, .scatter: return 1
        case .line: return 2
        }
    }
}

/// `plot(x, y)`: a polyline, broken at non-finite values, with optional markers.
public struct LineSeries: Equatable, Sendable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    public var color: Color
    public var lineStyle: LineStyle
    /// Stroke width in points (matplotlib default 1.5).
    public var lineWidth: Double
    public var marker: Marker?
    /// Marker diameter in points (matplotlib default 6).
    public var markerSize: Double
    public var alpha: Double?
}

/// `scatter(x, y)`: markers only.
public struct ScatterSeries: Equatable, Sendable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    public var color: Color
    public var marker: Marker
    /// Marker area in points squared, matplotlib's `s` (default 36).
    public var size: Double
    public var alpha: Double?
}

/// `bar` and `hist`: axis-aligned rectangles in data coordinates.
public struct BarSeries: Equatable, Sendable {
    public struct Bar: Equatable, Sendable {
        public var left: Double, right: Double, bottom: Double, top: Double
    }
    public var bars: [Bar]
    public var label: String?
    public var color: Color
    public var alpha: Double?
    /// Whether the bars come from `hist` (drawn touching, with hairline white edges).
    public var isHistogram: Bool
}

/// `imshow`: a matrix of values mapped through a colormap, one unit square per pixel,
/// row 0 at the top.
public struct ImageData: Equatable, Sendable {
    public var pixels: [[Double]]
    public var colormap: Colormap
    public var vmin: Double
    public var vmax: Double
    public var rows: Int { pixels.count }
    public var columns: Int { pixels.first?.count ?? 0 }
}
