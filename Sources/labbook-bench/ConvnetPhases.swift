import Foundation
import NeuralEngine

/// `labbook-bench --phases`: where a training step of keras.io's MNIST convnet spends its
/// time, layer by layer and direction by direction, on real batches of 128 images. Each
/// layer's `forward` and `backward` is called directly (the loss gradient between them is the
/// softmax cross-entropy's, `output - target`), timed in wall-clock and in this process's CPU
/// time (which counts OpenBLAS' threads, also while they spin waiting for work). The figures
/// are the best over the repetitions, per phase: on a shared machine the best is the least
/// disturbed.
enum ConvnetPhases {
    struct Timing {
        var wall = Double.infinity
        var cpu = Double.infinity
        mutating func keepBest(wall: Double, cpu: Double) {
            self.wall = min(self.wall, wall)
            self.cpu = min(self.cpu, cpu)
        }
    }

    /// Times `steps` training steps of `net` (built, not compiled) on consecutive batches of
    /// `images` (`[n, 28, 28, 1]`, 0-1) and one-hot `labels`; returns one timing per phase, forward
    /// phases first, in layer order, then the backward phases from the last layer down.
    static func measure(_ net: Sequential, images: Tensor, labels: Tensor, batchSize: Int = 128, steps: Int = 20)
        -> [(phase: String, timing: Timing)]
    {
        let layers = net.layers
        let sizes = [28 * 28] + layers.map { $0.outputShape.reduce(1, *) }
        func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
            let p = UnsafeMutablePointer<Float>.allocate(capacity: count)
            p.initialize(repeating: 0, count: count)
            return p
        }
        let buffers = sizes.map { allocate(batchSize * $0) }, gradients = sizes.map { allocate(batchSize * $0) }
        defer { for p in buffers + gradients { p.deallocate() } }
        var rng = RandomGenerator(seed: 3)
        var forward = [Timing](repeating: Timing(), count: layers.count)
        var backward = forward
        let samples = images.shape[0] / batchSize
        for step in 0..<steps {
            let first = (step % samples) * batchSize
            images.scalars.withUnsafeBufferPointer { buffers[0].update(from: $0.baseAddress! + first * 784, count: batchSize * 784) }
            for (i, layer) in layers.enumerated() {
                let (wall, cpu) = timed {
                    layer.forward(buffers[i], into: buffers[i + 1], batchSize: batchSize, training: true, rng: &rng)
                }
                forward[i].keepBest(wall: wall, cpu: cpu)
            }
            // Categorical cross-entropy of the softmax output: d(mean loss)/d(output) = -target / output / batch.
            let out = layers.count
            for r in 0..<batchSize {
                for j in 0..<10 {
                    let target = labels.scalars[(first + r) * 10 + j]
                    gradients[out][r * 10 + j] = -target / max(buffers[out][r * 10 + j], 1e-7) / Float(batchSize)
                }
            }
            for i in stride(from: layers.count - 1, through: 0, by: -1) {
                let (wall, cpu) = timed {
                    layers[i].backward(input: buffers[i], output: buffers[i + 1], outputGradient: gradients[i + 1],
                                       inputGradient: i > 0 ? gradients[i] : nil, batchSize: batchSize, update: .store)
                }
                backward[i].keepBest(wall: wall, cpu: cpu)
            }
        }
        return layers.enumerated().map { ("\($0.element.name) forward", forward[$0.offset]) }
            + layers.enumerated().reversed().map { ("\($0.element.name) backward", backward[$0.offset]) }
    }

    private static func timed(_ body: () -> Void) -> (wall: Double, cpu: Double) {
        let start = ContinuousClock.now, cpuStart = ProductBenchmark.processCPUSeconds()
        body()
        return (start.duration(to: .now) / .seconds(1), ProductBenchmark.processCPUSeconds() - cpuStart)
    }

    /// Prints the phases of each labelled variant side by side (ms per batch of 128, best of
    /// `steps`), with each variant's total.
    static func report(_ variants: [(label: String, phases: [(phase: String, timing: Timing)])]) {
        guard let first = variants.first else { return }
        print("| phase | " + variants.map { "\($0.label): ms wall (CPU ms)" }.joined(separator: " | ") + " |")
        print("|---|" + String(repeating: "---:|", count: variants.count))
        for (index, row) in first.phases.enumerated() {
            let cells = variants.map { String(format: "%.2f (%.2f)", $0.phases[index].timing.wall * 1e3,
                                              $0.phases[index].timing.cpu * 1e3) }
            print("| \(row.phase) | " + cells.joined(separator: " | ") + " |")
        }
        let totals = variants.map { v in
            String(format: "%.2f (%.2f)", v.phases.reduce(0) { $0 + $1.timing.wall } * 1e3,
                   v.phases.reduce(0) { $0 + $1.timing.cpu } * 1e3)
        }
        print("| total | " + totals.joined(separator: " | ") + " |")
    }
}
