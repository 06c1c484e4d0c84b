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

extension ChartSVG {
    /// A comparison's metrics against its one varying parameter.
    static func parameter(_ plot: ComparisonDocument.ParameterPlot) -> String {
        ParameterChart.svg(parameter: plot.parameter, values: plot.values,
                           metrics: plot.metrics.map { ($0.name, $0.values) },
                           group: plot.group.map { ($0.name, $0.values) })
    }

    /// Whether that chart draws the parameter on a logarithmic axis.
    static func logarithmic(_ plot: ComparisonDocument.ParameterPlot) -> Bool {
        ParameterChart.isLogarithmic(literals: plot.values)
    }

    /// One fit position's curves, a line per run.
    static func overlay(_ overlay: ComparisonDocument.TrainingOverlay) -> String {
        RunOverlayChart.svg(title: overlay.title, lines: overlay.runs.map { run in
            RunOverlayChart.Line(label: run.label, series: run.history.map { ($0.name, $0.values) })
        })
    }
}

extension ChartSVG {
    /// The models one cell trained, a line each, named by the model and its layer widths
    /// (`sequential_3 (32, 10)`); a model trained several times (training continued) is one
    /// line through all its epochs (`..., 5 fits`).
    static func cellModels(_ fits: [FitRecord]) -> [RunOverlayChart.Line] {
        var order: [String] = []
        var byModel: [String: [FitRecord]] = [:]
        for fit in fits {
            if byModel[fit.model] == nil { order.append(fit.model) }
            byModel[fit.model, default: []].append(fit)
        }
        return order.map { model in
            let fits = byModel[model]!
            let widths = fits[0].layers.filter { $0.parameters > 0 }.compactMap { $0.outputShape.last }
            var label = model + (widths.isEmpty ? "" : " (" + widths.map(String.init).joined(separator: ", ") + ")")
            if fits.count > 1 { label += ", \(fits.count) fits" }
            let series = fits[0].history.map { first in
                (first.name, fits.flatMap { fit in fit.history.first { $0.name == first.name }?.values ?? [] })
            }
            return RunOverlayChart.Line(label: label, series: series)
        }
    }

    /// Those lines on one chart.
    static func cellOverlay(_ lines: [RunOverlayChart.Line], fits: Int) -> String {
        let models = lines.count == 1 ? "1 model" : "\(lines.count) models"
        return RunOverlayChart.svg(title: "\(models) trained in this cell" + (fits > lines.count ? " (\(fits) fits)" : ""), lines: lines)
    }
}
