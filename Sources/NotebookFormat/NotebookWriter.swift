/// Writing a notebook back: with new outputs (`executedMarkdown`) or without (`cleaned`).
extension Notebook {
    /// The notebook source with `outputs[i]` written after `cells[i]` as an `output` (or
    /// `output error`) block and figure lines, replacing what an earlier run wrote there.
    /// A nil or empty rendering (and a missing entry) removes the cell's old output.
    ///
    /// Every byte outside cells' output blocks is kept, line endings included; new lines
    /// use the file's line ending. Writing the result's re-parse with the same outputs
    /// gives the same bytes.
    ///
    ///     notebook.executedMarkdown([CellRendering(text: "2\n"), nil])
    public func executedMarkdown(_ outputs: [CellRendering?]) -> String {
        var result = ""
        var nextLine = 1
        for cell in cells {
            result += source.joined(nextLine...cell.lastLine)
            let rendering = cell.index < outputs.count ? outputs[cell.index] : nil
            let resumeLine = (cell.previousOutputLines?.upperBound ?? cell.lastLine) + 1
            var block = Self.outputLines(rendering, containerPrefix: cell.containerPrefix)
            if rendering?.images.isEmpty == false, resumeLine <= source.lines.count,
               !NotebookReader.isBlank(source.text(ofLine: resumeLine), in: cell.containerPrefix) {
                block.append(cell.containerPrefix + ImageLine.endMarker)
            }
            if !block.isEmpty {
                // A cell on the last line without a newline gets one before its block.
                if cell.lastLine <= source.lines.count, source.lines[cell.lastLine - 1].ending.isEmpty {
                    result += lineEnding
                }
                result += block.map { $0 + lineEnding }.joined()
            }
            nextLine = resumeLine
        }
        result += source.joined(nextLine...max(nextLine, source.lines.count))
        return result
    }

    /// The notebook without any output block or generated figure line: the source as it
    /// was before it was ever run.
    public func cleaned() -> String {
        executedMarkdown([])
    }

    /// The lines written after a cell, without line endings: a blank line, the fenced
    /// block, then (after a blank line) one line per figure; none for an empty rendering.
    static func outputLines(_ rendering: CellRendering?, containerPrefix prefix: String) -> [String] {
        guard let rendering, !rendering.isEmpty else { return [] }
        let blank = NotebookReader.trimmingTrailingWhitespace(prefix)
        var lines: [String] = []
        let textLines = outputTextLines(rendering.text)
        if !textLines.isEmpty {
            let fence = String(repeating: "`", count: fenceLength(for: textLines))
            lines.append(blank)
            lines.append(prefix + fence + (rendering.isError ? "output error" : "output"))
            lines += textLines.map { $0.isEmpty ? blank : prefix + $0 }
            lines.append(prefix + fence)
        }
        if !rendering.images.isEmpty {
            lines.append(blank)
            lines += rendering.images.map { prefix + ImageLine.markdown(for: $0) }
        }
        return lines
    }

    /// Output text as lines: "\r\n" is a newline, a lone "\r" returns to the start of the
    /// line as on a terminal (progress bars: the last non-empty part is kept), NUL becomes
    /// U+FFFD, and a final newline is implied.
    static func outputTextLines(_ text: String) -> [String] {
        let normalized = text.replacingAll("\r\n", with: "\n")
        guard !normalized.isEmpty else { return [] }
        var lines = normalized
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                let visible = line.split(separator: "\r").last ?? ""
                return String(visible).replacingAll("\u{0}", with: "\u{FFFD}")
            }
        if normalized.utf8.last == UInt8(ascii: "\n") { lines.removeLast() }
        return lines
    }

    /// Backticks enough that no line of the text closes the block: at least 3, and more
    /// than any run of backticks starting a line.
    static func fenceLength(for lines: [String]) -> Int {
        let longest = lines.map { line in
            line.drop { $0 == " " || $0 == "\t" }.prefix { $0 == "`" }.count
        }.max() ?? 0
        return max(3, longest + 1)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
