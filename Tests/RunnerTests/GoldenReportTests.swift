import Foundation
import TestSupport
import Testing
@testable import Runner

/// The executed Markdown and the HTML report of a small notebook (summary, fit, print,
/// expected error, result), against golden files. `LABBOOK_RECORD=1` re-records them.
@Suite struct GoldenReportTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static let goldenFiles = GoldenFile(beside: #filePath)

    func golden(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Self.goldenFiles.check(actual, named: name, sourceLocation: sourceLocation)
    }

    @Test func smallNotebookWithoutTimings() throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent("small.md"), encoding: .utf8)
        let nb = try TestNotebook(source, name: "small.md")
        let html = nb.directory.appendingPathComponent("small.html").path
        let (result, markdown) = try nb.run {
            $0.htmlOutput = html
            $0.useCache = false
        }
        #expect(result.exitCode == 0)
        try golden("small.executed.md", markdown)
        try golden("small.html", GoldenFile.stylesheetElided(try String(contentsOfFile: html, encoding: .utf8)))
    }

    /// With timings on, the only differences are the timing figures.
    @Test func timingsAreTheOnlyDifference() throws {
        let source = try String(contentsOf: Self.directory.appendingPathComponent("small.md"), encoding: .utf8)
        let nb = try TestNotebook(source, name: "small.md")
        let (_, markdown) = try nb.run {
            $0.timings = true
            $0.useCache = false
        }
        let normalised = markdown
            .replacingOccurrences(of: #" - \d+s \d+[mu]?s/step"#, with: "", options: .regularExpression)
        let expected = try String(contentsOf: Self.directory.appendingPathComponent("small.executed.md"), encoding: .utf8)
        #expect(normalised == expected)
        #expect(markdown != expected)
    }
}
