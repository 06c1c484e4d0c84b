import CellOutput
import Foundation
import Jupyter
import NotebookCache
import NotebookFormat

/// For `labbook export`: the typed outputs the cache holds for a notebook's cells, so the
/// export can tell a value (`execute_result`) from printed text and carry tables and
/// training charts, which the executed Markdown shows only as text.
///
/// A cell's cached outputs are used only when they are exactly what its output block says
/// (same text, same number of figures); any doubt and the Markdown's own block is exported.
/// Nothing is created: without a cache folder beside the notebook, or with one that is busy,
/// there is nothing to find.
enum CachedOutputs {
    static func lookup(_ notebook: Notebook) -> [Int: [OutputPart]] {
        let directory = NotebookCache.defaultDirectory(forNotebook: notebook.path)
        guard notebook.cells.contains(where: { $0.previousOutput != nil }),
              FileManager.default.fileExists(atPath: directory),
              let cache = try? NotebookCache(directory: directory)
        else { return [:] }
        defer { cache.close() }
        let parameters = notebook.frontMatter.params.map { NotebookParameter($0.name, $0.value.pythonLiteral) }
        var found: [Int: [OutputPart]] = [:]
        // The run that wrote the Markdown had timings on or off; try the file's setting first.
        let timings = notebook.frontMatter.timings ?? true
        for timing in [timings, !timings] {
            // The entries of the run that wrote the Markdown: each cell's key holds the values
            // of the parameters read up to it, which the scan follows entry by entry.
            let chain = KeyChain(
                sources: notebook.cells.map(\.source), engineVersion: CacheRun.engineVersion(timings: timing),
                parameters: parameters, seed: notebook.seed)
            for (index, entry) in cache.scan(chain).entries.enumerated() where found[index] == nil {
                guard let output = notebook.cells[index].previousOutput, agrees(entry.outputs, with: output) else { continue }
                found[index] = entry.outputs
            }
        }
        return found
    }

    /// True when `parts` render to exactly `output` (text, error or not, figure count).
    static func agrees(_ parts: [OutputPart], with output: CellRendering) -> Bool {
        var text = ""
        var figures = 0
        var isError = false
        for part in parts {
            switch part {
            case .figure: figures += 1
            case .error: isError = true; text += part.plainText
            default: text += part.plainText
            }
        }
        return text == output.text && figures == output.images.count && isError == output.isError
    }

    /// The export's outputs for a cell: the cached parts, with each figure taken from the
    /// file the Markdown links (so its name and bytes are the Markdown's).
    static func exportOutputs(_ parts: [OutputPart], images: [MediaFile]) -> [ExportOutput] {
        var remaining = images[...]
        var items: [ExportOutput] = []
        for part in parts {
            if case .figure = part, let image = remaining.popFirst() {
                items.append(.image(image))
            } else {
                items.append(.part(part))
            }
        }
        return items
    }
}
