import Foundation
import NotebookFormat

/// A Jupyter code cell's saved outputs as what Labbook writes after a cell: one output
/// block (stream text, `text/plain` values, tracebacks without their ANSI colours) and
/// image files, so `labbook render` shows the notebook as it looked in Jupyter.
struct OutputImport {
    /// Output text kept per cell; past it the text is cut (with a note in the block and a
    /// warning), so that one runaway cell does not make a Markdown file of many megabytes.
    static let textLimit = 1 << 20

    var text = ""
    var isError = false
    var files: [MediaFile] = []
    var problems: [String] = []

    /// Reads `outputs` of the code cell that becomes Labbook cell `cellNumber` (1-based);
    /// image files are named `cell-<n>-<k>.<ext>` unless a Labbook export named them.
    /// Training charts a Labbook export added (marked in their metadata) are left out when
    /// `fromLabbook`: the output block already holds the fit's log, and a run draws them again.
    init(_ outputs: [JSONValue], cellNumber: Int, fromLabbook: Bool, takenNames: inout Set<String>) {
        for (position, output) in outputs.enumerated() {
            let kind = output["output_type"]?.string ?? ""
            switch kind {
            case "stream":
                guard let piece = output["text"]?.multilineText else {
                    problems.append("output \(position + 1) is a stream without text; it is left out")
                    continue
                }
                text += piece
            case "execute_result", "display_data":
                if fromLabbook, output["metadata"]?["labbook"]?["chart"] == .bool(true) { continue }
                guard case .object(let data)? = output["data"] else {
                    problems.append("output \(position + 1) has no data; it is left out")
                    continue
                }
                if let (mime, ext) = MediaFile.extensions.first(where: { data[$0.mime] != nil }) {
                    guard let bytes = MediaFile.decode(data[mime]!, mime: mime) else {
                        problems.append("output \(position + 1): its \(mime) is not valid; it is left out")
                        continue
                    }
                    let given = output["metadata"]?["labbook"]?["file"]?.string.map(MediaFile.safeName)
                    var name = given ?? "cell-\(cellNumber)-\(files.count + 1).\(ext)"
                    while takenNames.contains(name) { name = "cell-\(cellNumber)-\(files.count + 1)-\(takenNames.count).\(ext)" }
                    takenNames.insert(name)
                    files.append(MediaFile(name: name, data: bytes))
                } else if let plain = data["text/plain"]?.multilineText {
                    text += plain.hasSuffix("\n") || plain.isEmpty ? plain : plain + "\n"
                } else {
                    let kinds = data.keys.sorted().joined(separator: ", ")
                    problems.append("output \(position + 1) has only \(kinds), which Labbook does not show; it is left out")
                }
            case "error":
                isError = true
                if let lines = output["traceback"]?.array?.compactMap(\.string), !lines.isEmpty {
                    text += Self.strippingANSI(lines.joined(separator: "\n")) + "\n"
                } else {
                    let name = output["ename"]?.string ?? "Error", value = output["evalue"]?.string ?? ""
                    text += value.isEmpty ? name + "\n" : "\(name): \(value)\n"
                }
            default:
                problems.append("output \(position + 1) has output_type '\(kind)', which is not nbformat 4; it is left out")
            }
        }
        if text.utf8.count > Self.textLimit {
            let total = text.utf8.count
            var kept = String(decoding: Array(text.utf8.prefix(Self.textLimit)), as: UTF8.self)
            if let lastNewline = kept.lastIndex(of: "\n") { kept = String(kept[...lastNewline]) }
            text = kept + "[... \(total - kept.utf8.count) more bytes of output not imported]\n"
            problems.append("its output is \(total) bytes; the first \(kept.utf8.count) are imported")
        }
    }

    /// The cell's rendering, its images linked from `folder` (the `NB_files` name).
    func rendering(folder: String) -> CellRendering? {
        let rendering = CellRendering(text: text, isError: isError, images: files.map { folder + "/" + $0.name })
        return rendering.isEmpty ? nil : rendering
    }

    /// Text without ANSI escape sequences (IPython colours its tracebacks with them).
    static func strippingANSI(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                result.append(scalar)
                continue
            }
            guard let next = scalars.next() else { break }
            guard next == "[" else { continue }
            // CSI: parameters and intermediates, then one final byte in @...~.
            while let body = scalars.next(), !(0x40...0x7E).contains(body.value) {}
        }
        return String(result)
    }
}
