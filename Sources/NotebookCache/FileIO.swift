import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX file operations the cache needs, with the guarantees spelled out:
/// a write is a temporary file in the destination's directory, flushed to disk (`fsync`),
/// then renamed over the destination, and the directory is flushed so the rename itself
/// survives a power cut. A reader therefore sees the old file or the whole new one, never a
/// half-written one; a crash mid-write leaves only a temporary file, which `removeStaleTemporaries`
/// deletes on the next open.
public enum FileIO {
    /// Suffix of every temporary file; the name before it ends in `.<pid>.<nonce>`.
    static let temporarySuffix = ".tmp"
    /// A temporary file this old is stale even when its pid is alive (pids are reused).
    static let staleAge: TimeInterval = 60

    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The file does not exist.
        case notFound
        /// Any other I/O error, as `strerror` words.
        case io(String)

        /// In `strerror`'s words.
        public var description: String {
            switch self {
            case .notFound: return "no such file or directory"
            case .io(let reason): return reason
            }
        }
    }

    /// Whole content of `path`.
    static func contents(of path: String) throws(Failure) -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw lastError() }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw lastError() }
        var data = Data(count: Int(info.st_size))
        var filled = 0
        var failure: Failure?
        data.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) in
            while filled < buffer.count {
                let n = read(fd, buffer.baseAddress! + filled, buffer.count - filled)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = lastError()
                    return
                }
                if n == 0 { break }  // the file shrank while we read it
                filled += n
            }
        }
        if let failure { throw failure }
        if filled < data.count { data.removeSubrange(filled...) }
        return data
    }

    /// Writes `data` to `path` atomically (temporary file + fsync + rename + directory fsync).
    /// `mode` sets the new file's permissions exactly (e.g. those of the file it replaces);
    /// without it they are 0644 less the umask.
    public static func writeAtomically(_ data: Data, to path: String, mode: mode_t? = nil) throws(Failure) {
        let temporary = try writeTemporary(data, beside: path, mode: mode)
        try commit(temporary, to: path)
    }

    /// The first half of `writeAtomically`: `data` in a new temporary file in `path`'s
    /// directory, flushed to disk; returns the temporary's path. `commit` puts it in place.
    /// Several files can be prepared this way and then renamed one right after the other.
    public static func writeTemporary(_ data: Data, beside path: String, mode: mode_t? = nil) throws(Failure) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + temporaryName(for: name)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw lastError() }
        var failure: Failure?
        if let mode, fchmod(fd, mode) != 0 { failure = lastError() }
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var written = 0
            while failure == nil && written < buffer.count {
                let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = lastError()
                    return
                }
                written += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = lastError() }
        if close(fd) != 0 && failure == nil { failure = lastError() }
        if let failure {
            unlink(temporary)
            throw failure
        }
        return temporary
    }

    /// The second half of `writeAtomically`: renames `temporary` over `path` and flushes the
    /// directory. On failure the temporary is removed.
    public static func commit(_ temporary: String, to path: String) throws(Failure) {
        guard rename(temporary, path) == 0 else {
            let failure = lastError()
            unlink(temporary)
            throw failure
        }
        let directory = (path as NSString).deletingLastPathComponent
        syncDirectory(directory.isEmpty ? "." : directory)
    }

    /// `.<name>.<pid>.<nonce>.tmp`: hidden, carries the writer's pid so a later run can tell
    /// whether its writer is still alive.
    static func temporaryName(for name: String) -> String {
        let nonce = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return ".\(name).\(getpid()).\(nonce)\(temporarySuffix)"
    }

    /// The pid in a temporary file's name, or `nil` when the name is not one of ours.
    static func writerPID(ofTemporary name: String) -> Int32? {
        writer(ofTemporary: name)?.pid
    }

    /// The file a temporary was written for and the pid of its writer: `.<target>.<pid>.<nonce>.tmp`,
    /// or `.<target>.<pid>.tmp` (how reports were named before); nil for any other name.
    static func writer(ofTemporary name: String, isTarget: (String) -> Bool = { _ in true }) -> (target: String, pid: Int32)? {
        guard name.hasPrefix("."), name.hasSuffix(temporarySuffix) else { return nil }
        let parts = name.dropFirst().dropLast(temporarySuffix.count).split(separator: ".", omittingEmptySubsequences: false)
        for digits in [2, 1] where parts.count > digits {
            let target = parts.dropLast(digits).joined(separator: ".")
            if let pid = Int32(parts[parts.count - digits]), !target.isEmpty, isTarget(target) {
                return (target, pid)
            }
        }
        return nil
    }

    /// Removes the temporary files in `directory` left by interrupted writes: those whose
    /// writer is dead, and any older than `staleAge`. `isTarget` limits it to temporaries of
    /// some files (in a folder that is not ours). Returns how many were removed.
    @discardableResult
    public static func removeStaleTemporaries(
        in directory: String, now: Date = Date(), of isTarget: (String) -> Bool = { _ in true }
    ) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return 0 }
        var removed = 0
        for name in names.sorted() {
            guard let pid = writer(ofTemporary: name, isTarget: isTarget)?.pid else { continue }
            let path = directory + "/" + name
            let age = modificationDate(path).map { now.timeIntervalSince($0) } ?? .infinity
            if !isAlive(pid) || age > staleAge {
                if unlink(path) == 0 { removed += 1 }
            }
        }
        return removed
    }

    public static func isAlive(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }

    static func modificationDate(_ path: String) -> Date? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        return Date(timeIntervalSince1970: TimeInterval(time.tv_sec) + TimeInterval(time.tv_nsec) / 1e9)
    }

    /// Size in bytes of a regular file, or `nil` when it does not exist.
    static func size(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_size)
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// `mkdir -p`.
    static func createDirectory(_ path: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io(error.localizedDescription)
        }
    }

    /// Flushes a directory's entries (a rename or unlink in it) to disk. Best effort: some
    /// file systems refuse `fsync` on directories, and the data files are already durable.
    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    static func lastError() -> Failure {
        let code = errno
        if code == ENOENT { return .notFound }
        return .io(String(cString: strerror(code)))
    }
}

extension FileIO {
    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFREG
    }
}

extension FileIO {
    /// What identifies one version of a file: a rewrite or an in-place change alters it.
    struct Stamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modified: Date
    }

    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0, let modified = modificationDate(path) else { return nil }
        return Stamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: modified)
    }
}
