import Foundation
import Testing

/// Golden-file comparison for SVG output. `LABBOOK_RECORD=1 swift test --filter ChartsTests`
/// rewrites the files in `Tests/ChartsTests/Goldens/`; look at them (e.g. `rsvg-convert`)
/// before committing.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Goldens")
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    static var recording: Bool { ProcessInfo.processInfo.environment["LABBOOK_RECORD"] == "1" }

    static func check(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden \(name); run with LABBOOK_RECORD=1 to create it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-charts-actual")
            try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try? actual.write(to: scratch.appendingPathComponent(name), atomically: true, encoding: .utf8)
            let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let line = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
            Issue.record("""
                \(name) differs from its golden at line \(line + 1); actual output written to \
                \(scratch.appendingPathComponent(name).path)
                expected: \(line < a.count ? String(a[line]) : "<end>")
                actual:   \(line < b.count ? String(b[line]) : "<end>")
                """, sourceLocation: sourceLocation)
        }
    }
}
