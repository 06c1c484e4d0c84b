import Testing
@testable import NotebookFormat

/// Expected HTML is what libcmark-gfm 0.29.0.gfm.6 itself renders for these inputs with the
/// five GFM extensions and default (safe) options, taken from a small C program.
@Suite struct ProseHTMLTests {
    @Test func linksCmarkGFM() {
        #expect(ProseHTML.cmarkVersion.contains("gfm"))
    }

    @Test func rendersTables() {
        let html = ProseHTML.render("| a | b |\n|---|:-:|\n| 1 | 2 |\n")
        #expect(html == """
            <table>
            <thead>
            <tr>
            <th>a</th>
            <th align="center">b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>1</td>
            <td align="center">2</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func rendersTaskLists() {
        #expect(ProseHTML.render("- [x] done\n- [ ] todo\n") == """
            <ul>
            <li><input type="checkbox" checked="" disabled="" /> done</li>
            <li><input type="checkbox" disabled="" /> todo</li>
            </ul>

            """)
    }

    @Test func rendersStrikethrough() {
        #expect(ProseHTML.render("~~gone~~ and ~one~\n") == "<p><del>gone</del> and <del>one</del></p>\n")
    }

    @Test func rendersAutolinks() {
        #expect(ProseHTML.render("see www.example.com\n")
            == "<p>see <a href=\"http://www.example.com\">www.example.com</a></p>\n")
    }

    @Test func dropsScriptBlocksAndInlineHTML() {
        let html = ProseHTML.render("<script>alert(1)</script>\n\nText <script>alert(2)</script> end\n")
        #expect(html == """
            <!-- raw HTML omitted -->
            <p>Text <!-- raw HTML omitted -->alert(2)<!-- raw HTML omitted --> end</p>

            """)
        #expect(!html.contains("<script"))
    }

    @Test func neutralisesJavascriptLinks() {
        let html = ProseHTML.render("[x](javascript:alert(1)) and [y](JAVASCRIPT:alert(1))\n")
        #expect(html == "<p><a href=\"\">x</a> and <a href=\"\">y</a></p>\n")
        #expect(!html.lowercased().contains("javascript"))
    }

    @Test func dropsEventHandlerAttributes() {
        let html = ProseHTML.render("<img src=x onerror=alert(1)>\n\n<a href=\"#\" onclick=\"alert(1)\">x</a>\n")
        #expect(!html.contains("onerror"))
        #expect(!html.contains("onclick"))
    }

    @Test func emptyInputIsEmpty() {
        #expect(ProseHTML.render("") == "")
    }
}
