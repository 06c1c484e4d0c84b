import CellLanguage
import Charts

extension AxesPlotting {
    /// `bar(x, height, width=0.8, bottom=None, color=None, label=None, alpha=None)`; `x` may
    /// be category names, `height` one number for every bar, `color` one colour per bar.
    /// Returns `<BarContainer object of N artists>`.
    static func bar(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("bar", [
            "x", "height", .init("width", default: .float(0.8)), .init("bottom", default: .none),
            .init("align", default: .str("center")), .init("color", default: .none),
            .init("label", default: .none), .init("alpha", default: .none),
            .init("tick_label", default: .none),
        ], extraKeywords: true)
        var names: [String]?
        var x: PlotData
        if let categories = strings(bound["x"]) {
            names = categories
            x = PlotData(shape: [categories.count], values: categories.indices.map(Double.init))
        } else {
            x = try PlotData.read(bound["x"], interpreter)
        }
        var height = try PlotData.read(bound["height"], interpreter)
        if height.shape.isEmpty { height = PlotData(shape: x.shape, values: Array(repeating: height.values[0], count: x.values.count)) }
        if x.shape.isEmpty { x = PlotData(shape: height.shape, values: Array(repeating: x.values[0], count: height.values.count)) }
        guard x.values.count == height.values.count else {
            throw PyException(.valueError, "shape mismatch: objects cannot be broadcast to a single shape.  "
                + "Mismatch is between 'x' with shape \(x.shapeText) and 'height' with shape \(height.shapeText).")
        }
        let width = try PlotData.number(bound["width"], "width")
        let bottom = try bound["bottom"].isNone ? 0 : PlotData.number(bound["bottom"], "bottom")
        let alpha = try bound["alpha"].isNone ? nil : PlotData.number(bound["alpha"], "alpha")
        let label = bound["label"].isNone ? nil : PlotData.text(bound["label"])
        var positions = x.values
        if case .str("edge") = bound["align"] { positions = positions.map { $0 + width / 2 } }
        let colors = try PointColors.read(bound["color"], count: positions.count, interpreter)
        var references = positions.indices.map { ArtistTarget.BarReference(artist: 0, bar: $0) }
        if let colors {
            for (n, group) in PointColors.groups(colors).enumerated() {
                let artist = try ax.modify {
                    try $0.bar(x: group.indices.map { positions[$0] }, heights: group.indices.map { height.values[$0] },
                               width: width, bottom: bottom, label: n == 0 ? label : nil, color: group.color,
                               alpha: alpha)
                    return $0.artists.count - 1
                }
                for (k, i) in group.indices.enumerated() { references[i] = ArtistTarget.BarReference(artist: artist, bar: k) }
            }
        } else {
            let artist = try ax.modify {
                try $0.bar(x: positions, heights: height.values, width: width, bottom: bottom, label: label, alpha: alpha)
                return $0.artists.count - 1
            }
            for i in references.indices { references[i].artist = artist }
        }
        if let tickLabels = strings(bound["tick_label"]) { names = tickLabels }
        if let names {
            try ax.modify { try $0.setXTicks(x.values, labels: names) }
        }
        return PlotHandle.barContainer(ax, references)
    }

    /// The items of a list or tuple of strings, nil for anything else.
    private static func strings(_ value: Value) -> [String]? {
        let items: [Value]
        switch value {
        case .list(let list): items = list.items
        case .tuple(let tuple): items = tuple
        default: return nil
        }
        var texts: [String] = []
        for item in items {
            guard case .str(let text) = item else { return nil }
            texts.append(text)
        }
        return texts.isEmpty ? nil : texts
    }

    /// `hist(x, bins=10, range=None, density=False, color=None, label=None, alpha=None)`:
    /// NumPy's binning; `bins` may also be evenly spaced edges (`range(11)`). Data of any
    /// shape is binned as one data set (matplotlib draws one per column of 2-D data).
    /// Returns `(counts, edges, <BarContainer object of N artists>)`, the arrays as numpy arrays.
    static func hist(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("hist", [
            "x", .init("bins", default: .int(10)), .init("range", default: .none),
            .init("density", default: .bool(false)), .init("weights", default: .none),
            .init("cumulative", default: .bool(false)), .init("bottom", default: .none),
            .init("histtype", default: .str("bar")), .init("align", default: .str("mid")),
            .init("orientation", default: .str("vertical")), .init("rwidth", default: .none),
            .init("log", default: .bool(false)), .init("color", default: .none),
            .init("label", default: .none), .init("alpha", default: .none),
        ], extraKeywords: true)
        let values = try PlotData.read(bound["x"], interpreter).values
        var bins = 10
        var range: (Double, Double)?
        if let count = bound["bins"].asInt {
            bins = count
        } else {
            let edges = try PlotData.read(bound["bins"], interpreter).values
            guard edges.count >= 2, let first = edges.first, let last = edges.last,
                  evenlySpaced(edges) else {
                throw PyException(.notImplementedError, "Labbook's hist takes a number of bins or evenly spaced edges")
            }
            bins = edges.count - 1
            range = (first, last)
        }
        if case .tuple(let pair) = bound["range"], pair.count == 2 {
            range = (try PlotData.number(pair[0], "range"), try PlotData.number(pair[1], "range"))
        }
        let color = try StyleArguments.color(bound["color"])
        let alpha = try bound["alpha"].isNone ? nil : PlotData.number(bound["alpha"], "alpha")
        let label = bound["label"].isNone ? nil : PlotData.text(bound["label"])
        let (histogram, artist) = try ax.modify {
            (try $0.hist(values, bins: bins, range: range, density: bound["density"].isTruthy,
                         label: label, color: color, alpha: alpha), $0.artists.count - 1)
        }
        let bars = histogram.counts.indices.map { ArtistTarget.BarReference(artist: artist, bar: $0) }
        return .tuple([floatArray(histogram.counts), floatArray(histogram.edges), PlotHandle.barContainer(ax, bars)])
    }

    private static func evenlySpaced(_ edges: [Double]) -> Bool {
        let step = (edges[edges.count - 1] - edges[0]) / Double(edges.count - 1)
        guard step > 0 else { return false }
        return edges.indices.allSatisfy { abs(edges[$0] - (edges[0] + Double($0) * step)) <= step * 1e-9 }
    }

    /// A 1-D float64 numpy array.
    static func floatArray(_ values: [Double]) -> Value {
        .host(NDArray(shape: [values.count], storage: .float64(values)))
    }

    /// `imshow(X, cmap=None, vmin=None, vmax=None, interpolation=None)`: a 2-D array mapped
    /// through a colormap, or an RGB(A) image of shape (M, N, 3|4) (floats in [0, 1], or
    /// integers in [0, 255]), row 0 at the top. Pixels are drawn as squares whatever the
    /// `interpolation` ('nearest' is what notebooks ask for; smoothing is not drawn).
    /// Returns `<matplotlib.image.AxesImage at 0x...>`.
    static func imshow(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("imshow", [
            "X", .init("cmap", default: .none), .init("norm", default: .none), .init("aspect", default: .none),
            .init("interpolation", default: .none), .init("alpha", default: .none),
            .init("vmin", default: .none), .init("vmax", default: .none),
        ], extraKeywords: true)
        let data = try PlotData.read(bound["X"], interpreter)
        if data.shape.count == 3, data.shape[2] == 3 || data.shape[2] == 4 {
            let colors = try rgbImage(bound["X"], data)
            let artist = try ax.modify { try $0.imshow(colors: colors); return $0.artists.count - 1 }
            return .host(PlotHandle(typeName: "AxesImage", repr: "<matplotlib.image.AxesImage at 0x...>",
                                    target: .image(ax, artist: artist)))
        }
        guard data.shape.count == 2 else {
            throw PyException(.typeError, "Invalid shape \(data.shapeText) for image data")
        }
        let colormap = try StyleArguments.colormap(bound["cmap"], interpreter)
        let vmin = try bound["vmin"].isNone ? nil : PlotData.number(bound["vmin"], "vmin")
        let vmax = try bound["vmax"].isNone ? nil : PlotData.number(bound["vmax"], "vmax")
        let artist = try ax.modify {
            try $0.imshow(data.rows(), colormap: colormap, vmin: vmin, vmax: vmax)
            return $0.artists.count - 1
        }
        return .host(PlotHandle(typeName: "AxesImage", repr: "<matplotlib.image.AxesImage at 0x...>",
                                target: .image(ax, artist: artist)))
    }

    /// An (M, N, 3|4) array as colours: integer data counts 0...255, float data 0...1
    /// (clipped, as matplotlib does after warning); the alpha channel is not drawn.
    private static func rgbImage(_ value: Value, _ data: PlotData) throws -> [[Color]] {
        let integers: Bool
        if case .host(let array as NDArray) = value { integers = array.dtype.isInteger }
        else { integers = try ArrayConversion.array(from: value, dtype: nil).dtype.isInteger }
        let rows = data.shape[0], columns = data.shape[1], channels = data.shape[2]
        func byte(_ v: Double) -> UInt8 {
            integers ? UInt8(min(255, max(0, v))) : UInt8((min(1, max(0, v)) * 255).rounded(.toNearestOrEven))
        }
        return (0..<rows).map { r in
            (0..<columns).map { c in
                let base = (r * columns + c) * channels
                return Color(red: byte(data.values[base]), green: byte(data.values[base + 1]), blue: byte(data.values[base + 2]))
            }
        }
    }
}
