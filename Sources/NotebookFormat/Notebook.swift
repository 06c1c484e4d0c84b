import Foundation

/// A parsed notebook: front matter, cells, and enough of the source to write it back
/// byte for byte with new outputs.
///
///     let notebook = try Notebook.load(path: "nb.md")
///     for cell in notebook.cells { print(cell.fenceLine, cell.id ?? "-") }
///     let executed = notebook.executedMarkdown(outputs)   // outputs[i] for cells[i]
public struct Notebook: Sendable {
    /// The path the notebook was read from, as given; used in messages.
    public let path: String
    /// The front matter (defaults when the notebook has none).
    public let frontMatter: FrontMatter
    /// The cells in document order; `cells[i].index == i`.
    public let cells: [Cell]
    /// Prose and cells in document order, for the HTML report.
    public let segments: [Segment]
    /// What was ignored while reading, in line order.
    public let warnings: [FormatWarning]
    /// The line ending new lines are written with: the file's first one, "\n" by default.
    public let lineEnding: String
    /// The source, line by line, for writing it back.
    let source: SourceText

    /// The notebook's title: the front matter `title`, else its first top-level `# ` heading
    /// (as plain text), else nil.
    public var title: String? { frontMatter.title ?? firstHeading }
    /// The plain text of the first top-level `# ` heading, if any.
    public let firstHeading: String?
    /// The front matter `seed` (0 by default).
    public var seed: Int { frontMatter.seed }
    /// The front matter `params`, in the order written.
    public var params: [(name: String, value: ParamValue)] { frontMatter.params }
    /// The front matter `timings` (nil when not given).
    public var timings: Bool? { frontMatter.timings }

    /// The first cell with this id (`#| id:` or `{#id}`), for `--from ID`.
    public func cell(id: String) -> Cell? {
        cells.first { $0.id == id }
    }

    init(
        path: String, frontMatter: FrontMatter, cells: [Cell], segments: [Segment],
        warnings: [FormatWarning], source: SourceText, firstHeading: String? = nil
    ) {
        self.path = path
        self.firstHeading = firstHeading
        self.frontMatter = frontMatter
        self.cells = cells
        self.segments = segments
        self.warnings = warnings
        self.source = source
        self.lineEnding = source.lineEnding
    }

    /// Reads and parses the notebook file at `path`.
    ///
    /// - Throws: a `NotebookError` when the file is missing, a directory, unreadable,
    ///   binary (NUL bytes), not UTF-8, or does not parse (see `parse(text:path:)`).
    public static func load(path: String) throws(NotebookError) -> Notebook {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw NotebookError(path: path, message: "no such file; check the path")
        }
        if isDirectory.boolValue {
            throw NotebookError(path: path, message: "is a directory, not a notebook; give the path of a .md file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotebookError(path: path, message: "cannot be read; check that it is a file you may read")
        }
        switch SourceText.decode(Array(data)) {
        case .success(let text): return try parse(text: text, path: path)
        case .failure(let problem): throw NotebookError(path: path, line: problem.line, message: problem.message)
        }
    }

    /// Parses notebook text; `path` is only used in messages.
    ///
    /// - Throws: a `NotebookError` for NUL bytes, malformed front matter, or a `python`
    ///   fence (or a cell's `output` fence) that is never closed.
    public static func parse(text: String, path: String) throws(NotebookError) -> Notebook {
        if case .failure(let problem) = SourceText.decode(Array(text.utf8)) {
            throw NotebookError(path: path, line: problem.line, message: problem.message)
        }
        var reader = NotebookReader(text: text, path: path)
        return try reader.read()
    }
}
