import COpenBLAS
import Foundation

/// Every call into OpenBLAS goes through here, so the thread policy lives in one place.
///
/// OpenBLAS spreads one product over all its threads. For the small products of narrow
/// networks (a 16x784 batch times a 784x32 kernel) waking a second thread costs more than
/// it saves, so each product picks its thread count from its size (measured with
/// `labbook-bench`; see `parallelThreshold`).
public enum BLAS {
    /// The number of threads large products may use (1...available cores).
    nonisolated(unsafe) private static var maximumThreads = Int(openblas_get_num_threads())
    nonisolated(unsafe) private static var currentThreads = Int(openblas_get_num_threads())

    /// Products with fewer multiply-adds (m*n*k) than this run on one thread.
    nonisolated(unsafe) public static var parallelThreshold = 1 << 20

    /// The number of threads OpenBLAS may use for large products.
    public static var threads: Int {
        get { maximumThreads }
        set {
            maximumThreads = max(1, newValue)
            use(threads: maximumThreads)
        }
    }

    /// The kernel OpenBLAS runs ("core type"): `Cooperlake`, `SkylakeX`, `Haswell`, `Zen`,
    /// `Prescott`, ... (`BLASKernel` ranks them).
    public static var coreType: String { String(cString: openblas_get_corename()) }

    /// OpenBLAS' build description: `OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Cooperlake MAX_THREADS=64`.
    /// Read once: `openblas_get_config()` rebuilds its text in one static buffer on every call
    /// (`strcpy`, then `strcat`), so callers on two threads at once read each other's half-made
    /// strings, and this text is part of every cache key. It cannot change while the process
    /// runs (the kernel is chosen when OpenBLAS loads).
    public static let configuration: String = String(cString: openblas_get_config())

    /// Guards the thread count and `serialSections`: a run trains on one thread, but tests
    /// train several models at once, and one's `gemm` must not give OpenBLAS two threads while
    /// another's `serialGemm`s are running.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var serialSections = 0

    private static func use(threads: Int) {
        lock.lock()
        defer { lock.unlock() }
        let wanted = serialSections > 0 ? 1 : threads
        if wanted != currentThreads {
            openblas_set_num_threads(Int32(wanted))
            currentThreads = wanted
        }
    }

    /// Runs `body` with OpenBLAS on one thread, so that `serialGemm` may be called from
    /// several of our own threads at once (each product then runs on its caller's thread).
    /// The next `gemm` after the last such section sets the thread count it needs again.
    static func withSerialProducts<Result>(_ body: () -> Result) -> Result {
        lock.lock()
        serialSections += 1
        lock.unlock()
        defer {
            lock.lock()
            serialSections -= 1
            lock.unlock()
        }
        use(threads: 1)
        return body()
    }

    /// `gemm` on the calling thread, for use inside `withSerialProducts` only (concurrent calls
    /// are safe there: OpenBLAS then runs each product on its caller's thread, with no shared
    /// state but its buffer pool, which is locked).
    @inline(__always)
    static func serialGemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        precondition(currentThreads == 1, "BLAS.serialGemm outside BLAS.withSerialProducts")
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// `C = alpha * op(A) * op(B) + beta * C`, all row-major; `op(A)` is m x k, `op(B)` k x n.
    /// `lda`, `ldb`, `ldc` are the row strides of A, B, C as stored.
    @inline(__always)
    public static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float = 1, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        use(threads: m * n * k < parallelThreshold ? 1 : maximumThreads)
        cblas_sgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
