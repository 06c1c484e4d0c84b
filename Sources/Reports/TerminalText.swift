/// Printed text as Jupyter leaves it on screen: a carriage return sends the cursor back to the
/// start of the line and what follows overwrites it, so a progress bar redrawn with `\r` shows
/// only its last state; a backspace erases the character before it.
///
///     TerminalText.settle("1/3 [=>..]\r3/3 [====]\n")   // "3/3 [====]\n"
enum TerminalText {
    static func settle(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\u{08}" }) else { return text }
        var out = String.UnicodeScalarView()
        var line: [Unicode.Scalar] = []
        var cursor = 0
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            switch c {
            case "\r" where scalars.first == "\n":
                continue  // a Windows line break is just a line break
            case "\r":
                cursor = 0  // what follows overwrites the line from its start
            case "\u{08}":
                if cursor > 0 {
                    line.remove(at: cursor - 1)
                    cursor -= 1
                }
            case "\n":
                out.append(contentsOf: line)
                out.append("\n")
                line.removeAll()
                cursor = 0
            default:
                if cursor < line.count { line[cursor] = c } else { line.append(c) }
                cursor += 1
            }
        }
        out.append(contentsOf: line)
        return String(out)
    }
}
