import Foundation
import Jupyter
import NotebookCache

/// `labbook import NB.ipynb [-o NB.md]`: a Jupyter notebook as a Labbook notebook, its
/// images in `NB_files/`. Everything is converted in memory first: a notebook that cannot be
/// imported leaves no file behind, and the Markdown is renamed into place last.
public enum JupyterImport {
    /// Returns the Markdown path written; `warn` gets a line per thing worth knowing (magics
    /// that will fail, outputs left out or cut).
    @discardableResult
    public static func importNotebook(
        path: String, markdown: String?, replacing: Bool = false, warn: (String) -> Void
    ) throws(RunFailure) -> String {
        let markdownPath = markdown ?? defaultMarkdownPath(for: path)
        if OutputTarget.isSameFile(markdownPath, path) {
            throw RunFailure(message: "\(markdownPath): -o would overwrite the Jupyter notebook itself; give a .md path")
        }
        // A notebook already there may hold work (edits, outputs) the import would lose.
        if !replacing, FileManager.default.fileExists(atPath: markdownPath) {
            throw RunFailure(message: "\(markdownPath): exists; give another path with -o, or --force to replace it")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw RunFailure(message: "\(path): no such file; check the path")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw RunFailure(message: "\(path): \(isDirectory.boolValue ? "is a directory" : "cannot be read"); give the path of a .ipynb file")
        }
        let imported: JupyterImporter.Imported
        do {
            imported = try JupyterImporter.convert(data, path: path, markdownPath: markdownPath)
        } catch {
            throw RunFailure(message: error.description)
        }
        let parent = (markdownPath as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? imported.folder : parent + "/" + imported.folder
        do throws(OutputPathError) {
            try OutputTarget(markdownPath, role: .notebook).checkIsFile()
            if !imported.files.isEmpty {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
                    throw OutputPathError.figuresFolder(folder, markdown: markdownPath)
                }
            }
        } catch {
            throw RunFailure(message: error.description)
        }
        for warning in imported.warnings { warn(warning) }
        if !imported.files.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                for file in imported.files {
                    try FileIO.writeAtomically(file.data, to: folder + "/" + file.name)
                }
            } catch {
                throw RunFailure(message: "\(folder): cannot write the notebook's images: \(error)")
            }
        }
        try AtomicFile.write(imported.markdown, to: markdownPath, role: .notebook)
        return markdownPath
    }

    /// `nb.ipynb` -> `nb.md` beside it.
    static func defaultMarkdownPath(for path: String) -> String {
        let ext = (path as NSString).pathExtension
        return (ext.isEmpty ? path : String(path.dropLast(ext.count + 1))) + ".md"
    }
}
