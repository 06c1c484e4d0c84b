import CellLanguage
import Charts

/// Reads matplotlib's style keyword values (`color=`, `linestyle=`, `marker=`, `cmap=`)
/// into Charts' types; unknown names raise Charts' messages as ValueError.
enum StyleArguments {
    /// `'r'`, `'tab:blue'`, `'#ff8800'`, `'0.5'`, or an `(r, g, b)` / `(r, g, b, a)` tuple of
    /// floats in [0, 1] (alpha ignored); None gives nil.
    static func color(_ value: Value) throws -> Color? {
        switch value {
        case .none: return nil
        case .str(let name): return try charting { try Color(matplotlib: name) }
        case .tuple(let items): return try rgb(items, value)
        case .list(let list): return try rgb(list.items, value)
        default:
            throw PyException(.valueError, "\(value.repr) is not a valid color value.")
        }
    }

    private static func rgb(_ items: [Value], _ value: Value) throws -> Color {
        let channels = items.compactMap(\.asDouble)
        guard channels.count == items.count, channels.count == 3 || channels.count == 4,
              channels.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw PyException(.valueError, "\(value.repr) is not a valid color value.")
        }
        func byte(_ x: Double) -> UInt8 { UInt8((x * 255).rounded()) }
        return Color(red: byte(channels[0]), green: byte(channels[1]), blue: byte(channels[2]))
    }

    /// `'-'`, `'--'`, `':'`, `'-.'`, `'dashed'`...; None gives nil.
    static func lineStyle(_ value: Value) throws -> LineStyle? {
        if value.isNone { return nil }
        guard case .str(let text) = value else {
            throw PyException(.valueError, "\(value.repr) is not a valid value for ls")
        }
        return try charting { try LineStyle(matplotlib: text) }
    }

    /// `'o'`, `'.'`, `'x'`...; None and `''` give nil.
    static func marker(_ value: Value) throws -> Marker? {
        if value.isNone { return nil }
        guard case .str(let text) = value else {
            throw PyException(.valueError, "Unrecognized marker style \(value.repr)")
        }
        return try charting { try Marker.parse(text) }
    }

    /// `cmap=` where None means the session's default, `rcParams['image.cmap']` (viridis
    /// until `plt.gray()` or another colormap function changes it).
    static func colormap(_ value: Value, _ interpreter: Interpreter) throws -> Colormap {
        guard value.isNone else { return try colormap(value) }
        guard case .dict(let parameters)? = try interpreter.importModule("matplotlib.pyplot")["rcParams"],
              let name = try parameters.get(.str("image.cmap")), !name.isNone else { return .viridis }
        return try colormap(name)
    }

    /// A colormap name (`'gray'`, `'RdBu_r'`, see `Colormap.names`) or object (`plt.cm.Blues`);
    /// None gives matplotlib's default, viridis.
    static func colormap(_ value: Value) throws -> Colormap {
        switch value {
        case .none: return .viridis
        case .str(let name): return try charting { try Colormap(name: name) }
        case .host(let host as ColormapObject): return host.colormap
        default: throw PyException(.valueError, "\(value.repr) is not a valid value for cmap")
        }
    }

    /// `loc='upper left'` or matplotlib's location codes 0...10.
    static func legendLocation(_ value: Value) throws -> LegendLocation {
        switch value {
        case .none: return .best
        case .str(let name):
            guard let location = LegendLocation(rawValue: name) else {
                throw ChartError.unknownLegendLocation(name).pythonException
            }
            return location
        default:
            let codes: [LegendLocation] = [.best, .upperRight, .upperLeft, .lowerLeft, .lowerRight, .right,
                                           .centerLeft, .centerRight, .lowerCenter, .upperCenter, .center]
            guard let code = value.asInt, codes.indices.contains(code) else {
                throw PyException(.valueError, "\(value.repr) is not a valid value for loc")
            }
            return codes[code]
        }
    }
}
