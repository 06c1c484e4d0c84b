import Testing
@testable import Charts

/// `plot_model`'s drawing: a node one row below the lowest of its sources, rows centred, an
/// arrow per edge, the same bytes every time.
@Suite struct LayerDiagramTests {
    /// Three inputs into a merge, then a dense layer feeding two heads (the book's ticket model).
    static let ticket = LayerDiagram(
        nodes: [["title: InputLayer"], ["text_body: InputLayer"], ["tags: InputLayer"], ["concatenate_1: Concatenate"],
                ["dense_1: Dense"], ["priority: Dense"], ["department: Dense"]],
        edges: [(0, 3), (1, 3), (2, 3), (3, 4), (4, 5), (4, 6)])

    /// The top edge (`y`) of each box, read back from the SVG, in node order.
    static func tops(_ svg: String) -> [Double] {
        svg.split(separator: "\n").filter { $0.hasPrefix("<rect x=") && $0.contains("stroke=") }.compactMap { line in
            guard let start = line.range(of: " y=\"")?.upperBound, let end = line[start...].firstIndex(of: "\"") else { return nil }
            return Double(line[start..<end])
        }
    }

    @Test func rowsFollowTheEdges() throws {
        let svg = Self.ticket.svg()
        let tops = Self.tops(svg)
        #expect(tops.count == 7)
        #expect(tops[0] == tops[1] && tops[1] == tops[2])
        #expect(tops[2] < tops[3] && tops[3] < tops[4] && tops[4] < tops[5])
        #expect(tops[5] == tops[6])
        #expect(svg.components(separatedBy: "marker-end=\"url(#arrow)\"").count - 1 == 6)
        #expect(svg.contains(">concatenate_1: Concatenate</text>"))
        #expect(svg == Self.ticket.svg())
    }

    @Test func textIsEscaped() {
        let svg = LayerDiagram(nodes: [["a<b>: Dense", "input: [(None, 3)]"]], edges: []).svg()
        #expect(svg.contains(">a&lt;b&gt;: Dense</text>"))
        #expect(Self.tops(svg).count == 1)
    }
}
