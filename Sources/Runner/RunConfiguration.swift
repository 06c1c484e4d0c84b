/// Everything a `labbook run` needs to know, gathered by the command line.
///
///     var config = RunConfiguration(notebookPath: "nb.md")
///     config.markdownOutput = "nb.out.md"
///     config.parameterOverrides = [("epochs", "10")]
public struct RunConfiguration: Sendable {
    /// The notebook to run.
    public var notebookPath: String
    /// Where the executed Markdown goes; `nil` writes none (e.g. only `--html`).
    public var markdownOutput: String?
    /// `--in-place`: `markdownOutput` is the notebook itself, on purpose (any other output
    /// that is the notebook is refused).
    public var inPlace = false
    /// Where the HTML report goes, if anywhere.
    public var htmlOutput: String?
    /// Run every cell even after one fails (the exit code is still 1).
    public var allowErrors = false
    /// Print timing figures (progress lines' seconds, Keras' `1s 19us/step`) in reports.
    /// `false` makes two runs byte-identical.
    public var timings: Bool?
    /// `-P name=value` pairs, values as Python literals, in command-line order.
    public var parameterOverrides: [(name: String, value: String)] = []
    /// Overrides the front matter's `seed`.
    public var seed: Int?
    /// Default per-cell timeout in seconds; a cell's `#| timeout:` wins.
    public var timeout: Double?
    /// The memory budget in bytes (`--memory-limit`): an allocation past it is a
    /// `MemoryError` in the cell. `nil` keeps `MemoryLimit.defaultBytes`.
    public var memoryLimit: Int?
    /// Reuse and store cell results in the cache (see docs/cache.md). `false` neither reads
    /// nor writes it.
    public var useCache = true
    /// The cache folder; `nil` is `.labbook/` beside the notebook.
    public var cacheDirectory: String?
    /// `--force`: run every cell (the results are still stored).
    public var force = false
    /// `--from ID`: run from the cell with this id (earlier cells may come from the cache).
    public var fromCellID: String?
    /// A sweep's run: its point in the grid (kept in the run record) and a second place the
    /// record is written, beside the run's Markdown in the sweep folder, so that the folder
    /// alone (or several shards' folders) is enough for `labbook compare`. Written with the
    /// cache off too.
    public var sweepPoint: RunRecord.SweepPoint?
    public var recordCopy: String?

    public init(notebookPath: String) {
        self.notebookPath = notebookPath
    }

    /// `nb.md` → `nb.out.md`, the executed Markdown written when neither `-o` nor
    /// `--in-place` (nor `--html`) is given.
    public static func defaultMarkdownOutput(for notebookPath: String) -> String {
        if notebookPath.hasSuffix(".md") {
            return String(notebookPath.dropLast(3)) + ".out.md"
        }
        return notebookPath + ".out.md"
    }
}
