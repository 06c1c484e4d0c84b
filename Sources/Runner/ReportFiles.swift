import Foundation

/// The files of one run's report — the executed Markdown, its figures folder and the HTML
/// page — replaced as one set:
///
/// 1. temporaries of killed runs beside them are removed;
/// 2. the new figures are written under names the Markdown on disk does not link (see
///    `FigureFiles`), the HTML and the Markdown to temporaries beside their targets;
/// 3. the HTML is renamed into place, then the Markdown;
/// 4. the figures the new Markdown does not link are removed.
///
/// A run killed at any point leaves each file old or new, and the Markdown beside the very
/// figures it links. A failure removes the temporaries; so does the next run after a kill.
struct ReportFiles {
    let paths: ReportPaths

    func write(markdown: String, html: String?, figures: FigureFiles) throws(RunFailure) {
        try figures.writeNew()
        var staged: [(temporary: String, target: OutputTarget)] = []
        defer { for (temporary, _) in staged { unlink(temporary) } }
        if let html, let target = paths.html {
            staged.append((try AtomicFile.stage(Data(html.utf8), for: target), target))
        }
        if let target = paths.markdown {
            staged.append((try AtomicFile.stage(Data(markdown.utf8), for: target), target))
        }
        TestPause.at("reports-staged")
        while !staged.isEmpty {
            let (temporary, target) = staged.removeFirst()
            try AtomicFile.commit(temporary, to: target)
            TestPause.at(target.role == .html ? "html-committed" : "markdown-committed")
        }
        figures.removeUnlinked()
    }
}
