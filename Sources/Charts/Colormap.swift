/// A matplotlib colormap by name, with matplotlib's colours: `gray`, `binary`, `viridis`,
/// `Blues`, `RdBu`, `coolwarm`, `hot`, `jet`, `tab10`... and every one reversed with `_r`.
///
///     Colormap.gray.color(at: 0)                       // black
///     try Colormap(name: "RdBu_r").color(at: 1).hex    // "#67001f"
///     Colormap.names.contains("viridis")               // true
///
/// Like matplotlib, a map is a lookup table: 256 colours sampled from the segment data of
/// continuous maps, or the listed colours of qualitative ones (`tab10` has 10); a value `t`
/// in [0, 1] picks entry `floor(t × N)` (the last for `t = 1`).
public struct Colormap: Equatable, Sendable {
    /// The name as given (`"RdBu_r"`).
    public let name: String
    /// The lookup table, first entry for 0.
    public let colors: [Color]
    /// Whether the map lists its colours (matplotlib's `ListedColormap`: `viridis`, `tab10`)
    /// rather than interpolating segments (`LinearSegmentedColormap`: `gray`, `jet`).
    public let isListed: Bool

    /// How a map is defined (see `ColormapTables.swift`, generated from matplotlib).
    enum Table {
        /// Per channel, rows of `(x, y0, y1)` flattened: matplotlib's `LinearSegmentedColormap`.
        case segments([[Double]])
        /// The colours as 0xRRGGBB: matplotlib's `ListedColormap`.
        case listed([Int])
    }

    public static let gray = Colormap(known: "gray")
    public static let grayReversed = Colormap(known: "gray_r")
    public static let viridis = Colormap(known: "viridis")

    /// Every name `init(name:)` accepts, sorted (each also with `_r`).
    public static let names: [String] = tables.keys.sorted()

    /// Parses a matplotlib colormap name; `grey` spellings are aliases of `gray` as in matplotlib.
    public init(name: String) throws {
        var base = name
        let reversed = name.hasSuffix("_r")
        if reversed { base.removeLast(2) }
        if base == "grey" { base = "gray" }
        if base == "Grays" { base = "Greys" }
        guard let table = Colormap.tables[base] else { throw ChartError.unknownColormap(name) }
        self.name = name
        switch table {
        case .listed(let rgb):
            isListed = true
            colors = (reversed ? rgb.reversed() : rgb).map(Color.init(rgb:))
        case .segments(let channels):
            isListed = false
            // matplotlib reverses the segment rows, not the table: (1 - x, y1, y0) backwards.
            colors = Colormap.lookupTable(reversed ? channels.map(Colormap.reversedRows) : channels)
        }
    }

    private init(known name: String) {
        do { try self.init(name: name) } catch { preconditionFailure("missing colormap table \(name)") }
    }

    /// Whether the map is qualitative (a short list of distinct colours such as `tab10`).
    public var isQualitative: Bool { colors.count < 256 }

    /// The colour for a normalised value `t` in [0, 1] (clamped; NaN maps to white, as
    /// matplotlib draws bad values transparent).
    public func color(at t: Double) -> Color {
        guard t.isFinite else { return Color(red: 255, green: 255, blue: 255) }
        let n = colors.count
        let index = min(n - 1, max(0, Int((t * Double(n)).rounded(.down))))
        return colors[index]
    }

    public static func == (a: Colormap, b: Colormap) -> Bool { a.name == b.name }

    private static func lookupTable(_ channels: [[Double]]) -> [Color] {
        let samples = channels.map { sample($0, count: 256) }
        return (0..<256).map { i in
            Color(red: byte(samples[0][i]), green: byte(samples[1][i]), blue: byte(samples[2][i]))
        }
    }

    private static func reversedRows(_ flat: [Double]) -> [Double] {
        var rows: [Double] = []
        for start in stride(from: flat.count - 3, through: 0, by: -3) {
            rows += [1 - flat[start], flat[start + 2], flat[start + 1]]
        }
        return rows
    }

    /// matplotlib's `_create_lookup_table`: the segment rows evaluated at `count` evenly spaced
    /// points; between rows `j-1` and `j` the value runs from `y1[j-1]` to `y0[j]`. Positions
    /// are scaled to 0...count-1 first, as matplotlib does, so that ties round the same way.
    private static func sample(_ flat: [Double], count: Int) -> [Double] {
        let scale = Double(count - 1)
        let rows = stride(from: 0, to: flat.count, by: 3).map { (x: flat[$0] * scale, y0: flat[$0 + 1], y1: flat[$0 + 2]) }
        var values = [Double](repeating: 0, count: count)
        values[0] = rows[0].y1
        values[count - 1] = rows[rows.count - 1].y0
        for i in 1..<(count - 1) {
            let x = scale * (Double(i) * (1 / scale))
            let j = rows.firstIndex { $0.x >= x } ?? rows.count - 1
            let distance = (x - rows[j - 1].x) / (rows[j].x - rows[j - 1].x)
            values[i] = distance * (rows[j].y0 - rows[j - 1].y1) + rows[j - 1].y1
        }
        return values.map { min(1, max(0, $0)) }
    }

    /// matplotlib's `to_hex`: Python's `round(v * 255)`, ties to even.
    private static func byte(_ v: Double) -> UInt8 { UInt8((v * 255).rounded(.toNearestOrEven)) }
}
