import Foundation
import Testing
@testable import Charts

/// The matplotlib model: colours, format strings, cycles, errors, subplots, legend placement.
@Suite struct PlotModelTests {
    let expected: Expectations
    init() throws { expected = try Expectations.load() }

    @Test func coloursMatchMatplotlibToHex() throws {
        for c in expected.colors {
            #expect(try Color(matplotlib: c.spec).hex == c.hex, "\(c.spec)")
        }
        #expect(throws: ChartError.unknownColor("bluish")) { try Color(matplotlib: "bluish") }
    }

    @Test func formatStringsMatchMatplotlib() throws {
        for c in expected.formats {
            let f = try PlotFormat(c.format)
            #expect((f.lineStyle ?? .solid).rawValue == c.linestyle, "\(c.format)")
            #expect((f.marker?.rawValue ?? "None") == c.marker, "\(c.format)")
            #expect(f.color?.hex == c.color, "\(c.format)")
        }
        #expect(throws: ChartError.invalidFormat("rq")) { try PlotFormat("rq") }
    }

    @Test func lengthMismatchUsesMatplotlibsMessage() {
        var ax = Axes()
        #expect(throws: ChartError.self) { try ax.plot(x: [1, 2, 3], y: [1, 2, 3, 4]) }
        #expect(ChartError.lengthMismatch(x: 3, y: 4).description == expected.lengthMismatch)
    }

    @Test func linesAndHistogramsShareOneCycleBarsAndScatterAnother() throws {
        var ax = Axes()
        try ax.plot(y: [1, 2])
        try ax.scatter(x: [1], y: [1])
        try ax.hist([1, 2, 3])
        try ax.bar(x: [1], heights: [1])
        let colours = ax.artists.map { artist -> String in
            switch artist {
            case .line(let l): return l.color.hex
            case .scatter(let s): return s.color.hex
            case .bars(let b): return b.color.hex
            case .image, .text: return ""
            }
        }
        // matplotlib: plot C0, scatter C0, hist C1, bar C1.
        #expect(colours == ["#1f77b4", "#1f77b4", "#ff7f0e", "#ff7f0e"])
    }

    @Test func subplotReusesAnExistingCellAndRejectsBadIndices() throws {
        var figure = Figure(width: 8, height: 4)
        let first = try figure.subplot(rows: 1, columns: 2, index: 1)
        let second = try figure.subplot(rows: 1, columns: 2, index: 2)
        #expect(try figure.subplot(rows: 1, columns: 2, index: 1) == first)
        #expect(first != second && figure.axes.count == 2)
        #expect(throws: ChartError.invalidSubplot(rows: 2, columns: 2, index: 5)) {
            try figure.subplot(rows: 2, columns: 2, index: 5)
        }
        #expect(ChartError.invalidSubplot(rows: 2, columns: 2, index: 5).description
                == "num must be an integer with 1 <= num <= 4, not 5")
        let grid = try Figure.subplots(rows: 2, columns: 3)
        #expect(grid.axes.map(\.position.index) == [1, 2, 3, 4, 5, 6])
        #expect(grid.pixelSize == (640, 480))
    }

    @Test func subplotCellsTileTheFigureLeftToRightTopToBottom() {
        let area = Box(x: 0, y: 0, width: 210, height: 100)
        let cell = Figure.cell(SubplotPosition(rows: 2, columns: 2, index: 4), in: area, gap: 10)
        #expect(cell == Box(x: 110, y: 55, width: 100, height: 45))
    }

    @Test func bestLegendAvoidsTheData() throws {
        // A line rising from bottom left to top right leaves the upper-left corner free.
        var figure = Figure()
        let ax = figure.currentAxes()
        try figure.axes[ax].plot(y: (0..<50).map { Double($0) * Double($0) }, label: "rising")
        figure.axes[ax].legend()
        let svg = figure.svg()
        let legendRect = try #require(svg.split(separator: "\n").first { $0.contains("rx=") })
        let x = try #require(Double(legendRect.split(separator: "\"")[1]))
        #expect(x < 200, "legend should sit on the left: \(legendRect)")
    }

    @Test func axisOffDrawsNoTicksOrFrame() throws {
        var figure = Figure(width: 2, height: 2)
        let ax = figure.currentAxes()
        try figure.axes[ax].imshow([[0, 1], [1, 0]], colormap: .gray)
        figure.axes[ax].showsAxis = false
        let (_, check) = XMLCheck.parse(figure.svg())
        #expect(!check.elements.contains("text") && !check.elements.contains("line"))
    }

    @Test func fixedTicksWithLabelsAndLimits() throws {
        var figure = Figure()
        let ax = figure.currentAxes()
        try figure.axes[ax].plot(y: [1, 3, 2])
        try figure.axes[ax].setXTicks([0, 1, 2], labels: ["a", "b", "c"])
        figure.axes[ax].yLimits = (0, 4)
        #expect(throws: ChartError.tickLabelMismatch(positions: 2, labels: 1)) {
            try figure.axes[ax].setYTicks([0, 1], labels: ["x"])
        }
        let layout = AxesLayout(axes: figure.axes[ax], cell: Box(x: 0, y: 0, width: 640, height: 480),
                                style: ChartStyle(dpi: 100))
        #expect(layout.xTicks.map(\.label) == ["a", "b", "c"])
        #expect(layout.y.start == 0 && layout.y.end == 4)
        #expect(layout.yTicks.map(\.label) == ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0"])
    }
}

/// The chart under every `fit` in the HTML report.
@Suite struct TrainingChartTests {
    @Test func validationIsDashedInTheColourOfItsTrainingSeries() {
        let svg = GoldenTests.training3()
        let paths = svg.split(separator: "\n").filter { $0.hasPrefix("<path d=") && $0.contains("stroke-width=\"2.43\"") }
        #expect(paths.count == 8, "4 series + 4 legend samples")
        let loss = paths.filter { $0.contains("#1f77b4") }, accuracy = paths.filter { $0.contains("#ff7f0e") }
        #expect(loss.count == 4 && accuracy.count == 4)
        #expect(loss.filter { $0.contains("stroke-dasharray") }.count == 2)
    }

    @Test func axisTitlesAndEpochTicks() {
        let (_, check) = XMLCheck.parse(GoldenTests.training3())
        for word in ["epoch", "loss", "accuracy", "val_accuracy", "model.fit: 3 epochs"] {
            #expect(check.text.contains(word))
        }
        let epochs = TrainingChart.svg(title: "t", epochs: Array(1...30),
                                       series: [("loss", (1...30).map { 1 / Double($0) })])
        let (_, long) = XMLCheck.parse(epochs)
        // Integer ticks only, every 5 epochs for 30 (no "2.5").
        #expect(!long.text.contains(".5") && long.text.contains("25"))
    }

    @Test func nonFiniteValuesAreSkippedAndBreakTheLine() {
        let svg = TrainingChart.svg(title: "t", epochs: [1, 2, 3, 4, 5],
                                    series: [("loss", [1, .nan, 0.5, .infinity, 0.2])])
        let (error, _) = XMLCheck.parse(svg)
        #expect(error == nil)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        // Lone points between gaps draw no line segment but keep their markers.
        #expect(svg.split(separator: "\n").filter { $0.hasPrefix("<circle") }.count == 3 + 1)
    }

    @Test func constantSeriesGetsAReadableRange() throws {
        var ax = Axes()
        try ax.plot(x: [1, 2, 3], y: [1, 1, 1])
        let layout = AxesLayout(axes: ax, cell: Box(x: 0, y: 0, width: 400, height: 300), style: ChartStyle(dpi: 100))
        #expect(layout.yTicks.count >= 3)
        #expect(layout.yTicks.contains { $0.label == "1.00" })
    }

    @Test func lossOnlyHasOnePanelAndMetricsNameTheirAxis() {
        let lossOnly = TrainingChart.svg(title: "t", epochs: [1, 2], series: [("loss", [1, 0.5]), ("val_loss", [1, 0.7])])
        #expect(!lossOnly.contains(">accuracy<"))
        let mae = TrainingChart.svg(title: "t", epochs: [1, 2], series: [("loss", [1, 0.5]), ("mae", [3, 2])])
        #expect(mae.contains(">mae</text>"))
        #expect(TrainingChart.metricAxisTitle([("acc", []), ("val_acc", [])]) == "accuracy")
        #expect(TrainingChart.metricAxisTitle([("mae", []), ("mse", [])]) == "metric")
    }

    @Test func emptyHistoryStillGivesAValidChart() {
        let (error, check) = XMLCheck.parse(TrainingChart.svg(title: "nothing", epochs: [], series: []))
        #expect(error == nil && check.elements.first == "svg")
    }
}
