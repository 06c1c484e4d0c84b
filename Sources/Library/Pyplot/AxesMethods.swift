import CellLanguage
import Charts

/// The methods of an axes object by name, the drawing ones from `AxesPlotting` and the
/// decorations (titles, labels, limits, ticks, grid, legend) here, with matplotlib's
/// return values: `ax.set_title('a')` is `Text(0.5, 1.0, 'a')`, `ax.set_xlim(0, 5)` is `(0.0, 5.0)`.
enum AxesMethods {
    typealias Method = @Sendable (AxesObject, Arguments, Interpreter) throws -> Value

    static let table: [String: Method] = [
        "plot": AxesPlotting.plot,
        "semilogx": { ax, arguments, interpreter in try logPlot(ax, arguments, interpreter, x: true, y: false) },
        "semilogy": { ax, arguments, interpreter in try logPlot(ax, arguments, interpreter, x: false, y: true) },
        "loglog": { ax, arguments, interpreter in try logPlot(ax, arguments, interpreter, x: true, y: true) },
        "set_xscale": { ax, arguments, _ in try setScale(ax, arguments, vertical: false) },
        "set_yscale": { ax, arguments, _ in try setScale(ax, arguments, vertical: true) },
        "get_xscale": { ax, _, _ in .str(try ax.read { $0.xLog } ? "log" : "linear") },
        "get_yscale": { ax, _, _ in .str(try ax.read { $0.yLog } ? "log" : "linear") },
        "scatter": AxesPlotting.scatter,
        "bar": AxesPlotting.bar,
        "hist": AxesPlotting.hist,
        "imshow": AxesPlotting.imshow,
        "text": AxesText.text,
        "annotate": AxesText.annotate,
        "set_title": { ax, arguments, _ in try setText(ax, arguments, "set_title", "label", \.title, x: "0.5", y: "1.0") },
        "set_xlabel": { ax, arguments, _ in try setText(ax, arguments, "set_xlabel", "xlabel", \.xLabel, x: "0.5", y: "0") },
        "set_ylabel": { ax, arguments, _ in try setText(ax, arguments, "set_ylabel", "ylabel", \.yLabel, x: "0", y: "0.5") },
        "get_title": { ax, _, _ in .str(try ax.read { $0.title ?? "" }) },
        "get_xlabel": { ax, _, _ in .str(try ax.read { $0.xLabel ?? "" }) },
        "get_ylabel": { ax, _, _ in .str(try ax.read { $0.yLabel ?? "" }) },
        "legend": legend,
        "grid": grid,
        "axis": axis,
        "set_xlim": { ax, arguments, _ in try setLimits(ax, arguments, "set_xlim", vertical: false) },
        "set_ylim": { ax, arguments, _ in try setLimits(ax, arguments, "set_ylim", vertical: true) },
        "get_xlim": { ax, _, _ in float64Pair(try ax.read { AxesLimits.x($0) }) },
        "get_ylim": { ax, _, _ in float64Pair(try ax.read { AxesLimits.y($0) }) },
        "set_xticks": { ax, arguments, interpreter in try setTicks(ax, arguments, interpreter, vertical: false) },
        "set_yticks": { ax, arguments, interpreter in try setTicks(ax, arguments, interpreter, vertical: true) },
        "set_xticklabels": { ax, arguments, _ in try setTickLabels(ax, arguments, vertical: false) },
        "set_yticklabels": { ax, arguments, _ in try setTickLabels(ax, arguments, vertical: true) },
        "set_aspect": { ax, arguments, _ in
            let aspect = try arguments.bind("set_aspect", ["aspect"], extraKeywords: true)["aspect"]
            try ax.modify { $0.equalAspect = aspect.str == "equal" || aspect.asDouble == 1 }
            return .none
        },
        "get_xaxis": { ax, _, _ in .host(AxisObject(ax, vertical: false)) },
        "get_yaxis": { ax, _, _ in .host(AxisObject(ax, vertical: true)) },
        "invert_yaxis": { ax, _, _ in try ax.modify { $0.yInverted.toggle() }; return .none },
        "cla": { ax, _, _ in try ax.modify { $0 = Axes(position: $0.position) }; return .none },
        "clear": { ax, _, _ in try ax.modify { $0 = Axes(position: $0.position) }; return .none },
        "set": set,
        "tick_params": tickParams,
    ]

    /// `semilogy(...)`: `plot(...)` on a log y axis (x for `semilogx`, both for `loglog`).
    private static func logPlot(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter,
                                x: Bool, y: Bool) throws -> Value {
        var plotArguments = arguments
        plotArguments.keywords.removeAll { ["base", "subs", "nonpositive", "basex", "basey"].contains($0.name) }
        if let base = arguments.keyword("base"), base.asDouble != 10 {
            throw PyException(.notImplementedError, "Labbook draws log axes in base 10 only")
        }
        let lines = try AxesPlotting.plot(ax, plotArguments, interpreter)
        try ax.modify { if x { $0.xLog = true }; if y { $0.yLog = true } }
        return lines
    }

    /// `set_yscale('log')` / `('linear')`; other scales (symlog, logit) are not drawn.
    private static func setScale(_ ax: AxesObject, _ arguments: Arguments, vertical: Bool) throws -> Value {
        let bound = try arguments.bind(vertical ? "set_yscale" : "set_xscale", ["value"], extraKeywords: true)
        guard case .str(let scale) = bound["value"], ["log", "linear"].contains(scale) else {
            if case .str(let other) = bound["value"], ["symlog", "logit", "asinh", "function", "functionlog"].contains(other) {
                throw PyException(.notImplementedError, "Labbook draws 'linear' and 'log' axes, not '\(other)'")
            }
            throw PyException(.valueError, "\(bound["value"].repr) is not a valid value for scale; supported values are "
                + "'asinh', 'function', 'functionlog', 'linear', 'log', 'logit', 'symlog'")
        }
        try ax.modify { if vertical { $0.yLog = scale == "log" } else { $0.xLog = scale == "log" } }
        return .none
    }

    /// `rotation=45` given to `xticks`, `set_xticklabels`...: turns that axis' tick labels.
    static func tickRotation(_ ax: AxesObject, _ keywords: [(name: String, value: Value)], vertical: Bool) throws {
        guard let value = keywords.last(where: { $0.name == "rotation" })?.value else { return }
        let angle: Double
        switch value {
        case .str("vertical"): angle = 90
        case .str("horizontal"), .none: angle = 0
        default: angle = try PlotData.number(value, "rotation")
        }
        try ax.modify { if vertical { $0.yTickRotation = angle } else { $0.xTickRotation = angle } }
    }

    /// `tick_params(axis='x', labelrotation=45)`; the other tick parameters change details
    /// Labbook does not draw.
    private static func tickParams(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("tick_params", [.init("axis", default: .str("both"))], extraKeywords: true)
        guard let rotation = bound.extraKeywords.last(where: { $0.name == "labelrotation" }) else { return .none }
        var axis = "both"
        if case .str(let name) = bound["axis"] { axis = name }
        if axis != "y" { try tickRotation(ax, [("rotation", rotation.value)], vertical: false) }
        if axis != "x" { try tickRotation(ax, [("rotation", rotation.value)], vertical: true) }
        return .none
    }

    /// What setters return: `(0.0, 5.0)`.
    static func pair(_ limits: (Double, Double)) -> Value { .tuple([.float(limits.0), .float(limits.1)]) }

    /// What getters return, the limits as NumPy scalars: `(np.float64(0.0), np.float64(5.0))`.
    static func float64Pair(_ limits: (Double, Double)) -> Value { .tuple([float64(limits.0), float64(limits.1)]) }

    static func float64(_ x: Double) -> Value { .host(NumPyScalar(NDArray(shape: [], storage: .float64([x])))) }

    private static func setText(_ ax: AxesObject, _ arguments: Arguments, _ function: String, _ parameter: String,
                                _ field: WritableKeyPath<Axes, String?>, x: String, y: String) throws -> Value {
        let bound = try arguments.bind(function, [HostParameter(parameter)], extraKeywords: true)
        let text = PlotData.text(bound[parameter])
        try ax.modify { $0[keyPath: field] = text }
        return PlotHandle.text(x: x, y: y, text)
    }

    /// `legend()`, `legend(loc='upper left')`, `legend(['train', 'validation'])` (labels the
    /// artists in drawing order).
    static func legend(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let location = try StyleArguments.legendLocation(arguments.keyword("loc") ?? .none)
        if let labels = arguments.positional.last, arguments.positional.count <= 2 {
            let texts = try interpreter.toArray(labels).map(PlotData.text)
            try ax.modify { $0 = try ArtistLabels.relabel($0, texts) }
        }
        try ax.modify { $0.legend(location: location) }
        return PlotHandle.addressed("matplotlib.legend.Legend")
    }

    /// `grid()` toggles, `grid(True)`/`grid(False)` set, `grid(color=...)` turns it on.
    static func grid(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("grid", [.init("visible", default: .none), .init("which", default: .str("major")),
                                                .init("axis", default: .str("both"))], extraKeywords: true)
        let visible = bound["visible"]
        try ax.modify { axes in
            if visible.isNone { axes.showsGrid = bound.extraKeywords.isEmpty ? !axes.showsGrid : true }
            else { axes.showsGrid = visible.isTruthy }
        }
        return .none
    }

    /// `axis('off')`, `axis('on')`, `axis('equal')`, `axis([xmin, xmax, ymin, ymax])`;
    /// returns the limits `(xmin, xmax, ymin, ymax)`.
    static func axis(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("axis", [.init("arg", default: .none)], extraKeywords: true)
        switch bound["arg"] {
        case .none: break
        case .bool(let on): try ax.modify { $0.showsAxis = on }
        case .str(let mode):
            switch mode {
            case "off": try ax.modify { $0.showsAxis = false }
            case "on": try ax.modify { $0.showsAxis = true }
            case "equal", "scaled", "image", "square": try ax.modify { $0.equalAspect = true }
            case "tight", "auto", "normal": break
            default: throw PyException(.valueError, "Unrecognized string '\(mode)' to axis; try 'on' or 'off'")
            }
        case let limits:
            let numbers = try PlotData.read(limits, interpreter).values
            guard numbers.count == 4 else {
                throw PyException(.typeError, "The first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]")
            }
            try ax.modify { $0.xLimits = (numbers[0], numbers[1]); $0.yLimits = (numbers[2], numbers[3]) }
        }
        let (x, y) = try ax.read { (AxesLimits.x($0), AxesLimits.y($0)) }
        return .tuple([float64(x.0), float64(x.1), float64(y.0), float64(y.1)])
    }

    /// `set_xlim(left, right)`, `set_xlim((left, right))`, `set_xlim(right=5)`; a side left
    /// out keeps its current value. Returns the new limits.
    static func setLimits(_ ax: AxesObject, _ arguments: Arguments, _ function: String, vertical: Bool) throws -> Value {
        let names = vertical ? ("bottom", "top", "ymin", "ymax") : ("left", "right", "xmin", "xmax")
        let bound = try arguments.bind(function, [.init(names.0, default: .none), .init(names.1, default: .none),
                                                  .init("emit", default: .bool(true)), .init("auto", default: .bool(false)),
                                                  .init(names.2, default: .none), .init(names.3, default: .none)])
        var low = bound[names.0].isNone ? bound[names.2] : bound[names.0]
        var high = bound[names.1].isNone ? bound[names.3] : bound[names.1]
        if case .tuple(let items) = low, items.count == 2 { low = items[0]; high = items[1] }
        if case .list(let list) = low, list.items.count == 2 { low = list.items[0]; high = list.items[1] }
        let current = try ax.read { vertical ? AxesLimits.y($0) : AxesLimits.x($0) }
        let limits = (try low.isNone ? current.0 : PlotData.number(low, names.0),
                      try high.isNone ? current.1 : PlotData.number(high, names.1))
        try ax.modify { if vertical { $0.yLimits = limits } else { $0.xLimits = limits } }
        return pair(limits)
    }

    /// `set_xticks(ticks, labels=None)`: fixed ticks. Returns one tick object per position.
    static func setTicks(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter, vertical: Bool) throws -> Value {
        let bound = try arguments.bind(vertical ? "set_yticks" : "set_xticks",
                                       ["ticks", .init("labels", default: .none), .init("minor", default: .bool(false))],
                                       extraKeywords: true)
        let positions = try PlotData.read(bound["ticks"], interpreter).values
        try tickRotation(ax, bound.extraKeywords, vertical: vertical)
        let labels = bound["labels"].isNone ? nil : try interpreter.toArray(bound["labels"]).map(PlotData.text)
        try ax.modify { vertical ? try $0.setYTicks(positions, labels: labels) : try $0.setXTicks(positions, labels: labels) }
        let name = vertical ? "matplotlib.axis.YTick" : "matplotlib.axis.XTick"
        return .list(PyList(positions.map { _ in PlotHandle.addressed(name) }))
    }

    /// `set_xticklabels(labels)`: labels for the fixed ticks (set by `set_xticks` or `bar`).
    static func setTickLabels(_ ax: AxesObject, _ arguments: Arguments, vertical: Bool) throws -> Value {
        let function = vertical ? "set_yticklabels" : "set_xticklabels"
        let bound = try arguments.bind(function, ["labels"], extraKeywords: true)
        try tickRotation(ax, bound.extraKeywords, vertical: vertical)
        let labels = try bound["labels"].isNone ? [] : PlotData.textList(bound["labels"])
        let ticks = try ax.read { vertical ? $0.yTicks : $0.xTicks }
        guard let ticks else {
            throw PyException(.valueError, "\(function)() needs fixed ticks: call set_\(vertical ? "y" : "x")ticks(positions) first")
        }
        try ax.modify {
            vertical ? try $0.setYTicks(ticks.map(\.position), labels: labels)
                : try $0.setXTicks(ticks.map(\.position), labels: labels)
        }
        return .list(PyList(zip(ticks, labels).map { tick, label in
            vertical ? PlotHandle.text(x: "0", y: PlotHandle.number(tick.position), label)
                : PlotHandle.text(x: PlotHandle.number(tick.position), y: "0", label)
        }))
    }

    /// `ax.set(title=..., xlabel=..., ylabel=..., xlim=..., ylim=...)`: each keyword as its
    /// `set_` method, in the order given; returns their results.
    static func set(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard arguments.positional.isEmpty else {
            throw PyException(.typeError, "set() takes 1 positional argument but \(arguments.positional.count + 1) were given")
        }
        var results: [Value] = []
        for (name, value) in arguments.keywords {
            guard let method = table["set_" + name] else {
                throw PyException(.attributeError, "Axes.set() got an unexpected keyword argument '\(name)'")
            }
            let call: Arguments
            if case .tuple(let items) = value, name.hasSuffix("lim") { call = Arguments(items) } else { call = Arguments([value]) }
            results.append(try method(ax, call, interpreter))
        }
        return .list(PyList(results))
    }
}
