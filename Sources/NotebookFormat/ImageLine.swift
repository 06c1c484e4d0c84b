import Foundation

/// A generated figure link, `![figure](nb_files/cell-3-1.svg)`, on a line of its own.
///
/// Labbook writes figures to `NOTEBOOK_files/`. After a cell, a paragraph whose every line
/// holds only an image whose path starts with a `*_files/` folder is treated as generated
/// (a paragraph mixing such lines with other text is the user's).
enum ImageLine {
    /// Written after the figure lines when text follows them directly, so that the text is
    /// not pulled into the figures' paragraph (a lazy continuation line), which could move
    /// later lines into the cell's container. An HTML comment: invisible in every renderer.
    static let endMarker = "<!-- end of figures -->"

    /// The Markdown line (without container prefix) linking `path`.
    static func markdown(for path: String) -> String {
        "![figure](\(encode(path)))"
    }

    /// The path of the generated figure this line links, or nil when the line is anything else.
    static func path(in line: Substring) -> String? {
        var text = line.drop { $0 == " " || $0 == "\t" }
        while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
        guard text.hasPrefix("!["), text.hasSuffix(")"), let middle = text.range(of: "](") else { return nil }
        let alt = text[text.index(text.startIndex, offsetBy: 2)..<middle.lowerBound]
        guard !alt.contains("]"), !alt.contains("[") else { return nil }
        var destination = text[middle.upperBound..<text.index(before: text.endIndex)]
        if destination.hasPrefix("<") && destination.hasSuffix(">") && destination.count >= 2 {
            destination = destination.dropFirst().dropLast()
        }
        guard !destination.contains(where: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "\"" }),
              let slash = destination.firstIndex(of: "/"),
              destination[..<slash].hasSuffix("_files"),
              destination.index(after: slash) < destination.endIndex
        else { return nil }
        return String(destination).removingPercentEncoding ?? String(destination)
    }

    /// Percent-encodes what would end or break a Markdown link destination.
    private static func encode(_ path: String) -> String {
        var result = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case " ", "(", ")", "<", ">", "%", "\\", "\"", "\t", "\n", "\r":
                result += String(format: "%%%02X", scalar.value)
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
