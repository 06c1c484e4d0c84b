import Foundation
import Synchronization
import Testing
@testable import NeuralEngine

/// The kernel choice table and the relaunch decision, over feature sets (no CPU needed).
@Suite struct BLASKernelTests {
    typealias F = CPUFeatures.Feature
    static let sse: Set<F> = [.sse3, .ssse3, .sse4_1, .sse4_2]
    static let avx2: Set<F> = sse.union([.avx, .fma, .avx2])
    static let avx512: Set<F> = avx2.union([.avx512f, .avx512dq, .avx512cd, .avx512bw, .avx512vl])

    func best(_ vendor: String, _ features: Set<F>) -> String? {
        BLASKernel.best(for: CPUFeatures(vendor: vendor, features: features))?.coreType
    }

    @Test func choiceTable() {
        // The Xeon (family 6, model 207): AVX-512 with BF16, which OpenBLAS 0.3.21 runs as Prescott.
        #expect(best("GenuineIntel", Self.avx512.union([.avx512bf16, .avx512vnni])) == "Cooperlake")
        // Zen 4 has BF16 too; OpenBLAS 0.3.21 itself picks Cooperlake there.
        #expect(best("AuthenticAMD", Self.avx512.union([.avx512bf16])) == "Cooperlake")
        #expect(best("GenuineIntel", Self.avx512) == "SkylakeX")
        #expect(best("GenuineIntel", Self.avx2) == "Haswell")
        #expect(best("AuthenticAMD", Self.avx2) == "Zen")
        #expect(best("HygonGenuine", Self.avx2) == "Zen")
        #expect(best("GenuineIntel", Self.sse.union([.avx])) == "Sandybridge")
        #expect(best("GenuineIntel", Self.sse) == nil)
        #expect(best("", []) == nil)
    }

    @Test func partialFeatureSetsFallToTheKernelTheyCanRun() {
        // AVX-512F without BW/DQ/VL (Knights Landing) cannot run the SkylakeX kernels.
        #expect(best("GenuineIntel", Self.avx2.union([.avx512f, .avx512cd])) == "Haswell")
        // BF16 alone does not make Cooperlake without the AVX-512 base.
        #expect(best("GenuineIntel", Self.avx2.union([.avx512bf16])) == "Haswell")
        // AVX2 without FMA is not enough for the Haswell kernels.
        #expect(best("GenuineIntel", Self.sse.union([.avx, .avx2])) == "Sandybridge")
    }

    @Test func candidatesAreBestFirst() {
        let cpu = CPUFeatures(vendor: "AuthenticAMD", features: Self.avx512.union([.avx512bf16]))
        #expect(BLASKernel.candidates(for: cpu).map(\.coreType) == ["Cooperlake", "SkylakeX", "Zen", "Sandybridge"])
        #expect(BLASKernel.best(for: cpu)?.because == [.avx512f, .avx512bw, .avx512dq, .avx512vl, .avx512bf16])
    }

    @Test func generations() {
        #expect(BLASKernel.isOlder("Prescott", than: "Cooperlake"))
        #expect(BLASKernel.isOlder("Haswell", than: "SkylakeX"))
        #expect(BLASKernel.isOlder("Sandybridge", than: "Zen"))
        #expect(!BLASKernel.isOlder("Zen", than: "Haswell"))
        #expect(!BLASKernel.isOlder("Cooperlake", than: "Cooperlake"))
        #expect(!BLASKernel.isOlder("SkylakeX", than: "Haswell"))
        // A kernel this table does not know (a newer OpenBLAS') is never replaced.
        #expect(!BLASKernel.isOlder("SapphireRapids", than: "Cooperlake"))
        #expect(BLASKernel.generation(of: "prescott") == 0)
    }

    @Test func relaunchOnlyFromAnOlderKernelAndNeverTwice() {
        typealias R = BLASKernelRelaunch
        #expect(R.decide(detected: "Prescott", best: "Cooperlake", environment: [:]) == .relaunch("Cooperlake"))
        #expect(R.decide(detected: "Haswell", best: "SkylakeX", environment: [:]) == .relaunch("SkylakeX"))
        #expect(R.decide(detected: "Cooperlake", best: "Cooperlake", environment: [:]) == .keep("OpenBLAS' own choice"))
        #expect(R.decide(detected: "Prescott", best: nil, environment: [:]) == .keep("OpenBLAS' own choice; this CPU has no AVX"))
        // The user's choice wins, even a worse one.
        #expect(R.decide(detected: "Prescott", best: "Cooperlake", environment: ["OPENBLAS_CORETYPE": "Prescott"])
            == .keep("set by OPENBLAS_CORETYPE=Prescott"))
        // The relaunched image still sees the (simulated) bad detection, and must not go again.
        #expect(R.decide(detected: "Prescott", best: "Cooperlake", environment: [R.guardVariable: "Prescott"])
            == .keep("already executed again once with OPENBLAS_CORETYPE set"))
    }

    @Test func theTestSwitchReplacesTheDetectedKernel() {
        let environment = [BLASKernelRelaunch.simulatedDetectionVariable: "Prescott"]
        #expect(BLASKernelRelaunch.detectedCoreType(environment: environment) == "Prescott")
        #expect(BLASKernelRelaunch.detectedCoreType(environment: [:]) == BLAS.coreType)
    }
}

/// CPUID read through the shim agrees with the kernel's view of the CPU (`/proc/cpuinfo`).
@Test func cpuFeaturesAgreeWithProcCpuinfo() throws {
    #if os(Linux) && arch(x86_64)
    let info = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
    let flagsLine = try #require(info.split(separator: "\n").first { $0.hasPrefix("flags") })
    let flags = Set(flagsLine.split(separator: ":")[1].split(separator: " ").map(String.init))
    let names: [CPUFeatures.Feature: String] = [
        .sse3: "pni", .ssse3: "ssse3", .sse4_1: "sse4_1", .sse4_2: "sse4_2", .avx: "avx", .fma: "fma", .avx2: "avx2",
        .avx512f: "avx512f", .avx512dq: "avx512dq", .avx512cd: "avx512cd", .avx512bw: "avx512bw",
        .avx512vl: "avx512vl", .avx512vnni: "avx512_vnni", .avx512bf16: "avx512_bf16",
    ]
    let expected = Set(names.filter { flags.contains($0.value) }.map(\.key))
    let cpu = CPUFeatures.current
    #expect(cpu.features == expected)
    #expect(["GenuineIntel", "AuthenticAMD", "HygonGenuine"].contains(cpu.vendor) || !cpu.vendor.isEmpty)
    let modelLine = info.split(separator: "\n").first { $0.hasPrefix("model name") }
    #expect(modelLine.map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) } == cpu.model)
    #endif
}

/// `BLASReport.identity` names the BLAS build in every cache key, and runs of several
/// notebooks in one process (the tests, a future server) ask for it from several threads at
/// once. OpenBLAS builds its configuration text in one static buffer on every call
/// (`strcpy`, then `strcat` of the core name), so two callers at once could read half a
/// string, and a run's keys would then name another engine: its entries would never be found.
@Test func theBLASIdentityIsTheSameFromManyThreadsAtOnce() {
    let expected = BLASReport.current().identity
    let seen = Mutex(Set<String>())
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
        var local = Set<String>()
        for _ in 0..<100_000 { local.insert(BLAS.configuration) }
        seen.withLock { $0.formUnion(local) }
    }
    let texts = seen.withLock { $0 }
    #expect(texts == [BLAS.configuration], "\(texts.count) different texts, e.g. \(texts.sorted().prefix(3))")
    #expect(BLASReport.current().identity == expected)
}
