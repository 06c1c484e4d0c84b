import CellLanguage
import Charts

/// A matplotlib `Axes` as cells see it (`ax` in `fig, ax = plt.subplots()`): one plotting area
/// of a figure. Its methods are in `AxesMethods`; `plt.plot(...)` is `plt.gca().plot(...)`.
///
///     ax.set_title('Loss')     # Text(0.5, 1.0, 'Loss')
///     ax                       # <Axes: title={'center': 'Loss'}>
final class AxesObject: HostObject {
    let figure: FigureObject
    let index: Int
    /// The figure's generation when this axes was made; a later `clf()` removed it.
    let generation: Int

    init(figure: FigureObject, index: Int, generation: Int) {
        self.figure = figure
        self.index = index
        self.generation = generation
    }

    var typeName: String { "Axes" }

    /// matplotlib's `<Axes: title={'center': 'T'}, xlabel='x', ylabel='y'>` (fields only when set).
    var repr: String {
        guard let axes = try? read({ $0 }) else { return "<Axes: >" }
        var fields: [String] = []
        if let title = axes.title, !title.isEmpty { fields.append("title={'center': \(Value.str(title).repr)}") }
        if let label = axes.xLabel, !label.isEmpty { fields.append("xlabel=\(Value.str(label).repr)") }
        if let label = axes.yLabel, !label.isEmpty { fields.append("ylabel=\(Value.str(label).repr)") }
        return "<Axes: " + fields.joined(separator: ", ") + ">"
    }

    /// Changes the Charts axes in place; raises when `clf()` has removed it from its figure.
    func modify<T>(_ body: (inout Axes) throws -> T) throws -> T {
        try checkAttached()
        return try charting { try body(&figure.figure.axes[index]) }
    }

    /// Reads the Charts axes.
    func read<T>(_ body: (Axes) throws -> T) throws -> T {
        try checkAttached()
        return try body(figure.figure.axes[index])
    }

    private func checkAttached() throws {
        guard generation == figure.generation, figure.figure.axes.indices.contains(index) else {
            throw PyException(.runtimeError, "this Axes was removed from its figure by clf(); "
                + "draw on a new one from plt.gca() or plt.subplots()")
        }
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        if name == "figure" { return .host(figure) }
        if name == "transAxes" { return AxesText.axesTransform }
        if name == "xaxis" || name == "yaxis" { return .host(AxisObject(self, vertical: name == "yaxis")) }
        guard let method = AxesMethods.table[name] else { throw attributeError(name) }
        return .builtin(BuiltinFunction(name) { arguments, interpreter in
            try method(self, arguments, interpreter)
        })
    }
}
