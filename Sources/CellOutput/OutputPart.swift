/// One typed piece of what a cell produced, in the order it was produced.
///
/// A cell's output is a list of parts, not one string: the Markdown report writes every
/// part as the text a terminal would have shown (`plainText`), while the HTML report can
/// draw a `table` as a real table and a `chart` as an SVG figure.
///
///     [.stream("Test loss: 0.512\n"), .chart(history)]
public enum OutputPart: Sendable, Equatable, Codable {
    /// Text written by `print` (or by a library on the cell's behalf).
    case stream(String)
    /// The `repr` of the value of the cell's last expression, as Jupyter's `Out[n]`.
    case result(String)
    /// A ruled table such as Keras' `model.summary()`.
    case table(OutputTable)
    /// Per-epoch series such as a Keras `History`, drawn as training curves in HTML.
    case chart(OutputChart)
    /// A figure (matplotlib), as a standalone SVG document, with a text stand-in.
    case figure(OutputFigure)
    /// The error that stopped the cell: traceback text in IPython's form.
    case error(CellError)
    /// Structured results for run records (a `fit`, an `evaluate`); shown in no report.
    case record(OutputRecord)

    /// What a terminal would have shown for this part.
    public var plainText: String {
        switch self {
        case .stream(let text): return text
        case .result(let text): return text.hasSuffix("\n") ? text : text + "\n"
        case .table(let table): return table.plainText
        case .chart(let chart): return chart.plainText
        case .figure(let figure): return figure.plainText
        case .error(let error): return error.traceback
        case .record: return ""
        }
    }
}

/// A table with a plain-text rendering (exactly what the library printed) and its cells,
/// so an HTML report can show it as a real table.
public struct OutputTable: Sendable, Equatable, Codable {
    public var plainText: String
    public var header: [String]
    public var rows: [[String]]
    /// Lines printed under the table, e.g. `Total params: 25,450`.
    public var footer: [String]
    public init(plainText: String, header: [String], rows: [[String]], footer: [String]) {
        self.plainText = plainText
        self.header = header
        self.rows = rows
        self.footer = footer
    }
}

/// Named series over epochs, e.g. `loss`, `accuracy`, `val_loss`, `val_accuracy`.
/// `plainText` is what the library printed while producing it (the epoch log), possibly empty.
public struct OutputChart: Sendable, Equatable, Codable {
    public var plainText: String
    public var title: String
    public var epochs: [Int]
    /// Series in the order they should appear in a legend.
    public var series: [(name: String, values: [Double])] {
        get { zip(seriesNames, seriesValues).map { ($0, $1) } }
        set { seriesNames = newValue.map(\.name); seriesValues = newValue.map(\.values) }
    }
    public var seriesNames: [String]
    public var seriesValues: [[Double]]
    public init(plainText: String, title: String, epochs: [Int], series: [(name: String, values: [Double])]) {
        self.plainText = plainText
        self.title = title
        self.epochs = epochs
        self.seriesNames = series.map(\.name)
        self.seriesValues = series.map(\.values)
    }
    public static func == (a: OutputChart, b: OutputChart) -> Bool {
        a.plainText == b.plainText && a.title == b.title && a.epochs == b.epochs
            && a.seriesNames == b.seriesNames && a.seriesValues == b.seriesValues
    }
}

/// A figure as an SVG document; `plainText` stands in for it in text reports.
public struct OutputFigure: Sendable, Equatable, Codable {
    public var svg: String
    public var plainText: String
    public init(svg: String, plainText: String) {
        self.svg = svg
        self.plainText = plainText
    }
}

/// A Python exception that escaped a cell.
///
///     typeName: "NameError", message: "name 'x' is not defined", cellLine: 2
public struct CellError: Error, Sendable, Equatable, Codable {
    public var typeName: String
    public var message: String
    /// 1-based line within the cell where the error was raised.
    public var cellLine: Int
    /// The full text shown in reports: IPython-style traceback ending in `Type: message`.
    public var traceback: String
    public init(typeName: String, message: String, cellLine: Int, traceback: String) {
        self.typeName = typeName
        self.message = message
        self.cellLine = cellLine
        self.traceback = traceback
    }
    /// `NameError: name 'x' is not defined` (just the type when the message is empty).
    public var summary: String { message.isEmpty ? typeName : "\(typeName): \(message)" }
}
