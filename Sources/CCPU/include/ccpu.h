#ifndef CCPU_H
#define CCPU_H

/// The processor, for NeuralEngine: what CPUID and XGETBV report (`ccpu_read`), and a cache
/// hint (`ccpu_prefetch`). Swift has no intrinsics for either.
///
/// What CPUID and XGETBV report about the processor this process runs on: the instruction
/// sets the BLAS kernel choice depends on, and whether the operating system saves their
/// registers (a CPU flag without the OS's support is unusable). All zero on other
/// architectures.
typedef struct {
    char vendor[13];      /* "GenuineIntel", "AuthenticAMD", ... */
    char brand[49];       /* "AMD EPYC 9R14 96-Core Processor", trimmed */
    unsigned family;      /* base + extended family, as the vendors document it */
    unsigned model;       /* base + extended model */
    int sse3, ssse3, sse4_1, sse4_2, avx, fma, avx2;
    int avx512f, avx512dq, avx512cd, avx512bw, avx512vl, avx512_bf16, avx512_vnni;
    int os_saves_avx;     /* XCR0 bits 1 and 2: SSE and AVX state */
    int os_saves_avx512;  /* XCR0 bits 5, 6 and 7: opmask and ZMM state */
} ccpu_info;

/// Fills `info` from CPUID leaves 0, 1, 7 (sub-leaves 0 and 1) and 0x80000002-4.
void ccpu_read(ccpu_info *info);

/// Asks the CPU to start loading the cache line at `address` (no fault, no wait): the rows of
/// the next training batch, scattered over a large data set, arrive while this batch's
/// products run. Inline, so a Swift loop compiles it to the one instruction.
static inline void ccpu_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
