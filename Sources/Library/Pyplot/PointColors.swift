import CellLanguage
import Charts

/// Per-point colours for `scatter(c=...)` and per-bar colours for `bar(color=[...])`.
///
///     c='r'                      -> one colour (nil: the caller passes it as the series colour)
///     c=['r', 'g', 'b']          -> one colour per point
///     c=y_train, cmap='tab10'    -> numbers normalised between vmin and vmax, then coloured
enum PointColors {
    /// A colour and the positions of the points that have it.
    struct Group {
        var color: Color
        var indices: [Int]
    }

    /// nil when `value` is None or a single colour that applies to every point (then the
    /// caller draws one series); otherwise exactly `count` colours.
    static func read(_ value: Value, count: Int, cmap: Value = .none, vmin: Value = .none,
                     vmax: Value = .none, _ interpreter: Interpreter) throws -> [Color]? {
        switch value {
        case .none: return nil
        case .str(let name):
            return Array(repeating: try charting { try Color(matplotlib: name) }, count: count)
        default: break
        }
        let items: [Value]
        switch value {
        case .list(let list): items = list.items
        case .tuple(let tuple): items = tuple
        default: items = []
        }
        if !items.isEmpty, items.allSatisfy({ if case .str = $0 { return true } else { return false } }) {
            guard items.count == count else { throw sizeMismatch(items.count, count) }
            return try items.map { try StyleArguments.color($0) ?? Color.cycle(0) }
        }
        if items.count == 3 || items.count == 4, count != items.count, let color = try? StyleArguments.color(value) {
            return Array(repeating: color ?? Color.cycle(0), count: count)
        }
        let numbers = try PlotData.read(value, interpreter).values
        guard numbers.count == count else { throw sizeMismatch(numbers.count, count) }
        let finite = numbers.filter(\.isFinite)
        let low = try vmin.isNone ? finite.min() ?? 0 : PlotData.number(vmin, "vmin")
        let high = try vmax.isNone ? finite.max() ?? 1 : PlotData.number(vmax, "vmax")
        let span = high - low
        let normalised = numbers.map { span > 0 ? ($0 - low) / span : 0 }
        // A qualitative map such as tab10 gives class labels 0...9 the colours C0...C9.
        let colormap = try StyleArguments.colormap(cmap, interpreter)
        return normalised.map { colormap.color(at: $0) }
    }

    /// Points grouped by colour, colours in order of first appearance (stable output).
    static func groups(_ colors: [Color]) -> [Group] {
        var groups: [Group] = []
        var position: [Color: Int] = [:]
        for (i, color) in colors.enumerated() {
            if let g = position[color] {
                groups[g].indices.append(i)
            } else {
                position[color] = groups.count
                groups.append(Group(color: color, indices: [i]))
            }
        }
        return groups
    }

    private static func sizeMismatch(_ given: Int, _ count: Int) -> PyException {
        PyException(.valueError, "'c' argument has \(given) elements, which is inconsistent with 'x' and 'y' with size \(count).")
    }
}
