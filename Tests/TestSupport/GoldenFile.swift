import Foundation
import Testing

/// A folder of golden files: what a user sees (SVG, HTML, executed Markdown), byte for byte.
///
/// `check` compares a test's output with the file of that name. On a difference it writes
/// the output beside a temporary copy and names the first line that differs. With
/// `LABBOOK_RECORD=1` it writes the output as the new golden file instead; look at what
/// changed (`git diff`, a screenshot) before committing it.
///
///     let golden = GoldenFile(folder: #filePath, "Golden")
///     try golden.check(html, named: "small.html")
public struct GoldenFile: Sendable {
    /// The folder the golden files live in.
    public let directory: URL

    /// The folder `subfolder` beside the test file `testFile` (pass `#filePath`).
    public init(beside testFile: String, _ subfolder: String = "Golden") {
        directory = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent(subfolder)
    }

    /// True when the run re-records golden files (`LABBOOK_RECORD=1`).
    public static var recording: Bool { ProcessInfo.processInfo.environment["LABBOOK_RECORD"] == "1" }

    /// The golden file's text, or nil when there is none.
    public func expected(_ name: String) -> String? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(name).path)
            .flatMap { String(data: $0, encoding: .utf8) }
    }

    /// Compares `actual` with the golden file `name` (or records it under `LABBOOK_RECORD=1`).
    public func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if Self.recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = expected(name) else {
            Issue.record("missing golden file \(url.path); run with LABBOOK_RECORD=1 to create it",
                         sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-golden-actual")
            .appendingPathComponent(name)
        try? FileManager.default.createDirectory(at: scratch.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: scratch)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = (0..<min(want.count, got.count)).first { want[$0] != got[$0] } ?? min(want.count, got.count)
        Issue.record("""
            \(name) differs from its golden file \(url.path) at line \(line + 1) (output written to \(scratch.path)):
              golden: \(line < want.count ? String(want[line]) : "<end>")
              actual: \(line < got.count ? String(got[line]) : "<end>")
            Re-record with LABBOOK_RECORD=1 if the change is intended, then look at it.
            """, sourceLocation: sourceLocation)
    }

    /// `html` with its inline stylesheet (`<style>...</style>`) replaced by a marker: the HTML
    /// golden files hold the page's structure, and the stylesheet, the same in every report,
    /// is compared once, with `ReportStyle.css` itself (`ReportsTests`), not copied into each.
    public static func stylesheetElided(_ html: String) -> String {
        guard let open = html.range(of: "<style>\n"),
              let close = html.range(of: "</style>", range: open.upperBound..<html.endIndex) else { return html }
        return html.replacingCharacters(in: open.lowerBound..<close.upperBound, with: stylesheetMarker)
    }

    /// What `stylesheetElided` puts where the stylesheet was.
    public static let stylesheetMarker = "<style>/* the report stylesheet: Sources/Reports/ReportStyle.swift */</style>"
}
