import Foundation
import Testing
@testable import Charts

/// Text from notebooks is escaped everywhere; the same input gives the same bytes.
@Suite struct SafetyTests {
    static let hostile = "<script>alert('x')</script> & \"quotes\" \u{7}bell"

    @Test func escapeReplacesMarkupCharactersAndDropsControls() {
        #expect(XMLEscape.text("a<b>&'\"") == "a&lt;b&gt;&amp;&#39;&quot;")
        #expect(XMLEscape.text("bell\u{7}tab\tline\n") == "belltab line ")
    }

    @Test func scriptInEveryTextSlotOfAFigureComesOutInert() throws {
        var figure = Figure()
        figure.title = SafetyTests.hostile
        let ax = figure.currentAxes()
        try figure.axes[ax].plot(y: [1, 2], label: SafetyTests.hostile)
        try figure.axes[ax].bar(categories: [SafetyTests.hostile, "b"], heights: [1, 2])
        figure.axes[ax].title = SafetyTests.hostile
        figure.axes[ax].xLabel = SafetyTests.hostile
        figure.axes[ax].yLabel = SafetyTests.hostile
        figure.axes[ax].legend()
        try expectInert(figure.svg(), copies: 6)
    }

    @Test func scriptInTrainingChartTitleAndSeriesNamesComesOutInert() throws {
        let svg = TrainingChart.svg(title: SafetyTests.hostile, epochs: [1, 2],
                                    series: [(SafetyTests.hostile + "loss", [1, 0.5]), ("val_" + SafetyTests.hostile, [0.2, 0.3])])
        try expectInert(svg, copies: 4)
    }

    /// No element other than SVG's own, and the hostile text readable as plain text.
    private func expectInert(_ svg: String, copies: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (error, check) = XMLCheck.parse(svg)
        #expect(error == nil, sourceLocation: sourceLocation)
        #expect(!svg.contains("<script"), sourceLocation: sourceLocation)
        let allowed: Set = ["svg", "title", "rect", "line", "path", "text", "g", "circle", "image"]
        #expect(Set(check.elements).isSubset(of: allowed), "\(Set(check.elements))", sourceLocation: sourceLocation)
        let visible = "<script>alert('x')</script> & \"quotes\" bell"
        #expect(check.text.components(separatedBy: visible).count - 1 >= copies, sourceLocation: sourceLocation)
    }

    @Test func sameInputGivesSameBytes() throws {
        let a = try GoldenTests.histogram(), b = try GoldenTests.histogram()
        #expect(a == b)
        #expect(GoldenTests.training3() == GoldenTests.training3())
        var big = Figure()
        let ax = big.currentAxes()
        try big.axes[ax].imshow(SafetyTests.noise(rows: 40, columns: 50), colormap: .viridis)
        #expect(big.svg() == big.svg())
    }

    @Test func everyCoordinateHasAtMostTwoDecimals() throws {
        for svg in [try GoldenTests.twoLines(), GoldenTests.training3(), try GoldenTests.histogram()] {
            let regex = try NSRegularExpression(pattern: "[0-9]\\.[0-9]{3,}")
            let range = NSRange(svg.startIndex..., in: svg)
            // Only opacity uses three decimals; coordinates never do.
            let matches = regex.matches(in: svg, range: range).compactMap { Range($0.range, in: svg).map { svg[$0] } }
            #expect(matches.isEmpty, "\(matches.prefix(3))")
            #expect(!svg.contains("nan") && !svg.contains("inf"))
        }
    }

    static func noise(rows: Int, columns: Int) -> [[Double]] {
        var state: UInt64 = 99
        return (0..<rows).map { _ in
            (0..<columns).map { _ in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Double(state >> 40)
            }
        }
    }
}
