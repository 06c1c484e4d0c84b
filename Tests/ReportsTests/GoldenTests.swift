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
        if html != golden {
            let actual = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-small.html")
            try? html.write(to: actual, atomically: true, encoding: .utf8)
            let want = golden.split(separator: "\n", omittingEmptySubsequences: false)
            let got = html.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
            Issue.record("""
                HTML differs from \(Self.goldenURL.path) at line \(line + 1) (page written to \(actual.path)):
                  golden: \(line < want.count ? String(want[line]) : "<end>")
                  actual: \(line < got.count ? String(got[line]) : "<end>")
                Re-record with LABBOOK_RECORD=1 if the change is intended, then look at it.
                """)
        }
    }

    @Test func sameDocumentSameBytes() {
        #expect(HTMLReport.render(SampleDocument.document) == HTMLReport.render(SampleDocument.document))
    }
}
