/// One plotting area of a `Figure`, holding what matplotlib's `Axes` holds: the artists
/// drawn so far and the decorations (title, labels, limits, ticks, grid, legend).
///
///     var ax = Axes()
///     try ax.plot(x: [1, 2, 3], y: [0.9, 0.5, 0.3], label: "loss")
///     ax.title = "Training"
///     ax.legend()
///
/// Colours not given explicitly come from the tab10 cycle, like matplotlib's property cycle.
public struct Axes: Equatable, Sendable {
    /// Where the axes sits in its figure's grid.
    public var position: SubplotPosition
    /// What has been drawn, in call order.
    public private(set) var artists: [Artist] = []
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    /// Fixed x limits `(left, right)`; nil means automatic. `right < left` flips the axis.
    public var xLimits: (Double, Double)? {
        get { xLimitPair?.pair }
        set { xLimitPair = newValue.map { LimitPair($0.0, $0.1) } }
    }
    /// Fixed y limits `(bottom, top)`; nil means automatic. `top < bottom` flips the axis.
    public var yLimits: (Double, Double)? {
        get { yLimitPair?.pair }
        set { yLimitPair = newValue.map { LimitPair($0.0, $0.1) } }
    }
    /// Light grid lines at the major ticks (`grid(True)`).
    public var showsGrid = false
    /// Where the legend goes, if `legend()` was called.
    public var legendLocation: LegendLocation?
    /// Fixed x ticks with optional labels (`xticks(positions, labels)`).
    public var xTicks: [TickMark]?
    /// Fixed y ticks with optional labels.
    public var yTicks: [TickMark]?
    /// False after `axis('off')`: no frame, ticks or labels.
    public var showsAxis = true
    /// False after `get_xaxis().set_visible(False)`: no x ticks, tick labels or x label (the
    /// frame stays).
    public var showsXAxis = true
    /// False after `get_yaxis().set_visible(False)`.
    public var showsYAxis = true
    /// Keep data units square (set by `imshow`, like matplotlib's `aspect='equal'`).
    public var equalAspect = false
    /// Draw y growing downwards (set by `imshow`: row 0 at the top).
    public var yInverted = false
    /// `set_xscale('log')`, `semilogx`, `loglog`: x drawn logarithmically.
    public var xLog = false
    /// `set_yscale('log')`, `semilogy`, `loglog`.
    public var yLog = false
    /// Degrees the x tick labels are turned counter-clockwise (`xticks(rotation=45)`).
    public var xTickRotation = 0.0
    /// Degrees the y tick labels are turned.
    public var yTickRotation = 0.0
    /// `colorbar(im)`: a colour scale to the right of the axes.
    public var colorbar: Colorbar?
    /// Ticks at integers only (epochs).
    var integerXTicks = false
    /// Only the left and bottom spines (the training chart's lighter look).
    var openFrame = false
    /// White rings around line markers, so they stay apart where lines cross.
    var outlinesMarkers = false

    private var xLimitPair: LimitPair?
    private var yLimitPair: LimitPair?
    /// matplotlib keeps two colour cycles per axes: one for `plot` and `hist`, one for
    /// `bar` and `scatter`; so a line and a scatter drawn after it are both blue.
    private var nextLineColor = 0
    private var nextPatchColor = 0

    public init(position: SubplotPosition = SubplotPosition()) {
        self.position = position
    }

    /// `plot(y)` / `plot(x, y, fmt)`: a line through the points, broken at NaN/inf.
    /// A single point is invisible unless a marker is asked for, as in matplotlib.
    public mutating func plot(x: [Double]? = nil, y: [Double], format: String? = nil,
                              label: String? = nil, color: Color? = nil,
                              lineStyle: LineStyle? = nil, marker: Marker? = nil,
                              lineWidth: Double = 1.5, markerSize: Double = 6,
                              alpha: Double? = nil) throws {
        let xs = x ?? y.indices.map(Double.init)
        guard xs.count == y.count else { throw ChartError.lengthMismatch(x: xs.count, y: y.count) }
        let parsed = try format.map(PlotFormat.init)
        let series = LineSeries(
            x: xs, y: y, label: label,
            color: color ?? parsed?.color ?? takeLineColor(),
            lineStyle: lineStyle ?? parsed?.lineStyle ?? .solid,
            lineWidth: lineWidth, marker: marker ?? parsed?.marker,
            markerSize: markerSize, alpha: alpha)
        artists.append(.line(series))
    }

    /// `scatter(x, y)`: one marker per point; `size` is the marker area in points².
    public mutating func scatter(x: [Double], y: [Double], label: String? = nil,
                                 color: Color? = nil, marker: Marker = .circle,
                                 size: Double = 36, alpha: Double? = nil) throws {
        guard x.count == y.count else { throw ChartError.lengthMismatch(x: x.count, y: y.count) }
        artists.append(.scatter(ScatterSeries(
            x: x, y: y, label: label, color: color ?? takePatchColor(), marker: marker,
            size: size, alpha: alpha)))
    }

    /// `bar(x, height)`: bars centred on `x`, `width` data units wide, standing on `bottom`.
    public mutating func bar(x: [Double], heights: [Double], width: Double = 0.8,
                             bottom: Double = 0, label: String? = nil, color: Color? = nil,
                             alpha: Double? = nil) throws {
        guard x.count == heights.count else {
            throw ChartError.lengthMismatch(x: x.count, y: heights.count)
        }
        let bars = zip(x, heights).map { position, height in
            BarSeries.Bar(left: position - width / 2, right: position + width / 2,
                          bottom: bottom, top: bottom + height, givenWidth: width, givenHeight: height)
        }
        artists.append(.bars(BarSeries(bars: bars, label: label, color: color ?? takePatchColor(),
                                       alpha: alpha, isHistogram: false)))
    }

    /// `bar(["a", "b"], height)`: categorical bars at 0, 1, ... labelled with the names.
    public mutating func bar(categories: [String], heights: [Double], width: Double = 0.8,
                             label: String? = nil, color: Color? = nil,
                             alpha: Double? = nil) throws {
        let positions = categories.indices.map(Double.init)
        try bar(x: positions, heights: heights, width: width, label: label, color: color, alpha: alpha)
        xTicks = zip(positions, categories).map { TickMark(position: $0, label: $1) }
    }

    /// `hist(values, bins)`: NumPy-binned counts drawn as touching bars. Returns the bins.
    @discardableResult
    public mutating func hist(_ values: [Double], bins: Int = 10, range: (Double, Double)? = nil,
                              density: Bool = false, label: String? = nil, color: Color? = nil,
                              alpha: Double? = nil) throws -> Histogram {
        let histogram = try Histogram(values: values, bins: bins, range: range, density: density)
        let bars = histogram.counts.indices.map { i in
            BarSeries.Bar(left: histogram.edges[i], right: histogram.edges[i + 1],
                          bottom: 0, top: histogram.counts[i])
        }
        artists.append(.bars(BarSeries(bars: bars, label: label, color: color ?? takeLineColor(),
                                       alpha: alpha, isHistogram: true)))
        return histogram
    }

    /// `imshow(matrix, cmap)`: rows × columns values, normalised between `vmin` and `vmax`
    /// (default the finite minimum and maximum), row 0 at the top, square pixels.
    public mutating func imshow(_ pixels: [[Double]], colormap: Colormap = .viridis,
                                vmin: Double? = nil, vmax: Double? = nil) throws {
        guard let width = pixels.first?.count, width > 0 else {
            throw ChartError.invalidImage("the image has no pixels")
        }
        if let bad = pixels.firstIndex(where: { $0.count != width }) {
            throw ChartError.invalidImage("row \(bad) has \(pixels[bad].count) values, row 0 has \(width)")
        }
        let finite = pixels.joined().filter(\.isFinite)
        let low = vmin ?? finite.min() ?? 0
        let high = vmax ?? finite.max() ?? 1
        artists.append(.image(ImageData(pixels: pixels, colormap: colormap, vmin: low, vmax: high)))
        equalAspect = true
        yInverted = true
    }

    /// `imshow(rgb)`: an image of colours, rows × columns, row 0 at the top, square pixels.
    public mutating func imshow(colors: [[Color]]) throws {
        guard let width = colors.first?.count, width > 0 else {
            throw ChartError.invalidImage("the image has no pixels")
        }
        if let bad = colors.firstIndex(where: { $0.count != width }) {
            throw ChartError.invalidImage("row \(bad) has \(colors[bad].count) values, row 0 has \(width)")
        }
        let zeros = colors.map { Array(repeating: 0.0, count: $0.count) }
        artists.append(.image(ImageData(pixels: zeros, rgb: colors, colormap: .gray, vmin: 0, vmax: 1)))
        equalAspect = true
        yInverted = true
    }

    /// Changes an artist already drawn (`line.set_color`, `bars[i].set_color`, `set_label`).
    public mutating func modifyArtist(at index: Int, _ body: (inout Artist) throws -> Void) rethrows {
        guard artists.indices.contains(index) else { return }
        try body(&artists[index])
    }

    mutating func appendArtist(_ artist: Artist) { artists.append(artist) }

    /// `legend()`: show a legend of the labelled artists.
    public mutating func legend(location: LegendLocation = .best) {
        legendLocation = location
    }

    /// `xticks(positions, labels)`: fixed ticks; labels default to the formatted positions.
    public mutating func setXTicks(_ positions: [Double], labels: [String]? = nil) throws {
        xTicks = try Axes.marks(positions, labels)
    }

    /// `yticks(positions, labels)`.
    public mutating func setYTicks(_ positions: [Double], labels: [String]? = nil) throws {
        yTicks = try Axes.marks(positions, labels)
    }

    private static func marks(_ positions: [Double], _ labels: [String]?) throws -> [TickMark] {
        if let labels, labels.count != positions.count {
            throw ChartError.tickLabelMismatch(positions: positions.count, labels: labels.count)
        }
        return positions.indices.map { TickMark(position: positions[$0], label: labels?[$0]) }
    }

    private mutating func takeLineColor() -> Color {
        defer { nextLineColor += 1 }
        return Color.cycle(nextLineColor)
    }

    private mutating func takePatchColor() -> Color {
        defer { nextPatchColor += 1 }
        return Color.cycle(nextPatchColor)
    }

    /// Tuples are not Equatable; the limits are stored as this pair.
    private struct LimitPair: Equatable, Sendable {
        var _0: Double, _1: Double
        init(_ a: Double, _ b: Double) { _0 = a; _1 = b }
        var pair: (Double, Double) { (_0, _1) }
    }
}

/// A fixed tick: a position in data units and an optional label (nil: the formatted number).
public struct TickMark: Equatable, Sendable {
    public var position: Double
    public var label: String?
    public init(position: Double, label: String? = nil) {
        self.position = position; self.label = label
    }
}

/// A cell of a subplot grid, matplotlib's `subplot(rows, columns, index)` with 1-based
/// `index` counted along rows.
public struct SubplotPosition: Equatable, Sendable {
    public var rows: Int
    public var columns: Int
    public var index: Int
    public init(rows: Int = 1, columns: Int = 1, index: Int = 1) {
        self.rows = rows; self.columns = columns; self.index = index
    }
    var row: Int { (index - 1) / max(columns, 1) }
    var column: Int { (index - 1) % max(columns, 1) }
}

/// Legend placement, matplotlib's `loc`.
public enum LegendLocation: String, Sendable, CaseIterable {
    case best = "best"
    case upperRight = "upper right"
    case upperLeft = "upper left"
    case lowerLeft = "lower left"
    case lowerRight = "lower right"
    case right = "right"
    case centerLeft = "center left"
    case centerRight = "center right"
    case lowerCenter = "lower center"
    case upperCenter = "upper center"
    case center = "center"

    /// Parses matplotlib's names (`"upper right"`) and codes (`"0"`...`"10"`).
    public init(matplotlib text: String) throws {
        if let location = LegendLocation(rawValue: text) { self = location; return }
        if let code = Int(text), code >= 0, code < LegendLocation.allCases.count {
            self = LegendLocation.allCases[code]; return
        }
        throw ChartError.unknownLegendLocation(text)
    }
}
