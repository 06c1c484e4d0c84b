/// A fenced `python` code block of a notebook.
///
///     let cell = notebook.cells[0]
///     print(cell.fenceLine, cell.source)   // 7 "x = 1\nprint(x)"
public struct Cell: Sendable, Equatable {
    /// 0-based position among the notebook's cells.
    public var index: Int
    /// The code exactly as written, container prefixes (`> `, list indentation) removed,
    /// lines joined with "\n", without a final newline; option lines included.
    public var source: String
    /// Options from `#|` lines over the front matter's `execute:` defaults.
    public var options: CellOptions
    /// The cell's id: the `#| id:` option, else a `{#id}` attribute of the info string.
    public var id: String?
    /// The full info string, e.g. `python {#train}`.
    public var infoString: String
    /// 1-based line of the opening fence.
    public var fenceLine: Int
    /// 1-based notebook line of the first code line (`fenceLine + 1`). Line `n` of the
    /// source is notebook line `firstCodeLine + n - 1`.
    public var firstCodeLine: Int
    /// 1-based line of the closing fence.
    public var lastLine: Int
    /// What starts every line of the cell's container: `""` at top level, `"> "` in a block
    /// quote, `"   "` in a list item. Output blocks are written with it.
    public var containerPrefix: String
    /// The output written after the cell by an earlier run (an `output` / `output error`
    /// block and generated image lines), if any.
    public var previousOutput: CellRendering?
    /// 1-based lines after the cell that belong to its previous output (blank lines,
    /// output block, image lines); nil when there is none.
    public var previousOutputLines: ClosedRange<Int>?

    public init(
        index: Int, source: String, options: CellOptions, id: String?, infoString: String,
        fenceLine: Int, firstCodeLine: Int, lastLine: Int, containerPrefix: String,
        previousOutput: CellRendering? = nil, previousOutputLines: ClosedRange<Int>? = nil
    ) {
        self.index = index
        self.source = source
        self.options = options
        self.id = id
        self.infoString = infoString
        self.fenceLine = fenceLine
        self.firstCodeLine = firstCodeLine
        self.lastLine = lastLine
        self.containerPrefix = containerPrefix
        self.previousOutput = previousOutput
        self.previousOutputLines = previousOutputLines
    }
}

/// What the executed Markdown shows after a cell: its output text and generated figures.
///
///     CellRendering(text: "loss: 0.25\n", isError: false, images: ["nb_files/cell-3-1.svg"])
///
/// is written after the cell as
///
///     ```output
///     loss: 0.25
///     ```
///
///     ![figure](nb_files/cell-3-1.svg)
public struct CellRendering: Sendable, Equatable {
    /// Printed text (for a failed cell: what was printed, then the traceback).
    public var text: String
    /// true: the block's info string is `output error`.
    public var isError: Bool
    /// Figure files, as paths relative to the notebook (`nb_files/...`).
    public var images: [String]

    public init(text: String, isError: Bool = false, images: [String] = []) {
        self.text = text
        self.isError = isError
        self.images = images
    }

    /// Nothing to write: no text and no images.
    public var isEmpty: Bool { text.isEmpty && images.isEmpty }
}
