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
    /// The drawn artist this handle changes (`line.set_color`, `bars[0].set_color`); nil for
    /// handles that only print, and for handles restored from the cache (their figure is gone).
    let target: ArtistTarget?

    init(typeName: String, repr: String, target: ArtistTarget? = nil) {
        self.typeName = typeName
        self.repr = repr
        self.target = target
    }

    /// An object whose matplotlib repr is `<module.Class at 0x…>`.
    static func addressed(_ qualifiedName: String) -> Value {
        let name = qualifiedName.split(separator: ".").last.map(String.init) ?? qualifiedName
        return .host(PlotHandle(typeName: name, repr: "<\(qualifiedName) at 0x...>"))
    }

    static func line(_ ax: AxesObject, artist: Int) -> Value {
        .host(PlotHandle(typeName: "Line2D", repr: "<matplotlib.lines.Line2D at 0x...>", target: .line(ax, artist: artist)))
    }

    /// matplotlib's `Text(x, y, 'text')`; `x` and `y` are written as given (`0.5`, `0`).
    static func text(x: String, y: String, _ text: String) -> Value {
        .host(PlotHandle(typeName: "Text", repr: "Text(\(x), \(y), \(Value.str(text).repr))"))
    }

    /// A coordinate as Python prints the number it came from: `0` for whole numbers, else `0.5`.
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : Value.float(x).repr
    }

    /// `<BarContainer object of N artists>`, indexable: `bars[i]` is bar `i`'s Rectangle.
    static func barContainer(_ ax: AxesObject, _ bars: [ArtistTarget.BarReference]) -> Value {
        .host(PlotHandle(typeName: "BarContainer", repr: "<BarContainer object of \(bars.count) artists>",
                         target: .bars(ax, bars)))
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
