import Foundation
import Testing
@testable import Charts

/// The comparison page's charts: several trainings overlaid, metrics against a parameter.
@Suite struct ComparisonChartTests {
    static let lines = [
        RunOverlayChart.Line(label: "units=32", series: [
            ("loss", [0.9, 0.5, 0.35]), ("accuracy", [0.7, 0.85, 0.9]),
            ("val_loss", [0.8, 0.5, 0.4]), ("val_accuracy", [0.75, 0.86, 0.89])]),
        RunOverlayChart.Line(label: "units=128", series: [
            ("loss", [0.6, 0.25]), ("accuracy", [0.82, 0.93]),
            ("val_loss", [0.4, 0.2]), ("val_accuracy", [0.88, 0.94])]),
    ]

    @Test func aColourPerRunValidationDashedEachRunNamedOnce() throws {
        let svg = RunOverlayChart.svg(title: "fit (cell 3)", lines: Self.lines)
        let (error, check) = XMLCheck.parse(svg)
        #expect(error == nil)
        // The legend names each run once, not once per series or panel.
        #expect(check.text.components(separatedBy: "units=32").count == 2)
        #expect(check.text.components(separatedBy: "units=128").count == 2)
        #expect(check.text.contains("fit (cell 3)") && check.text.contains("accuracy") && check.text.contains("epoch"))
        let paths = svg.split(separator: "\n").filter { $0.hasPrefix("<path d=") && $0.contains("stroke-width=\"2.08\"") }
        let first = paths.filter { $0.contains(Color.cycle(0).hex) }, second = paths.filter { $0.contains(Color.cycle(1).hex) }
        #expect(first.count == 5 && second.count == 5, "4 series + 1 legend sample each: \(paths.count)")
        #expect(first.filter { $0.contains("stroke-dasharray") }.count == 2)
        // A one-epoch comparison still shows its points.
        let single = RunOverlayChart.svg(title: "t", lines: [.init(label: "a", series: [("loss", [0.5])])])
        #expect(single.contains("<circle"))
    }

    @Test func aLogarithmicAxisWhenTheValuesSpanADecade() {
        #expect(ParameterChart.isLogarithmic([32, 128, 512]))
        #expect(ParameterChart.isLogarithmic([0.001, 0.01]))
        #expect(!ParameterChart.isLogarithmic([0.01, 0.05, 0.099]))
        #expect(!ParameterChart.isLogarithmic([0, 10, 100]), "zero has no logarithm")
        #expect(!ParameterChart.isLogarithmic([-1, 20]))
        let log = ParameterChart.svg(parameter: "units", values: ["512", "32", "128"], metrics: [
            ("test_acc", [0.95, 0.91, 0.96]), ("eval.loss", [0.17, 0.31, 0.14]), ("fit.val_loss", [0.18, 0.4, 0.15]),
        ])
        let (error, check) = XMLCheck.parse(log)
        #expect(error == nil)
        #expect(check.text.contains("metrics against units") && check.text.contains("fit.val_loss"))
        #expect(ParameterChart.XAxis(["512", "32", "128"]).axes(index: 0, of: 2, parameter: "units", yLabel: "loss").xLog)
        #expect(!ParameterChart.XAxis(["0.01", "0.05"]).axes(index: 0, of: 2, parameter: "lr", yLabel: "loss").xLog)
        #expect(ParameterChart.XAxis(["512", "32", "128"]).x == [32, 128, 512])
        let linear = ParameterChart.svg(parameter: "lr", values: ["0.01", "0.05"], metrics: [("loss", [0.3, 0.2])])
        #expect(XMLCheck.parse(linear).check.text.contains("0.05"))
    }

    @Test func aGridGetsALinePerValueOfTheOtherParameter() {
        let svg = ParameterChart.svg(
            parameter: "width", values: ["16", "16", "64", "64"],
            metrics: [("test_acc", [0.8, 0.9, 0.85, 0.95]), ("test_loss", [0.6, 0.3, 0.5, 0.2])],
            group: ("lr", ["0.01", "0.1", "0.01", "0.1"]))
        let (error, check) = XMLCheck.parse(svg)
        #expect(error == nil)
        #expect(check.text.contains("metrics against width, a line per lr"))
        // Each panel's legend names both learning rates: two panels, two entries each.
        #expect(check.text.components(separatedBy: "lr=0.01").count == 3 && check.text.components(separatedBy: "lr=0.1").count == 3)
        #expect(check.text.contains("test_acc") && check.text.contains("test_loss"))
    }

    @Test func wordsAreEvenlySpacedAndLabelled() {
        let svg = ParameterChart.svg(parameter: "activation", values: ["'relu'", "'tanh'"],
                                     metrics: [("acc", [0.9, 0.8])])
        let (error, check) = XMLCheck.parse(svg)
        #expect(error == nil)
        #expect(check.text.contains("'relu'") && check.text.contains("'tanh'"))
        #expect(ParameterChart.family("fit.val_loss") == "fit.loss" && ParameterChart.family("val_acc") == "acc")
    }
}
