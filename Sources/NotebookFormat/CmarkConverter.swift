import CCmarkGFM
import Foundation

/// Every call into cmark-gfm lives in this file; the rest of the target sees Swift values.
///
/// Two uses: finding the code blocks of a notebook (with their lines and containers), and
/// rendering prose to HTML in cmark-gfm's safe mode.
enum CmarkConverter {
    /// A code block as cmark-gfm sees it, with the facts the notebook reader needs.
    struct CodeBlock: Sendable {
        /// 1-based line of the opening fence (or first line of an indented block).
        var startLine: Int
        /// 1-based line where cmark ended the block: the closing fence when there is one.
        var endLine: Int
        var isFenced: Bool
        var fenceCharacter: Character
        var fenceLength: Int
        var info: String
        /// The code, container prefixes removed, every line ending with "\n".
        var literal: String
        /// Identifies the block's parent node: blocks with equal `parent` are siblings.
        var parent: Int
        /// How many block quotes and list items contain the block.
        var containerDepth: Int
    }

    /// A paragraph's lines and parent (same meaning as `CodeBlock.parent`).
    struct Paragraph: Sendable {
        var startLine: Int
        var endLine: Int
        var parent: Int
    }

    /// What the notebook reader needs from one parse.
    struct Tree: Sendable {
        var codeBlocks: [CodeBlock]
        /// Paragraphs by start line.
        var paragraphs: [Int: Paragraph] = [:]
        /// Start lines of every node in the document (not the document itself).
        var nodeStartLines: Set<Int>
        /// The plain text of the document's first top-level `# ` heading (ATX or setext).
        var firstHeading: String?
    }

    /// The GFM extensions attached to every parse.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist", "tagfilter"]

    /// Registers the core extensions once; cmark-gfm's own guard is not thread-safe,
    /// a Swift `static let` is.
    private static let registration: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Runs `body` with a parser fed with `text` and its finished document.
    private static func withDocument<T>(
        _ text: String, options: Int32,
        _ body: (_ parser: OpaquePointer, _ document: OpaquePointer) -> T
    ) -> T? {
        _ = registration
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        return body(parser, document)
    }

    /// Parses `text` (with source positions) and returns its code blocks in document order.
    static func tree(of text: String) -> Tree {
        let result = withDocument(text, options: CMARK_OPT_SOURCEPOS) { _, document in
            var blocks: [CodeBlock] = []
            var startLines = Set<Int>()
            var parentIDs: [OpaquePointer: Int] = [:]
            var paragraphs: [Int: Paragraph] = [:]
            var firstHeading: String?
            guard let iterator = cmark_iter_new(document) else { return Tree(codeBlocks: [], nodeStartLines: []) }
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
                if node == document { continue }
                let start = Int(cmark_node_get_start_line(node))
                if start > 0 { startLines.insert(start) }
                let type = cmark_node_get_type(node)
                if type == CMARK_NODE_HEADING, firstHeading == nil, cmark_node_get_heading_level(node) == 1,
                   cmark_node_parent(node) == document {
                    firstHeading = plainText(of: node)
                }
                guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_PARAGRAPH else { continue }
                let parent = cmark_node_parent(node).map { pointer in
                    if let id = parentIDs[pointer] { return id }
                    parentIDs[pointer] = parentIDs.count
                    return parentIDs.count - 1
                } ?? -1
                if type == CMARK_NODE_PARAGRAPH {
                    paragraphs[start] = Paragraph(
                        startLine: start, endLine: Int(cmark_node_get_end_line(node)), parent: parent)
                } else {
                    blocks.append(codeBlock(node, parent: parent, document: document))
                }
            }
            return Tree(codeBlocks: blocks, paragraphs: paragraphs, nodeStartLines: startLines, firstHeading: firstHeading)
        }
        return result ?? Tree(codeBlocks: [], nodeStartLines: [])
    }

    /// The text a reader sees in an inline tree: text and code spans, a space for each line
    /// break, markup dropped (`Exploring *MNIST*` is `Exploring MNIST`).
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static func codeBlock(
        _ node: OpaquePointer, parent parentID: Int, document: OpaquePointer
    ) -> CodeBlock {
        var length: Int32 = 0
        var offset: Int32 = 0
        var character: CChar = 0
        let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
        var depth = 0
        var parent = cmark_node_parent(node)
        while let container = parent, container != document {
            let type = cmark_node_get_type(container)
            if type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_ITEM { depth += 1 }
            parent = cmark_node_parent(container)
        }
        let fenceCharacter = Character(Unicode.Scalar(UInt8(bitPattern: character)))
        return CodeBlock(
            startLine: Int(cmark_node_get_start_line(node)),
            endLine: Int(cmark_node_get_end_line(node)),
            isFenced: fenced,
            fenceCharacter: fenced ? fenceCharacter : "`",
            fenceLength: Int(length),
            info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "",
            literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
            parent: parentID,
            containerDepth: depth)
    }

    /// Renders Markdown to HTML with the GFM extensions, in safe mode: raw HTML is replaced
    /// by a comment and `javascript:`, `vbscript:`, `file:` and most `data:` links are emptied.
    static func html(_ markdown: String, imageSource: ((String) -> String?)? = nil) -> String {
        let html = withDocument(markdown, options: CMARK_OPT_DEFAULT) { parser, document -> String in
            if let imageSource {
                forEachImage(in: document) { node, url in
                    if let replacement = imageSource(url) { cmark_node_set_url(node, replacement) }
                }
            }
            // CMARK_OPT_UNSAFE is deliberately not set: safe mode is cmark-gfm's default.
            guard let rendered = cmark_render_html(
                document, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser))
            else { return "" }
            defer { free(rendered) }
            return String(cString: rendered)
        }
        return html ?? ""
    }

    /// The destinations of the images `markdown` shows (`![alt](url)`), in document order.
    static func imageURLs(_ markdown: String) -> [String] {
        withDocument(markdown, options: CMARK_OPT_DEFAULT) { _, document in
            var urls: [String] = []
            forEachImage(in: document) { urls.append($1) }
            return urls
        } ?? []
    }

    private static func forEachImage(in document: OpaquePointer, _ body: (OpaquePointer, String) -> Void) {
        guard let iterator = cmark_iter_new(document) else { return }
        defer { cmark_iter_free(iterator) }
        var images: [(OpaquePointer, String)] = []
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                  cmark_node_get_type(node) == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { continue }
            images.append((node, String(cString: url)))
        }
        // Changed only after the walk: the iterator must not see a node change under it.
        for (node, url) in images { body(node, url) }
    }
}

extension CmarkConverter {
    /// The linked cmark-gfm's version string.
    static var version: String { String(cString: cmark_version_string()) }
}
