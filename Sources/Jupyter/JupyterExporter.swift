import Foundation
import CellOutput
import NotebookFormat

/// A Labbook notebook as an nbformat 4.5 notebook: prose as markdown cells, ```` ```raw ````
/// blocks as raw cells, cells as code cells with their outputs, the front matter's `params`
/// as a code cell tagged `parameters` (papermill's convention).
///
///     let json = JupyterExporter.export(notebook, text: markdown, outputs: outputs,
///                                       parameterLines: ["epochs = 5"])
///     try json.serialized().write(toFile: "nb.ipynb", atomically: true, encoding: .utf8)
///
/// `outputs[i]` are cell `i`'s outputs, nil when it has none. A notebook with any output
/// counts as executed: its code cells up to the last with output get execution counts
/// (`In [n]` is the cell's position, as in Labbook's HTML report).
public enum JupyterExporter {
    /// The format `labbook export` writes.
    public static let nbformat = 4, nbformatMinor = 5

    /// The notebook as nbformat 4.5; `text` is the notebook's source (its front matter is
    /// kept as written), `parameterLines` the `name = literal` lines of its `params`.
    public static func export(
        _ notebook: Notebook, text: String, outputs: [[ExportOutput]?], parameterLines: [String]
    ) -> JSONValue {
        var cells: [JSONValue] = []
        var ids = CellIDs(reserved: notebook.cells.compactMap(\.id))
        let lastExecuted = outputs.lastIndex { $0 != nil }
        for segment in notebook.segments {
            switch segment {
            case .prose(let markdown, _):
                for block in ProseBlocks.split(markdown) {
                    let type = block.isRaw ? "raw" : "markdown"
                    cells.append(.object([
                        "cell_type": .string(type), "id": .string(ids.next(type)), "metadata": .object([:]),
                        "source": JSONValue.lines(block.text),
                    ]))
                }
            case .cell(let index):
                let cell = notebook.cells[index]
                if index == 0, !parameterLines.isEmpty {
                    cells.append(.object([
                        "cell_type": .string("code"), "execution_count": .null, "id": .string(ids.next("parameters")),
                        "metadata": .object(["tags": .array([.string("parameters")])]), "outputs": .array([]),
                        "source": JSONValue.lines(parameterLines.joined(separator: "\n")),
                    ]))
                }
                let ran = lastExecuted.map { index <= $0 } ?? false
                let count: Int? = ran && cell.options.eval ? index + 1 : nil
                let items = index < outputs.count ? outputs[index] ?? [] : []
                cells.append(.object([
                    "cell_type": .string("code"), "execution_count": count.map(JSONValue.int) ?? .null,
                    "id": .string(ids.take(cell.id) ?? ids.next("cell")), "metadata": metadata(of: cell),
                    "outputs": .array(OutputJSON.outputs(items, executionCount: count)),
                    "source": JSONValue.lines(cell.source),
                ]))
            }
        }
        var labbook: [String: JSONValue] = ["format": .int(1)]
        if let range = notebook.frontMatter.lines {
            let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            let yaml = lines[range.lowerBound..<min(range.upperBound - 1, lines.count)]
            labbook["front_matter"] = .string(yaml.map { $0 + "\n" }.joined())
        }
        var metadata: [String: JSONValue] = [
            "kernelspec": .object([
                "display_name": .string("Python 3 (ipykernel)"), "language": .string("python"), "name": .string("python3"),
            ]),
            "language_info": .object([
                "codemirror_mode": .object(["name": .string("ipython"), "version": .int(3)]),
                "file_extension": .string(".py"), "mimetype": .string("text/x-python"), "name": .string("python"),
                "nbconvert_exporter": .string("python"), "pygments_lexer": .string("ipython3"),
            ]),
            "labbook": .object(labbook),
        ]
        if let title = notebook.frontMatter.title { metadata["title"] = .string(title) }
        func document() -> JSONValue {
            .object([
                "cells": .array(cells), "metadata": .object(metadata),
                "nbformat": .int(nbformat), "nbformat_minor": .int(nbformatMinor),
            ])
        }
        // Blank lines import would not write back as they are: kept in the metadata, so the
        // round trip gives the notebook back byte for byte.
        guard let canonical = try? JupyterImporter.convert(Data(document().serialized().utf8), path: notebook.path, markdownPath: notebook.path),
              let layout = BlankLineLayout(original: text, canonical: canonical.markdown) else { return document() }
        labbook["layout"] = layout.json
        metadata["labbook"] = .object(labbook)
        return document()
    }

    /// The tags Jupyter tools honour for a cell's options, and the fence's info string when
    /// it is not plain `python` (so import writes the same fence back).
    static func metadata(of cell: Cell) -> JSONValue {
        var members: [String: JSONValue] = [:]
        let tags = CellTags.tags(for: cell.options)
        if !tags.isEmpty { members["tags"] = .array(tags.map(JSONValue.string)) }
        if cell.infoString != "python" { members["labbook"] = .object(["info": .string(cell.infoString)]) }
        return .object(members)
    }
}

/// nbformat 4.5 cell ids: unique, `[a-zA-Z0-9-_]{1,64}`. A Labbook cell id that fits is
/// kept; other cells get `<kind>-<n>`.
struct CellIDs {
    private var used: Set<String> = []
    private let reserved: Set<String>
    private var counter = 0

    init(reserved: [String]) {
        self.reserved = Set(reserved.filter(Self.isValid))
    }

    static func isValid(_ id: String) -> Bool {
        (1...64).contains(id.count)
            && id.unicodeScalars.allSatisfy { ($0.isASCII && CharacterSet.alphanumerics.contains($0)) || $0 == "-" || $0 == "_" }
    }

    /// `id` if it is valid and not used yet.
    mutating func take(_ id: String?) -> String? {
        guard let id, Self.isValid(id), !used.contains(id) else { return nil }
        used.insert(id)
        return id
    }

    mutating func next(_ kind: String) -> String {
        while true {
            counter += 1
            let id = "\(kind)-\(counter)"
            if !used.contains(id), !reserved.contains(id) {
                used.insert(id)
                return id
            }
        }
    }
}
