import Foundation
import Testing
@testable import Charts

/// Extra pictures for looking at by eye, written only when `LABBOOK_GALLERY=<directory>`
/// is set (then render them with `rsvg-convert`). Always checks that they parse.
@Suite struct GalleryTests {
    static func pictures() throws -> [(String, String)] {
        var result: [(String, String)] = []

        var digits = try Figure.subplots(rows: 2, columns: 3, width: 6, height: 4.4)
        digits.title = "First six training images"
        for i in 0..<6 {
            let image = (0..<28).map { r in
                (0..<28).map { c -> Double in
                    let dr = Double(r) - 13.5, dc = Double(c) - 13.5 - Double(i - 3) * 1.5
                    let d = (dr * dr / 1.6 + dc * dc).squareRoot()
                    return max(0, min(255, 255 - abs(d - 6 - Double(i)) * 90)).rounded()
                }
            }
            try digits.axes[i].imshow(image, colormap: i % 2 == 0 ? .gray : .grayReversed)
            digits.axes[i].title = "label: \(i)"
            digits.axes[i].showsAxis = i >= 3
        }
        result.append(("gallery-digits.svg", digits.svg()))

        var mixed = try Figure.subplots(rows: 1, columns: 2, width: 9, height: 3.6)
        try mixed.axes[0].bar(categories: ["sgd", "adam", "rmsprop", "adagrad"], heights: [0.887, 0.972, 0.969, 0.913])
        mixed.axes[0].title = "Test accuracy by optimizer"
        mixed.axes[0].yLimits = (0.8, 1)
        mixed.axes[0].yLabel = "accuracy"
        let xs = (0..<60).map { Double($0) / 10 }
        try mixed.axes[1].scatter(x: xs, y: xs.map { ($0 * 1.7).truncatingRemainder(dividingBy: 2.3) - 1 }, label: "samples", alpha: 0.7)
        try mixed.axes[1].plot(x: xs, y: xs.map { $0 / 6 - 0.5 }, format: "k-.", label: "trend")
        try mixed.axes[1].plot(x: [0, 2, 4, 6], y: [-0.8, 0.9, -0.2, 1.1], format: "rs:", label: "marks")
        mixed.axes[1].xLimits = (1, 5)
        mixed.axes[1].legend(location: .lowerRight)
        mixed.axes[1].showsGrid = true
        result.append(("gallery-mixed.svg", mixed.svg()))

        let epochs = Array(1...30)
        let loss = epochs.map { 2.3 * Foundation.exp(-Double($0) / 6) + 0.05 }
        let valLoss = epochs.map { 2.2 * Foundation.exp(-Double($0) / 7) + 0.12 + Double($0) * 0.002 }
        result.append(("gallery-training-30.svg", TrainingChart.svg(
            title: "model.fit: 30 epochs, batch size 16", epochs: epochs,
            series: [("loss", loss), ("accuracy", loss.map { 1 - $0 / 2.6 }),
                     ("val_loss", valLoss), ("val_accuracy", valLoss.map { 1 - $0 / 2.5 })])))

        var tiny = Figure(width: 5, height: 3.5)
        let ax = tiny.currentAxes()
        try tiny.axes[ax].plot(x: [0, 1, 2, 3], y: [2e-5, 3.1e-5, 2.4e-5, 4.4e-5], label: "lr", marker: .circle)
        try tiny.axes[ax].plot(x: [0, 1, 2, 3], y: [1e-5, 1.5e-5, 2e-5, 2.5e-5], label: "decay", marker: .cross)
        tiny.axes[ax].title = "Small numbers"
        tiny.axes[ax].legend()
        result.append(("gallery-small-numbers.svg", tiny.svg()))
        return result
    }

    @Test func galleryParsesAndIsWrittenOnRequest() throws {
        let directory = ProcessInfo.processInfo.environment["LABBOOK_GALLERY"]
        for (name, svg) in try GalleryTests.pictures() {
            #expect(XMLCheck.parse(svg).error == nil, "\(name)")
            if let directory {
                try svg.write(to: URL(fileURLWithPath: directory).appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
        }
    }
}
