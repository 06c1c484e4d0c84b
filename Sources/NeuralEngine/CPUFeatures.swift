import CCPU

/// The processor this process runs on, as CPUID reports it: what chooses the BLAS kernel
/// (`BLASKernel.best(for:)`) and what `labbook --version` shows.
///
///     let cpu = CPUFeatures.current
///     print(cpu.model, cpu.features.sorted())   // "AMD EPYC", [avx, fma, avx2, avx512f, ...]
///
/// A feature counts only when the operating system also saves its registers on a context
/// switch (XGETBV), as OpenBLAS checks: a CPU flag the OS does not support is unusable.
public struct CPUFeatures: Sendable, Equatable {
    /// The instruction-set extensions the kernel choice looks at, in the order they appeared.
    public enum Feature: String, Sendable, CaseIterable, Comparable {
        case sse3, ssse3, sse4_1 = "sse4.1", sse4_2 = "sse4.2", avx, fma, avx2
        case avx512f, avx512dq, avx512cd, avx512bw, avx512vl, avx512vnni, avx512bf16

        public static func < (a: Feature, b: Feature) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    /// CPUID's vendor string: `GenuineIntel`, `AuthenticAMD`, `HygonGenuine`, ...
    public var vendor: String
    /// The brand string, e.g. `AMD EPYC 7R13 Processor` (empty when the CPU has none).
    public var model: String
    /// Family and model numbers, extended parts included (Zen 4 is family 25, model 17).
    public var family: Int
    public var modelNumber: Int
    /// The usable extensions.
    public var features: Set<Feature>

    public init(vendor: String, features: Set<Feature>, model: String = "", family: Int = 0, modelNumber: Int = 0) {
        self.vendor = vendor
        self.features = features
        self.model = model
        self.family = family
        self.modelNumber = modelNumber
    }

    /// AMD and its licensee Hygon, whose AVX2 cores OpenBLAS serves with its `Zen` kernels.
    public var isAMD: Bool { vendor == "AuthenticAMD" || vendor == "HygonGenuine" }

    /// Whether every one of `required` is usable.
    public func has(_ required: Feature...) -> Bool { required.allSatisfy(features.contains) }

    /// This machine's processor, read once.
    public static let current = CPUFeatures.read()

    private static func read() -> CPUFeatures {
        var info = ccpu_info()
        ccpu_read(&info)
        let vendor = withUnsafeBytes(of: info.vendor) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let model = withUnsafeBytes(of: info.brand) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let avxState = info.os_saves_avx != 0, avx512State = avxState && info.os_saves_avx512 != 0
        let flags: [(Feature, Int32, Bool)] = [
            (.sse3, info.sse3, true), (.ssse3, info.ssse3, true), (.sse4_1, info.sse4_1, true),
            (.sse4_2, info.sse4_2, true), (.avx, info.avx, avxState), (.fma, info.fma, avxState),
            (.avx2, info.avx2, avxState), (.avx512f, info.avx512f, avx512State),
            (.avx512dq, info.avx512dq, avx512State), (.avx512cd, info.avx512cd, avx512State),
            (.avx512bw, info.avx512bw, avx512State), (.avx512vl, info.avx512vl, avx512State),
            (.avx512vnni, info.avx512_vnni, avx512State), (.avx512bf16, info.avx512_bf16, avx512State),
        ]
        return CPUFeatures(
            vendor: vendor, features: Set(flags.filter { $0.1 != 0 && $0.2 }.map(\.0)), model: model,
            family: Int(info.family), modelNumber: Int(info.model))
    }
}
