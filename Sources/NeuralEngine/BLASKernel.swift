/// Which OpenBLAS kernel (its "core type") a CPU should run: the choice table, and the
/// generations that say whether one kernel is older than another.
///
///     BLASKernel.best(for: CPUFeatures(vendor: "GenuineIntel", features: [.avx, .avx2, .fma]))
///     // BLASKernel.Choice(coreType: "Haswell", because: [.avx2, .fma])
///
/// OpenBLAS built with `DYNAMIC_ARCH` picks a kernel when it loads, from a list of CPU models
/// it knows; on a CPU newer than its list it falls back to `Prescott`, the SSE3 kernels, a
/// quarter of the machine's speed. The table here goes by instruction sets instead, so a new
/// CPU still gets the best kernel its extensions can run. The names are OpenBLAS 0.3.21's
/// (what `OPENBLAS_CORETYPE` accepts and `openblas_get_corename()` returns).
public enum BLASKernel {
    /// A kernel for a CPU, with the features that decided it.
    public struct Choice: Sendable, Equatable {
        public var coreType: String
        public var because: [CPUFeatures.Feature]
    }

    /// The best kernel `cpu` can run, or nil when it has not even AVX: then OpenBLAS' own
    /// choice among its SSE kernels stands.
    public static func best(for cpu: CPUFeatures) -> Choice? {
        candidates(for: cpu).first
    }

    /// Every kernel of the AVX era `cpu` can run, best first (what `labbook-bench` measures).
    public static func candidates(for cpu: CPUFeatures) -> [Choice] {
        var choices: [Choice] = []
        let avx512: [CPUFeatures.Feature] = [.avx512f, .avx512bw, .avx512dq, .avx512vl]
        if cpu.has(.avx512f, .avx512bw, .avx512dq, .avx512vl) {
            if cpu.has(.avx512bf16) { choices.append(Choice(coreType: "Cooperlake", because: avx512 + [.avx512bf16])) }
            choices.append(Choice(coreType: "SkylakeX", because: avx512))
        }
        if cpu.has(.avx2, .fma) {
            // The same AVX2 kernels, blocked for each vendor's caches.
            choices.append(Choice(coreType: cpu.isAMD ? "Zen" : "Haswell", because: [.avx2, .fma]))
        }
        if cpu.has(.avx) { choices.append(Choice(coreType: "Sandybridge", because: [.avx])) }
        return choices
    }

    /// How new a kernel's instruction set is: 0 SSE, 1 AVX, 2 AVX2 and FMA, 3 AVX-512,
    /// 4 AVX-512 with BF16; nil for a name this table does not know (a newer OpenBLAS' kernel,
    /// which Labbook then leaves alone).
    public static func generation(of coreType: String) -> Int? {
        generations[coreType.lowercased()]
    }

    /// Whether OpenBLAS running `current` should be switched to `better`: only from a kernel
    /// this table knows to be of an older generation.
    public static func isOlder(_ current: String, than better: String) -> Bool {
        guard let old = generation(of: current), let new = generation(of: better) else { return false }
        return old < new
    }

    private static let generations: [String: Int] = {
        var table: [String: Int] = [:]
        let sse = ["Unknown", "Katmai", "Coppermine", "Northwood", "Prescott", "Banias", "Atom", "Core2", "Penryn",
                   "Dunnington", "Nehalem", "Athlon", "Opteron", "Opteron_SSE3", "Opteron(SSE3)", "Barcelona",
                   "Nano", "Bobcat"]
        for name in sse { table[name.lowercased()] = 0 }
        for name in ["Sandybridge", "Bulldozer", "Piledriver", "Steamroller"] { table[name.lowercased()] = 1 }
        for name in ["Haswell", "Zen", "Excavator"] { table[name.lowercased()] = 2 }
        table["skylakex"] = 3
        table["cooperlake"] = 4
        return table
    }()
}
