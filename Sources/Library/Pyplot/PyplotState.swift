import CellLanguage
import CellOutput

/// One session's pyplot state, matplotlib's `Gcf`: the open figures in activation order
/// (the last is current, `gcf()`), and `rcParams`. Made by the `matplotlib.pyplot` module
/// factory, so each session has its own.
final class PyplotState: HostObject {
    /// Open figures; the last one is the current figure.
    private(set) var figures: [FigureObject] = []
    /// `matplotlib.rcParams`: `figure.figsize` and `figure.dpi` size new figures.
    let rcParams: PyDict

    init(rcParams: PyDict) {
        self.rcParams = rcParams
    }

    var typeName: String { "PyplotState" }
    var repr: String { "<pyplot state: \(figures.count) open figures>" }

    /// matplotlib's defaults for `rcParams`.
    static func defaultParameters() -> PyDict {
        let parameters = PyDict()
        try? parameters.set(.str("figure.figsize"), .list(PyList([.float(6.4), .float(4.8)])))
        try? parameters.set(.str("figure.dpi"), .float(100))
        return parameters
    }

    /// `plt.figure(figsize=..., dpi=...)`: a new current figure numbered after the open ones.
    func newFigure(number: Int? = nil, size: (Double, Double)? = nil, dpi: Double? = nil,
                   _ interpreter: Interpreter) throws -> FigureObject {
        let defaultSize = try figureSize(rcParams.get(.str("figure.figsize")) ?? .none, interpreter) ?? (6.4, 4.8)
        let defaultDpi = (try rcParams.get(.str("figure.dpi")))?.asDouble ?? 100
        let (width, height) = size ?? defaultSize
        let figure = FigureObject(number: number ?? (figures.map(\.number).max() ?? 0) + 1,
                                  width: width, height: height, dpi: dpi ?? defaultDpi)
        figures.append(figure)
        return figure
    }

    /// Reads a `figsize` value `(w, h)`; nil for None.
    func figureSize(_ value: Value, _ interpreter: Interpreter) throws -> (Double, Double)? {
        if value.isNone { return nil }
        let numbers = try PlotData.read(value, interpreter).values
        guard numbers.count == 2, numbers.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw PyException(.valueError, "figure size must be positive finite not \(value.repr)")
        }
        return (numbers[0], numbers[1])
    }

    /// The open figure with this number, if any.
    func figure(number: Int) -> FigureObject? { figures.first { $0.number == number } }

    /// Makes an open figure current (or reopens a closed one).
    func activate(_ figure: FigureObject) {
        figures.removeAll { $0 === figure }
        figures.append(figure)
    }

    /// `gcf()`: the current figure, created when none is open.
    func currentFigure(_ interpreter: Interpreter) throws -> FigureObject {
        if let current = figures.last { return current }
        return try newFigure(interpreter)
    }

    /// `close(fig)`; the figure object stays usable (and `savefig`-able) but is no longer shown.
    func close(_ figure: FigureObject) {
        figures.removeAll { $0 === figure }
    }

    func closeAll() { figures = [] }

    /// `show()` and the end of a cell: every open figure as an output part, in activation
    /// order, then all closed, as Jupyter's inline backend does.
    func showAll() -> [OutputPart] {
        let parts = figures.map { $0.outputPart() }
        figures = []
        return parts
    }

    /// Open figure numbers, ascending (`get_fignums()`).
    var numbers: [Int] { figures.map(\.number).sorted() }
}
