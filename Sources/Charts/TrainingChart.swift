/// The chart a report shows after every `fit`: loss curves on the left, accuracy (or the
/// other metrics) on the right; training solid, validation (`val_` prefix) dashed in the same
/// colour; epochs as integer ticks; a single epoch drawn as markers.
///
///     let svg = TrainingChart.svg(
///         title: "model.fit (5 epochs)", epochs: [1, 2, 3, 4, 5],
///         series: [("loss", [...]), ("accuracy", [...]), ("val_loss", [...]), ("val_accuracy", [...])])
///
/// Non-finite values are skipped (the line breaks there); a series longer than `epochs` is
/// cut to it, a shorter one simply ends early. When no series is a metric the chart has
/// just the loss panel.
public enum TrainingChart {
    /// Pixel size of the chart's viewBox (two panels side by side).
    static let size = (width: 8.0, height: 3.3, dpi: 100.0)

    public static func svg(title: String, epochs: [Int], series: [(name: String, values: [Double])]) -> String {
        var figure = Figure(width: size.width, height: size.height, dpi: size.dpi)
        figure.title = title
        let losses = series.filter { isLoss($0.name) }
        let metrics = series.filter { !isLoss($0.name) }
        let panels = [(losses, "loss"), (metrics, metricAxisTitle(metrics))].filter { !$0.0.isEmpty }
        // One colour per metric family, in order of first appearance across both panels.
        var families: [String] = []
        for entry in series where !families.contains(baseName(entry.name)) { families.append(baseName(entry.name)) }
        let x = epochs.map(Double.init)
        let fewPoints = epochs.count <= 12
        for (index, panel) in (panels.isEmpty ? [([], "loss")] : panels).enumerated() {
            var ax = Axes(position: SubplotPosition(rows: 1, columns: max(panels.count, 1), index: index + 1))
            ax.xLabel = "epoch"
            ax.yLabel = panel.1
            ax.integerXTicks = true
            ax.openFrame = true
            ax.outlinesMarkers = true
            ax.showsGrid = true
            for entry in panel.0 {
                let count = min(entry.values.count, x.count)
                let family = families.firstIndex(of: baseName(entry.name)) ?? 0
                // Lengths match by construction, so plot cannot fail.
                try? ax.plot(x: Array(x.prefix(count)), y: Array(entry.values.prefix(count)), label: entry.name,
                             color: Color.cycle(family),
                             lineStyle: isValidation(entry.name) ? .dashed : .solid,
                             marker: fewPoints ? (isValidation(entry.name) ? .square : .circle) : nil,
                             lineWidth: 1.75, markerSize: isValidation(entry.name) ? 5 : 5.5)
            }
            if epochs.count == 1, let epoch = x.first {
                ax.xLimits = (epoch - 0.5, epoch + 0.5)
            }
            if !panel.0.isEmpty { ax.legend() }
            figure.axes.append(ax)
        }
        return figure.svg()
    }

    static func isValidation(_ name: String) -> Bool { name.hasPrefix("val_") }

    static func baseName(_ name: String) -> String {
        isValidation(name) ? String(name.dropFirst(4)) : name
    }

    static func isLoss(_ name: String) -> Bool { baseName(name).hasSuffix("loss") }

    /// "accuracy" when every metric is an accuracy, the metric's name when there is one
    /// kind, else "metric".
    static func metricAxisTitle(_ metrics: [(name: String, values: [Double])]) -> String {
        var names: [String] = []
        for m in metrics where !names.contains(baseName(m.name)) { names.append(baseName(m.name)) }
        if names.allSatisfy({ $0.hasSuffix("accuracy") || $0 == "acc" }) { return "accuracy" }
        return names.count == 1 ? names[0] : "metric"
    }
}
