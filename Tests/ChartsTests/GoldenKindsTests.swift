import Foundation
import Testing
@testable import Charts

/// Golden SVGs for the chart kinds notebooks add on top of lines and histograms: a log axis,
/// turned tick labels with a recoloured bar and value labels, a heat map with a colorbar, an
/// RGB image, an annotation with an arrow. Re-record with LABBOOK_RECORD=1 and look at them.
struct GoldenKindsTests {
    static func logAxis() throws -> String {
        var figure = Figure(width: 5, height: 3.5)
        let ax = figure.currentAxes()
        let epochs = (1...20).map(Double.init)
        try figure.axes[ax].plot(x: epochs, y: epochs.map { 2.5 * exp(-0.35 * $0) }, label: "loss")
        try figure.axes[ax].plot(x: epochs, y: epochs.map { 3 * pow($0, -1.5) }, label: "val_loss")
        figure.axes[ax].yLog = true
        figure.axes[ax].title = "semilogy"
        figure.axes[ax].legend()
        return figure.svg()
    }

    static func labelledBars() throws -> String {
        var figure = Figure(width: 5, height: 3.5)
        let ax = figure.currentAxes()
        let heights = [0.91, 0.97, 0.88, 0.95]
        try figure.axes[ax].bar(categories: ["logistic", "dense", "conv", "conv+bn"], heights: heights)
        figure.axes[ax].modifyArtist(at: 0) { artist in
            guard case .bars(var series) = artist else { return }
            series.bars[1].color = Color(red: 214, green: 39, blue: 40)
            artist = .bars(series)
        }
        for (i, h) in heights.enumerated() {
            var label = TextLabel(text: String(format: "%.2f", h), x: Double(i), y: h)
            label.horizontalAlignment = .center
            label.verticalAlignment = .bottom
            label.offsetPoints = (0, 3)
            figure.axes[ax].text(label)
        }
        figure.axes[ax].xTickRotation = 45
        figure.axes[ax].yLimits = (0, 1.1)
        return figure.svg()
    }

    static func heatmapWithColorbar() throws -> String {
        var figure = Figure(width: 5, height: 4)
        let ax = figure.currentAxes()
        let confusion: [[Double]] = [[50, 2, 0, 1], [3, 41, 5, 0], [0, 4, 45, 2], [1, 0, 6, 40]]
        let map = try Colormap(name: "Blues")
        try figure.axes[ax].imshow(confusion, colormap: map)
        figure.axes[ax].colorbar = Colorbar(colormap: map, vmin: 0, vmax: 50, label: "count")
        for (r, row) in confusion.enumerated() {
            for (c, value) in row.enumerated() {
                var label = TextLabel(text: String(Int(value)), x: Double(c), y: Double(r))
                label.horizontalAlignment = .center
                label.verticalAlignment = .center
                label.color = value > 25 ? Color(red: 255, green: 255, blue: 255) : Color(red: 0, green: 0, blue: 0)
                figure.axes[ax].text(label)
            }
        }
        figure.axes[ax].title = "confusion matrix"
        return figure.svg()
    }

    static func rgbAndAnnotation() throws -> String {
        var figure = Figure(width: 6, height: 3)
        let left = try figure.subplot(rows: 1, columns: 2, index: 1)
        let colors = (0..<4).map { r in (0..<4).map { c in Color(red: UInt8(r * 80), green: UInt8(c * 80), blue: 160) } }
        try figure.axes[left].imshow(colors: colors)
        figure.axes[left].title = "RGB"
        let right = try figure.subplot(rows: 1, columns: 2, index: 2)
        let xs = (0...30).map { Double($0) / 5 }
        try figure.axes[right].plot(x: xs, y: xs.map { sin($0) })
        var note = TextLabel(text: "peak", x: 3.2, y: 0.4)
        note.arrowTarget = (Double.pi / 2, 1)
        figure.axes[right].text(note)
        figure.title = "suptitle"
        return figure.svg()
    }

    @Test(arguments: ["log-axis", "labelled-bars", "heatmap-colorbar", "rgb-annotation"])
    func kind(_ name: String) throws {
        let svg: String
        switch name {
        case "log-axis": svg = try Self.logAxis()
        case "labelled-bars": svg = try Self.labelledBars()
        case "heatmap-colorbar": svg = try Self.heatmapWithColorbar()
        default: svg = try Self.rgbAndAnnotation()
        }
        try Golden.files.check(svg, named: "figure-\(name).svg")
        #expect(XMLCheck.parse(svg).error == nil)
    }

    @Test func logAxisTicksAreDecades() throws {
        #expect(LogTicks.decades(lower: -0.2, upper: 2.1)?.map(\.1) == ["10⁰", "10¹", "10²"])
        #expect(LogTicks.decades(lower: -3.5, upper: -1.5)?.map(\.1) == ["10⁻³", "10⁻²"])
        #expect(LogTicks.decades(lower: 0.1, upper: 0.9) == nil)
        let svg = try Self.logAxis()
        #expect(svg.contains(">10⁻¹</text>") && svg.contains(">10⁰</text>") && !svg.contains(">10⁻³</text>"))
    }
}
