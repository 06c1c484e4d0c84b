import Foundation
import NotebookCache

/// Writes files so that readers see the old content or the new, never a half-written file:
/// the bytes go to a temporary file beside the destination (`.out.md.<pid>.<nonce>.tmp`),
/// flushed to disk, which is then renamed over it (rename is atomic within a file system).
///
/// The destination is the target of any symbolic link in its name (the link stays), keeps
/// the permissions of the file it replaces, and must be a regular file or not exist: a
/// folder, a device or a FIFO is refused, never replaced. Temporaries of killed runs
/// (whatever their pid, Labbook's earlier `.out.md.<pid>.tmp` too) are removed the next time
/// the same file is written.
public enum AtomicFile {
    /// Writes `text` to `path` (for `clean` and `render`; a run's report set is written by
    /// `ReportFiles`).
    public static func write(_ text: String, to path: String, role: OutputRole) throws(RunFailure) {
        let target: OutputTarget
        do throws(OutputPathError) {
            target = try OutputTarget(path, role: role)
            try target.checkIsFile()
        } catch {
            throw RunFailure(message: error.description)
        }
        let temporary = try stage(Data(text.utf8), for: target)
        try commit(temporary, to: target)
    }

    /// Writes `data` to a temporary file beside `target` (creating the folders it needs) and
    /// returns its path; `commit` renames it into place.
    static func stage(_ data: Data, for target: OutputTarget) throws(RunFailure) -> String {
        let folder = (target.path as NSString).deletingLastPathComponent
        do {
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        } catch {
            throw RunFailure(message: "\(target.given): cannot create the folder \(folder) for \(target.role.noun): "
                + error.localizedDescription)
        }
        removeStaleTemporaries(of: target.path)
        var mode: mode_t?
        if case .regularFile(let existing) = target.kind { mode = existing }
        do {
            return try FileIO.writeTemporary(data, beside: target.path, mode: mode)
        } catch {
            throw RunFailure(message: "\(target.given): cannot write \(target.role.noun): \(error)")
        }
    }

    /// Renames a staged temporary over `target` (removing the temporary if that fails).
    static func commit(_ temporary: String, to target: OutputTarget) throws(RunFailure) {
        do {
            try FileIO.commit(temporary, to: target.path)
        } catch {
            throw RunFailure(message: "\(target.given): cannot write \(target.role.noun): \(error)")
        }
    }

    /// Removes temporaries of `path` left by runs that were killed while writing it.
    static func removeStaleTemporaries(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        FileIO.removeStaleTemporaries(in: folder.isEmpty ? "." : folder, of: { $0 == name })
    }
}
