import Foundation

/// Splits per-sample work over the machine's cores: the copies around the matrix products
/// (one chunk per core) and a convolution's parts (`SampleGroups`); with one core everything
/// stays on the calling thread.
enum Parallel {
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Calls `body` with one range of `0..<count` per core, concurrently.
    static func chunks(_ count: Int, _ body: (Range<Int>) -> Void) {
        let parts = min(cores, count)
        guard parts > 1 else { return body(0..<count) }
        forEach(parts) { part in body((count * part / parts)..<(count * (part + 1) / parts)) }
    }

    /// Runs `body(0)` ... `body(count - 1)` concurrently on the cores (the calling thread
    /// takes part), returning when all are done. Each call must touch only its own memory.
    static func forEach(_ count: Int, _ body: (Int) -> Void) {
        guard count > 1, cores > 1 else {
            for i in 0..<count { body(i) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let shared = SharedBody(run: body)
            DispatchQueue.concurrentPerform(iterations: count) { shared.run($0) }
        }
    }

    private struct SharedBody: @unchecked Sendable {
        let run: (Int) -> Void
    }
}
