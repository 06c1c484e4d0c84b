/// `text(x, y, s)` and `annotate(s, xy, xytext, arrowprops)`: a string placed at a point in
/// data coordinates (or, with `inAxesFraction`, in axes fractions: 0 left/bottom, 1
/// right/top), with an optional arrow from the text to `arrowTarget`.
///
///     var ax = Axes()
///     ax.text(TextLabel(text: "peak", x: 3, y: 0.9))
public struct TextLabel: Equatable, Sendable {
    public enum HorizontalAlignment: String, Sendable { case left, center, right }
    public enum VerticalAlignment: String, Sendable { case top, center, bottom, baseline }

    public var text: String
    public var x: Double
    public var y: Double
    /// Font size in points (matplotlib's default 10).
    public var fontSize: Double = 10
    public var color: Color = Color(red: 0, green: 0, blue: 0)
    public var horizontalAlignment: HorizontalAlignment = .left
    public var verticalAlignment: VerticalAlignment = .baseline
    /// Degrees counter-clockwise.
    public var rotation: Double = 0
    /// `transform=ax.transAxes`: x and y are fractions of the axes box.
    public var inAxesFraction = false
    /// `annotate(..., xy=(a, b), arrowprops=...)`: the point the arrow points at (data units).
    public var arrowTarget: (Double, Double)? {
        get { arrowPoint.map { ($0.x, $0.y) } }
        set { arrowPoint = newValue.map { Point(x: $0.0, y: $0.1) } }
    }
    public var arrowColor: Color = Color(red: 0, green: 0, blue: 0)
    /// `textcoords='offset points'`: the text sits this many points right and up of (x, y).
    public var offsetPoints: (Double, Double) {
        get { (offset.x, offset.y) }
        set { offset = Point(x: newValue.0, y: newValue.1) }
    }

    private var arrowPoint: Point?
    private var offset = Point(x: 0, y: 0)
    private struct Point: Equatable, Sendable { var x: Double, y: Double }

    public init(text: String, x: Double, y: Double) {
        self.text = text; self.x = x; self.y = y
    }
}

extension Axes {
    /// `text(x, y, s)` / `annotate(...)`: adds the label; like matplotlib's texts it does not
    /// widen the data limits.
    public mutating func text(_ label: TextLabel) {
        appendArtist(.text(label))
    }
}
