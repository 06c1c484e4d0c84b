import CellLanguage
import CellOutput
import Charts
import Foundation

/// A matplotlib `Figure` as cells see it (`fig` in `fig, ax = plt.subplots()`): a Charts
/// `Figure` plus the figure number and which axes is current.
///
///     fig = plt.figure(figsize=(10, 4))
///     fig                  # <Figure size 1000x400 with 0 Axes>
///     fig.suptitle('MNIST')
///     fig.savefig('digits.svg')
final class FigureObject: HostObject {
    var figure: Figure
    /// matplotlib's figure number (`plt.figure(1)`, `plt.get_fignums()`).
    let number: Int
    /// Index in `figure.axes` of the current axes (`gca()`), nil when there is none.
    var currentAxes: Int?
    /// Bumped by `clf()`, so axes objects taken before it know they were removed.
    private(set) var generation = 0
    /// Axes objects handed out, so `plt.gca()` twice is the same object while a cell holds
    /// it (weak: an axes object holds its figure).
    private var handles: [Int: WeakAxes] = [:]

    init(number: Int, width: Double, height: Double, dpi: Double) {
        self.number = number
        self.figure = Figure(width: width, height: height, dpi: dpi)
    }

    var typeName: String { "Figure" }

    /// `<Figure size 640x480 with 1 Axes>`: matplotlib's repr, sizes in pixels printed with `%g`.
    var repr: String {
        let (w, h) = figure.pixelSize
        return "<Figure size \(FigureObject.g(w))x\(FigureObject.g(h)) with \(figure.axes.count) Axes>"
    }

    /// `str(fig)`: `Figure(640x480)`.
    var str: String {
        let (w, h) = figure.pixelSize
        return "Figure(\(FigureObject.g(w))x\(FigureObject.g(h)))"
    }

    /// Python's `'%g' % x`.
    static func g(_ x: Double) -> String { String(format: "%g", x) }

    /// The axes object for `figure.axes[index]`.
    func axesObject(_ index: Int) -> AxesObject {
        if let existing = handles[index]?.object { return existing }
        let made = AxesObject(figure: self, index: index, generation: generation)
        handles[index] = WeakAxes(object: made)
        return made
    }

    /// The current axes (`gca()`), created as a full-figure axes when there is none.
    func currentAxesObject() -> AxesObject {
        if let index = currentAxes, figure.axes.indices.contains(index) { return axesObject(index) }
        let index = figure.currentAxes()
        currentAxes = index
        return axesObject(index)
    }

    /// `subplot(rows, columns, index)`: that grid cell's axes (reused if it exists), made current.
    func subplot(rows: Int, columns: Int, index: Int) throws -> AxesObject {
        let position = try charting { try figure.subplot(rows: rows, columns: columns, index: index) }
        currentAxes = position
        return axesObject(position)
    }

    /// `clf()`: no axes, no title; axes objects taken before stop drawing here.
    func clear() {
        figure.axes = []
        figure.title = nil
        currentAxes = nil
        handles = [:]
        generation += 1
    }

    /// What `show()` emits: the SVG figure, or for a figure without axes the text Jupyter
    /// shows in its place.
    func outputPart() -> OutputPart {
        if figure.axes.isEmpty { return .stream(repr + "\n") }
        return .figure(OutputFigure(svg: figure.svg(), plainText: repr))
    }

    /// `savefig(path)`: writes the SVG document atomically; the path is relative to the
    /// working directory. Only `.svg` is written; a name without an extension gets `.svg`
    /// where matplotlib's gets `.png`, with a warning in the cell's output and on the terminal.
    func save(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("savefig", ["fname", .init("dpi", default: .none),
                                                   .init("format", default: .none)], extraKeywords: true)
        guard case .str(var path) = bound["fname"] else {
            throw PyException(.typeError, "savefig() fname must be a path string, not '\(bound["fname"].typeName)'")
        }
        var format = (path as NSString).pathExtension.lowercased()
        if case .str(let given) = bound["format"] { format = given.lowercased() }
        if format.isEmpty {
            // matplotlib adds its default format's extension, `.png`; Labbook writes SVG, and says so.
            format = "svg"
            let name = path
            path += ".svg"
            let message = "savefig(\(Value.str(name).repr)): matplotlib would write a PNG, \(name).png; Labbook writes "
                + "SVG only and wrote \(path) (give the name an extension, .svg, to choose it)"
            interpreter.notice(message)
            try PythonWarnings.warn(message, interpreter)
        }
        guard format == "svg" else {
            throw PyException(.valueError, "Format '\(format)' is not supported (supported formats: svg)")
        }
        var document = figure
        if let dpi = bound["dpi"].asDouble, dpi > 0 { document.dpi = dpi }
        let text = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"no\"?>\n" + document.svg() + "\n"
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw PyException(.fileNotFoundError, "[Errno 2] No such file or directory: \(Value.str(path).repr)")
        }
        return .none
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "number": return .int(number)
        case "dpi": return .float(figure.dpi)
        case "axes": return .list(PyList(figure.axes.indices.map { .host(axesObject($0)) }))
        default: break
        }
        guard let method = FigureObject.methods[name] else { throw attributeError(name) }
        return .builtin(BuiltinFunction(name) { arguments, interpreter in
            try method(self, arguments, interpreter)
        })
    }

    typealias Method = @Sendable (FigureObject, Arguments, Interpreter) throws -> Value

    static let methods: [String: Method] = [
        "suptitle": { fig, arguments, _ in
            let bound = try arguments.bind("suptitle", ["t"], extraKeywords: true)
            fig.figure.title = PlotData.text(bound["t"])
            return PlotHandle.text(x: "0.5", y: "0.98", PlotData.text(bound["t"]))
        },
        "savefig": { fig, arguments, interpreter in try fig.save(arguments, interpreter) },
        "colorbar": { fig, arguments, interpreter in try ColorbarCall.colorbar(fig.currentAxesObject(), arguments, interpreter) },
        "add_subplot": { fig, arguments, _ in
            let (rows, columns, index) = try SubplotArguments.grid(arguments.positional.isEmpty
                ? [.int(1), .int(1), .int(1)] : arguments.positional)
            return .host(try fig.subplot(rows: rows, columns: columns, index: index))
        },
        "gca": { fig, _, _ in .host(fig.currentAxesObject()) },
        "clf": { fig, _, _ in fig.clear(); return .none },
        "tight_layout": { _, _, _ in .none },
        "subplots_adjust": { _, _, _ in .none },
        "show": { _, _, _ in .none },
        "get_size_inches": { fig, _, _ in .tuple([.float(fig.figure.width), .float(fig.figure.height)]) },
        "set_size_inches": { fig, arguments, _ in
            let bound = try arguments.bind("set_size_inches", ["w", .init("h", default: .none)], extraKeywords: true)
            var w = bound["w"], h = bound["h"]
            if case .tuple(let pair) = w, pair.count == 2 { w = pair[0]; h = pair[1] }
            fig.figure.width = try PlotData.number(w, "w")
            fig.figure.height = try PlotData.number(h, "h")
            return .none
        },
    ]
}

/// A weak reference to an axes object.
struct WeakAxes {
    weak var object: AxesObject?
}
