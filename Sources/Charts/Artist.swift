/// One thing drawn inside an `Axes`. A closed set: the renderer switches over it.
public enum Artist: Equatable, Sendable {
    case line(LineSeries)
    case scatter(ScatterSeries)
    case bars(BarSeries)
    case image(ImageData)
    case text(TextLabel)

    /// The legend label, if the artist asked for one (labels starting with `_` are hidden,
    /// as in matplotlib).
    var legendLabel: String? {
        guard let text = label, !text.hasPrefix("_") else { return nil }
        return text
    }

    /// The label given with `label=` (images and texts have none).
    public var label: String? {
        get {
            switch self {
            case .line(let l): return l.label
            case .scatter(let s): return s.label
            case .bars(let b): return b.label
            case .image, .text: return nil
            }
        }
        set {
            switch self {
            case .line(var l): l.label = newValue; self = .line(l)
            case .scatter(var s): s.label = newValue; self = .scatter(s)
            case .bars(var b): b.label = newValue; self = .bars(b)
            case .image, .text: break
            }
        }
    }

    /// matplotlib's default z-order: images 0, patches and collections 1, lines 2.
    var zOrder: Int {
        switch self {
        case .image: return 0
        case .bars, .scatter: return 1
        case .line: return 2
        case .text: return 3
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
        /// A colour of this bar's own (`bars[i].set_color('red')`); nil: the series colour.
        public var color: Color? = nil
        /// Width and height as given to `bar` (what `get_width()`/`get_height()` return;
        /// `right - left` can differ in the last bit).
        public var givenWidth: Double? = nil
        public var givenHeight: Double? = nil
        public var width: Double { givenWidth ?? right - left }
        public var height: Double { givenHeight ?? top - bottom }
    }
    public var bars: [Bar]
    public var label: String?
    public var color: Color
    public var alpha: Double?
    /// Whether the bars come from `hist` (drawn touching, with hairline white edges).
    public var isHistogram: Bool
}

/// `imshow`: a matrix of values mapped through a colormap, or of RGB colours (`rgb`), one
/// unit square per pixel, row 0 at the top.
public struct ImageData: Equatable, Sendable {
    public var pixels: [[Double]]
    /// The colours of an RGB(A) image; `pixels` then holds zeros and the colormap is unused.
    public var rgb: [[Color]]? = nil
    public var colormap: Colormap
    public var vmin: Double
    public var vmax: Double
    public var rows: Int { pixels.count }
    public var columns: Int { pixels.first?.count ?? 0 }
}
