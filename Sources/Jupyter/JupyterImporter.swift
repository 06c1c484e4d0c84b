import Foundation
import NotebookFormat

/// A Jupyter notebook (nbformat 4.0-4.5) as a Labbook notebook: markdown cells as prose,
/// code cells as ```` ```python ```` cells followed by their saved outputs, raw cells as
/// ```` ```raw ```` blocks, images and attachments as files in `NB_files/`.
///
///     let imported = try JupyterImporter.convert(data, path: "nb.ipynb", markdownPath: "nb.md")
///     imported.markdown    // the .md text
///     imported.files       // what goes into nb_files/
///     imported.warnings    // "nb.md:12: warning: ..." lines for stderr
public enum JupyterImporter {
    /// What an import produces, before anything is written.
    public struct Imported: Sendable {
        /// The Labbook notebook's text, outputs included.
        public var markdown: String
        /// Image files, to write into `folder` beside the Markdown.
        public var files: [MediaFile]
        /// The figures folder's name, as the Markdown links it (`nb_files`).
        public var folder: String
        /// `nb.md:21: warning: ...` / `nb.ipynb: cell 3: warning: ...` lines, for stderr.
        public var warnings: [String]
    }

    /// Converts the `.ipynb` bytes; `path` names the file in messages, `markdownPath` is the
    /// `.md` to be written (it names the figures folder and the warnings' lines).
    ///
    /// - Throws: a `JupyterError` for invalid JSON, a file that is not nbformat 4, a missing
    ///   `cells` list, a cell without a type or with a source that is not text.
    public static func convert(_ data: Data, path: String, markdownPath: String) throws(JupyterError) -> Imported {
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            throw JupyterError(path: path, message: "is not valid JSON (\(describe(error))); is it a Jupyter notebook?")
        }
        guard case .object = root else {
            throw JupyterError(path: path, message: "is JSON but not a Jupyter notebook: the top level is not an object")
        }
        guard let major = root["nbformat"]?.int else {
            throw JupyterError(path: path, message: "has no nbformat number, so it is not a Jupyter notebook")
        }
        guard major == 4 else {
            throw JupyterError(path: path, message: "is nbformat \(major); Labbook imports nbformat 4. Convert it first: "
                + "jupyter nbconvert --to notebook --nbformat 4 \(path)")
        }
        guard let cells = root["cells"]?.array else {
            throw JupyterError(path: path, message: "has no list of cells ('cells'), so it is not an nbformat 4 notebook")
        }
        let folder = ((markdownPath as NSString).lastPathComponent as NSString).deletingPathExtension + "_files"
        var builder = MarkdownBuilder(path: path, folder: folder, metadata: root["metadata"] ?? .object([:]))
        if let minor = root["nbformat_minor"]?.int, minor > JupyterExporter.nbformatMinor {
            builder.warnings.append("\(path): warning: nbformat 4.\(minor) is newer than 4.5; what it adds is ignored")
        }
        for (offset, cell) in cells.enumerated() {
            try builder.add(cell, number: offset + 1)
        }
        return try builder.finish(markdownPath: markdownPath)
    }

    private static func describe(_ error: Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return underlying ?? context.debugDescription
        }
        return "\(error)"
    }
}
