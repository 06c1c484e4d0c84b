import CellOutput
import Foundation
import NotebookFormat

/// One thing a cell shows after it, for export: a typed output part (from a run or the
/// cache), or an image file the executed Markdown links.
public enum ExportOutput: Sendable, Equatable {
    /// A typed part: printed text, a value, a table, a chart, a figure, an error.
    case part(OutputPart)
    /// An image file the Markdown links (its name is kept in the output's metadata).
    case image(MediaFile)

    /// What an executed Markdown's output block says, as parts: printed text, and for an
    /// `output error` block the text printed before the traceback, then the error itself
    /// (its type and message read from the traceback's last line).
    public static func fromOutputBlock(text: String, isError: Bool) -> [ExportOutput] {
        guard isError else { return text.isEmpty ? [] : [.part(.stream(text))] }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        let rule = String(repeating: "-", count: 75)
        let start = lines.firstIndex(of: rule) ?? 0
        var outputs: [ExportOutput] = []
        if start > 0 { outputs.append(.part(.stream(lines[..<start].joined(separator: "\n") + "\n"))) }
        let traceback = lines[start...].joined(separator: "\n") + "\n"
        let (typeName, message) = errorSummary(lastLine: lines.last(where: { !$0.isEmpty }) ?? "")
        outputs.append(.part(.error(CellError(typeName: typeName, message: message, cellLine: 0, traceback: traceback))))
        return outputs
    }

    /// Each cell's outputs as the notebook's Markdown holds them (nil for a cell without an
    /// output block), its figures read with `readFile` (paths relative to the notebook);
    /// `missing` lists the figures that could not be read, with their cell's closing line.
    public static func fromMarkdown(
        _ notebook: Notebook, readFile: (String) -> Data?
    ) -> (outputs: [[ExportOutput]?], missing: [(line: Int, path: String)]) {
        var missing: [(line: Int, path: String)] = []
        let outputs = notebook.cells.map { cell -> [ExportOutput]? in
            guard let output = cell.previousOutput else { return nil }
            var items = fromOutputBlock(text: output.text, isError: output.isError)
            for image in output.images {
                guard let data = readFile(image) else {
                    missing.append((cell.lastLine, image))
                    continue
                }
                items.append(.image(MediaFile(name: (image as NSString).lastPathComponent, data: data)))
            }
            return items
        }
        return (outputs, missing)
    }

    /// `KeyError: 'x'` -> ("KeyError", "'x'"); a line without a dotted name before `: ` is
    /// all message.
    static func errorSummary(lastLine: String) -> (String, String) {
        let head = lastLine.prefix { $0 != ":" }
        let isName = !head.isEmpty && head.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
        guard isName else { return ("Error", lastLine) }
        let rest = lastLine.dropFirst(head.count)
        return (String(head), rest.hasPrefix(": ") ? String(rest.dropFirst(2)) : String(rest.drop { $0 == ":" }))
    }
}
