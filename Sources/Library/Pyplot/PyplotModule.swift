import CellLanguage
import CellOutput
import Charts

/// `matplotlib` and `matplotlib.pyplot` for cells, drawn by Charts.
///
///     let registry = ModuleRegistry()
///     PyplotModule.register(in: registry)
///     // cell:  import matplotlib.pyplot as plt
///     //        plt.plot([1, 2, 3], label='loss'); plt.legend(); plt.show()
///     // outputs: [.figure(OutputFigure(svg: "<svg ...", plainText: "<Figure size 640x480 with 1 Axes>"))]
///
/// `show()` emits every open figure and closes them. Like Jupyter's inline backend, figures
/// still open when a cell ends are shown too: the runner appends `PyplotModule.flush(_:)`'s
/// parts to the cell's outputs after every cell (see `flush`).
public enum PyplotModule {
    /// The module attribute holding the session's state (found again by `flush`).
    static let stateAttribute = "_labbook_state"

    /// Registers `matplotlib` (with `rcParams` and a no-op `use`) and `matplotlib.pyplot`.
    /// The pyplot factory runs once per session and makes that session's figure state.
    public static func register(in registry: ModuleRegistry) {
        let snapshotting = registry.snapshotting
        registry.register("matplotlib") { _ in
            let module = Module("matplotlib")
            let parameters = PyplotState.defaultParameters()
            snapshotting.register(provider: PlotParameterState(parameters))
            module["rcParams"] = .dict(parameters)
            module.define("use") { _, _ in .none }
            let colormaps = ColormapObject.module()
            module["cm"] = .module(colormaps)
            module["colormaps"] = .dict(PyDict(Colormap.names.compactMap { name in colormaps[name].map { (name, $0) } }))
            return module
        }
        registry.register("matplotlib.cm") { interpreter in
            if case .module(let cm)? = try interpreter.importModule("matplotlib")["cm"] { return cm }
            return ColormapObject.module()
        }
        registry.register("matplotlib.pyplot") { interpreter in
            let parent = try interpreter.importModule("matplotlib")
            let parameters: PyDict
            if case .dict(let shared)? = parent["rcParams"] { parameters = shared } else { parameters = PyplotState.defaultParameters() }
            let module = makeModule(PyplotState(rcParams: parameters))
            module["cm"] = parent["cm"] ?? .module(ColormapObject.module())
            return module
        }
    }

    /// The figures still open at the end of a cell, as output parts (SVG figures, or the
    /// `<Figure size 640x480 with 0 Axes>` text for empty ones), closing them all — what
    /// Jupyter's inline backend shows after each cell. Returns `[]` when the session never
    /// drew anything. Call it after every `Session.run`, also when the cell failed (Jupyter
    /// shows the figures drawn before the error), and append the parts to the outcome:
    ///
    ///     var outcome = session.run(source, cellNumber: n)
    ///     outcome.outputs += PyplotModule.flush(session.interpreter)
    public static func flush(_ interpreter: Interpreter) -> [OutputPart] {
        guard let module = try? interpreter.importModule("matplotlib.pyplot"),
              case .host(let host)? = module[stateAttribute],
              let state = host as? PyplotState else { return [] }
        return state.showAll()
    }

    /// pyplot's functions named after a colormap (`plt.gray()`), those whose map Labbook draws.
    static let colormapFunctions = ["autumn", "bone", "cool", "copper", "flag", "gray", "hot", "hsv", "inferno", "jet",
                                    "magma", "nipy_spectral", "pink", "plasma", "prism", "spring", "summer",
                                    "viridis", "winter"].filter { (try? Colormap(name: $0)) != nil }

    static func makeModule(_ state: PyplotState) -> Module {
        let module = Module("matplotlib.pyplot")
        module[stateAttribute] = .host(state)
        module["rcParams"] = .dict(state.rcParams)
        let gca = { (interpreter: Interpreter) throws -> AxesObject in
            let figure = try state.currentFigure(interpreter)
            return figure.currentAxesObject()
        }
        // Drawing and decorating the current axes: plt.f(...) is plt.gca().m(...).
        let onAxes: [(String, String)] = [
            ("plot", "plot"), ("semilogx", "semilogx"), ("semilogy", "semilogy"), ("loglog", "loglog"),
            ("xscale", "set_xscale"), ("yscale", "set_yscale"), ("scatter", "scatter"), ("bar", "bar"), ("hist", "hist"), ("imshow", "imshow"),
            ("title", "set_title"), ("xlabel", "set_xlabel"), ("ylabel", "set_ylabel"), ("legend", "legend"),
            ("grid", "grid"), ("axis", "axis"), ("cla", "cla"), ("text", "text"), ("annotate", "annotate"),
        ]
        for (name, method) in onAxes {
            guard let body = AxesMethods.table[method] else { continue }
            module.define(name) { arguments, interpreter in try body(try gca(interpreter), arguments, interpreter) }
        }
        for (name, vertical) in [("xlim", false), ("ylim", true)] {
            module.define(name) { arguments, interpreter in
                let ax = try gca(interpreter)
                if arguments.positional.isEmpty && arguments.keywords.isEmpty {
                    return AxesMethods.float64Pair(try ax.read { vertical ? AxesLimits.y($0) : AxesLimits.x($0) })
                }
                return try AxesMethods.setLimits(ax, arguments, name, vertical: vertical)
            }
        }
        for (name, vertical) in [("xticks", false), ("yticks", true)] {
            module.define(name) { arguments, interpreter in
                try ticks(try gca(interpreter), arguments, interpreter, name: name, vertical: vertical)
            }
        }
        module.define("figure") { arguments, interpreter in try figure(state, arguments, interpreter) }
        module.define("subplot") { arguments, interpreter in
            let (rows, columns, index) = try SubplotArguments.grid(arguments.positional)
            return .host(try state.currentFigure(interpreter).subplot(rows: rows, columns: columns, index: index))
        }
        module.define("subplots") { arguments, interpreter in try subplots(state, arguments, interpreter) }
        module.define("suptitle") { arguments, interpreter in
            try callFigure(state, "suptitle", arguments, interpreter)
        }
        module.define("savefig") { arguments, interpreter in
            try state.currentFigure(interpreter).save(arguments, interpreter)
        }
        module.define("show") { _, interpreter in
            for part in state.showAll() { interpreter.emit(part) }
            return .none
        }
        module.define("close") { arguments, interpreter in try close(state, arguments) }
        module.define("clf") { _, interpreter in try state.currentFigure(interpreter).clear(); return .none }
        module.define("gcf") { _, interpreter in .host(try state.currentFigure(interpreter)) }
        module.define("gca") { _, interpreter in .host(try gca(interpreter)) }
        module.define("get_fignums") { _, _ in .list(PyList(state.numbers.map { .int($0) })) }
        module.define("colorbar") { arguments, interpreter in try ColorbarCall.colorbar(try gca(interpreter), arguments, interpreter) }
        module.define("get_cmap") { arguments, interpreter in try ColormapObject.getCmap(arguments, interpreter) }
        // plt.gray(), plt.viridis(), ...: the default colormap from now on, and the current image's.
        for name in colormapFunctions {
            module.define(name) { arguments, interpreter in
                try arguments.expectExactly(0, name)
                try state.rcParams.set(.str("image.cmap"), .str(name))
                let colormap = try StyleArguments.colormap(.str(name))
                if let figure = state.figures.last {
                    let ax = figure.currentAxesObject()
                    try ax.modify { axes in
                        guard let last = axes.artists.lastIndex(where: { if case .image = $0 { true } else { false } }) else { return }
                        axes.modifyArtist(at: last) { artist in
                            if case .image(var image) = artist { image.colormap = colormap; artist = .image(image) }
                        }
                    }
                }
                return .none
            }
        }
        module.define("tight_layout") { _, _ in .none }
        module.define("subplots_adjust") { _, _ in .none }
        return module
    }

    /// `figure(num=None, figsize=None, dpi=None)`: an existing figure by number, or a new one.
    private static func figure(_ state: PyplotState, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("figure", [.init("num", default: .none), .init("figsize", default: .none),
                                                  .init("dpi", default: .none)], extraKeywords: true)
        var number: Int?
        switch bound["num"] {
        case .host(let host as FigureObject):
            state.activate(host)
            return .host(host)
        case let value where value.asInt != nil:
            number = value.asInt
            if let number, let open = state.figure(number: number) {
                state.activate(open)
                return .host(open)
            }
        default: break
        }
        let size = try state.figureSize(bound["figsize"], interpreter)
        let dpi = try bound["dpi"].isNone ? nil : PlotData.number(bound["dpi"], "dpi")
        return .host(try state.newFigure(number: number, size: size, dpi: dpi, interpreter))
    }

    /// `subplots(nrows=1, ncols=1, figsize=None, squeeze=True)`: a new figure filled with a
    /// grid of axes; returns `(fig, ax)` with one axes, a 1-D array for one row or column,
    /// else a 2-D array.
    private static func subplots(_ state: PyplotState, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("subplots", [
            .init("nrows", default: .int(1)), .init("ncols", default: .int(1)),
            .init("sharex", default: .bool(false)), .init("sharey", default: .bool(false)),
            .init("squeeze", default: .bool(true)), .init("figsize", default: .none), .init("dpi", default: .none),
        ], extraKeywords: true)
        let rows = try PlotData.integer(bound["nrows"], "nrows"), columns = try PlotData.integer(bound["ncols"], "ncols")
        guard rows >= 1 else { throw PyException(.valueError, "Number of rows must be a positive integer, not \(rows)") }
        guard columns >= 1 else { throw PyException(.valueError, "Number of columns must be a positive integer, not \(columns)") }
        let size = try state.figureSize(bound["figsize"], interpreter)
        let dpi = try bound["dpi"].isNone ? nil : PlotData.number(bound["dpi"], "dpi")
        let figure = try state.newFigure(size: size, dpi: dpi, interpreter)
        let axes = try (1...(rows * columns)).map { try figure.subplot(rows: rows, columns: columns, index: $0) }
        let result: Value
        if bound["squeeze"].isTruthy && rows * columns == 1 {
            result = .host(axes[0])
        } else if bound["squeeze"].isTruthy && (rows == 1 || columns == 1) {
            result = .host(AxesArray(shape: [rows * columns], items: axes))
        } else {
            result = .host(AxesArray(shape: [rows, columns], items: axes))
        }
        return .tuple([.host(figure), result])
    }

    private static func callFigure(_ state: PyplotState, _ name: String, _ arguments: Arguments,
                                   _ interpreter: Interpreter) throws -> Value {
        let figure = try state.currentFigure(interpreter)
        guard let method = FigureObject.methods[name] else { throw figure.attributeError(name) }
        return try method(figure, arguments, interpreter)
    }

    /// `close()`, `close('all')`, `close(fig)`, `close(number)`.
    private static func close(_ state: PyplotState, _ arguments: Arguments) throws -> Value {
        let bound = try arguments.bind("close", [.init("fig", default: .none)])
        switch bound["fig"] {
        case .none: if let current = state.figures.last { state.close(current) }
        case .str("all"): state.closeAll()
        case .host(let host as FigureObject): state.close(host)
        case let value:
            guard let number = value.asInt else {
                throw PyException(.typeError, "close() argument must be a Figure, an int, a string, or None, not \(value.typeName)")
            }
            if let figure = state.figure(number: number) { state.close(figure) }
        }
        return .none
    }

    /// `xticks()` reads the fixed ticks, `xticks(ticks, labels)` sets them; both return
    /// `(ticks, labels)` like matplotlib.
    private static func ticks(_ ax: AxesObject, _ arguments: Arguments, _ interpreter: Interpreter,
                              name: String, vertical: Bool) throws -> Value {
        let bound = try arguments.bind(name, [.init("ticks", default: .none), .init("labels", default: .none),
                                              .init("minor", default: .bool(false))], extraKeywords: true)
        if !bound["ticks"].isNone {
            let method = vertical ? "set_yticks" : "set_xticks"
            _ = try AxesMethods.table[method]?(ax, Arguments([bound["ticks"], bound["labels"]]), interpreter)
        }
        try AxesMethods.tickRotation(ax, bound.extraKeywords, vertical: vertical)
        let marks = try ax.read { vertical ? $0.yTicks : $0.xTicks } ?? []
        let tickName = vertical ? "matplotlib.axis.YTick" : "matplotlib.axis.XTick"
        let labels: [Value] = marks.map { mark in
            let position = PlotHandle.number(mark.position)
            return vertical ? PlotHandle.text(x: "0", y: position, mark.label ?? "")
                : PlotHandle.text(x: position, y: "0", mark.label ?? "")
        }
        return .tuple([.list(PyList(marks.map { _ in PlotHandle.addressed(tickName) })), .list(PyList(labels))])
    }
}
