/// What one part of a batch (`SampleGroups`) needs of its own while a convolution runs: the
/// patch matrix of its current group (also the patch gradient, backward, once the kernel
/// gradient has read the patches) and its sums of the kernel and bias gradients.
final class PartScratch {
    let patches: FloatBuffer
    let kernelGradient: FloatBuffer
    let biasGradient: FloatBuffer

    init(patchCount: Int, kernelCount: Int, filters: Int) {
        patches = FloatBuffer(count: patchCount)
        kernelGradient = FloatBuffer(count: kernelCount)
        biasGradient = FloatBuffer(count: filters)
    }
}

/// `Convolution`'s products cut by `SampleGroups`. Per group, forward: im2col, the product with
/// the kernel, bias and activation; backward: the activation's derivative (and the bias
/// gradient's column sums), im2col again (cheaper than keeping a whole batch's patches, which
/// would leave the cache), the kernel gradient `patchesᵀ · dz` added to the part's sum, and for
/// every layer but the first the patch gradient `dz · kernelᵀ` and col2im into the input
/// gradient. Parts run concurrently, each product on its own thread's OpenBLAS.
extension Convolution {
    /// Samples per group: as many as fit their patch matrix and product in `groupBudget`.
    var groupSize: Int {
        guard let window else { preconditionFailure("\(className) before build") }
        let floatsPerSample = window.outputPositions * (window.patchSize + settings.filters)
        return SampleGroups.groupSize(bytesPerSample: floatsPerSample * MemoryLayout<Float>.size, budget: groupBudget)
    }

    func sampleGroups(batchSize: Int) -> SampleGroups {
        SampleGroups(batchSize: batchSize, groupSize: groupSize)
    }

    func reserveGroups() {
        guard let window, partScratch.isEmpty else { return }
        let groupSize = groupSize, filters = settings.filters
        partScratch = (0..<SampleGroups.partCount).map { _ in
            PartScratch(patchCount: groupSize * window.outputPositions * window.patchSize,
                        kernelCount: window.patchSize * filters, filters: filters)
        }
    }

    func forwardGroups(_ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int) {
        guard let window, let kernel else { preconditionFailure("\(className).forward before build") }
        let cut = sampleGroups(batchSize: batchSize), scratch = partScratch
        let positions = window.outputPositions, k = window.patchSize
        let (filters, activation) = (settings.filters, settings.activation)
        let w = UnsafePointer(kernel.value.pointer), b = bias.map { UnsafePointer($0.value.pointer) }
        let z = activation.needsPreactivation ? preactivation!.pointer : output
        BLAS.withSerialProducts {
            Parallel.forEach(cut.parts.count) { part in
                let cols = scratch[part].patches.pointer
                for group in cut.groups(ofPart: part) {
                    let rows = group.count * positions, offset = group.lowerBound * positions * filters
                    window.patches(of: input + group.lowerBound * window.inputSize, samples: group.count, into: cols)
                    BLAS.serialGemm(transposeA: false, transposeB: false, m: rows, n: filters, k: k,
                                    a: cols, lda: k, b: w, ldb: filters, beta: 0, c: z + offset, ldc: filters)
                    activation.forward(z + offset, output + offset, rows: rows, width: filters, bias: b)
                }
            }
        }
    }

    func backwardGroups(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient dz: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        guard let window, let kernel else { preconditionFailure("\(className).backward before forward") }
        guard batchSize > 0 else { return }
        let cut = sampleGroups(batchSize: batchSize), scratch = partScratch
        let positions = window.outputPositions, k = window.patchSize
        let (filters, activation) = (settings.filters, settings.activation)
        let w = UnsafePointer(kernel.value.pointer), hasBias = bias != nil
        let z = preactivation.map { UnsafePointer($0.pointer) }
        BLAS.withSerialProducts {
            Parallel.forEach(cut.parts.count) { part in
                let cols = scratch[part].patches.pointer, kernelSum = scratch[part].kernelGradient.pointer
                let biasSum = scratch[part].biasGradient
                biasSum.fill(0)
                for (index, group) in cut.groups(ofPart: part).enumerated() {
                    let rows = group.count * positions, offset = group.lowerBound * positions * filters
                    let images = group.lowerBound * window.inputSize
                    activation.backward(dz + offset, output: output + offset, preactivation: z.map { $0 + offset },
                                        rows: rows, width: filters, columnSums: hasBias ? biasSum.pointer : nil)
                    window.patches(of: input + images, samples: group.count, into: cols)
                    BLAS.serialGemm(transposeA: true, transposeB: false, m: k, n: filters, k: rows,
                                    a: cols, lda: k, b: dz + offset, ldb: filters,
                                    beta: index == 0 ? 0 : 1, c: kernelSum, ldc: filters)
                    // The input gradient from the kernel of the forward pass (before a descent step).
                    if let inputGradient {
                        BLAS.serialGemm(transposeA: false, transposeB: true, m: rows, n: k, k: filters,
                                        a: dz + offset, lda: filters, b: w, ldb: filters, beta: 0, c: cols, ldc: k)
                        window.accumulatePatches(cols, samples: group.count, into: inputGradient + images)
                    }
                }
            }
        }
        // The parts' sums added in part order, into the gradients or (plain SGD) the weights.
        sum(cut.parts.count, of: \.kernelGradient, into: kernel, update: update)
        if let bias { sum(cut.parts.count, of: \.biasGradient, into: bias, update: update) }
    }

    /// The first `parts` parts' sums added in order into `parameter`'s gradient (over it, unless
    /// accumulating), then a descent step when `update` says so.
    private func sum(_ parts: Int, of sums: KeyPath<PartScratch, FloatBuffer>, into parameter: Parameter, update: ParameterUpdate) {
        let g = parameter.gradient.pointer, n = parameter.count
        for part in 0..<parts {
            let values = partScratch[part][keyPath: sums].pointer
            if part == 0 && update != .accumulate {
                g.update(from: values, count: n)
            } else {
                for i in 0..<n { g[i] += values[i] }
            }
        }
        if case let .descend(rate) = update { parameter.descend(rate) }
    }
}
