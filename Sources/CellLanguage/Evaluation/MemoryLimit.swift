#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The most memory one value may ask for: half of the physical memory, or of the process's
/// address-space limit when that is lower. Swift traps when an allocation fails, so a cell
/// that asks for more (`[0] * 10**12`, `np.zeros((100000, 100000))`) gets the `MemoryError`
/// CPython or NumPy would raise before anything is allocated.
///
///     try MemoryLimit.check(count: n, stride: MemoryLayout<Value>.stride)
///     // [0] * 10**12 -> MemoryError:
public enum MemoryLimit {
    /// The ceiling in bytes.
    public static let bytes: Int = {
        var limit = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        var current = rlimit()
        #if os(Linux)
        let status = getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &current)
        #else
        let status = getrlimit(RLIMIT_AS, &current)
        #endif
        if status == 0, current.rlim_cur != rlim_t.max { limit = min(limit, Int(clamping: current.rlim_cur)) }
        return limit / 2
    }()

    /// The bytes `count` items of `stride` bytes take, nil when that overflows or passes the ceiling.
    public static func bytes(count: Int, stride: Int) -> Int? {
        let (total, overflow) = max(count, 0).multipliedReportingOverflow(by: max(stride, 1))
        return overflow || total > bytes ? nil : total
    }

    /// Throws CPython's bare `MemoryError` when `count` items of `stride` bytes pass the ceiling.
    public static func check(count: Int, stride: Int = 1) throws {
        if bytes(count: count, stride: stride) == nil { throw PyException(.memoryError, args: []) }
    }

    /// Throws `MemoryError` when `count` copies of `items` items pass the ceiling.
    public static func check(repeating items: Int, times: Int, stride: Int) throws {
        let (total, overflow) = max(items, 0).multipliedReportingOverflow(by: max(times, 0))
        if overflow { throw PyException(.memoryError, args: []) }
        try check(count: total, stride: stride)
    }
}
