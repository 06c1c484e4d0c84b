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

    /// The parts one `fit` of a model of `units` hidden units emits: its chart and record.
    static func fitParts(_ model: String, units: Int, log: String) -> [OutputPart] {
        let history = [("loss", [0.9, 0.5]), ("val_loss", [1.0, 0.7]), ("accuracy", [0.6, 0.8])]
        return [
            .chart(OutputChart(plainText: log, title: "t", epochs: [1, 2], series: history)),
            .record(.fit(FitRecord(
                model: model,
                layers: [.init(name: "d", className: "Dense", outputShape: [units], parameters: 8 * units + units),
                         .init(name: "x", className: "Dropout", outputShape: [units], parameters: 0),
                         .init(name: "o", className: "Dense", outputShape: [2], parameters: units * 2 + 2)],
                parameters: 11 * units + 2, epochs: 2, batchSize: 16, optimizer: "SGD", learningRate: 0.01,
                loss: "mse", history: history.map { .init(name: $0.0, values: $0.1) }))),
        ]
    }

    @Test func aCellThatTrainsSeveralModelsGetsOneOverlaidChart() throws {
        func figures(_ html: String) -> Int { html.components(separatedBy: "<figure class=\"chart\">").count - 1 }
        let one = OutputHTML.render(Self.fitParts("sequential", units: 4, log: ""), number: 1)
        #expect(figures(one) == 1, "one fit: its own chart only")
        let three = (1...3).flatMap { Self.fitParts("sequential_\($0)", units: 4 << $0, log: "Epoch 1/2\n") }
        let threeHTML = OutputHTML.render(three, number: 1)
        #expect(figures(threeHTML) == 3 + 1, "up to three models: their charts, then the overlay")
        #expect(threeHTML.contains("3 models trained in this cell") && threeHTML.contains("sequential_2 (16, 2)"))
        let four = (1...4).flatMap { Self.fitParts("sequential_\($0)", units: 4 << $0, log: $0 == 1 ? "" : "Epoch 1/2\n") }
        let fourHTML = OutputHTML.render(four, number: 1)
        #expect(figures(fourHTML) == 1, "past three: the overlay alone")
        #expect(fourHTML.contains("Epoch 1/2"), "the epoch logs stay")
        #expect(!fourHTML.contains("<div class=\"output-body\"></div>"), "a fit without a log leaves no empty row")
        // One model trained three times (training continued) is one line through its 6 epochs.
        let again = (1...3).flatMap { _ in Self.fitParts("sequential", units: 4, log: "") }
        let lines = ChartSVG.cellModels(again.compactMap { part -> FitRecord? in
            if case .record(.fit(let fit)) = part { return fit }
            return nil
        })
        #expect(lines.map(\.label) == ["sequential (4, 2), 3 fits"])
        #expect(lines[0].series.map(\.name) == ["loss", "val_loss", "accuracy"])
        #expect(lines[0].series[0].values == [0.9, 0.5, 0.9, 0.5, 0.9, 0.5])
        let againHTML = OutputHTML.render(again, number: 1)
        #expect(figures(againHTML) == 3 + 1 && againHTML.contains("1 model trained in this cell (3 fits)"))
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
