import Foundation
import NotebookFormat

/// Assembles an imported notebook's Markdown, one Jupyter cell at a time, then adds the
/// saved outputs with Labbook's own writer (so fences are as long as their text needs).
struct MarkdownBuilder {
    let path: String
    let folder: String
    /// True for a notebook `labbook export` wrote: its front matter and fences come back as
    /// they were, and tags are not turned into option lines (the source has them).
    let fromLabbook: Bool
    let metadata: JSONValue
    var warnings: [String] = []

    private enum Block {
        case markdown(String)
        case other(String)
        /// A code cell: its block, Jupyter cell number, outputs and magic lines (0-based line, text).
        case code(String, cell: Int, outputs: OutputImport, magics: [(Int, String)])
    }
    private var blocks: [Block] = []
    private var files: [MediaFile] = []
    private var takenNames: Set<String> = []
    private var codeCells = 0
    private var firstHeading: String?

    init(path: String, folder: String, metadata: JSONValue) {
        self.path = path
        self.folder = folder
        self.metadata = metadata
        fromLabbook = metadata["labbook"] != nil
    }

    mutating func add(_ cell: JSONValue, number: Int) throws(JupyterError) {
        guard let type = cell["cell_type"]?.string else {
            throw JupyterError(path: path, cell: number, message: "has no cell_type; it must be markdown, code or raw")
        }
        guard let source = cell["source"]?.multilineText else {
            throw JupyterError(path: path, cell: number, message: "its source is not a string or a list of strings")
        }
        let tags = cell["metadata"]?["tags"]?.array?.compactMap(\.string) ?? []
        switch type {
        case "markdown":
            var text = attachingFiles(source, attachments: cell["attachments"], cell: number)
            while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
            guard !text.allSatisfy(\.isWhitespace) else { return }
            if !fromLabbook { text = plainFencingCodeExamples(text, cell: number) }
            if firstHeading == nil {
                firstHeading = text.split(separator: "\n").first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)).trimmingSpaces }.map(String.init)
            }
            blocks.append(.markdown(text))
        case "raw":
            let fence = ProseBlocks.fence(for: source)
            blocks.append(.other(fence + "raw\n" + source + (source.isEmpty || source.hasSuffix("\n") ? "" : "\n") + fence))
        case "code":
            if fromLabbook, tags.contains("parameters") { return }
            codeCells += 1
            var code = source
            if !fromLabbook {
                let probe = ProseBlocks.fence(for: source)
                let parsed = try? Notebook.parse(text: "\(probe)python\n\(source)\n\(probe)\n", path: path)
                let lines = CellTags.optionLines(forTags: tags, options: parsed?.cells.first?.options ?? CellOptions())
                if !lines.isEmpty {
                    code = lines.joined(separator: "\n") + "\n" + source
                }
            }
            let info = fromLabbook ? cell["metadata"]?["labbook"]?["info"]?.string ?? "python" : "python"
            let fence = ProseBlocks.fence(for: code)
            let magics = code.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .filter { ($0.element.hasPrefix("%") && !$0.element.hasPrefix("%matplotlib")) || $0.element.hasPrefix("!") }
                .map { ($0.offset, String($0.element)) }
            let outputs = OutputImport(cell["outputs"]?.array ?? [], cellNumber: codeCells, fromLabbook: fromLabbook, takenNames: &takenNames)
            for problem in outputs.problems { warnings.append("\(path): cell \(number): warning: \(problem)") }
            files += outputs.files
            blocks.append(.code(fence + info + "\n" + code + (code.isEmpty ? "" : "\n") + fence,
                                cell: number, outputs: outputs, magics: magics))
        default:
            warnings.append("\(path): cell \(number): warning: cell_type '\(type)' is not markdown, code or raw; the cell is left out")
        }
    }

    /// Writes `attachment:NAME` images into the figures folder and links them there.
    private mutating func attachingFiles(_ source: String, attachments: JSONValue?, cell: Int) -> String {
        guard case .object(let members)? = attachments else { return source }
        var text = source
        for name in members.keys.sorted() {
            guard case .object(let bundle)? = members[name],
                  let (mime, ext) = MediaFile.extensions.first(where: { bundle[$0.mime] != nil }),
                  let bytes = MediaFile.decode(bundle[mime]!, mime: mime)
            else {
                warnings.append("\(path): cell \(cell): warning: attachment '\(name)' is not an image Labbook can keep; its link stays as it is")
                continue
            }
            var fileName = "attachment-\(cell)-" + MediaFile.safeName(name)
            if (fileName as NSString).pathExtension.isEmpty { fileName += "." + ext }
            takenNames.insert(fileName)
            files.append(MediaFile(name: fileName, data: bytes))
            let link = folder + "/" + fileName
            for spelling in Set([name, name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name]) {
                text = text.replacingOccurrences(of: "attachment:" + spelling, with: link)
            }
        }
        return text
    }

    /// A markdown cell's ```` ```python ```` blocks are examples Jupyter only shows; in a
    /// Labbook notebook every such block is a cell and runs. Their opening fences lose the
    /// language (a plain fence, as the tutorial corpus writes them), with a warning.
    private mutating func plainFencingCodeExamples(_ text: String, cell number: Int) -> String {
        guard let parsed = try? Notebook.parse(text: text + "\n", path: path), !parsed.cells.isEmpty else { return text }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for cell in parsed.cells where cell.fenceLine >= 1 && cell.fenceLine <= lines.count {
            let line = lines[cell.fenceLine - 1]
            guard let fence = line.range(of: "```") ?? line.range(of: "~~~") else { continue }
            let mark = line[fence.lowerBound]
            let end = line[fence.lowerBound...].firstIndex { $0 != mark } ?? line.endIndex
            lines[cell.fenceLine - 1] = String(line[..<end]) + (line.hasSuffix("\r") ? "\r" : "")
            warnings.append("\(path): cell \(number): warning: its ```\(cell.infoString) block is written with a plain "
                + "fence: in Labbook every ```\(cell.infoString) block is a cell and would run")
        }
        return lines.joined(separator: "\n")
    }

    /// The Markdown with every output in place; warnings for the magics and shell lines
    /// that will fail when the notebook runs, by their line in the Markdown.
    mutating func finish(markdownPath: String) throws(JupyterError) -> JupyterImporter.Imported {
        var text = frontMatter()
        var fenceLines: [Int: Int] = [:]  // Markdown line of a code block's fence -> index in `blocks`
        var line = text.reduce(0) { $1 == "\n" ? $0 + 1 : $0 } + 1
        var previousWasMarkdown = false
        for (index, block) in blocks.enumerated() {
            let body: String
            switch block {
            case .markdown(let markdown): body = markdown
            case .other(let other): body = other
            case .code(let code, _, _, _):
                body = code
            }
            let isMarkdown: Bool
            if case .markdown = block { isMarkdown = true } else { isMarkdown = false }
            if index > 0 {
                let gap = previousWasMarkdown && isMarkdown ? "\n\n\n" : "\n\n"
                text += gap
                line += gap.count
            }
            if case .code = block { fenceLines[line] = index }
            text += body
            line += body.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
            previousWasMarkdown = isMarkdown
        }
        if !blocks.isEmpty { text += "\n" }
        let notebook: Notebook
        do {
            notebook = try Notebook.parse(text: text, path: markdownPath)
        } catch {
            throw JupyterError(path: path, message: "does not convert to a notebook Labbook can read: \(error)")
        }
        var renderings: [CellRendering?] = Array(repeating: nil, count: notebook.cells.count)
        var found = Set<Int>()
        for cell in notebook.cells {
            guard let index = fenceLines[cell.fenceLine], case .code(_, _, let outputs, let magics) = blocks[index] else {
                warnings.append("\(markdownPath):\(cell.fenceLine): warning: this ```\(cell.infoString) block of a markdown cell is a Labbook cell: it will run")
                continue
            }
            found.insert(index)
            renderings[cell.index] = outputs.rendering(folder: folder)
            for (offset, magic) in magics {
                let name = magic.prefix { !$0.isWhitespace }
                warnings.append("\(markdownPath):\(cell.firstCodeLine + offset): warning: '\(name)' is an IPython magic or shell "
                    + "escape; Labbook keeps the line but the cell fails with a SyntaxError when run")
            }
        }
        for (line, index) in fenceLines.sorted(by: { $0.key < $1.key }) where !found.contains(index) {
            if case .code(_, let cell, _, _) = blocks[index] {
                warnings.append("\(path): cell \(cell): warning: the code cell is inside an unclosed fence of the markdown above it (line \(line)); close that fence")
            }
        }
        let markdown = notebook.executedMarkdown(renderings)
        // A notebook Labbook exported comes back with its own blank lines, where its cells are
        // still the ones exported (a cell added in Jupyter leaves the layout import writes).
        if fromLabbook, let saved = metadata["labbook"]?["layout"], let layout = BlankLineLayout(json: saved),
           let own = layout.applied(to: markdown) {
            let prefix = markdownPath + ":"
            let moved = warnings.map { warning -> String in
                guard warning.hasPrefix(prefix), let line = Int(warning.dropFirst(prefix.count).prefix { $0.isNumber }) else { return warning }
                return prefix + String(layout.line(line, of: markdown)) + warning.dropFirst(prefix.count).drop { $0.isNumber }
            }
            return JupyterImporter.Imported(markdown: own, files: files, folder: folder, warnings: moved)
        }
        return JupyterImporter.Imported(markdown: markdown, files: files, folder: folder, warnings: warnings)
    }

    /// Labbook's own front matter back, or a title from the metadata or the first heading.
    private func frontMatter() -> String {
        if fromLabbook {
            guard let yaml = metadata["labbook"]?["front_matter"]?.string else { return "" }
            return "---\n" + yaml + "---\n\n"
        }
        guard let title = metadata["title"]?.string ?? firstHeading, !title.isEmpty else { return "" }
        var quoted = ""
        JSONValue.writeString(title, to: &quoted)
        return "---\ntitle: \(quoted)\n---\n\n"
    }
}
