import Foundation
import Testing
@testable import Reports
import TestSupport

/// The HTML of the sample notebook, byte for byte. Re-record after a deliberate change with
/// `LABBOOK_RECORD=1 swift test --filter ReportsTests`, then look at the page (scripts/screenshot.sh).
@Suite struct GoldenTests {
    static let golden = GoldenFile(beside: #filePath)

    @Test func smallNotebookMatchesGolden() throws {
        try Self.golden.check(GoldenFile.stylesheetElided(HTMLReport.render(SampleDocument.document)), named: "small.html")
    }

    /// The stylesheet the golden files leave out is inlined whole, once, where they mark it.
    @Test func theStylesheetIsInlinedOnceWhereTheGoldenFileMarksIt() {
        let html = HTMLReport.render(SampleDocument.document)
        #expect(html.components(separatedBy: "<style>").count == 2)
        #expect(html.contains("<style>\n\(ReportStyle.css)</style>"))
        #expect(GoldenFile.stylesheetElided(html) == html.replacingOccurrences(
            of: "<style>\n\(ReportStyle.css)</style>", with: GoldenFile.stylesheetMarker))
    }

    @Test func sameDocumentSameBytes() {
        #expect(HTMLReport.render(SampleDocument.document) == HTMLReport.render(SampleDocument.document))
    }
}
