import CellLanguage
import Charts

/// The drawing methods of an axes — `plot`, `scatter`, `bar`, `hist`, `imshow` — with
/// matplotlib's arguments, return values and errors. `plt.plot(...)` calls these on `gca()`.
enum AxesPlotting {
    /// Style keywords `plot` accepts but Labbook does not draw (they only change details).
    private static let ignoredLineKeywords: Set<String> = [
        "zorder", "markerfacecolor", "mfc", "markeredgecolor", "mec", "markeredgewidth", "mew",
        "drawstyle", "ds", "antialiased", "aa", "solid_capstyle", "dash_capstyle", "solid_joinstyle",
        "dash_joinstyle", "clip_on", "rasterized", "markevery",
    ]

    /// `plot([x], y, [fmt], [x2], y2, [fmt2], ..., label=, color=, linestyle=, marker=,
    /// linewidth=, markersize=, alpha=)`: one line per (x, y) group and per column of 2-D y.
    /// Returns the list of lines: `[<matplotlib.lines.Line2D at 0x...>]`.
    static func plot(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        var label: Value = .none, color: Color?, lineStyle: LineStyle?, marker: Marker?
        var lineWidth = 1.5, markerSize = 6.0
        var alpha: Double?
        for (name, value) in arguments.keywords {
            switch name {
            case "label": label = value
            case "color", "c": color = try StyleArguments.color(value)
            case "linestyle", "ls": lineStyle = try StyleArguments.lineStyle(value)
            case "marker": marker = try StyleArguments.marker(value)
            case "linewidth", "lw": lineWidth = try PlotData.number(value, name)
            case "markersize", "ms": markerSize = try PlotData.number(value, name)
            case "alpha": alpha = value.isNone ? nil : try PlotData.number(value, name)
            default:
                guard ignoredLineKeywords.contains(name) else {
                    throw PyException(.attributeError, "Line2D.set() got an unexpected keyword argument '\(name)'")
                }
            }
        }
        var lines: [Value] = []
        for group in groups(arguments.positional) {
            var data = group
            var format: String?
            if data.count > 1, case .str(let text) = data[data.count - 1] {
                format = text
                data.removeLast()
            }
            if let format { _ = try charting { try PlotFormat(format) } }
            let y = try PlotData.read(data[data.count - 1], interpreter)
            let x = data.count > 1 ? try PlotData.read(data[0], interpreter) : nil
            if let x, (x.shape.first ?? 1) != (y.shape.first ?? 1) {
                throw PyException(.valueError,
                    "x and y must have same first dimension, but have shapes \(x.shapeText) and \(y.shapeText)")
            }
            let ys = try y.columns()
            let xs = try x?.columns()
            if let xs, xs.count != 1, ys.count != 1, xs.count != ys.count {
                throw PyException(.valueError, "x has \(xs.count) columns but y has \(ys.count) columns")
            }
            let labels = try lineLabels(label, count: max(ys.count, xs?.count ?? 1))
            for i in 0..<max(ys.count, xs?.count ?? 1) {
                let column = ys[ys.count == 1 ? 0 : i]
                let xColumn = xs.map { $0[$0.count == 1 ? 0 : i] }
                let index = try ax.modify {
                    try $0.plot(x: xColumn, y: column, format: format, label: labels[i], color: color,
                                lineStyle: lineStyle, marker: marker, lineWidth: lineWidth,
                                markerSize: markerSize, alpha: alpha)
                    return $0.artists.count - 1
                }
                lines.append(PlotHandle.line(ax, artist: index))
            }
        }
        return .list(PyList(lines))
    }

    /// matplotlib's grouping of `plot`'s positional arguments: two data arguments, then a
    /// format string if one follows.
    static func groups(_ arguments: [Value]) -> [[Value]] {
        var rest = arguments[...]
        var groups: [[Value]] = []
        while !rest.isEmpty {
            var group = Array(rest.prefix(2))
            rest = rest.dropFirst(2)
            if let next = rest.first, case .str = next {
                group.append(next)
                rest = rest.dropFirst()
            }
            groups.append(group)
        }
        return groups
    }

    /// One label per line: a string labels every line, a list labels them in turn.
    private static func lineLabels(_ label: Value, count: Int) throws -> [String?] {
        switch label {
        case .none: return Array(repeating: nil, count: count)
        case .list(let list) where count > 1:
            guard list.items.count == count else {
                throw PyException(.valueError, "label must be scalar or have the same length as the input data, "
                    + "but found \(list.items.count) for \(count) datasets.")
            }
            return list.items.map { PlotData.text($0) }
        default: return Array(repeating: PlotData.text(label), count: count)
        }
    }

    /// `scatter(x, y, s=None, c=None, marker=None, cmap=None, vmin=None, vmax=None, alpha=None,
    /// label=None, color=None)`. `c` may be one colour, a list of colours, or numbers mapped
    /// through `cmap` (`'viridis'`, `'gray'`, `'tab10'` for class labels).
    static func scatter(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("scatter", [
            "x", "y", .init("s", default: .none), .init("c", default: .none), .init("marker", default: .none),
            .init("cmap", default: .none), .init("norm", default: .none), .init("vmin", default: .none),
            .init("vmax", default: .none), .init("alpha", default: .none),
            .init("linewidths", default: .none), .init("edgecolors", default: .none),
            .init("label", default: .none), .init("color", default: .none),
        ], extraKeywords: true)
        let x = try PlotData.read(bound["x"], interpreter).values
        let y = try PlotData.read(bound["y"], interpreter).values
        guard x.count == y.count else { throw PyException(.valueError, "x and y must be the same size") }
        let size = try bound["s"].isNone ? 36 : scalarSize(bound["s"], interpreter)
        let marker = try StyleArguments.marker(bound["marker"]) ?? .circle
        let alpha = try bound["alpha"].isNone ? nil : PlotData.number(bound["alpha"], "alpha")
        let label = bound["label"].isNone ? nil : PlotData.text(bound["label"])
        let colorValue = bound["c"].isNone ? bound["color"] : bound["c"]
        guard let colors = try PointColors.read(colorValue, count: x.count, cmap: bound["cmap"],
                                                vmin: bound["vmin"], vmax: bound["vmax"], interpreter) else {
            try ax.modify { try $0.scatter(x: x, y: y, label: label, color: nil, marker: marker, size: size, alpha: alpha) }
            return PlotHandle.addressed("matplotlib.collections.PathCollection")
        }
        // Charts draws one colour per series: one series per colour, the label on the first.
        for (n, group) in PointColors.groups(colors).enumerated() {
            try ax.modify {
                try $0.scatter(x: group.indices.map { x[$0] }, y: group.indices.map { y[$0] },
                               label: n == 0 ? label : nil, color: group.color, marker: marker,
                               size: size, alpha: alpha)
            }
        }
        // Numbers coloured through a colormap: the handle can feed a colorbar.
        if case .host = colorValue, let numbers = try? PlotData.read(colorValue, interpreter).values, numbers.count == x.count {
            let finite = numbers.filter(\.isFinite)
            let low = try bound["vmin"].isNone ? finite.min() ?? 0 : PlotData.number(bound["vmin"], "vmin")
            let high = try bound["vmax"].isNone ? finite.max() ?? 1 : PlotData.number(bound["vmax"], "vmax")
            return .host(PlotHandle(typeName: "PathCollection", repr: "<matplotlib.collections.PathCollection at 0x...>",
                                    target: .scalarMap(ax, try StyleArguments.colormap(bound["cmap"], interpreter), low, high)))
        }
        return PlotHandle.addressed("matplotlib.collections.PathCollection")
    }

    private static func scalarSize(_ value: Value, _ interpreter: Interpreter) throws -> Double {
        let sizes = try PlotData.read(value, interpreter).values
        guard let first = sizes.first, sizes.allSatisfy({ $0 == first }) else {
            throw PyException(.notImplementedError, "Labbook's scatter draws every point the same size: give s one number")
        }
        return first
    }
}
