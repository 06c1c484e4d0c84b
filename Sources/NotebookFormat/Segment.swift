/// A piece of a notebook in document order, for reports: prose or a cell.
///
///     for segment in notebook.segments {
///         switch segment {
///         case .prose(let markdown, _): html += ProseHTML.render(markdown)
///         case .cell(let index): html += render(notebook.cells[index])
///         }
///     }
public enum Segment: Sendable, Equatable {
    /// Markdown source text between cells, exactly as written (line endings included),
    /// without front matter, cells, or cells' output blocks and generated image lines.
    /// Runs of blank lines only are not segments.
    case prose(String, firstLine: Int)
    /// The cell at this index of `Notebook.cells`.
    case cell(Int)
}
