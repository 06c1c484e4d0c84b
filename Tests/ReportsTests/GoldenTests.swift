import Foundation
import Testing
import Reports

/// The HTML of the sample notebook, byte for byte. Re-record after a deliberate change with
/// `LABBOOK_RECORD=1 swift test --filter ReportsTests`, then look at the page (scripts/screenshot.sh).
@Suite struct GoldenTests {
    static let goldenURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/small.html")

    @Test func smallNotebookMatchesGolden() throws {
        let html = HTMLReport.render(SampleDocument.document)
        if ProcessInfo.processInfo.environment["LABBOOK_RECORD"] == "1" {
            try FileManager.default.createDirectory(
                at: Self.goldenURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try html.write(to: Self.goldenURL, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: Self.goldenURL, encoding: .utf8)
        #expect(html == golden, "HTML differs from \(Self.goldenURL.path); re-record with LABBOOK_RECORD=1 if intended")
    }

    @Test func sameDocumentSameBytes() {
        #expect(HTMLReport.render(SampleDocument.document) == HTMLReport.render(SampleDocument.document))
    }
}
