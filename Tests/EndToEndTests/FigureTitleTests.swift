import Foundation
import TestSupport
import Testing

/// A figure whose text looks like an event handler (`dropout on = 0.2`) is text, and is
/// inlined in the HTML report, not replaced by its stand-in.
@Suite struct FigureTitleTests {
    @Test func aTitleWithOnEqualsIsInlined() throws {
        let nb = try CachedNotebook("""
            ```python
            import matplotlib.pyplot as plt
            plt.plot([1, 2, 3], [0.3, 0.2, 0.1])
            plt.title('dropout on = 0.2')
            ```

            """)
        let (termination, stderr) = try LabbookBinary.run(
            ["run", nb.path, "-o", nb.markdownPath, "--html", nb.htmlPath, "--quiet", "--no-cache"])
        #expect(termination == .exited(0), "\(stderr)")
        let html = try String(contentsOfFile: nb.htmlPath, encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(html.contains(">dropout on = 0.2<"))
        #expect(!html.contains("&lt;Figure size"))
    }
}
