import Foundation

/// Several run records side by side, as `labbook compare` shows them: one row per run, a
/// column per parameter and per metric. Columns that hold the same value in every run are
/// folded into `constants`; the rows are sorted by the first metric, best first.
///
///     let comparison = RunComparison(records: records, timings: false)
///     comparison.columns.map(\.name)    // ["units", "lr", "test_acc", "eval.loss", ...]
///     comparison.constants              // ["epochs=2", "seed=0", "notebook=sweep.md 3fa2c1d0", ...]
///
/// The metrics of a run, in this order: the globals front-matter `metrics:` lists, each
/// `evaluate`'s results (`eval.loss`; `eval2.loss` when a run evaluates more than once), the
/// last epoch's value of each `fit`'s history (`fit.val_accuracy`, `fit2.loss`), and each
/// fit's parameter count (`fit.params`).
public struct RunComparison: Sendable {
    /// A column of the table: a value per run, in `runs` order.
    public struct Column: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// A notebook parameter, or what else tells runs apart (seed, notebook, engine).
            case parameter
            case metric
            /// How long a run took, its id: shown with timings on, never folded.
            case timing
        }
        public var name: String
        public var kind: Kind
        public var values: [Cell]
    }

    /// One value of the table.
    public enum Cell: Sendable, Equatable {
        case label(String)
        case number(Double)
        case missing

        /// As shown: `0.9731`, `25450`, `'relu'`, `-`.
        public var text: String {
            switch self {
            case .label(let text): return text
            case .number(let value): return Self.format(value)
            case .missing: return "-"
            }
        }

        public var number: Double? {
            if case .number(let value) = self { return value }
            return nil
        }

        /// Integers as integers, the rest to 4 significant digits, as `labbook runs` does.
        static func format(_ value: Double) -> String {
            if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
            return MetricValue.number(value).text
        }
    }

    /// The runs, in the table's order.
    public private(set) var runs: [RunRecord]
    /// The columns that differ between runs (every column when there is one run): varying
    /// parameters first, then the metrics, then (timings on) seconds and id.
    public private(set) var columns: [Column]
    /// The columns that hold the same value in every run (none when there is one run).
    public private(set) var constantColumns: [Column]
    /// `name=value` of each column that is the same in every run.
    public var constants: [String] { constantColumns.map { "\($0.name)=\($0.values[0].text)" } }
    /// The metric the rows are sorted by, and whether lower is better; nil: left as given.
    public private(set) var sortKey: (name: String, ascending: Bool)?

    /// `sorted: false` keeps the records' order (`compare a.json b.json` shows b − a).
    public init(records: [RunRecord], timings: Bool, sorted: Bool = true) {
        var all = Self.parameterColumns(records) + Self.metricColumns(records)
        if timings {
            all.append(Column(name: "seconds", kind: .timing, values: records.map { .number(($0.seconds * 10).rounded() / 10) }))
            all.append(Column(name: "id", kind: .timing, values: records.map { .label($0.id) }))
        }
        let folds = records.count > 1
        columns = all.filter { column in
            column.kind == .timing || !folds || Set(column.values.map(\.text)).count > 1
        }
        constantColumns = folds ? all.filter { column in column.kind != .timing && Set(column.values.map(\.text)).count == 1 } : []
        runs = records
        guard sorted, let key = columns.first(where: { $0.kind == .metric && $0.values.contains { $0.number != nil } })
        else { return }
        let ascending = Self.lowerIsBetter(key.name)
        sortKey = (key.name, ascending)
        let order = records.indices.sorted { a, b in
            switch (key.values[a].number, key.values[b].number) {
            case let (x?, y?) where x != y && !x.isNaN && !y.isNaN: return ascending ? x < y : x > y
            case (.some(let x), .some(let y)) where x.isNaN != y.isNaN: return !x.isNaN
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (records[a].sweep?.point ?? a, a) < (records[b].sweep?.point ?? b, b)
            }
        }
        runs = order.map { records[$0] }
        columns = columns.map { column in
            var column = column
            column.values = order.map { column.values[$0] }
            return column
        }
    }

    /// A loss or an error is better low; anything else (accuracy, AUC) high.
    static func lowerIsBetter(_ column: String) -> Bool {
        let name = column.split(separator: ".").last.map { $0.lowercased() } ?? column.lowercased()
        return ["loss", "error", "mse", "mae", "perplexity"].contains { name.contains($0) }
    }

    /// Each run's name in legends and in the two-run difference: its varying parameters
    /// (`units=128, lr=0.01`), or its id when no parameter varies.
    public var labels: [String] {
        let varying = columns.filter { $0.kind == .parameter }
        return runs.indices.map { row in
            varying.isEmpty ? runs[row].id : varying.map { "\($0.name)=\($0.values[row].text)" }.joined(separator: ", ")
        }
    }

    /// The notebook parameters (swept ones first, in the sweep's order, then the others by
    /// name), then seed, notebook (file name and the start of its SHA-256), Labbook and BLAS.
    static func parameterColumns(_ records: [RunRecord]) -> [Column] {
        var names = records.first?.sweep?.axes.map(\.name) ?? []
        for name in Set(records.flatMap(\.parameters.keys)).sorted() where !names.contains(name) { names.append(name) }
        var columns = names.map { name in
            Column(name: name, kind: .parameter, values: records.map { record in
                record.parameters[name].map(Cell.label) ?? .missing
            })
        }
        columns.append(Column(name: "seed", kind: .parameter, values: records.map { .number(Double($0.seed)) }))
        columns.append(Column(name: "notebook", kind: .parameter, values: records.map { record in
            .label(URL(fileURLWithPath: record.notebook.path).lastPathComponent + " " + record.notebook.sha256.prefix(8))
        }))
        columns.append(Column(name: "labbook", kind: .parameter, values: records.map { .label($0.labbook) }))
        columns.append(Column(name: "blas", kind: .parameter, values: records.map { .label($0.blas) }))
        return columns
    }

    /// Front-matter metrics, evaluations, the fits' last values and parameter counts.
    static func metricColumns(_ records: [RunRecord]) -> [Column] {
        var columns: [Column] = []
        func add(_ name: String, _ value: (RunRecord) -> Cell) {
            guard !columns.contains(where: { $0.name == name }) else { return }
            columns.append(Column(name: name, kind: .metric, values: records.map(value)))
        }
        for record in records {
            for name in record.metricNames ?? record.metrics.keys.sorted() {
                add(name) { run in
                    switch run.metrics[name] ?? MetricValue.none {
                    case .int(let value): return .number(Double(value))
                    case .number(let value): return .number(value)
                    case .bool(let value): return .label(value ? "True" : "False")
                    case .string(let value): return .label(value)
                    case .none: return .missing
                    }
                }
            }
        }
        let evaluations = records.map(\.evaluations.count).max() ?? 0
        for position in 0..<evaluations {
            let prefix = evaluations == 1 ? "eval" : "eval\(position + 1)"
            for record in records where position < record.evaluations.count {
                for name in record.evaluations[position].results.keys.sorted(by: Self.kerasOrder) {
                    add("\(prefix).\(name)") { run in
                        position < run.evaluations.count ? run.evaluations[position].results[name].map(Cell.number) ?? .missing : .missing
                    }
                }
            }
        }
        let fits = records.map(\.fits.count).max() ?? 0
        for position in 0..<fits {
            let prefix = fits == 1 ? "fit" : "fit\(position + 1)"
            for record in records where position < record.fits.count {
                for series in record.fits[position].fit.history {
                    add("\(prefix).\(series.name)") { run in
                        guard position < run.fits.count,
                              let values = run.fits[position].fit.history.first(where: { $0.name == series.name })?.values,
                              let last = values.last else { return .missing }
                        return .number(last)
                    }
                }
            }
        }
        for position in 0..<fits {
            add(fits == 1 ? "fit.params" : "fit\(position + 1).params") { run in
                position < run.fits.count ? .number(Double(run.fits[position].fit.parameters)) : .missing
            }
        }
        return columns
    }

    /// An evaluation's results are a dictionary in the record: `loss` first, as Keras
    /// returns them, then the metrics by name.
    static func kerasOrder(_ a: String, _ b: String) -> Bool {
        (a == "loss" ? 0 : 1, a) < (b == "loss" ? 0 : 1, b)
    }
}
