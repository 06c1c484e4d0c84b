import Foundation
import Testing
import Reports
import TestSupport

/// The HTML of the sample notebook, byte for byte. Re-record after a deliberate change with
/// `LABBOOK_RECORD=1 swift test --filter ReportsTests`, then look at the page (scripts/screenshot.sh).
@Suite struct GoldenTests {
    static let golden = GoldenFile(beside: #filePath)

    @Test func smallNotebookMatchesGolden() throws {
        try Self.golden.check(HTMLReport.render(SampleDocument.document), named: "small.html")
    }

    @Test func sameDocumentSameBytes() {
        #expect(HTMLReport.render(SampleDocument.document) == HTMLReport.render(SampleDocument.document))
    }
}
