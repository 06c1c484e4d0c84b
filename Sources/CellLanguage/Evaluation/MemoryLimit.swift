#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The memory budget of a run: the most memory the process may hold. Swift traps when an
/// allocation fails (`Fatal error: failed to allocate`, the whole run lost), so cells get
/// the `MemoryError` CPython or NumPy would raise instead, reported in place like any error:
///
///     xs = []
///     while True:
///         xs.append('x' * 10**6)   # MemoryError: (after the budget's worth of strings)
///
/// The places that grow memory (repetition, concatenation, `list.append`, ranges turned
/// into lists, NumPy arrays, ...) report each allocation here before making it. One that
/// passes the budget alone fails at once; the rest are added up, and every
/// `measureStep` bytes (and every 65,536 interpreter steps, for growth nothing reports)
/// the process's real use is read from the system: resident memory against the budget,
/// and the address space against `ulimit -v`, less a reserve for finishing the run. So the
/// cost is a few integer operations per allocation and one small read per 64 MB.
///
/// The budget is the process's because the heap it measures is: `--memory-limit` sets it
/// for the run (`bytes`); the default is half of the physical memory, or of the
/// address-space limit when that is lower.
public enum MemoryLimit {
    /// The default budget: half of the physical memory, or of `ulimit -v` when lower.
    public static let defaultBytes: Int = {
        var limit = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        if let addressSpace { limit = min(limit, addressSpace) }
        return limit / 2
    }()

    /// The process's address-space limit (`ulimit -v`) in bytes, nil when unlimited.
    static let addressSpace: Int? = {
        var current = rlimit()
        #if os(Linux)
        let status = getrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &current)
        #else
        let status = getrlimit(RLIMIT_AS, &current)
        #endif
        guard status == 0, current.rlim_cur != rlim_t.max else { return nil }
        return Int(clamping: current.rlim_cur)
    }()

    /// The budget in bytes (`--memory-limit`; `defaultBytes` unless set).
    public static var bytes: Int {
        get { state.budget }
        set { state.budget = max(newValue, 1) }
    }

    /// Bytes allocated between two readings of the process's memory.
    static var measureStep: Int { min(64 << 20, max(bytes / 16, 1 << 20)) }

    /// The bytes `count` items of `stride` bytes take, nil when that overflows or passes the
    /// budget on its own (for callers that raise their own error).
    public static func bytes(count: Int, stride: Int) -> Int? {
        let (total, overflow) = max(count, 0).multipliedReportingOverflow(by: max(stride, 1))
        return overflow || total > bytes ? nil : total
    }

    /// Reports an allocation of `count` items of `stride` bytes about to be made: CPython's
    /// bare `MemoryError` when it would take the process past its budget.
    public static func check(count: Int, stride: Int = 1) throws {
        guard let total = bytes(count: count, stride: stride) else { throw memoryError }
        try reserve(total)
    }

    /// Reports `count` copies of `items` items of `stride` bytes (`xs * count`).
    public static func check(repeating items: Int, times: Int, stride: Int) throws {
        let (total, overflow) = max(items, 0).multipliedReportingOverflow(by: max(times, 0))
        if overflow { throw memoryError }
        try check(count: total, stride: stride)
    }

    /// Reports an allocation already made (a NumPy result): the next check, or the one after
    /// the call that made it, reads the process's memory if it is due.
    public static func note(count: Int, stride: Int) {
        state.unmeasured &+= max(count, 0) &* max(stride, 1)
    }

    /// Reads the process's memory if enough was allocated since the last reading.
    @inline(__always)
    static func checkDue() throws {
        if state.unmeasured >= measureStep { try measure(adding: 0) }
    }

    /// Reads the process's memory now (the interpreter does so every 65,536 steps).
    public static func checkUsage() throws {
        try measure(adding: 0)
    }

    @inline(__always)
    static func reserve(_ total: Int) throws {
        let state = self.state
        state.unmeasured &+= total
        if state.unmeasured >= measureStep { try measure(adding: total) }
    }

    private static func measure(adding request: Int) throws {
        state.unmeasured = 0
        guard let usage = ProcessMemory.read() else { return }
        if usage.resident + request > bytes { throw memoryError }
        if let addressSpace, usage.virtual + request > addressSpace - addressSpace / 8 { throw memoryError }
    }

    private static var memoryError: PyException { PyException(.memoryError, args: []) }

    // MARK: State

    /// The budget and the bytes reported since the last reading. Cells run one at a time,
    /// so the counter is not synchronised: a lost update only delays a reading.
    final class State: @unchecked Sendable {
        var budget = MemoryLimit.defaultBytes
        var unmeasured = 0
    }
    static let state = State()
}

/// The process's memory as the system counts it (Linux: `/proc/self/statm`).
enum ProcessMemory {
    /// Resident and virtual bytes, nil where the system does not say.
    static func read() -> (resident: Int, virtual: Int)? {
        #if os(Linux)
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .ascii) else { return nil }
        let fields = text.split(separator: " ").prefix(2).compactMap { Int($0) }
        guard fields.count == 2 else { return nil }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        return (fields[1] * page, fields[0] * page)
        #else
        var info = mach_task_basic_info()
        var count = mach_msg_type_number_t(MemoryLayout<mach_task_basic_info>.size / MemoryLayout<natural_t>.size)
        let status = withUnsafeMutablePointer(to: &info) {
            $0.withMemoryRebound(to: integer_t.self, capacity: Int(count)) {
                task_info(mach_task_self_, task_flavor_t(MACH_TASK_BASIC_INFO), $0, &count)
            }
        }
        guard status == KERN_SUCCESS else { return nil }
        return (Int(info.resident_size), Int(info.virtual_size))
        #endif
    }
}
