/// A notebook's text as lines, each with its own line ending, so that writing it back is
/// byte-exact. Lines end as CommonMark (and cmark-gfm) ends them: "\n", "\r\n" or "\r".
struct SourceText: Sendable {
    /// One line: its text and the ending that followed it ("" for a last line without one).
    struct Line: Sendable {
        var text: String
        var ending: String
    }

    var lines: [Line]

    init(_ text: String) {
        var lines: [Line] = []
        let bytes = Array(text.utf8)
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                let crlf = byte == UInt8(ascii: "\r") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n")
                let end = index + (crlf ? 2 : 1)
                lines.append(Line(
                    text: String(decoding: bytes[start..<index], as: UTF8.self),
                    ending: String(decoding: bytes[index..<end], as: UTF8.self)))
                start = end
                index = end
            } else {
                index += 1
            }
        }
        if start < bytes.count {
            lines.append(Line(text: String(decoding: bytes[start...], as: UTF8.self), ending: ""))
        }
        self.lines = lines
    }

    /// The line ending written into new lines: the file's first one, "\n" if it has none.
    var lineEnding: String {
        lines.first { !$0.ending.isEmpty }?.ending ?? "\n"
    }

    /// The text of 1-based line `number`, "" past the end.
    func text(ofLine number: Int) -> String {
        number >= 1 && number <= lines.count ? lines[number - 1].text : ""
    }

    /// Lines `range` (1-based, clamped) joined with their own endings.
    func joined(_ range: ClosedRange<Int>) -> String {
        let lower = max(range.lowerBound, 1)
        let upper = min(range.upperBound, lines.count)
        guard lower <= upper else { return "" }
        return lines[(lower - 1)..<upper].map { $0.text + $0.ending }.joined()
    }

    /// Checks the bytes of a notebook file: no NUL bytes, valid UTF-8.
    /// - Returns: the text, or the 1-based line and a description of the problem.
    static func decode(_ bytes: [UInt8]) -> Result<String, LineProblem> {
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(LineProblem(
                line: lineNumber(ofOffset: nul, in: bytes),
                message: "contains NUL bytes, so it is a binary file, not a Markdown notebook; give the path of a .md text file"))
        }
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        // Find the first line that does not decode, to say where the bad bytes are.
        var lineStart = 0
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") || offset == bytes.count - 1 {
            let slice = bytes[lineStart...offset]
            if String(validating: slice, as: UTF8.self) == nil {
                return .failure(LineProblem(
                    line: lineNumber(ofOffset: lineStart, in: bytes),
                    message: "is not valid UTF-8 text; save the notebook as UTF-8"))
            }
            lineStart = offset + 1
        }
        return .failure(LineProblem(line: nil, message: "is not valid UTF-8 text; save the notebook as UTF-8"))
    }

    /// A problem located on a line.
    struct LineProblem: Error {
        var line: Int?
        var message: String
    }

    private static func lineNumber(ofOffset offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        var index = 0
        while index < offset {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
            } else if bytes[index] == UInt8(ascii: "\r"), index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n") {
                line += 1
            }
            index += 1
        }
        return line
    }
}
