/// Turns notebook text into a `Notebook`: front matter, then the cells cmark-gfm finds,
/// each with the output block and figure lines an earlier run wrote after it.
struct NotebookReader {
    let path: String
    let source: SourceText
    private var warnings: [FormatWarning] = []

    init(text: String, path: String) {
        self.path = path
        self.source = SourceText(text)
    }

    /// The info-string words that make a fenced block a cell.
    static let cellLanguages: Set<Substring> = ["python", "python3", "py"]

    mutating func read() throws(NotebookError) -> Notebook {
        let (frontMatter, frontWarnings) = try FrontMatter.read(source, path: path)
        warnings += frontWarnings
        let tree = CmarkConverter.tree(of: markdownWithoutFrontMatter(frontMatter.lines))
        var cells: [Cell] = []
        var idLines: [String: Int] = [:]
        for block in tree.codeBlocks where block.isFenced {
            guard Self.cellLanguages.contains(Self.firstWord(of: block.info)) else {
                if block.info.hasPrefix("{code-cell}") {
                    warnings.append(FormatWarning(
                        line: block.startLine,
                        message: "a MyST {code-cell} block is not a Labbook cell and does not run; write it as a ```python "
                            + "fence (jupytext --to md converts a whole MyST notebook)"))
                } else if !isClosed(block, in: tree) {
                    warnings.append(FormatWarning(
                        line: block.startLine,
                        message: "the \(Self.fence(block)) fence opened here is never closed, so it takes in the rest of its container"))
                }
                continue
            }
            guard isClosed(block, in: tree) else { throw unterminated(block, what: "fence") }
            var cell = makeCell(block, index: cells.count, defaults: frontMatter.execute)
            try attachPreviousOutput(to: &cell, after: block, in: tree)
            if let id = cell.id {
                if let first = idLines[id] {
                    warnings.append(FormatWarning(
                        line: cell.fenceLine,
                        message: "cell id '\(id)' is also the id of the cell at line \(first); give each cell its own id"))
                } else {
                    idLines[id] = cell.fenceLine
                }
            }
            cells.append(cell)
        }
        return Notebook(
            path: path, frontMatter: frontMatter, cells: cells,
            segments: segments(cells: cells, frontMatter: frontMatter.lines),
            warnings: Self.stablySortedByLine(warnings), source: source, firstHeading: tree.firstHeading)
    }

    // MARK: Cells

    private mutating func makeCell(_ block: CmarkConverter.CodeBlock, index: Int, defaults: CellOptions) -> Cell {
        var code = block.literal
        if code.hasSuffix("\n") { code.removeLast() }
        let firstCodeLine = block.startLine + 1
        var (options, optionWarnings) = CellOptions.parse(source: code, firstLine: firstCodeLine, defaults: defaults)
        warnings += optionWarnings
        let attributeID = Self.attributeID(in: block.info)
        if let optionID = options.id, let attributeID, optionID != attributeID {
            warnings.append(FormatWarning(
                line: block.startLine,
                message: "the cell has id '\(optionID)' from '#| id:' and '\(attributeID)' from {#\(attributeID)}; '\(optionID)' counts"))
        }
        options.id = options.id ?? attributeID
        return Cell(
            index: index, source: code, options: options, id: options.id, infoString: block.info,
            fenceLine: block.startLine, firstCodeLine: firstCodeLine, lastLine: block.endLine,
            containerPrefix: block.containerDepth == 0
                ? "" : Self.containerPrefix(ofClosingLine: source.text(ofLine: block.endLine)))
    }

    /// Finds what an earlier run wrote after the cell: `output` blocks and paragraphs made
    /// only of generated image lines, siblings of the cell in cmark's tree, in any order,
    /// with only blank lines between (and the writer's end marker right after figures).
    /// All of it is owned by the cell, so rewriting it never exposes a stale block.
    private func attachPreviousOutput(
        to cell: inout Cell, after block: CmarkConverter.CodeBlock, in tree: CmarkConverter.Tree
    ) throws(NotebookError) {
        var lastOwned: Int?
        var texts: [String] = []
        var rendering = CellRendering(text: "")
        var line = block.endLine + 1
        while true {
            while line <= source.lines.count, Self.isBlank(source.text(ofLine: line), in: cell.containerPrefix) { line += 1 }
            guard line <= source.lines.count else { break }
            if let output = tree.codeBlocks.first(where: { $0.startLine == line && $0.parent == block.parent }),
               output.isFenced, let isError = Self.outputKind(output.info) {
                guard isClosed(output, in: tree) else { throw unterminated(output, what: "block") }
                texts.append(output.literal)
                rendering.isError = rendering.isError || isError
                lastOwned = output.endLine
                line = output.endLine + 1
            } else if let paragraph = tree.paragraphs[line], paragraph.parent == block.parent,
                      let paths = imagePaths(paragraph) {
                rendering.images += paths
                lastOwned = paragraph.endLine
                line = paragraph.endLine + 1
                if line <= source.lines.count,
                   Self.rest(of: source.text(ofLine: line), after: cell.containerPrefix).map(String.init) == ImageLine.endMarker {
                    lastOwned = line
                    line += 1
                }
            } else {
                break
            }
        }
        guard let lastOwned else { return }
        rendering.text = texts.joined()
        cell.previousOutput = rendering
        cell.previousOutputLines = (block.endLine + 1)...lastOwned
    }

    /// The figure paths of a paragraph whose every line is a generated image line, else nil.
    private func imagePaths(_ paragraph: CmarkConverter.Paragraph) -> [String]? {
        guard paragraph.startLine <= paragraph.endLine else { return nil }
        var paths: [String] = []
        for line in paragraph.startLine...paragraph.endLine {
            let text = source.text(ofLine: line).drop { $0 == " " || $0 == "\t" || $0 == ">" }
            guard let path = ImageLine.path(in: text) else { return nil }
            paths.append(path)
        }
        return paths
    }

    /// True when the line is blank inside a container with this prefix: only whitespace,
    /// or only whitespace after the prefix (`>` is a blank line in a block quote).
    static func isBlank(_ text: String, in prefix: String) -> Bool {
        text.allSatisfy(\.isWhitespace) || rest(of: text, after: prefix)?.allSatisfy(\.isWhitespace) == true
    }

    /// The line without its container prefix, or nil when it does not start with it.
    /// In a block quote the space after the last `>` is optional.
    static func rest(of text: String, after prefix: String) -> Substring? {
        if text.hasPrefix(prefix) { return text.dropFirst(prefix.count) }
        let trimmed = trimmingTrailingWhitespace(prefix)
        if trimmed.hasSuffix(">"), text.hasPrefix(trimmed) { return text.dropFirst(trimmed.count) }
        return nil
    }

    /// True when cmark ended the block at a real closing fence. cmark-gfm does not say so,
    /// and for an unclosed fence its end line may be the line after; so check that the end
    /// line is a closing fence, that the code fills exactly the lines between, and that no
    /// other node starts on the end line.
    private func isClosed(_ block: CmarkConverter.CodeBlock, in tree: CmarkConverter.Tree) -> Bool {
        let codeLines = block.literal.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        return block.endLine > block.startLine
            && codeLines == block.endLine - block.startLine - 1
            && !tree.nodeStartLines.contains(block.endLine)
            && Self.isClosingFence(source.text(ofLine: block.endLine), block.fenceCharacter, block.fenceLength)
    }

    private func unterminated(_ block: CmarkConverter.CodeBlock, what: String) -> NotebookError {
        let closing = String(repeating: block.fenceCharacter, count: block.fenceLength)
        let place = block.containerDepth > 0 ? ", with the same prefix as the opening one" : ""
        return NotebookError(
            path: path, line: block.startLine,
            message: "the \(Self.fence(block)) \(what) opened here is never closed; add a closing \(closing) line\(place)")
    }

    // MARK: Segments

    private func segments(cells: [Cell], frontMatter: ClosedRange<Int>?) -> [Segment] {
        var segments: [Segment] = []
        var next = (frontMatter?.upperBound ?? 0) + 1
        func prose(upTo end: Int) {
            guard next <= end else { return }
            let text = source.joined(next...end)
            if !text.allSatisfy(\.isWhitespace) { segments.append(.prose(text, firstLine: next)) }
        }
        for cell in cells {
            prose(upTo: cell.fenceLine - 1)
            segments.append(.cell(cell.index))
            next = (cell.previousOutputLines?.upperBound ?? cell.lastLine) + 1
        }
        prose(upTo: source.lines.count)
        return segments
    }

    // MARK: Helpers

    /// The text cmark parses: front matter lines blanked, so line numbers stay the file's.
    private func markdownWithoutFrontMatter(_ lines: ClosedRange<Int>?) -> String {
        source.lines.enumerated().map { offset, line in
            lines?.contains(offset + 1) == true ? line.ending : line.text + line.ending
        }.joined()
    }

    /// Warnings by line; those on one line keep the order they were found in.
    static func stablySortedByLine(_ warnings: [FormatWarning]) -> [FormatWarning] {
        warnings.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
    }

    static func firstWord(of info: String) -> Substring {
        info.prefix { !$0.isWhitespace && $0 != "{" }
    }

    /// `output` -> false, `output error` -> true, anything else -> nil.
    static func outputKind(_ info: String) -> Bool? {
        let words = info.split(whereSeparator: \.isWhitespace)
        if words == ["output"] { return false }
        if words == ["output", "error"] { return true }
        return nil
    }

    /// The id in a `{#id .class key=value}` attribute block of an info string.
    static func attributeID(in info: String) -> String? {
        guard let open = info.firstIndex(of: "{"), let close = info[open...].firstIndex(of: "}") else { return nil }
        let words = info[info.index(after: open)..<close].split(whereSeparator: \.isWhitespace)
        guard let word = words.first(where: { $0.hasPrefix("#") && $0.count > 1 }) else { return nil }
        return String(word.dropFirst())
    }

    static func fence(_ block: CmarkConverter.CodeBlock) -> String {
        String(repeating: block.fenceCharacter, count: block.fenceLength) + firstWord(of: block.info)
    }

    /// What precedes the fence on a closing fence line: the container prefix. A final `>`
    /// gets its optional space, so that output lines starting with spaces keep them all.
    static func containerPrefix(ofClosingLine text: String) -> String {
        // Tabs are expanded (stops of 4, as CommonMark counts them): cmark-gfm splits a tab
        // between a container and its content in ways that would shift output text.
        var prefix = ""
        for character in text.prefix(while: { $0 == " " || $0 == "\t" || $0 == ">" }) {
            if character == "\t" {
                prefix += String(repeating: " ", count: 4 - prefix.count % 4)
            } else {
                prefix.append(character)
            }
        }
        return prefix.hasSuffix(">") ? prefix + " " : prefix
    }

    static func isClosingFence(_ text: String, _ character: Character, _ length: Int) -> Bool {
        let rest = text.drop { $0 == " " || $0 == "\t" || $0 == ">" }
        let run = rest.prefix { $0 == character }
        return run.count >= length && rest.dropFirst(run.count).allSatisfy { $0 == " " || $0 == "\t" }
    }

    static func trimmingTrailingWhitespace(_ text: String) -> String {
        var result = Substring(text)
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return String(result)
    }
}
