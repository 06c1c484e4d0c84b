import Foundation

/// The files a run will write, checked before anything runs: each output is a regular file
/// or does not exist yet (not empty, not a folder, not a device or FIFO), none is the
/// notebook (unless the Markdown is written in place), no two are the same file, and the
/// figures folder of the Markdown is a folder or absent. Symbolic links are followed, and
/// "the same file" is decided on the targets (device and inode), so a link or a hard link
/// to the notebook is the notebook.
///
///     let paths = try ReportPaths(notebook: "nb.md", markdown: "nb.md", html: nil, inPlace: false)
///     // throws OutputPathError.notebook("nb.md", .markdown)
struct ReportPaths {
    let markdown: OutputTarget?
    let html: OutputTarget?
    /// `OUT_files/` beside the Markdown's target, where its figures go.
    let figures: String?

    init(notebook: String, markdown: String?, html: String?, inPlace: Bool) throws(OutputPathError) {
        let markdownTarget = try markdown.map { (path) throws(OutputPathError) in try Self.file(path, .markdown) }
        let htmlTarget = try html.map { (path) throws(OutputPathError) in try Self.file(path, .html) }
        if let markdownTarget, !inPlace, OutputTarget.isSameFile(markdownTarget.path, notebook) {
            throw .notebook(markdownTarget.given, .markdown)
        }
        if let htmlTarget {
            if OutputTarget.isSameFile(htmlTarget.path, notebook) { throw .notebook(htmlTarget.given, .html) }
            if let markdownTarget, markdownTarget.isSameFile(as: htmlTarget) {
                throw .sameFile(markdownTarget.given, .markdown, htmlTarget.given, .html)
            }
        }
        var figures: String?
        if let markdownTarget {
            let folder = FigureFiles.folder(forMarkdown: markdownTarget.path)
            switch OutputTarget.kind(of: folder) {
            case .absent, .directory: break
            default: throw .figuresFolder(folder, markdown: markdownTarget.given)
            }
            if let htmlTarget, OutputTarget.isSameFile(htmlTarget.path, folder) {
                throw .sameFile(htmlTarget.given, .html, folder, .figures)
            }
            if OutputTarget.isSameFile(notebook, folder) { throw .figuresFolder(folder, markdown: markdownTarget.given) }
            figures = folder
        }
        self.markdown = markdownTarget
        self.html = htmlTarget
        self.figures = figures
    }

    /// The paths of a run, as its configuration gives them.
    init(_ configuration: RunConfiguration) throws(OutputPathError) {
        try self.init(notebook: configuration.notebookPath, markdown: configuration.markdownOutput,
                      html: configuration.htmlOutput, inPlace: configuration.inPlace)
    }

    /// One output file: it may not exist yet, but if it does it must be a regular file.
    private static func file(_ given: String, _ role: OutputRole) throws(OutputPathError) -> OutputTarget {
        let target = try OutputTarget(given, role: role)
        try target.checkIsFile()
        return target
    }
}

extension RunConfiguration {
    /// Checks the output paths as a run does first (see `ReportPaths`), without running
    /// anything: `watch` refuses bad paths before it starts watching.
    public func validateOutputs() throws(OutputPathError) {
        _ = try ReportPaths(self)
    }
}
