/// Several trainings' curves on one chart, for comparing runs (or the models one cell
/// trains): loss on the left, the first other metric (accuracy) on the right, one colour
/// per training, training solid and validation (`val_`) dashed in that colour. The legend
/// names each training once, on the right-hand panel.
///
///     let svg = RunOverlayChart.svg(title: "fit 1", lines: [
///         .init(label: "units=32", series: [("loss", [0.5, 0.3]), ("val_loss", [0.6, 0.4])]),
///         .init(label: "units=128", series: [("loss", [0.4, 0.2]), ("val_loss", [0.5, 0.35])]),
///     ])
///
/// Non-finite values break a line; a training with fewer epochs (stopped early) ends
/// early. A single epoch is drawn as markers.
public enum RunOverlayChart {
    /// One training: its legend label and its history, in Keras' key order.
    public struct Line: Sendable, Equatable {
        public var label: String
        public var series: [Series]
        public init(label: String, series: [(name: String, values: [Double])]) {
            self.label = label
            self.series = series.map { Series(name: $0.name, values: $0.values) }
        }
    }

    /// One history key's values, epoch by epoch.
    public struct Series: Sendable, Equatable {
        public var name: String
        public var values: [Double]
    }

    public static func svg(title: String, lines: [Line]) -> String {
        var figure = Figure(width: TrainingChart.size.width, height: TrainingChart.size.height, dpi: TrainingChart.size.dpi)
        figure.title = title
        // The panels: the loss, and the first metric that is not a loss (as the runs name it).
        let names = lines.flatMap { $0.series.map(\.name) }
        let metric = names.first { !TrainingChart.isLoss($0) }.map(TrainingChart.baseName)
        var panels = [(family: "loss", axisTitle: "loss")]
        if let metric { panels.append((metric, TrainingChart.metricAxisTitle([(metric, [])]))) }
        let longest = lines.flatMap { $0.series.map(\.values.count) }.max() ?? 0
        for (index, panel) in panels.enumerated() {
            var ax = Axes(position: SubplotPosition(rows: 1, columns: panels.count, index: index + 1))
            ax.xLabel = "epoch"
            ax.yLabel = panel.axisTitle
            ax.integerXTicks = true
            ax.openFrame = true
            ax.outlinesMarkers = true
            ax.showsGrid = true
            let legendPanel = index == panels.count - 1
            for (number, line) in lines.enumerated() {
                let color = Color.cycle(number)
                for entry in line.series where TrainingChart.baseName(entry.name) == panel.family {
                    let validation = TrainingChart.isValidation(entry.name)
                    // Only one line per training carries the label, so the legend names each once.
                    let labelled = legendPanel && (!validation || !line.series.contains { $0.name == panel.family })
                    try? ax.plot(x: entry.values.indices.map { Double($0 + 1) }, y: entry.values,
                                 label: labelled ? line.label : nil, color: color,
                                 lineStyle: validation ? .dashed : .solid,
                                 marker: longest == 1 ? (validation ? .square : .circle) : nil,
                                 lineWidth: 1.5, markerSize: 5)
                }
            }
            if longest == 1 { ax.xLimits = (0.5, 1.5) }
            if legendPanel, !lines.isEmpty { ax.legend() }
            figure.axes.append(ax)
        }
        return figure.svg()
    }
}
