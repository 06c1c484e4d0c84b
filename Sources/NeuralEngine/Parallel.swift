import Foundation

/// Splits per-sample work over the machine's cores: the copies around the matrix products
/// (one chunk per core) and a convolution's parts (`SampleGroups`); with one core everything
/// stays on the calling thread.
enum Parallel {
    static let processors = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// The threads our own passes use: the cores, but no more than OpenBLAS may use
    /// (`OPENBLAS_NUM_THREADS=1` or `labbook-bench --threads 1` keep Labbook on one core).
    static var cores: Int { min(processors, BLAS.threads) }

    /// Calls `body` with one range of `0..<count` per core, concurrently.
    static func chunks(_ count: Int, _ body: (Range<Int>) -> Void) {
        let parts = min(cores, count)
        guard parts > 1 else { return body(0..<count) }
        forEach(parts) { part in body((count * part / parts)..<(count * (part + 1) / parts)) }
    }

    /// Below this many values an elementwise pass stays on the calling thread: handing half of
    /// it to the other core costs microseconds, about what 16,384 sigmoids take.
    static let elementwiseThreshold = 1 << 15

    /// Calls `body` with ranges of `0..<rows` that together cover it, one per core when
    /// `rows * width` values are worth splitting, else once with the whole range. For the
    /// elementwise passes between a step's matrix products (activations, gathering a batch):
    /// OpenBLAS' second thread only waits through them, so on one core they are a fifth of a
    /// dense model's training time.
    static func rows(_ rows: Int, width: Int, _ body: (Range<Int>) -> Void) {
        guard rows * width >= elementwiseThreshold else { return body(0..<rows) }
        chunks(rows, body)
    }

    /// Like `rows`, but cuts the `width` columns into ranges whose bounds are multiples of eight,
    /// for a pass that adds up each column over the rows: each sum still adds its rows in order.
    static func columns(_ width: Int, rows: Int, _ body: (Range<Int>) -> Void) {
        let blocks = (width + 7) / 8
        guard rows * width >= elementwiseThreshold, blocks > 1 else { return body(0..<width) }
        chunks(blocks) { range in body((range.lowerBound * 8)..<min(width, range.upperBound * 8)) }
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
