import Foundation

/// What runs the matrix products, in words: the lines `labbook --version` and
/// `labbook-bench` print, and the name the cache's keys carry.
///
///     BLASReport.current().lines
///     // BLAS: OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY Cooperlake MAX_THREADS=64
///     // kernel: Cooperlake (OpenBLAS' own choice)
///     // CPU: AMD EPYC (AuthenticAMD, family 25, model 17)
///     // features: sse3 ... avx512bf16; best kernel Cooperlake, for avx512f avx512bw avx512dq avx512vl avx512bf16
///     // threads: 2 (one per core)
public struct BLASReport: Sendable {
    public var configuration: String
    public var coreType: String
    /// Why `coreType` runs (`BLASKernelRelaunch.Decision`'s words, or Labbook's switch).
    public var reason: String
    public var cpu: CPUFeatures
    public var best: BLASKernel.Choice?
    public var threads: Int
    /// `OPENBLAS_NUM_THREADS` as the user set it, if they did.
    public var userThreads: String?

    /// The report for this process.
    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> BLASReport {
        let cpu = CPUFeatures.current
        let best = BLASKernel.best(for: cpu)
        let reason: String
        if let picked = environment[BLASKernelRelaunch.guardVariable] {
            reason = "Labbook's choice; OpenBLAS picked \(picked)"
        } else {
            let detected = BLASKernelRelaunch.detectedCoreType(environment: environment)
            switch BLASKernelRelaunch.decide(detected: detected, best: best?.coreType, environment: environment) {
            case .keep(let why): reason = why
            case .relaunch(let better): reason = "OpenBLAS' own choice; \(better) was not switched to (not relaunched)"
            }
        }
        return BLASReport(
            configuration: BLAS.configuration, coreType: BLAS.coreType, reason: reason, cpu: cpu, best: best,
            threads: BLAS.threads, userThreads: environment["OPENBLAS_NUM_THREADS"])
    }

    /// What a cache key must name: the library, its kernel and the thread count, everything
    /// that changes the low bits of a product. `OpenBLAS 0.3.21 ... Cooperlake ..., 2 threads`.
    public var identity: String { "\(configuration), \(threads) thread\(threads == 1 ? "" : "s")" }

    /// The human-readable lines.
    public var lines: [String] {
        let model = cpu.model.isEmpty ? "unknown model" : cpu.model
        let features = cpu.features.sorted().map(\.rawValue).joined(separator: " ")
        let choice = best.map { "best kernel \($0.coreType), for " + $0.because.map(\.rawValue).joined(separator: " ") }
            ?? "no AVX: OpenBLAS chooses among its SSE kernels"
        return [
            "BLAS: \(configuration)",
            "kernel: \(coreType) (\(reason))",
            "CPU: \(model) (\(cpu.vendor.isEmpty ? "unknown vendor" : cpu.vendor), family \(cpu.family), model \(cpu.modelNumber))",
            "features: \(features.isEmpty ? "none that matter" : features); \(choice)",
            "threads: \(threads) (" + (userThreads.map { "OPENBLAS_NUM_THREADS=\($0)" } ?? "one per core") + ")",
        ]
    }
}
