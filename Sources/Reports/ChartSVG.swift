import CellLanguage
import Charts

/// The one place Reports calls into Charts, so the report does not care how a chart is built.
enum ChartSVG {
    /// Loss and accuracy per epoch (training and validation) as an SVG document, or nil when
    /// there is nothing to draw.
    static func training(_ chart: OutputChart) -> String? {
        guard !chart.epochs.isEmpty, !chart.seriesNames.isEmpty else { return nil }
        return nil  // until the `charts` branch lands TrainingChart
    }
}
