import CellLanguage
import CellOutput
import Foundation
import NotebookCache
import NotebookFormat

/// Figures of the executed Markdown: each `.figure` part becomes an SVG file in
/// `OUT_files/` beside the report (`nb.out.md` → `nb.out_files/cell-3-1-5f2c09e4d1a7.svg`),
/// linked by an image line after the cell's output block.
///
/// A name is the cell's position and the start of the SHA-256 of the SVG, so a new run never
/// writes over a figure the Markdown on disk still links: the new figures are written first,
/// the Markdown is renamed over the old one, and only then are the figures no longer linked
/// removed. Whenever a run is killed, the Markdown on disk and the figures it links agree.
/// The same figure gets the same name at every run, so reruns do not accumulate files.
struct FigureFiles {
    /// `OUT_files` beside the Markdown report, or nil when no Markdown is written.
    let directory: String?
    /// The folder's name as written in image links (relative to the report).
    private let linkPrefix: String?
    private var pending: [(name: String, svg: String)] = []

    /// Hex digits of the SHA-256 in a figure's name.
    static let hashDigits = 12

    /// `out.md` → `out_files` beside it.
    static func folder(forMarkdown path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension + "_files"
        return folder.isEmpty ? name : folder + "/" + name
    }

    init(directory: String?) {
        self.directory = directory
        linkPrefix = directory.map { ($0 as NSString).lastPathComponent }
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
                let name = "cell-\(cellNumber)-\(images.count + 1)-\(Self.contentHash(figure.svg)).svg"
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

    /// Writes this run's figures (each atomically) beside those the Markdown on disk links.
    func writeNew() throws(RunFailure) {
        guard let directory else { return }
        FileIO.removeStaleTemporaries(in: directory, of: Self.isFigureName)
        guard !pending.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (name, svg) in pending {
                try FileIO.writeAtomically(Data(svg.utf8), to: directory + "/" + name)
            }
        } catch {
            throw RunFailure(message: "\(directory): cannot write figures: \(error)")
        }
    }

    /// Once the new Markdown is in place: removes the figures it does not link (those of
    /// earlier runs).
    func removeUnlinked() {
        guard let directory, let existing = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let linked = Set(pending.map(\.name))
        for name in existing where Self.isFigureName(name) && !linked.contains(name) {
            unlink(directory + "/" + name)
        }
    }

    /// `cell-3-1-<hash>.svg`, and `cell-3-1.svg` as earlier versions named figures.
    static func isFigureName(_ name: String) -> Bool {
        name.hasPrefix("cell-") && name.hasSuffix(".svg")
    }

    static func contentHash(_ svg: String) -> String {
        String(BlobHash.of(Data(svg.utf8)).hex.prefix(hashDigits))
    }
}
