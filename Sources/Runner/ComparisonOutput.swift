import Foundation
import Reports

/// What `labbook compare` prints and writes: the terminal table, the two-run difference
/// and the comparison page's document.
extension RunComparison {
    /// `6 runs of sweep.md`.
    public var title: String {
        var names: [String] = []
        for run in runs {
            let name = URL(fileURLWithPath: run.notebook.path).lastPathComponent
            if !names.contains(name) { names.append(name) }
        }
        return "\(runs.count) run\(runs.count == 1 ? "" : "s") of \(names.joined(separator: ", "))"
    }

    /// `sweep units × lr: 4 of 6 points`, when every run is a point of one sweep.
    var sweepFact: String? {
        guard let axes = runs.first?.sweep?.axes, runs.allSatisfy({ $0.sweep?.axes == axes }) else { return nil }
        let total = axes.reduce(1) { $0 * $1.literals.count }
        return "sweep \(axes.map(\.name).joined(separator: " × ")): \(Set(runs.compactMap(\.sweep?.point)).count) of \(total) points"
    }

    /// `test_acc, highest first`.
    var order: String? {
        sortKey.map { "\($0.name), \($0.ascending ? "lowest" : "highest") first" }
    }

    /// The table for a terminal: a title line, the columns aligned (numbers to the right),
    /// then the constants and the notes.
    ///
    ///     6 runs of sweep.md; sweep units × lr: 6 of 6 points; sorted by test_acc, highest first
    ///     units  lr    test_acc  eval.loss
    ///     512    0.01    0.9731     0.0912
    ///     same in every run: epochs=2, seed=0
    public func text(notes: [String]) -> String {
        var lines = [([title] + [sweepFact, order.map { "sorted by \($0)" }].compactMap { $0 }).joined(separator: "; ")]
        let header = columns.map(\.name)
        let rows = runs.indices.map { row in columns.map { $0.values[row].text } }
        let rightAligned = columns.map { column in column.kind != .parameter && column.values.contains { $0.number != nil } }
        lines += Self.aligned([header] + rows, right: rightAligned)
        if !constants.isEmpty { lines.append("same in every run: " + constants.joined(separator: ", ")) }
        lines += notes.map { "note: \($0)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Two runs: each metric of a and b and the change b − a (with the change relative to a).
    ///
    ///     a: units=32
    ///     b: units=128
    ///     metric     a       b       b - a
    ///     test_acc   0.9123  0.9456  +0.0333 (+3.7%)
    public func difference(timings: Bool) -> String {
        precondition(runs.count == 2, "a difference is between two runs")
        let labels = labels
        var lines = zip(["a", "b"], runs.indices).map { letter, row in
            "\(letter): \(labels[row])" + (timings && labels[row] != runs[row].id ? " (\(runs[row].id))" : "")
        }
        var rows = [["metric", "a", "b", "b - a"]]
        for column in Self.metricColumns(runs) {
            let (a, b) = (column.values[0], column.values[1])
            var change = a.text == b.text ? "same" : "-"
            if let x = a.number, let y = b.number, x != y {
                change = (y > x ? "+" : "") + Cell.format(y - x)
                if x != 0, x.isFinite, y.isFinite { change += String(format: " (%+.1f%%)", (y - x) / abs(x) * 100) }
            }
            rows.append([column.name, a.text, b.text, change])
        }
        lines += Self.aligned(rows, right: [false, true, true, false])
        let same = constantColumns.filter { $0.kind == .parameter }
        if !same.isEmpty {
            lines.append("same in both: " + same.map { "\($0.name)=\($0.values[0].text)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Columns padded to their widest cell, two spaces apart.
    static func aligned(_ rows: [[String]], right: [Bool]) -> [String] {
        guard let first = rows.first else { return [] }
        let widths = first.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.indices.map { column in
                let pad = String(repeating: " ", count: widths[column] - row[column].count)
                return right[column] ? pad + row[column] : row[column] + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    /// The comparison page's content; `links` gives a run's own report (a URL relative to
    /// the page) by record id.
    public func document(notes: [String], timings: Bool, links: [String: String] = [:]) -> ComparisonDocument {
        var facts = [sweepFact].compactMap { $0 }
        if timings, let newest = runs.map(\.started).max(), newest.count >= 16 {
            facts.append("newest run " + newest.prefix(16).replacingOccurrences(of: "T", with: " ") + " UTC")
        }
        let parameters = columns.filter { $0.kind == .parameter }
        let table = ComparisonDocument.Table(
            header: columns.map(\.name), rows: runs.indices.map { row in columns.map { $0.values[row].text } },
            parameterColumns: parameters.count, links: links.isEmpty ? [] : runs.map { links[$0.id] })
        return ComparisonDocument(
            title: title, facts: facts, table: table, sortedBy: order, constants: constants, notes: notes,
            parameterChart: parameterPlot(), trainingCharts: trainingCharts())
    }

    /// Where one parameter varies: every metric against it. Where two vary (a grid): the
    /// first metric and the first loss against the one with more numeric values, a line per
    /// value of the other.
    func parameterPlot() -> ComparisonDocument.ParameterPlot? {
        let parameters = columns.filter { $0.kind == .parameter }
        let metrics = columns.filter { $0.kind == .metric && !$0.name.hasSuffix(".params") && $0.values.contains { $0.number != nil } }
        func metric(_ column: Column) -> ComparisonDocument.Metric {
            ComparisonDocument.Metric(name: column.name, values: column.values.map { $0.number ?? .nan })
        }
        guard !metrics.isEmpty else { return nil }
        if parameters.count == 1 {
            return ComparisonDocument.ParameterPlot(
                parameter: parameters[0].name, values: parameters[0].values.map(\.text), metrics: metrics.map(metric))
        }
        guard parameters.count == 2 else { return nil }
        func numericValues(_ column: Column) -> Int {
            column.values.allSatisfy { Double($0.text) != nil } ? Set(column.values.map(\.text)).count : 0
        }
        let (x, group) = numericValues(parameters[1]) > numericValues(parameters[0])
            ? (parameters[1], parameters[0]) : (parameters[0], parameters[1])
        var chosen = [metrics[0]]
        let firstIsLoss = Self.lowerIsBetter(metrics[0].name)
        if let other = metrics.first(where: { Self.lowerIsBetter($0.name) != firstIsLoss }) { chosen.append(other) }
        return ComparisonDocument.ParameterPlot(
            parameter: x.name, values: x.values.map(\.text), metrics: chosen.map(metric),
            group: ComparisonDocument.ParameterPlot.Group(name: group.name, values: group.values.map(\.text)))
    }

    /// One chart per fit position, a line per run that has that fit.
    func trainingCharts() -> [ComparisonDocument.TrainingOverlay] {
        let positions = runs.map(\.fits.count).max() ?? 0
        let labels = labels
        return (0..<positions).map { position in
            let fits = runs.indices.filter { position < runs[$0].fits.count }
            let cells = Set(fits.map { runs[$0].fits[position].cell })
            let name = positions == 1 ? "fit" : "fit \(position + 1)"
            let title = cells.count == 1 ? "\(name) (cell \(cells.first! + 1))" : name
            return ComparisonDocument.TrainingOverlay(title: title, runs: fits.map { row in
                ComparisonDocument.TrainingOverlay.Run(label: labels[row], history: runs[row].fits[position].fit.history.map {
                    ComparisonDocument.Metric(name: $0.name, values: $0.values)
                })
            })
        }
    }
}
