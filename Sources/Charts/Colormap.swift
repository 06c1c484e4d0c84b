/// The colormaps `imshow` offers for grayscale data.
///
///     Colormap.gray.color(at: 0)      // black
///     Colormap.grayReversed.color(at: 0)   // white
///     try Colormap(name: "viridis")
public enum Colormap: String, Sendable, CaseIterable {
    case gray = "gray"
    case grayReversed = "gray_r"
    case viridis = "viridis"

    /// Parses a matplotlib colormap name (`"gray"`, `"Greys"`'s inverse twin `"gray_r"`,
    /// `"viridis"`; `"binary"` and `"Greys"` are white-to-black like `"gray_r"`).
    public init(name: String) throws {
        switch name {
        case "gray", "grey": self = .gray
        case "gray_r", "grey_r", "binary", "Greys": self = .grayReversed
        case "viridis": self = .viridis
        default: throw ChartError.unknownColormap(name)
        }
    }

    /// The colour for a normalised value `t` in [0, 1] (clamped; NaN maps to white).
    public func color(at t: Double) -> Color {
        guard t.isFinite else { return Color(red: 255, green: 255, blue: 255) }
        let x = min(1, max(0, t))
        switch self {
        case .gray: return Colormap.grey(x)
        case .grayReversed: return Colormap.grey(1 - x)
        case .viridis: return Colormap.viridisColor(x)
        }
    }

    private static func grey(_ x: Double) -> Color {
        let v = UInt8((x * 255).rounded())
        return Color(red: v, green: v, blue: v)
    }

    /// viridis sampled at t = 0, 1/16, ..., 1 (matplotlib's CC0 table, read through
    /// `matplotlib.colormaps['viridis']`), interpolated linearly in between.
    private static let viridisStops: [Int] = [
        0x440154, 0x48186a, 0x472d7b, 0x424086, 0x3b528b, 0x33638d, 0x2c728e, 0x26828e,
        0x21918c, 0x1fa088, 0x28ae80, 0x3fbc73, 0x5ec962, 0x84d44b, 0xaddc30, 0xd8e219,
        0xfde725,
    ]

    private static func viridisColor(_ x: Double) -> Color {
        let stops = viridisStops
        let position = x * Double(stops.count - 1)
        let i = min(stops.count - 2, Int(position.rounded(.down)))
        let f = position - Double(i)
        let a = Color(rgb: stops[i]), b = Color(rgb: stops[i + 1])
        func mix(_ p: UInt8, _ q: UInt8) -> UInt8 { UInt8((Double(p) + (Double(q) - Double(p)) * f).rounded()) }
        return Color(red: mix(a.red, b.red), green: mix(a.green, b.green), blue: mix(a.blue, b.blue))
    }
}
