import NeuralEngine

/// What a benchmark row measures while its model trains: each epoch's wall and CPU seconds,
/// and right after each epoch the best kernel's `sgemm` on the model's product shapes (and the
/// kernel in use), so a machine whose speed drifts (a shared host) moves both sides of each
/// ratio together. Pass `observe` as `fit`'s event handler; `figures` is the row's middle.
///
///     var measured = EpochMeasurements(shapes: shapes, epochFlops: 1.2e12)
///     _ = try net.fit(x, y, batchSize: 128, epochs: 2, validationSplit: 0.1, rng: &rng) { measured.observe($0) }
///     print("| [2048] | \(measured.figures(secondsDecimals: 3)) | ...")
struct EpochMeasurements {
    let shapes: [ProductShape]
    /// Floating-point operations of one epoch (its training steps and validation pass).
    let epochFlops: Double
    private(set) var times: [Double] = [], cpuTimes: [Double] = []
    private var sgemms: [ProductBenchmark.Throughput] = [], bestKernels: [String] = [], inUse: [Double] = []
    private var cpuStart = 0.0

    init(shapes: [ProductShape], epochFlops: Double) {
        self.shapes = shapes
        self.epochFlops = epochFlops
    }

    mutating func observe(_ event: TrainingEvent) {
        if case .epochBegin = event { cpuStart = ProductBenchmark.processCPUSeconds() }
        if case let .epochEnd(_, _, seconds) = event {
            times.append(seconds)
            cpuTimes.append(ProductBenchmark.processCPUSeconds() - cpuStart)
            // The best of every kernel the CPU can run, and the one in use.
            let kernels = KernelComparison.measure(shapes, seconds: 0.4)
            sgemms.append(kernels[0].throughput)
            bestKernels.append(kernels[0].coreType)
            inUse.append(kernels.first { $0.coreType == BLAS.coreType }?.throughput.wallGFLOPs ?? .nan)
        }
    }

    /// The fastest epoch's wall seconds.
    var best: Double { times.min() ?? .nan }
    /// The median over epochs of the epoch's GFLOP/s over the best kernel's sgemm after it.
    var ratio: Double { Self.median(zip(times, sgemms).map { epochFlops / $0 / 1e9 / $1.wallGFLOPs }) }

    /// `s/epoch (CPU) | GFLOP/s (CPU) | sgemm (CPU) kernel | ratio (CPU) | sgemm in use kernel`.
    func figures(secondsDecimals: Int) -> String {
        let bestCPU = cpuTimes.min() ?? .nan
        let ratioCPU = Self.median(zip(cpuTimes, sgemms).map { epochFlops / $0 / 1e9 / $1.cpuGFLOPs })
        // The kernel that was best most often over the epochs.
        let winner = Dictionary(grouping: bestKernels, by: { $0 }).max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }?.key ?? "?"
        let seconds = "%.\(secondsDecimals)f"
        return String(format: "\(seconds) (\(seconds)) | %.1f (%.1f) | %.1f (%.1f) ", best, bestCPU,
                      epochFlops / best / 1e9, epochFlops / bestCPU / 1e9,
                      Self.median(sgemms.map(\.wallGFLOPs)), Self.median(sgemms.map(\.cpuGFLOPs))) + winner
            + String(format: " | %.0f%% (%.0f%%) | %.1f ", ratio * 100, ratioCPU * 100, Self.median(inUse)) + BLAS.coreType
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
    }
}
