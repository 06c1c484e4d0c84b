import CellOutput
import Charts

/// The one place Reports calls into Charts, so the report does not care how a chart is built.
enum ChartSVG {
    /// Loss and accuracy per epoch (training solid, validation dashed) as an SVG document,
    /// or nil when there is nothing to draw.
    static func training(_ chart: OutputChart) -> String? {
        guard !chart.epochs.isEmpty, !chart.seriesNames.isEmpty else { return nil }
        return TrainingChart.svg(title: chart.title, epochs: chart.epochs, series: chart.series)
    }
}
