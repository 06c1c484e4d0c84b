/// What the comparison page of several runs shows (`labbook compare --html`, `labbook run
/// --sweep --html`). The runner fills it in from run records; `ComparisonReport.render(_:)`
/// turns it into a page in the report's style. Same document, same bytes.
///
///     let page = ComparisonReport.render(ComparisonDocument(
///         title: "6 runs of mnist-sweep.md", facts: ["sweep units × lr: 6 of 6 points", "seed 0"],
///         table: .init(header: ["units", "lr", "test_acc"], rows: [["512", "0.01", "0.9731"]], parameterColumns: 2),
///         sortedBy: "test_acc, best first", constants: ["epochs=2"], notes: [],
///         parameterChart: nil, trainingCharts: []))
public struct ComparisonDocument: Sendable, Equatable {
    /// The page title: `6 runs of mnist-sweep.md`.
    public var title: String
    /// One line of facts under the title (sweep, seed, date when timings are on).
    public var facts: [String]
    /// One row per run, already in the page's order.
    public var table: Table
    /// How the rows are ordered, said above the table (`test_acc, best first`); nil: as given.
    public var sortedBy: String?
    /// The columns that are the same in every run, folded into a caption (`epochs=2`).
    public var constants: [String]
    /// Warnings for the reader: points of the sweep that have no record, runs left out.
    public var notes: [String]
    /// Metrics against the one parameter that varies (or against one of two, a line per value
    /// of the other); nil otherwise.
    public var parameterChart: ParameterPlot?
    /// One chart per `fit` position (the first fit of every run, the second...).
    public var trainingCharts: [TrainingOverlay]

    public init(title: String, facts: [String], table: Table, sortedBy: String?, constants: [String],
                notes: [String], parameterChart: ParameterPlot?, trainingCharts: [TrainingOverlay]) {
        self.title = title
        self.facts = facts
        self.table = table
        self.sortedBy = sortedBy
        self.constants = constants
        self.notes = notes
        self.parameterChart = parameterChart
        self.trainingCharts = trainingCharts
    }

    /// The run table: the varying parameters' columns first, then the metrics.
    public struct Table: Sendable, Equatable {
        public var header: [String]
        public var rows: [[String]]
        /// How many leading columns are parameters (shown as the rows' names).
        public var parameterColumns: Int
        /// Each row's own report (a relative URL), where the run has one; empty: none has.
        public var links: [String?]
        public init(header: [String], rows: [[String]], parameterColumns: Int, links: [String?] = []) {
            self.header = header
            self.rows = rows
            self.parameterColumns = parameterColumns
            self.links = links
        }
    }

    /// Metric values against the values of one parameter, a point per run.
    public struct ParameterPlot: Sendable, Equatable {
        public var parameter: String
        /// The parameter's value in each run, as a Python literal.
        public var values: [String]
        /// Each metric's value in each run (NaN where a run has none).
        public var metrics: [Metric]
        /// A second parameter that varies (a grid): a line per value of it.
        public var group: Group?
        public init(parameter: String, values: [String], metrics: [Metric], group: Group? = nil) {
            self.parameter = parameter
            self.values = values
            self.metrics = metrics
            self.group = group
        }

        /// A parameter's name and its literal in each run.
        public struct Group: Sendable, Equatable {
            public var name: String
            public var values: [String]
            public init(name: String, values: [String]) {
                self.name = name
                self.values = values
            }
        }
    }

    /// A named column of numbers, one per run.
    public struct Metric: Sendable, Equatable {
        public var name: String
        public var values: [Double]
        public init(name: String, values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    /// The curves of one fit position across runs: a line per run, named by its label.
    public struct TrainingOverlay: Sendable, Equatable {
        public var title: String
        public var runs: [Run]
        public init(title: String, runs: [Run]) {
            self.title = title
            self.runs = runs
        }

        /// One run's history of that fit.
        public struct Run: Sendable, Equatable {
            public var label: String
            public var history: [Metric]
            public init(label: String, history: [Metric]) {
                self.label = label
                self.history = history
            }
        }
    }
}
