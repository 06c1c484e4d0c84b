import CellOutput

/// Everything the HTML report shows about one executed notebook. The runner fills it in;
/// `HTMLReport.render(_:)` turns it into a page. Same document, same bytes.
///
///     let page = HTMLReport.render(ReportDocument(
///         title: "Exploring MNIST", notebookName: "mnist.md", date: nil, seed: 0,
///         cellsRun: 2, cellsCached: 0, totalSeconds: nil, blocks: [...]))
public struct ReportDocument: Sendable, Equatable {
    /// The page title: front matter `title`, else the notebook's file name.
    public var title: String
    /// The notebook's file name as the user knows it, e.g. `mnist.md`.
    public var notebookName: String
    /// When the notebook ran, already formatted; nil when timings are off.
    public var date: String?
    public var seed: Int
    /// Cells executed in this run, and cells whose outputs came from the cache.
    public var cellsRun: Int
    public var cellsCached: Int
    /// Wall time of the whole run; nil when timings are off.
    public var totalSeconds: Double?
    /// Prose and cells in notebook order.
    public var blocks: [ReportBlock]

    public init(
        title: String, notebookName: String, date: String?, seed: Int, cellsRun: Int,
        cellsCached: Int, totalSeconds: Double?, blocks: [ReportBlock]
    ) {
        self.title = title
        self.notebookName = notebookName
        self.date = date
        self.seed = seed
        self.cellsRun = cellsRun
        self.cellsCached = cellsCached
        self.totalSeconds = totalSeconds
        self.blocks = blocks
    }
}

/// One block of the notebook, in order.
public enum ReportBlock: Sendable, Equatable {
    /// Prose as written in the notebook (CommonMark + GFM), rendered by cmark-gfm's safe mode;
    /// `images` gives the images it links their `data:` URLs (the page loads nothing else).
    case prose(markdown: String, images: [String: String] = [:])
    /// A code cell with its outputs.
    case cell(ReportCell)
}

/// A code cell as the report shows it.
public struct ReportCell: Sendable, Equatable {
    /// The execution count shown as `In [n]:` (and `Out[n]:` for a result).
    public var number: Int
    /// The cell's source as written, `#|` option lines included.
    public var source: String
    /// `echo: false` hides the code; the output stays.
    public var echo: Bool
    /// `output: false` hides the output.
    public var showOutput: Bool
    public var outputs: [OutputPart]
    /// The cell raised an error (its traceback is among `outputs`).
    public var failed: Bool
    /// How long the cell ran; nil when timings are off.
    public var seconds: Double?
    /// The outputs came from the cache instead of running the cell.
    public var cached: Bool
    /// The cell's `#| id:`, used as the HTML anchor (`report.html#train`).
    public var id: String?

    public init(
        number: Int, source: String, echo: Bool = true, showOutput: Bool = true,
        outputs: [OutputPart], failed: Bool = false, seconds: Double? = nil, cached: Bool = false,
        id: String? = nil
    ) {
        self.number = number
        self.source = source
        self.echo = echo
        self.showOutput = showOutput
        self.outputs = outputs
        self.failed = failed
        self.seconds = seconds
        self.cached = cached
        self.id = id
    }
}
