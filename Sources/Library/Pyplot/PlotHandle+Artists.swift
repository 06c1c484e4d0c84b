import CellLanguage
import Charts

/// The methods of live handles, matplotlib's names and results:
///
///     line, = plt.plot(x, y); line.get_color()     # (0.12156862745098039, 0.4666666666666667, 0.7058823529411765)
///     bars = plt.bar(names, counts); bars[2].set_color('red')
///     for b in bars: plt.text(b.get_x() + b.get_width() / 2, b.get_height(), b.get_height())
extension PlotHandle {
    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        guard let target, let method = PlotHandle.method(target, name) else { throw attributeError(name) }
        return .builtin(BuiltinFunction(name) { arguments, interpreter in try method(arguments, interpreter) })
    }

    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value {
        guard case .bars(let ax, let bars)? = target else {
            throw PyException(.typeError, "'\(typeName)' object is not subscriptable")
        }
        if case .slice(let slice) = key {
            let (start, stop, step) = try slice.indices(length: bars.count)
            let picked = Array(stride(from: start, to: stop, by: step))
            return .tuple(picked.map { PlotHandle.rectangle(ax, bars[$0]) })
        }
        guard var i = key.asInt else {
            throw PyException(.typeError, "tuple indices must be integers or slices, not \(key.typeName)")
        }
        if i < 0 { i += bars.count }
        guard bars.indices.contains(i) else { throw PyException(.indexError, "tuple index out of range") }
        return PlotHandle.rectangle(ax, bars[i])
    }

    func length() throws -> Int {
        guard case .bars(_, let bars)? = target else { throw PyException(.typeError, "object of type '\(typeName)' has no len()") }
        return bars.count
    }

    func iterate(_ interpreter: Interpreter) throws -> PyIterator {
        guard case .bars(let ax, let bars)? = target else { throw PyException(.typeError, "'\(typeName)' object is not iterable") }
        return PyIterator("tuple_iterator", values: bars.map { PlotHandle.rectangle(ax, $0) })
    }

    /// matplotlib's `Rectangle(xy=(-0.4, 0), width=0.8, height=3, angle=0)`.
    static func rectangle(_ ax: AxesObject, _ reference: ArtistTarget.BarReference) -> Value {
        var repr = "Rectangle(...)"
        if let (_, bar) = try? ArtistTarget.rectangle(ax, reference) {
            repr = "Rectangle(xy=(\(number(bar.left)), \(number(bar.bottom))), width=\(number(bar.width)), "
                + "height=\(number(bar.height)), angle=0)"
        }
        return .host(PlotHandle(typeName: "Rectangle", repr: repr, target: .bar(ax, reference)))
    }

    private typealias Method = (Arguments, Interpreter) throws -> Value

    private static func method(_ target: ArtistTarget, _ name: String) -> Method? {
        switch target {
        case .line(let ax, let index): return lineMethod(ax, index, name)
        case .bar(let ax, let reference): return rectangleMethod(ax, reference, name)
        case .bars(let ax, let bars):
            guard name == "patches" || name == "get_children" else { return nil }
            return { _, _ in .list(PyList(bars.map { rectangle(ax, $0) })) }
        case .scalarMap: return nil
        case .colorbar(let ax):
            guard name == "set_label" else { return nil }
            return { arguments, _ in
                let bound = try arguments.bind("set_label", ["label"], extraKeywords: true)
                try ax.modify { $0.colorbar?.label = bound["label"].isNone ? nil : PlotData.text(bound["label"]) }
                return .none
            }
        case .image(let ax, let index):
            guard name == "set_cmap" || name == "set_clim" else { return nil }
            return { arguments, interpreter in
                try ax.modify { axes in
                    try axes.modifyArtist(at: index) { artist in
                        guard case .image(var image) = artist else { return }
                        if name == "set_cmap" {
                            image.colormap = try StyleArguments.colormap(arguments.positional.first ?? .none, interpreter)
                        } else {
                            let bound = try arguments.bind("set_clim", [.init("vmin", default: .none), .init("vmax", default: .none)])
                            if !bound["vmin"].isNone { image.vmin = try PlotData.number(bound["vmin"], "vmin") }
                            if !bound["vmax"].isNone { image.vmax = try PlotData.number(bound["vmax"], "vmax") }
                        }
                        artist = .image(image)
                    }
                }
                return .none
            }
        }
    }

    private static func lineMethod(_ ax: AxesObject, _ index: Int, _ name: String) -> Method? {
        func change(_ body: @escaping (inout LineSeries, Value) throws -> Void) -> Method {
            { arguments, _ in
                try arguments.expectExactly(1, name)
                _ = try ArtistTarget.lineSeries(ax, index)
                try ax.modify { axes in
                    try axes.modifyArtist(at: index) { artist in
                        guard case .line(var line) = artist else { return }
                        try body(&line, arguments.positional[0])
                        artist = .line(line)
                    }
                }
                return .none
            }
        }
        switch name {
        case "get_color", "get_c":
            // matplotlib 3.11 hands back cycle colours as RGB tuples of floats.
            return { _, _ in
                let color = try ArtistTarget.lineSeries(ax, index).color
                return .tuple([.float(Double(color.red) / 255), .float(Double(color.green) / 255), .float(Double(color.blue) / 255)])
            }
        case "get_label": return { _, _ in .str(try ArtistTarget.lineSeries(ax, index).label ?? "") }
        case "get_linewidth", "get_lw": return { _, _ in .float(try ArtistTarget.lineSeries(ax, index).lineWidth) }
        case "get_xdata": return { _, _ in AxesPlotting.floatArray(try ArtistTarget.lineSeries(ax, index).x) }
        case "get_ydata": return { _, _ in AxesPlotting.floatArray(try ArtistTarget.lineSeries(ax, index).y) }
        case "set_color", "set_c":
            return change { line, value in line.color = try StyleArguments.color(value) ?? line.color }
        case "set_label": return change { line, value in line.label = value.isNone ? nil : PlotData.text(value) }
        case "set_linewidth", "set_lw": return change { line, value in line.lineWidth = try PlotData.number(value, "linewidth") }
        case "set_alpha": return change { line, value in line.alpha = value.isNone ? nil : try PlotData.number(value, "alpha") }
        case "set_linestyle", "set_ls":
            return change { line, value in line.lineStyle = try StyleArguments.lineStyle(value) ?? line.lineStyle }
        default: return nil
        }
    }

    private static func rectangleMethod(_ ax: AxesObject, _ reference: ArtistTarget.BarReference, _ name: String) -> Method? {
        func read(_ body: @escaping (BarSeries, BarSeries.Bar) -> Value) -> Method {
            { _, _ in
                let (series, bar) = try ArtistTarget.rectangle(ax, reference)
                return body(series, bar)
            }
        }
        switch name {
        case "get_height": return read { _, bar in .float(bar.height) }
        case "get_width": return read { _, bar in .float(bar.width) }
        case "get_x": return read { _, bar in .float(bar.left) }
        case "get_y": return read { _, bar in .float(bar.bottom) }
        case "get_xy": return read { _, bar in .tuple([.float(bar.left), .float(bar.bottom)]) }
        case "get_facecolor", "get_fc":
            return read { series, bar in
                let color = bar.color ?? series.color
                return .tuple([.float(Double(color.red) / 255), .float(Double(color.green) / 255),
                               .float(Double(color.blue) / 255), .float(series.alpha ?? 1)])
            }
        case "set_color", "set_facecolor", "set_fc", "set_height":
            return { arguments, _ in
                try arguments.expectExactly(1, name)
                let value = arguments.positional[0]
                _ = try ArtistTarget.rectangle(ax, reference)
                let color = name == "set_height" ? nil : try StyleArguments.color(value)
                let height = name == "set_height" ? try PlotData.number(value, "height") : nil
                try ax.modify { axes in
                    axes.modifyArtist(at: reference.artist) { artist in
                        guard case .bars(var series) = artist else { return }
                        if let height {
                            series.bars[reference.bar].top = series.bars[reference.bar].bottom + height
                            series.bars[reference.bar].givenHeight = height
                        }
                        else { series.bars[reference.bar].color = color }
                        artist = .bars(series)
                    }
                }
                return .none
            }
        default: return nil
        }
    }
}
