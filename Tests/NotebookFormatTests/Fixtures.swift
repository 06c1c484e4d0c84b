import Foundation

/// Test fixtures, read from the source tree.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

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

    /// A scratch directory for tests that need real files.
    static func scratch() -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("labbook-format-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
