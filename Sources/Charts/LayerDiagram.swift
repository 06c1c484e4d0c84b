/// A drawing of a directed acyclic graph of boxes, top to bottom, as `keras.utils.plot_model`
/// draws a model with Graphviz: each node a box of text lines (the layer's `name: Class`,
/// then with shapes its `input:` and `output:` shapes), each edge an arrow from a box to a
/// box below it. A node sits one row below the lowest of its sources; the nodes of a row are
/// centred side by side in their given order. Deterministic: the same graph, the same bytes.
///
/// ```swift
/// let svg = LayerDiagram(nodes: [["input_1: InputLayer"], ["dense_1: Dense"]], edges: [(0, 1)]).svg()
/// ```
public struct LayerDiagram: Sendable {
    /// Each node's lines of text, the first one bold.
    public var nodes: [[String]]
    /// `(from, to)` indices into `nodes`; a node comes after its sources.
    public var edges: [(Int, Int)]

    public init(nodes: [[String]], edges: [(Int, Int)]) {
        self.nodes = nodes
        self.edges = edges
    }

    private static let fontSize = 12.0
    private static let lineHeight = 16.0
    /// An estimate of a character's width at `fontSize` (no font metrics in an SVG writer).
    private static let charWidth = 7.0
    private static let padding = 8.0
    private static let rowGap = 36.0
    private static let columnGap = 24.0

    /// The row of each node: one below the lowest of its sources.
    private var rows: [Int] {
        var row = [Int](repeating: 0, count: nodes.count)
        for (from, to) in edges.sorted(by: { $0.1 < $1.1 }) where from < nodes.count && to < nodes.count {
            row[to] = max(row[to], row[from] + 1)
        }
        return row
    }

    /// The SVG document.
    public func svg() -> String {
        let row = rows
        let rowCount = (row.max() ?? -1) + 1
        let widths = nodes.map { lines in Double(lines.map(\.count).max() ?? 1) * Self.charWidth + 2 * Self.padding }
        let heights = nodes.map { Double($0.count) * Self.lineHeight + 2 * Self.padding - 4 }
        let rowHeights = (0..<rowCount).map { r in nodes.indices.filter { row[$0] == r }.map { heights[$0] }.max() ?? 0 }
        let rowWidths = (0..<rowCount).map { r in
            nodes.indices.filter { row[$0] == r }.map { widths[$0] }.reduce(0, +)
                + Double(max(nodes.indices.filter { row[$0] == r }.count - 1, 0)) * Self.columnGap
        }
        let width = (rowWidths.max() ?? 0) + 2 * Self.columnGap
        let height = rowHeights.reduce(0, +) + Double(max(rowCount - 1, 0)) * Self.rowGap + 2 * Self.padding
        // Box positions: x of the left edge, y of the top.
        var x = [Double](repeating: 0, count: nodes.count), y = x
        var top = Self.padding
        for r in 0..<rowCount {
            var left = (width - rowWidths[r]) / 2
            for i in nodes.indices where row[i] == r {
                x[i] = left
                y[i] = top + (rowHeights[r] - heights[i]) / 2
                left += widths[i] + Self.columnGap
            }
            top += rowHeights[r] + Self.rowGap
        }
        var w = SVGWriter()
        w.open(width: width, height: height, label: "model diagram")
        w.raw("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\""
              + " orient=\"auto-start-reverse\"><path d=\"M0 0L10 5L0 10z\" fill=\"#333333\"/></marker></defs>")
        for (from, to) in edges where from < nodes.count && to < nodes.count {
            let x1 = x[from] + widths[from] / 2, y1 = y[from] + heights[from]
            let x2 = x[to] + widths[to] / 2, y2 = y[to]
            w.raw("<line x1=\"\(SVGWriter.n(x1))\" y1=\"\(SVGWriter.n(y1))\" x2=\"\(SVGWriter.n(x2))\" y2=\"\(SVGWriter.n(y2))\""
                  + " stroke=\"#333333\" stroke-width=\"1\" marker-end=\"url(#arrow)\"/>")
        }
        for i in nodes.indices {
            w.rect(x: x[i], y: y[i], width: widths[i], height: heights[i], fill: "#ffffff", stroke: "#333333")
            for (k, line) in nodes[i].enumerated() {
                w.text(line, x: x[i] + widths[i] / 2, y: y[i] + Self.padding + Double(k + 1) * Self.lineHeight - 4,
                       size: Self.fontSize, anchor: .middle, bold: k == 0)
            }
        }
        w.close()
        return w.output
    }
}
