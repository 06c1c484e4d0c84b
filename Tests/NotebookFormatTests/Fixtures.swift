import Foundation

/// Test fixtures, read from the source tree so golden files can be re-recorded in place.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// Set LABBOOK_RECORD=1 to rewrite golden files instead of comparing with them.
    static var recording: Bool { ProcessInfo.processInfo.environment["LABBOOK_RECORD"] == "1" }

    static func names(in folder: String) -> [String] {
        let url = directory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".md") }.sorted()
    }

    static func path(_ folder: String, _ name: String) -> String {
        directory.appendingPathComponent(folder).appendingPathComponent(name).path
    }

    /// The file's bytes as a String, exactly (no newline translation).
    static func text(_ folder: String, _ name: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path(folder, name)) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    static func write(_ text: String, _ folder: String, _ name: String) {
        _ = FileManager.default.createFile(atPath: path(folder, name), contents: Data(text.utf8))
    }

    /// A scratch directory for tests that need real files.
    static func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("labbook-format-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
