/// Prose Markdown to HTML for reports: CommonMark with GitHub's tables, strikethrough,
/// autolinks, task lists and tag filter, in cmark-gfm's safe mode, so nothing in a
/// notebook can put script into the page (raw HTML is dropped, `javascript:` links emptied).
///
///     ProseHTML.render("A *b* <script>x</script>")
///     // "<p>A <em>b</em> <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n"
public enum ProseHTML {
    /// Renders `markdown` to an HTML fragment.
    public static func render(_ markdown: String) -> String {
        CmarkConverter.html(markdown)
    }

    /// The cmark-gfm version linked, e.g. `0.29.0.gfm.6`.
    public static var cmarkVersion: String { CmarkConverter.version }
}
