import CellOutput
import Charts
import Testing
@testable import Reports

/// What Charts draws must pass the page's SVG check untouched, or reports would silently
/// show text stand-ins instead of figures.
@Suite struct ChartsInPageTests {
    static let attack = "<script>alert(1)</script>"

    @Test func trainingChartIsInlined() throws {
        let chart = OutputChart(
            plainText: "", title: Self.attack, epochs: [1, 2],
            series: [("loss", [0.9, 0.5]), ("val_loss", [1.0, 0.7]), ("accuracy", [0.6, 0.8])])
        let svg = try #require(ChartSVG.training(chart))
        #expect(InlineSVG.sanitized(svg) != nil)
        let html = OutputHTML.chart(chart)
        #expect(html.contains("<figure class=\"chart\">\n<svg"))
        #expect(!html.lowercased().contains("<script"))
    }

    @Test func emptyHistoryDrawsNoChart() {
        let chart = OutputChart(plainText: "Epoch 1/1\n", title: "t", epochs: [], series: [])
        #expect(ChartSVG.training(chart) == nil)
        #expect(!OutputHTML.chart(chart).contains("<figure"))
    }

    @Test func matplotlibFigureIsInlined() throws {
        var figure = Figure(width: 4, height: 3)
        var axes = Axes()
        try axes.plot(y: [1, 3, 2], label: Self.attack)
        axes.legend()
        figure.axes.append(axes)
        var image = Axes(position: SubplotPosition(rows: 1, columns: 2, index: 2))
        try image.imshow([[0, 1], [1, 0]])
        figure.axes.append(image)
        figure.title = Self.attack
        let html = OutputHTML.figure(OutputFigure(svg: figure.svg(), plainText: "<Figure size 400x300>"))
        #expect(html.hasPrefix("<figure class=\"figure\">\n<svg"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.lowercased().contains("<script"))
    }
}
