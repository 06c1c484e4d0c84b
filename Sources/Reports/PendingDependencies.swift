// TEMPORARY: stand-ins for NotebookFormat's `ProseHTML` and Charts' `TrainingChart`, which
// are being written on the `format` and `charts` branches. Declarations in this module shadow
// imported ones, so this file is simply deleted once those branches are merged.
import CellLanguage

enum ProseHTML {
    static func render(_ markdown: String) -> String {
        "<p>" + HTMLText.escape(markdown) + "</p>\n"
    }
}
