import CellLanguage
import CellOutput
import Foundation
import NotebookFormat

/// Figures of the executed Markdown: each `.figure` part becomes an SVG file in
/// `OUT_files/` beside the report (`nb.out.md` → `nb.out_files/cell-3-1.svg`), linked by an
/// image line after the cell's output block. Names depend only on the cell's position, so
/// reruns overwrite rather than accumulate.
struct FigureFiles {
    /// `OUT_files` beside the Markdown report, or nil when no Markdown is written.
    let directory: String?
    /// The folder's name as written in image links (relative to the report).
    private let linkPrefix: String?
    private var pending: [(name: String, svg: String)] = []

    init(markdownPath: String?) {
        guard let markdownPath else {
            directory = nil
            linkPrefix = nil
            return
        }
        let url = URL(fileURLWithPath: markdownPath)
        let stem = url.deletingPathExtension().lastPathComponent
        linkPrefix = stem + "_files"
        directory = url.deletingLastPathComponent().appendingPathComponent(stem + "_files").path
    }

    /// The cell's block text (what a terminal shows, figures excepted when they are linked)
    /// and its figure links; nil when there is nothing to show.
    mutating func rendering(of outputs: [OutputPart], cellNumber: Int) -> CellRendering? {
        var text = ""
        var images: [String] = []
        var isError = false
        for part in outputs {
            switch part {
            case .figure(let figure):
                guard let linkPrefix else {
                    text += figure.plainText + "\n"
                    continue
                }
                let name = "cell-\(cellNumber)-\(images.count + 1).svg"
                pending.append((name, figure.svg))
                images.append(linkPrefix + "/" + name)
            case .error:
                isError = true
                text += part.plainText
            default:
                text += part.plainText
            }
        }
        guard !text.isEmpty || !images.isEmpty else { return nil }
        return CellRendering(text: text, isError: isError, images: images)
    }

    /// Writes this run's figures and removes figures of earlier runs that no cell made now.
    func write() throws {
        guard let directory else { return }
        let manager = FileManager.default
        let produced = Set(pending.map(\.name))
        if let existing = try? manager.contentsOfDirectory(atPath: directory) {
            for name in existing where name.hasPrefix("cell-") && name.hasSuffix(".svg") && !produced.contains(name) {
                try? manager.removeItem(atPath: directory + "/" + name)
            }
        }
        guard !pending.isEmpty else { return }
        for (name, svg) in pending {
            try AtomicFile.write(svg, to: directory + "/" + name)
        }
    }
}
