import Foundation

/// A hook for the end-to-end tests, and for nothing else: with
/// `LABBOOK_TEST_PAUSE=<point>:<file>` in its environment, a run that reaches the named
/// point creates `<file>` and stops there until a signal ends it, so that a test can kill it
/// at exactly that point. The points are in `ReportFiles.write`: `reports-staged` (new
/// figures written, HTML and Markdown in temporaries, nothing renamed), `html-committed`
/// and `markdown-committed`. Without the variable it does nothing.
enum TestPause {
    static let variable = "LABBOOK_TEST_PAUSE"

    static func at(_ point: String) {
        guard let setting = ProcessInfo.processInfo.environment[variable],
              let colon = setting.firstIndex(of: ":"), setting[..<colon] == point
        else { return }
        FileManager.default.createFile(atPath: String(setting[setting.index(after: colon)...]), contents: Data(point.utf8))
        while true { sleep(3600) }
    }
}
