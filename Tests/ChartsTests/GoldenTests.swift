import Foundation
import Testing
@testable import Charts

/// The pictures users see. Each is compared byte for byte with its golden file and must
/// parse as XML. The goldens were checked by eye after rendering with rsvg-convert.
@Suite struct GoldenTests {
    static let threeEpochs: [(name: String, values: [Double])] = [
        ("loss", [0.8412, 0.4127, 0.3391]),
        ("accuracy", [0.7724, 0.8871, 0.9046]),
        ("val_loss", [0.4513, 0.3562, 0.3207]),
        ("val_accuracy", [0.8795, 0.9013, 0.9102]),
    ]

    static func training3() -> String {
        TrainingChart.svg(title: "model.fit: 3 epochs", epochs: [1, 2, 3], series: threeEpochs)
    }

    static func training1() -> String {
        TrainingChart.svg(title: "model.fit: 1 epoch", epochs: [1],
                          series: [("loss", [0.5231]), ("accuracy", [0.8642]),
                                   ("val_loss", [0.3012]), ("val_accuracy", [0.9151])])
    }

    static func twoLines() throws -> String {
        var figure = Figure(width: 6.4, height: 4.8)
        let ax = figure.currentAxes()
        let x = (0...20).map { Double($0) / 2 }
        try figure.axes[ax].plot(x: x, y: x.map { $0 * $0 / 10 }, label: "x²/10")
        try figure.axes[ax].plot(x: x, y: x.map { 10 - $0 }, format: "--", label: "10 − x")
        figure.axes[ax].title = "Two lines"
        figure.axes[ax].xLabel = "x"
        figure.axes[ax].yLabel = "y"
        figure.axes[ax].legend()
        figure.axes[ax].showsGrid = true
        return figure.svg()
    }

    /// 200 fixed pseudo-normal values (sum of uniforms from a linear congruential generator).
    static var histogramValues: [Double] {
        var state: UInt64 = 12345
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<200).map { _ in (0..<6).map { _ in uniform() }.reduce(0, +) - 3 }
    }

    static func histogram() throws -> String {
        var figure = Figure(width: 6.4, height: 4.8)
        let ax = figure.currentAxes()
        try figure.axes[ax].hist(histogramValues, bins: 15)
        figure.axes[ax].title = "Histogram"
        figure.axes[ax].xLabel = "value"
        figure.axes[ax].yLabel = "count"
        return figure.svg()
    }

    /// A 12×12 "digit": a ring, values 0...255 like MNIST pixels.
    static var ringImage: [[Double]] {
        (0..<12).map { r in
            (0..<12).map { c in
                let d = ((Double(r) - 5.5) * (Double(r) - 5.5) + (Double(c) - 5.5) * (Double(c) - 5.5)).squareRoot()
                return max(0, 255 - abs(d - 3.5) * 120).rounded()
            }
        }
    }

    static func image() throws -> String {
        var figure = Figure(width: 4, height: 4)
        let ax = figure.currentAxes()
        try figure.axes[ax].imshow(ringImage, colormap: .gray)
        figure.axes[ax].title = "label: 0"
        return figure.svg()
    }

    @Test func trainingChartThreeEpochs() throws {
        try Golden.files.check(GoldenTests.training3(), named: "training-3-epochs.svg")
    }

    @Test func trainingChartOneEpoch() throws {
        try Golden.files.check(GoldenTests.training1(), named: "training-1-epoch.svg")
    }

    @Test func figureTwoLinesWithLegend() throws {
        try Golden.files.check(try GoldenTests.twoLines(), named: "figure-two-lines.svg")
    }

    @Test func figureHistogram() throws {
        try Golden.files.check(try GoldenTests.histogram(), named: "figure-histogram.svg")
    }

    @Test func figureImshow() throws {
        try Golden.files.check(try GoldenTests.image(), named: "figure-imshow.svg")
    }

    @Test(arguments: ["training3", "training1", "twoLines", "histogram", "image"])
    func everyGoldenIsWellFormedXML(_ name: String) throws {
        let svg: String
        switch name {
        case "training3": svg = GoldenTests.training3()
        case "training1": svg = GoldenTests.training1()
        case "twoLines": svg = try GoldenTests.twoLines()
        case "histogram": svg = try GoldenTests.histogram()
        default: svg = try GoldenTests.image()
        }
        let (error, check) = XMLCheck.parse(svg)
        #expect(error == nil)
        #expect(check.elements.first == "svg")
        #expect(!svg.hasPrefix("<?xml"))
        #expect(check.attributes.first?["width"] == "100%")
        #expect(check.attributes.first?["viewBox"]?.hasPrefix("0 0 ") == true)
    }
}
