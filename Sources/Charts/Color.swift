/// An opaque sRGB colour, written to SVG as `#rrggbb`.
///
///     try Color(matplotlib: "C1").hex     // "#ff7f0e"
///     try Color(matplotlib: "r").hex      // "#ff0000"
///     try Color(matplotlib: "tab:green")  // #2ca02c
public struct Color: Equatable, Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red; self.green = green; self.blue = blue
    }

    /// `#rrggbb`, lowercase.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for byte in [red, green, blue] {
            text.append(digits[Int(byte >> 4)]); text.append(digits[Int(byte & 15)])
        }
        return text
    }

    /// matplotlib's default colour cycle (`tab10`), in order.
    public static let cycle: [Color] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
        0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map(Color.init(rgb:))

    /// The `index`-th colour of the cycle, wrapping around like matplotlib's `C0`...`C9`.
    public static func cycle(_ index: Int) -> Color { cycle[((index % 10) + 10) % 10] }

    init(rgb: Int) {
        self.init(red: UInt8((rgb >> 16) & 255), green: UInt8((rgb >> 8) & 255), blue: UInt8(rgb & 255))
    }

    /// Parses what matplotlib accepts for a colour: `"#rrggbb"`, `"#rgb"`, `"C0"`...`"C9"`,
    /// the one-letter codes (`b g r c m y k w`), `tab:` names, a few common names, and a grey
    /// level as a string of a number between 0 and 1 (`"0.8"`).
    public init(matplotlib spec: String) throws {
        let key = spec.lowercased()
        if key.hasPrefix("#") {
            let digits = Array(key.dropFirst())
            let expanded: [Character]
            switch digits.count {
            case 3: expanded = digits.flatMap { [$0, $0] }
            case 6: expanded = digits
            default: throw ChartError.unknownColor(spec)
            }
            guard let value = Int(String(expanded), radix: 16) else { throw ChartError.unknownColor(spec) }
            self.init(rgb: value)
            return
        }
        if key.count == 2, key.first == "c", let n = Int(String(key.dropFirst())) {
            self = Color.cycle(n)
            return
        }
        if let named = Color.named.first(where: { $0.0 == key }) {
            self.init(rgb: named.1)
            return
        }
        if let level = Double(key), level >= 0, level <= 1 {
            let byte = UInt8((level * 255).rounded())
            self.init(red: byte, green: byte, blue: byte)
            return
        }
        throw ChartError.unknownColor(spec)
    }

    /// Ordered list (not a dictionary) so lookups never depend on hashing.
    private static let named: [(String, Int)] = [
        ("b", 0x0000ff), ("g", 0x008000), ("r", 0xff0000), ("c", 0x00bfbf), ("m", 0xbf00bf),
        ("y", 0xbfbf00), ("k", 0x000000), ("w", 0xffffff),
        ("tab:blue", 0x1f77b4), ("tab:orange", 0xff7f0e), ("tab:green", 0x2ca02c),
        ("tab:red", 0xd62728), ("tab:purple", 0x9467bd), ("tab:brown", 0x8c564b),
        ("tab:pink", 0xe377c2), ("tab:gray", 0x7f7f7f), ("tab:grey", 0x7f7f7f),
        ("tab:olive", 0xbcbd22), ("tab:cyan", 0x17becf),
        ("blue", 0x0000ff), ("green", 0x008000), ("red", 0xff0000), ("cyan", 0x00ffff),
        ("magenta", 0xff00ff), ("yellow", 0xffff00), ("black", 0x000000), ("white", 0xffffff),
        ("orange", 0xffa500), ("purple", 0x800080), ("brown", 0xa52a2a), ("pink", 0xffc0cb),
        ("gray", 0x808080), ("grey", 0x808080), ("lightgray", 0xd3d3d3), ("lightgrey", 0xd3d3d3),
        ("darkgray", 0xa9a9a9), ("darkgrey", 0xa9a9a9), ("navy", 0x000080), ("teal", 0x008080),
        ("olive", 0x808000), ("maroon", 0x800000), ("lime", 0x00ff00), ("gold", 0xffd700),
        ("crimson", 0xdc143c), ("indigo", 0x4b0082), ("violet", 0xee82ee), ("salmon", 0xfa8072),
        ("skyblue", 0x87ceeb), ("steelblue", 0x4682b4), ("darkblue", 0x00008b),
        ("darkgreen", 0x006400), ("darkred", 0x8b0000), ("darkorange", 0xff8c00),
        ("coral", 0xff7f50), ("tomato", 0xff6347), ("royalblue", 0x4169e1),
        ("seagreen", 0x2e8b57), ("slategray", 0x708090), ("silver", 0xc0c0c0),
    ]
}
