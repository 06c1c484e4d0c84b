/// Prose Markdown to HTML for reports: CommonMark with GitHub's tables, strikethrough,
/// autolinks, task lists and tag filter, in cmark-gfm's safe mode, so nothing in a
/// notebook can put script into the page (raw HTML is dropped, `javascript:` links emptied).
///
///     ProseHTML.render("A *b* <script>x</script>")
///     // "<p>A <em>b</em> <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>\n"
public enum ProseHTML {
    /// Renders `markdown` to an HTML fragment. `imageSource` may give an image another
    /// destination (a `data:` URL of the file a relative one names, for a self-contained
    /// page); safe mode still empties any destination it finds dangerous.
    public static func render(_ markdown: String, imageSource: ((String) -> String?)? = nil) -> String {
        CmarkConverter.html(markdown, imageSource: imageSource)
    }

    /// The destinations of the images `markdown` shows, in document order.
    public static func imageURLs(_ markdown: String) -> [String] {
        CmarkConverter.imageURLs(markdown)
    }

    /// The cmark-gfm version linked, e.g. `0.29.0.gfm.6`.
    public static var cmarkVersion: String { CmarkConverter.version }
}
