import Foundation
import Runner
import Testing

/// `labbook render` shows the figures an executed notebook links: SVG files inline, and
/// bitmaps (imported Jupyter outputs) as embedded images of their own size.
@Suite struct RenderImagesTests {
    /// A 1x1 PNG.
    static let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVQI12P4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC")!

    @Test func linkedFiguresAreInThePage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nb_files"), withIntermediateDirectories: true)
        try Self.png.write(to: folder.appendingPathComponent("nb_files/cell-1-1.png"))
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"7\" height=\"7\"><rect id=\"marker\" width=\"7\" height=\"7\"/></svg>".utf8)
            .write(to: folder.appendingPathComponent("nb_files/cell-1-2.svg"))
        let markdown = "# N\n\n```python\nplot()\n```\n\n```output\ndrawn\n```\n\n![figure](nb_files/cell-1-1.png)\n![figure](nb_files/cell-1-2.svg)\n"
        try Data(markdown.utf8).write(to: folder.appendingPathComponent("nb.md"))
        let html = folder.appendingPathComponent("nb.html").path
        try NotebookRenderer.render(path: folder.appendingPathComponent("nb.md").path, html: html)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("drawn"))
        #expect(page.contains("<image width=\"1\" height=\"1\" href=\"data:image/png;base64,\(Self.png.base64EncodedString())\""))
        #expect(page.contains("id=\"marker\""))
    }

    /// Prose images (a Jupyter attachment after `labbook import`) are embedded as `data:` URLs,
    /// since the page's Content-Security-Policy loads nothing else; a file name with a space
    /// (percent-encoded in the link) is found too. Remote images and SVGs keep their address
    /// (cmark-gfm's safe mode would empty an SVG `data:` URL).
    @Test func proseImagesAreEmbedded() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-prose-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nb_files"), withIntermediateDirectories: true)
        try Self.png.write(to: folder.appendingPathComponent("nb_files/attachment 1.png"))
        try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(to: folder.appendingPathComponent("nb_files/d.svg"))
        let markdown = "# N\n\n![digits](nb_files/attachment%201.png) ![remote](https://example.org/x.png)\n"
            + "![vector](nb_files/d.svg) ![gone](nb_files/missing.png)\n"
        try Data(markdown.utf8).write(to: folder.appendingPathComponent("nb.md"))
        let html = folder.appendingPathComponent("nb.html").path
        try NotebookRenderer.render(path: folder.appendingPathComponent("nb.md").path, html: html)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<img src=\"data:image/png;base64,\(Self.png.base64EncodedString())\" alt=\"digits\" />"))
        #expect(!page.contains("attachment%201.png"))
        #expect(page.contains("<img src=\"https://example.org/x.png\" alt=\"remote\" />"))
        #expect(page.contains("<img src=\"nb_files/d.svg\" alt=\"vector\" />"))
        #expect(page.contains("<img src=\"nb_files/missing.png\" alt=\"gone\" />"))
    }
}
