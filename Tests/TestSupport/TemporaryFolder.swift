import Foundation

/// A fresh folder for one test under the system's temporary folder, `PREFIX-<UUID>`:
///
///     let folder = try TemporaryFolder.make("labbook-keras")
///     defer { TemporaryFolder.remove(folder) }
public enum TemporaryFolder {
    /// Makes the folder (empty) and returns it.
    public static func make(_ prefix: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Removes the folder and all it holds; a folder already gone is no error.
    public static func remove(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }
}
