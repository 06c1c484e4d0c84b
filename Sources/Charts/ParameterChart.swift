/// Metrics against the value of one parameter, a point per run: losses on the left, the
/// other metrics on the right, one colour per metric family (`val_...` dashed in its
/// family's colour). The x axis is logarithmic when every value is positive and they span a
/// decade or more (`units` from 32 to 2048, `lr` from 0.001 to 0.1); a parameter whose values
/// are not all numbers is drawn at evenly spaced positions labelled with its values.
///
///     let svg = ParameterChart.svg(parameter: "units", values: ["32", "128", "512"], metrics: [
///         ("test_loss", [0.31, 0.12, 0.09]), ("test_acc", [0.91, 0.96, 0.97]),
///     ])
public enum ParameterChart {
    /// Whether these values get a logarithmic axis: all positive, the largest at least ten
    /// times the smallest.
    public static func isLogarithmic(_ values: [Double]) -> Bool {
        guard let low = values.min(), let high = values.max(), low > 0, low.isFinite, high.isFinite else { return false }
        return high / low >= 10
    }

    /// Whether a parameter with these values (Python literals) gets a logarithmic axis: all
    /// numbers, and `isLogarithmic` of them.
    public static func isLogarithmic(literals: [String]) -> Bool {
        let numbers = literals.compactMap { Double($0) }
        return numbers.count == literals.count && isLogarithmic(numbers)
    }

    /// `values` are the parameter's literals (one per run, in the runs' order); each metric
    /// holds one value per run (NaN where a run has none). With `group` (a second parameter
    /// that varies too, its literal per run), each metric gets its own panel and a line per
    /// value of the group, in the group's colour.
    public static func svg(parameter: String, values: [String], metrics: [(name: String, values: [Double])],
                           group: (name: String, values: [String])? = nil) -> String {
        var figure = Figure(width: TrainingChart.size.width, height: TrainingChart.size.height, dpi: TrainingChart.size.dpi)
        figure.title = "metrics against \(parameter)" + (group.map { ", a line per \($0.name)" } ?? "")
        let axis = XAxis(values)
        // A point per distinct value: the first run with it (in a group: of that group) that has one.
        func line(_ metric: [Double], where keep: (Int) -> Bool = { _ in true }) -> [Double] {
            axis.positions.map { position in
                values.indices.first { values[$0] == position && keep($0) && $0 < metric.count && !metric[$0].isNaN }
                    .map { metric[$0] } ?? .nan
            }
        }
        if let group {
            let groupValues = XAxis(group.values).positions
            for (index, metric) in metrics.enumerated() {
                var ax = axis.axes(index: index, of: metrics.count, parameter: parameter, yLabel: metric.name)
                for (number, value) in groupValues.enumerated() {
                    try? ax.plot(x: axis.x, y: line(metric.values, where: { group.values[$0] == value }),
                                 label: "\(group.name)=\(value)", color: Color.cycle(number), marker: .circle,
                                 lineWidth: 1.5, markerSize: 5)
                }
                ax.legend()
                figure.axes.append(ax)
            }
            return figure.svg()
        }
        let losses = metrics.filter { TrainingChart.isLoss(metricName($0.name)) }
        let others = metrics.filter { !TrainingChart.isLoss(metricName($0.name)) }
        var families: [String] = []
        for metric in metrics where !families.contains(family(metric.name)) { families.append(family(metric.name)) }
        let panels = [(losses, "loss"), (others, TrainingChart.metricAxisTitle(others.map { (metricName($0.name), $0.values) }))]
            .filter { !$0.0.isEmpty }
        for (index, panel) in panels.enumerated() {
            var ax = axis.axes(index: index, of: panels.count, parameter: parameter, yLabel: panel.1)
            for metric in panel.0 {
                let validation = TrainingChart.isValidation(metricName(metric.name))
                try? ax.plot(x: axis.x, y: line(metric.values), label: metric.name,
                             color: Color.cycle(families.firstIndex(of: family(metric.name)) ?? 0),
                             lineStyle: validation ? .dashed : .solid, marker: validation ? .square : .circle,
                             lineWidth: 1.5, markerSize: 5)
            }
            ax.legend()
            figure.axes.append(ax)
        }
        return figure.svg()
    }

    /// The parameter's axis: its distinct values in order (numerically, or as first seen when
    /// they are not all numbers, then at 0, 1, 2...), ticked and labelled at each value when
    /// there are at most 12.
    struct XAxis {
        var positions: [String]
        var numeric: Bool
        var x: [Double]

        init(_ values: [String]) {
            let numeric = values.allSatisfy { Double($0)?.isFinite == true }
            var positions: [String] = []
            for value in values where !positions.contains(value) { positions.append(value) }
            if numeric { positions.sort { Double($0)! < Double($1)! } }
            self.numeric = numeric
            self.positions = positions
            x = positions.indices.map { numeric ? Double(positions[$0])! : Double($0) }
        }

        /// Panel `index` (0-based) of `count`, side by side.
        func axes(index: Int, of count: Int, parameter: String, yLabel: String) -> Axes {
            var ax = Axes(position: SubplotPosition(rows: 1, columns: count, index: index + 1))
            ax.xLabel = parameter
            ax.yLabel = yLabel
            ax.openFrame = true
            ax.outlinesMarkers = true
            ax.showsGrid = true
            ax.xLog = numeric && ParameterChart.isLogarithmic(x)
            // A sweep's few values are the ticks, labelled as written (`0.01`, `'relu'`).
            if !numeric || positions.count <= 12 {
                ax.xTicks = zip(x, positions).map { TickMark(position: $0, label: $1) }
            }
            if !numeric { ax.xLimits = (-0.5, Double(positions.count) - 0.5) }
            return ax
        }
    }

    /// `fit.val_loss` -> `val_loss`: the metric's own name after a `source.` prefix.
    static func metricName(_ column: String) -> String {
        column.split(separator: ".").last.map(String.init) ?? column
    }

    /// `fit.val_loss` and `fit.loss` are one family (one colour).
    static func family(_ column: String) -> String {
        let name = metricName(column)
        let prefix = column.dropLast(name.count)
        return prefix + TrainingChart.baseName(name)
    }
}
