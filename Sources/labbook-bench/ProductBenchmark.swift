import Foundation
import NeuralEngine

/// The shape of one matrix product `C[m x n] = op(A) · op(B)` with `k` multiply-adds per entry.
struct ProductShape: Hashable, Sendable, CustomStringConvertible {
    var m: Int, n: Int, k: Int
    var transposeA: Bool, transposeB: Bool

    init(m: Int, n: Int, k: Int, transposeA: Bool = false, transposeB: Bool = false) {
        self.m = m
        self.n = n
        self.k = k
        self.transposeA = transposeA
        self.transposeB = transposeB
    }

    /// Floating-point operations, counted as 2 m n k.
    var flops: Double { 2 * Double(m) * Double(n) * Double(k) }

    var description: String { "\(m)x\(k)\(transposeA ? "ᵀ" : "")·\(k)x\(n)\(transposeB ? "ᵀ" : "")" }

    /// The products one training step of a dense stack performs for a batch: per layer the
    /// forward product, the kernel gradient, and (except for the first layer) the input gradient.
    static func trainingStep(widths: [Int], batchSize b: Int) -> [ProductShape] {
        var shapes: [ProductShape] = []
        for (index, (input, output)) in zip(widths, widths.dropFirst()).enumerated() {
            shapes.append(ProductShape(m: b, n: output, k: input))
            shapes.append(ProductShape(m: input, n: output, k: b, transposeA: true))
            if index > 0 { shapes.append(ProductShape(m: b, n: input, k: output, transposeB: true)) }
        }
        return shapes
    }
}

/// Measures this machine's `sgemm` throughput on given product shapes, through the same
/// wrapper (and thread policy) the engine uses.
enum ProductBenchmark {
    /// Throughput per second of wall-clock time and per second of this process's CPU time
    /// (on a machine shared with other work, CPU time shows what the code itself costs).
    struct Throughput: Sendable {
        var wallGFLOPs: Double
        var cpuGFLOPs: Double

        init(wallGFLOPs: Double, cpuGFLOPs: Double) {
            self.wallGFLOPs = wallGFLOPs
            self.cpuGFLOPs = cpuGFLOPs
        }
    }

    /// This process's CPU time (all threads), in seconds.
    static func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    /// GFLOP/s achieved running `shapes` in sequence, repeated for at least `seconds`.
    static func gflops(_ shapes: [ProductShape], seconds: Double = 0.5) -> Throughput {
        func filled(_ count: Int, _ value: Float) -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
            p.initialize(repeating: value, count: count)
            return p
        }
        let buffers = shapes.map { s in (filled(s.m * s.k, 0.5), filled(s.k * s.n, 0.25), filled(s.m * s.n, 0)) }
        defer { for (a, b, c) in buffers { a.deallocate(); b.deallocate(); c.deallocate() } }
        let flops = shapes.reduce(0) { $0 + $1.flops }
        func runOnce() {
            for (s, (a, b, c)) in zip(shapes, buffers) {
                BLAS.gemm(transposeA: s.transposeA, transposeB: s.transposeB, m: s.m, n: s.n, k: s.k,
                          a: a, lda: s.transposeA ? s.m : s.k, b: b, ldb: s.transposeB ? s.k : s.n,
                          beta: 0, c: c, ldc: s.n)
            }
        }
        runOnce()  // warm up threads and caches
        var repetitions = 0
        let start = ContinuousClock.now, cpuStart = processCPUSeconds()
        var elapsed = 0.0
        repeat {
            runOnce()
            repetitions += 1
            elapsed = start.duration(to: .now) / .seconds(1)
        } while elapsed < seconds
        let cpu = processCPUSeconds() - cpuStart
        let total = flops * Double(repetitions) / 1e9
        return Throughput(wallGFLOPs: total / elapsed, cpuGFLOPs: total / cpu)
    }
}
