import Foundation
import NeuralEngine

/// `sgemm` under every kernel the CPU can run, measured in the same run: the benchmark's
/// yardstick is the machine's best kernel, not the one in use, so a bad kernel (OpenBLAS
/// falling back to SSE3 on a CPU it does not know) shows as a low ratio instead of hiding.
///
/// OpenBLAS chooses its kernel once, when it loads, so each other kernel is measured by a
/// child of this program started with `OPENBLAS_CORETYPE` set (`--sgemm-child`).
enum KernelComparison {
    /// The hidden flag that makes `labbook-bench` a child: it measures the shapes and prints
    /// "wall-GFLOP/s cpu-GFLOP/s".
    static let childFlag = "--sgemm-child"

    /// One kernel's throughput on the shapes.
    struct Measurement {
        var coreType: String
        var throughput: ProductBenchmark.Throughput
    }

    /// The kernels to measure besides the one in use: every AVX-era kernel the CPU can run.
    static var candidates: [String] {
        BLASKernel.candidates(for: .current).map(\.coreType).filter { $0.lowercased() != BLAS.coreType.lowercased() }
    }

    /// `sgemm` on `shapes` under the kernel in use (in this process) and under each other
    /// candidate (in a child), best first.
    static func measure(_ shapes: [ProductShape], seconds: Double) -> [Measurement] {
        var results = [Measurement(coreType: BLAS.coreType, throughput: ProductBenchmark.gflops(shapes, seconds: seconds))]
        for coreType in candidates {
            if let throughput = child(coreType: coreType, shapes: shapes, seconds: seconds) {
                results.append(Measurement(coreType: coreType, throughput: throughput))
            }
        }
        return results.sorted { $0.throughput.wallGFLOPs > $1.throughput.wallGFLOPs }
    }

    /// Runs `labbook-bench --sgemm-child` under `coreType`; nil if it fails (reported on stderr).
    private static func child(coreType: String, shapes: [ProductShape], seconds: Double) -> ProductBenchmark.Throughput? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = [
            childFlag, shapes.map(\.argument).joined(separator: ","), String(seconds),
            String(BLAS.threads), String(BLAS.parallelThreshold),
        ]
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = coreType
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            FileHandle.standardError.write(Data("labbook-bench: cannot start the \(coreType) child: \(error)\n".utf8))
            return nil
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let fields = String(decoding: data, as: UTF8.self).split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard process.terminationStatus == 0, fields.count == 2 else {
            FileHandle.standardError.write(Data("labbook-bench: the \(coreType) child failed\n".utf8))
            return nil
        }
        return ProductBenchmark.Throughput(wallGFLOPs: fields[0], cpuGFLOPs: fields[1])
    }

    /// The child's side: `--sgemm-child SHAPES SECONDS THREADS THRESHOLD`; prints and exits.
    static func runChild(_ arguments: [String]) -> Never {
        guard arguments.count == 4, let seconds = Double(arguments[1]), let threads = Int(arguments[2]),
              let threshold = Int(arguments[3]) else { exit(2) }
        let shapes = arguments[0].split(separator: ",").compactMap { ProductShape(argument: String($0)) }
        BLAS.threads = threads
        BLAS.parallelThreshold = threshold
        let result = ProductBenchmark.gflops(shapes, seconds: seconds)
        print(result.wallGFLOPs, result.cpuGFLOPs)
        exit(0)
    }
}

extension ProductShape {
    /// `m:n:k:tA:tB`, how a child is told its shapes.
    var argument: String { "\(m):\(n):\(k):\(transposeA ? 1 : 0):\(transposeB ? 1 : 0)" }

    init?(argument: String) {
        let parts = argument.split(separator: ":").compactMap { Int($0) }
        guard parts.count == 5 else { return nil }
        self.init(m: parts[0], n: parts[1], k: parts[2], transposeA: parts[3] == 1, transposeB: parts[4] == 1)
    }
}
