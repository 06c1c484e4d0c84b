// The only place that executes CPUID: NeuralEngine's CPUFeatures turns the result into a
// Swift value. Kept in C because Swift has no CPUID intrinsic.
#include "ccpu.h"
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>

static unsigned long long read_xcr0(void) {
    unsigned eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

static void trim(char *text) {
    size_t start = 0, length = strlen(text);
    while (text[start] == ' ') start++;
    while (length > start && text[length - 1] == ' ') length--;
    memmove(text, text + start, length - start);
    text[length - start] = 0;
}

void ccpu_read(ccpu_info *info) {
    unsigned a, b, c, d;
    memset(info, 0, sizeof *info);
    if (!__get_cpuid(0, &a, &b, &c, &d)) return;
    unsigned highest = a;
    memcpy(info->vendor, &b, 4);
    memcpy(info->vendor + 4, &d, 4);
    memcpy(info->vendor + 8, &c, 4);

    __get_cpuid(1, &a, &b, &c, &d);
    unsigned family = (a >> 8) & 0xf, model = (a >> 4) & 0xf;
    if (family == 0xf) family += (a >> 20) & 0xff;
    if (family == 0x6 || family >= 0xf) model += ((a >> 16) & 0xf) << 4;
    info->family = family;
    info->model = model;
    info->sse3 = (c >> 0) & 1;
    info->ssse3 = (c >> 9) & 1;
    info->fma = (c >> 12) & 1;
    info->sse4_1 = (c >> 19) & 1;
    info->sse4_2 = (c >> 20) & 1;
    int osxsave = (c >> 27) & 1;
    info->avx = (c >> 28) & 1;
    if (osxsave) {
        unsigned long long xcr0 = read_xcr0();
        info->os_saves_avx = (xcr0 & 0x6) == 0x6;
        info->os_saves_avx512 = (xcr0 & 0xe6) == 0xe6;
    }
    if (highest >= 7) {
        __get_cpuid_count(7, 0, &a, &b, &c, &d);
        unsigned subleaves = a;
        info->avx2 = (b >> 5) & 1;
        info->avx512f = (b >> 16) & 1;
        info->avx512dq = (b >> 17) & 1;
        info->avx512cd = (b >> 28) & 1;
        info->avx512bw = (b >> 30) & 1;
        info->avx512vl = (b >> 31) & 1;
        info->avx512_vnni = (c >> 11) & 1;
        if (subleaves >= 1) {
            __get_cpuid_count(7, 1, &a, &b, &c, &d);
            info->avx512_bf16 = (a >> 5) & 1;
        }
    }
    unsigned brand[12];
    if (__get_cpuid(0x80000000, &a, &b, &c, &d) && a >= 0x80000004) {
        for (unsigned leaf = 0; leaf < 3; leaf++)
            __get_cpuid(0x80000002 + leaf, &brand[leaf * 4], &brand[leaf * 4 + 1], &brand[leaf * 4 + 2],
                        &brand[leaf * 4 + 3]);
        memcpy(info->brand, brand, 48);
        trim(info->brand);
    }
}
#else
void ccpu_read(ccpu_info *info) { memset(info, 0, sizeof *info); }
#endif
