import CellOutput
import Foundation
import Jupyter
import NotebookFormat

/// `labbook export NB.md --ipynb NB.ipynb`: the notebook as a Jupyter notebook, with the
/// outputs its Markdown holds (printed text, errors, the figures it links), typed as the
/// cache beside the notebook knows them (values, tables, training charts) where it agrees.
public enum JupyterExport {
    /// Writes the `.ipynb` atomically; `warn` gets one line per notebook warning and per
    /// linked figure that cannot be read.
    public static func export(path: String, ipynb: String, warn: (String) -> Void) throws(RunFailure) {
        do throws(OutputPathError) {
            let target = try OutputTarget(ipynb, role: .ipynb)
            try target.checkIsFile()
            if OutputTarget.isSameFile(target.path, path) { throw .notebook(ipynb, .ipynb) }
        } catch {
            throw RunFailure(message: error.description)
        }
        let notebook = try RunFailure.wrapping { try Notebook.load(path: path) }
        for warning in notebook.warnings { warn("\(path):\(warning.line): warning: \(warning.message)") }
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let folder = (path as NSString).deletingLastPathComponent
        var (outputs, missing) = ExportOutput.fromMarkdown(notebook) { image in
            FileManager.default.contents(atPath: folder.isEmpty ? image : folder + "/" + image)
        }
        for (index, parts) in CachedOutputs.lookup(notebook) {
            let images = (outputs[index] ?? []).compactMap { item -> MediaFile? in
                if case .image(let file) = item { return file }
                return nil
            }
            outputs[index] = CachedOutputs.exportOutputs(parts, images: images)
        }
        for (line, image) in missing {
            warn("\(path):\(line): warning: the figure \(image) cannot be read; it is left out of the export")
        }
        let parameters = notebook.params.map { "\($0.name) = \($0.value.pythonLiteral)" }
        let json = JupyterExporter.export(notebook, text: text, outputs: outputs, parameterLines: parameters)
        try AtomicFile.write(json.serialized(), to: ipynb, role: .ipynb)
    }
}
