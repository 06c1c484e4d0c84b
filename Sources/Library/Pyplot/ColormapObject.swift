import CellLanguage
import Charts

/// A matplotlib colormap as cells see it: `plt.cm.viridis`, `plt.get_cmap('RdBu_r')`,
/// `matplotlib.colormaps['tab10']`. Passed as `cmap=`, or called for colours:
///
///     plt.cm.tab10(1)                      # (np.float64(1.0), np.float64(0.4980392156862745), ...)
///     plt.cm.viridis(np.linspace(0, 1, 3)) # a (3, 4) float64 array of RGBA rows
///     plt.cm.Blues                         # <matplotlib.colors.LinearSegmentedColormap object at 0x...>
///
/// A float in [0, 1] picks along the map, an int picks entry `i` of the lookup table, as in
/// matplotlib. Channels are the 8-bit colours divided by 255 (matplotlib keeps more digits).
final class ColormapObject: HostObject {
    let colormap: Colormap

    init(_ colormap: Colormap) { self.colormap = colormap }

    var typeName: String { colormap.isListed ? "ListedColormap" : "LinearSegmentedColormap" }
    var repr: String { "<matplotlib.colors.\(typeName) object at 0x...>" }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "name": return .str(colormap.name)
        case "N": return .int(colormap.colors.count)
        case "colors" where colormap.isQualitative:
            return .tuple(colormap.colors.map { ColormapObject.rgba($0) })
        case "reversed":
            return .builtin(BuiltinFunction("reversed") { _, _ in
                let name = self.colormap.name
                let flipped = name.hasSuffix("_r") ? String(name.dropLast(2)) : name + "_r"
                return .host(ColormapObject(try charting { try Colormap(name: flipped) }))
            })
        default: throw attributeError(name)
        }
    }

    /// `cmap(x)`: one RGBA tuple for a number, an array of RGBA rows (shape + (4,)) for arrays.
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind(colormap.name, ["X", .init("alpha", default: .none), .init("bytes", default: .bool(false))])
        let x = bound["X"]
        if case .int(let i) = x { return ColormapObject.rgba(entry(i)) }
        if case .float(let t) = x { return ColormapObject.rgba(colormap.color(at: t)) }
        let data = try PlotData.read(x, interpreter)
        if case .host(let host as NumPyScalar) = x {
            let value = data.values.first ?? 0
            return ColormapObject.rgba(host.array.dtype.isInteger ? entry(Int(value)) : colormap.color(at: value))
        }
        let integers: Bool
        if case .host(let array as NDArray) = x { integers = array.dtype.isInteger } else {
            let items = try interpreter.toArray(x)
            integers = items.allSatisfy { if case .int = $0 { return true } else { return false } }
        }
        var channels: [Double] = []
        for value in data.values {
            let color = integers ? entry(Int(value)) : colormap.color(at: value)
            channels += [Double(color.red) / 255, Double(color.green) / 255, Double(color.blue) / 255, 1]
        }
        return .host(NDArray(shape: data.shape + [4], storage: .float64(channels)))
    }

    /// Entry `i` of the lookup table; outside it, the ends (matplotlib's under/over colours).
    private func entry(_ i: Int) -> Color {
        colormap.colors[min(colormap.colors.count - 1, max(0, i))]
    }

    /// matplotlib's RGBA tuple of NumPy floats: `(np.float64(1.0), np.float64(0.498...), ...)`.
    static func rgba(_ color: Color) -> Value {
        .tuple([Double(color.red) / 255, Double(color.green) / 255, Double(color.blue) / 255, 1].map(AxesMethods.float64))
    }

    /// `matplotlib.cm` (also `plt.cm`): every named map and its `_r` twin as attributes.
    static func module() -> Module {
        let m = Module("matplotlib.cm")
        for name in Colormap.names {
            for variant in [name, name + "_r"] {
                if let colormap = try? Colormap(name: variant) { m[variant] = .host(ColormapObject(colormap)) }
            }
        }
        for alias in ["grey", "grey_r", "Grays", "Grays_r"] {
            if let colormap = try? Colormap(name: alias) { m[alias] = .host(ColormapObject(colormap)) }
        }
        m.define("get_cmap") { arguments, interpreter in try getCmap(arguments, interpreter) }
        return m
    }

    /// `get_cmap(name=None, lut=None)`: a map by name (`rcParams['image.cmap']` by default), or
    /// the map given.
    static func getCmap(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let bound = try arguments.bind("get_cmap", [.init("name", default: .none), .init("lut", default: .none)])
        if !bound["lut"].isNone {
            throw PyException(.notImplementedError, "Labbook's get_cmap does not resample colormaps (lut=)")
        }
        switch bound["name"] {
        case .host(let host as ColormapObject): return .host(host)
        default: return .host(ColormapObject(try StyleArguments.colormap(bound["name"], interpreter)))
        }
    }
}
