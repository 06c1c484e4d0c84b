/// Prose between cells as Jupyter cells: ```` ```raw ```` fenced blocks become raw cells,
/// and two blank lines in a row separate markdown cells (the layout `labbook import` writes
/// for consecutive markdown cells, as jupytext does).
enum ProseBlocks {
    struct Block: Equatable {
        var text: String
        var isRaw: Bool
    }

    static func split(_ prose: String) -> [Block] {
        let lines = prose.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var blocks: [Block] = []
        var markdown: [String] = []
        func flushMarkdown() {
            blocks += markdownCells(markdown)
            markdown = []
        }
        var index = 0
        while index < lines.count {
            if let fence = rawFence(lines[index]),
               let close = lines[(index + 1)...].firstIndex(where: { closes($0, fence) }) {
                flushMarkdown()
                blocks.append(Block(text: lines[(index + 1)..<close].joined(separator: "\n"), isRaw: true))
                index = close + 1
            } else {
                markdown.append(lines[index])
                index += 1
            }
        }
        flushMarkdown()
        return blocks
    }

    /// Markdown lines as cells: cut at every two blank lines, leading and trailing blank
    /// lines dropped.
    private static func markdownCells(_ lines: [String]) -> [Block] {
        var cells: [Block] = []
        var current: [String] = []
        var blanks = 0
        func flush() {
            while current.first?.allSatisfy(\.isWhitespace) == true { current.removeFirst() }
            while current.last?.allSatisfy(\.isWhitespace) == true { current.removeLast() }
            if !current.isEmpty { cells.append(Block(text: current.joined(separator: "\n"), isRaw: false)) }
            current = []
        }
        for line in lines {
            if line.isEmpty {
                blanks += 1
                if blanks == 2 {
                    flush()
                    blanks = 0
                    continue
                }
            } else {
                blanks = 0
            }
            current.append(line)
        }
        flush()
        return cells
    }

    /// The fence (```` ``` ```` or `~~~`, any length) of a line that opens a raw block at
    /// the left margin.
    private static func rawFence(_ line: String) -> String? {
        guard let first = line.first, first == "`" || first == "~" else { return nil }
        let fence = line.prefix { $0 == first }
        guard fence.count >= 3, line.dropFirst(fence.count).trimmingSpaces == "raw" else { return nil }
        return String(fence)
    }

    private static func closes(_ line: String, _ fence: String) -> Bool {
        let run = line.prefix { $0 == fence.first }
        return run.count >= fence.count && line.dropFirst(run.count).trimmingSpaces.isEmpty
    }

    /// The fence that encloses `text` safely: three backticks, or one more than the longest
    /// run of backticks that starts a line of it.
    static func fence(for text: String) -> String {
        var longest = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indented = line.drop { character in character == " " || character == "\t" }
            longest = max(longest, indented.prefix { character in character == "`" }.count)
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}

extension StringProtocol {
    var trimmingSpaces: Substring {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        return text
    }
}
