import ArgumentParser
import Foundation
import Runner

/// `labbook import NB.ipynb [-o NB.md]`
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a Jupyter notebook (.ipynb, nbformat 4) into a Labbook notebook, outputs included.",
        discussion: """
            Markdown cells become prose, code cells ```python cells followed by their saved outputs,
            raw cells ```raw blocks; images go to NB_files/. Magics and shell lines other than
            %matplotlib are kept and reported. Exit status 2 (and no file written) when the file is
            not an nbformat 4 notebook.
            """)

    @Argument(help: "The Jupyter notebook (.ipynb).")
    var notebook: String

    @Option(name: .shortAndLong, help: "Where to write the Markdown notebook (default: NB.md beside NB.ipynb).")
    var output: String?

    @Flag(help: "Replace the Markdown notebook if it exists (by default import never overwrites one).")
    var force = false

    func run() throws {
        try convert { warn throws(RunFailure) in
            _ = try JupyterImport.importNotebook(path: notebook, markdown: output, replacing: force, warn: warn)
        }
    }
}

/// `labbook export NB.md --ipynb NB.ipynb`
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a notebook (executed or not) as a Jupyter notebook, with the outputs it holds.",
        discussion: """
            Prose becomes markdown cells, cells code cells with their outputs and their #| options
            as tags, front-matter params a cell tagged `parameters` (for papermill). See
            docs/scale-out.md for running the export on real Keras.
            """)

    @Argument(help: "The notebook (.md), executed or not.")
    var notebook: String

    @Option(name: .customLong("ipynb"), help: "Where to write the Jupyter notebook.")
    var ipynb: String

    func run() throws {
        try convert { warn throws(RunFailure) in try JupyterExport.export(path: notebook, ipynb: ipynb, warn: warn) }
    }
}

/// What `import` and `export` share: the conversion's warnings go straight to the terminal,
/// and its failure is refused (exit status 2), since it always means bad input and nothing
/// was written.
private func convert(_ conversion: (_ warn: (String) -> Void) throws(RunFailure) -> Void) throws {
    do {
        try conversion { Terminal.write($0 + "\n") }
    } catch {
        throw Terminal(quiet: false).refuse(error.message)
    }
}
