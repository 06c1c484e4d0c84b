import CellLanguage
import Charts

/// What a plotting call returns for cells to print or ignore: a `Line2D`, a `Text`, a
/// `BarContainer`... It only has a repr. matplotlib's reprs carry memory addresses
/// (`<matplotlib.lines.Line2D at 0x7f3a...>` in Jupyter); Labbook prints `0x...` in their place
/// so that reports stay byte-stable:
///
///     plt.plot([1, 2])         # [<matplotlib.lines.Line2D at 0x...>]
///     plt.title('Loss')        # Text(0.5, 1.0, 'Loss')
///     plt.bar([1, 2], [3, 4])  # <BarContainer object of 2 artists>
final class PlotHandle: HostObject {
    let typeName: String
    let repr: String

    init(typeName: String, repr: String) {
        self.typeName = typeName
        self.repr = repr
    }

    /// An object whose matplotlib repr is `<module.Class at 0x…>`.
    static func addressed(_ qualifiedName: String) -> Value {
        let name = qualifiedName.split(separator: ".").last.map(String.init) ?? qualifiedName
        return .host(PlotHandle(typeName: name, repr: "<\(qualifiedName) at 0x...>"))
    }

    static func line() -> Value { addressed("matplotlib.lines.Line2D") }

    /// matplotlib's `Text(x, y, 'text')`; `x` and `y` are written as given (`0.5`, `0`).
    static func text(x: String, y: String, _ text: String) -> Value {
        .host(PlotHandle(typeName: "Text", repr: "Text(\(x), \(y), \(Value.str(text).repr))"))
    }

    /// A coordinate as Python prints the number it came from: `0` for whole numbers, else `0.5`.
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : Value.float(x).repr
    }

    static func barContainer(_ count: Int) -> Value {
        .host(PlotHandle(typeName: "BarContainer", repr: "<BarContainer object of \(count) artists>"))
    }
}

extension ChartError {
    /// The chart error as the ValueError matplotlib raises for the same mistake.
    var pythonException: PyException { PyException(.valueError, description) }
}

/// Runs a Charts call, turning its errors into Python's ValueError.
func charting<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ChartError {
        throw error.pythonException
    }
}
