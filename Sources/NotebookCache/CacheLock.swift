import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What to do when another process holds the cache.
public enum LockWaiting: Sendable, Equatable {
    /// Fail at once with `CacheError.locked`.
    case fail
    /// Retry for up to this many seconds, then fail with `CacheError.locked`.
    case wait(seconds: Double)
}

/// An exclusive `flock` on `<cache>/lock`, held while a `NotebookCache` is open, so two runs
/// of one notebook never write the same cache at once. The holder writes its pid into the
/// file so the second run can say who has it.
///
/// The lock dies with its process (the kernel releases it, even on `kill -9`), so a crashed
/// run never leaves the cache locked.
final class CacheLock {
    let path: String
    private var fd: Int32

    /// Takes the lock on `path`, creating the file if needed.
    init(path: String, waiting: LockWaiting, directory: String) throws(CacheError) {
        self.path = path
        let deadline: Date
        switch waiting {
        case .fail: deadline = .distantPast
        case .wait(let seconds): deadline = Date().addingTimeInterval(max(0, seconds))
        }
        while true {
            let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard fd >= 0 else {
                throw .io(path: path, reason: String(cString: strerror(errno)))
            }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                // `clean` may have removed the file between our open and flock: then we
                // locked an orphan and must lock the file that is now at `path`.
                if Self.sameFile(fd, path) {
                    self.fd = fd
                    Self.writePID(fd)
                    return
                }
                close(fd)
                continue
            }
            let code = errno
            let holder = Self.readPID(fd)
            close(fd)
            guard code == EWOULDBLOCK || code == EAGAIN || code == EINTR else {
                throw .io(path: path, reason: String(cString: strerror(code)))
            }
            if Date() >= deadline { throw .locked(directory: directory, holder: holder) }
            usleep(50_000)
        }
    }

    deinit { release() }

    /// Gives the lock up (also done when the object goes away, or the process ends).
    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    private static func sameFile(_ fd: Int32, _ path: String) -> Bool {
        var opened = stat()
        var named = stat()
        guard fstat(fd, &opened) == 0, stat(path, &named) == 0 else { return false }
        return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
    }

    private static func writePID(_ fd: Int32) {
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    private static func readPID(_ fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buffer[0..<n], as: UTF8.self)
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
