// labbook-bench: time per epoch and GFLOP/s of the reference notebook's dense networks on
// MNIST-shaped data (54,000 training + 6,000 validation samples of 784 features), next to
// this machine's sgemm throughput on the same product shapes under the best BLAS kernel the
// CPU can run, measured in the same run (KernelComparison).
//
//   swift run -c release labbook-bench [--epochs N] [--models 32,512,2048,512x5,32x5@16,convnet,convnet-whole]
//                                      [--threads T] [--threshold N] [--sweep] [--phases] [--mnist DIR]
import Foundation
import NeuralEngine

if CommandLine.arguments.dropFirst().first == KernelComparison.childFlag {
    KernelComparison.runChild(Array(CommandLine.arguments.dropFirst(2)))
}
BLASKernelRelaunch.ensureBestKernel()

struct ModelCase {
    let label: String
    let hidden: [Int]
    let batchSize: Int
    /// Keras 3 on TensorFlow's seconds per epoch on an older 2-core AMD development host;
    /// the small models' target is "5x faster than Keras".
    let kerasSeconds: Double?
    /// PyTorch 2.13's (MKL, AVX-512) seconds per epoch on a 2-core Intel Xeon (family 6,
    /// model 207), measured beside Labbook when that machine's OpenBLAS fell back to Prescott.
    let pytorchSeconds: Double?

    static func parse(_ text: String) -> ModelCase? {
        var spec = Substring(text), batch = 128
        if let at = spec.firstIndex(of: "@") {
            guard let b = Int(spec[spec.index(after: at)...]) else { return nil }
            batch = b
            spec = spec[..<at]
        }
        let parts = spec.split(separator: "x")
        guard let width = parts.first.flatMap({ Int($0) }) else { return nil }
        let depth = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
        let label = "[\(width)]" + (depth > 1 ? "*\(depth)" : "") + (batch != 128 ? " @\(batch)" : "")
        let keras: Double? = switch (width, depth, batch) {
        case (32, 1, 128): 1.07
        case (32, 5, 16): 5.9
        default: nil
        }
        let pytorch: Double? = switch (width, depth, batch) {
        case (32, 1, 128): 0.55
        case (512, 1, 128): 2.29
        case (2048, 1, 128): 8.54
        default: nil
        }
        return ModelCase(label: label, hidden: Array(repeating: width, count: depth), batchSize: batch,
                         kerasSeconds: keras, pytorchSeconds: pytorch)
    }
}

var epochs = 2
var modelSpecs = ["32", "512", "2048", "512x5", "32x5@16", "convnet"]
var sweep = false
var phases = false
var phaseVariants = Convolution.Products.allCases
var mnistDirectory: String?
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    switch flag {
    case "--epochs": epochs = Int(arguments.popFirst() ?? "") ?? epochs
    case "--models": modelSpecs = (arguments.popFirst() ?? "").split(separator: ",").map(String.init)
    case "--threads": BLAS.threads = Int(arguments.popFirst() ?? "") ?? BLAS.threads
    case "--threshold": BLAS.parallelThreshold = Int(arguments.popFirst() ?? "") ?? BLAS.parallelThreshold
    case "--sweep": sweep = true
    case "--phases": phases = true
    case "--products":
        phaseVariants = (arguments.popFirst() ?? "").split(separator: ",").compactMap { Convolution.Products(rawValue: String($0)) }
    case "--mnist": mnistDirectory = arguments.popFirst()
    default:
        print("usage: labbook-bench [--epochs N] [--models 32,512,2048,512x5,32x5@16,convnet] [--threads T] [--threshold N] "
              + "[--sweep] [--phases [--products grouped,wholeBatch]] [--mnist DIR]")
        exit(2)
    }
}
let cases = modelSpecs.compactMap(ModelCase.parse)

// --sweep: each product of each model's training step on 1 and on all threads, to choose
// BLAS.parallelThreshold (products below it run on one thread).
if sweep {
    let threads = BLAS.threads, threshold = BLAS.parallelThreshold
    BLAS.parallelThreshold = 0
    print("| product | multiply-adds | GFLOP/s, 1 thread | GFLOP/s, \(threads) threads |")
    print("|---|---:|---:|---:|")
    var done = Set<ProductShape>()
    for model in cases {
        for shape in ProductShape.trainingStep(widths: [784] + model.hidden + [10], batchSize: model.batchSize)
        where done.insert(shape).inserted {
            BLAS.threads = 1
            let one = ProductBenchmark.gflops([shape], seconds: 0.3).wallGFLOPs
            BLAS.threads = threads
            let all = ProductBenchmark.gflops([shape], seconds: 0.3).wallGFLOPs
            print(String(format: "| \(shape) | %d | %.1f | %.1f |", shape.m * shape.n * shape.k, one, all))
        }
    }
    BLAS.parallelThreshold = threshold
    exit(0)
}

// Synthetic MNIST: uniform 0...255 pixels (uint8, as mnist.load_data gives them), random labels.
let samples = 60_000, features = 784, classes = 10
func syntheticMNIST() -> (ByteTensor, Tensor) {
    var rng = RandomGenerator(seed: 1)
    var bytes = [UInt8](repeating: 0, count: samples * features)
    for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: rng.next() >> 56) }
    var oneHot = [Float](repeating: 0, count: samples * classes)
    for i in 0..<samples { oneHot[i * classes + rng.nextInt(below: classes)] = 1 }
    return (ByteTensor(shape: [samples, features], bytes: bytes), Tensor(shape: [samples, classes], scalars: oneHot))
}
/// Uncompressed IDX files (train-images-idx3-ubyte, ...) in `directory`: the payload after
/// the header of `headerBytes` bytes.
func idx(_ directory: String, _ name: String, headerBytes: Int) -> [UInt8]? {
    guard let data = FileManager.default.contents(atPath: directory + "/" + name), data.count > headerBytes else {
        print("--mnist: cannot read \(directory)/\(name) (uncompressed IDX files are expected; gunzip them first)")
        return nil
    }
    return [UInt8](data.dropFirst(headerBytes))
}

func oneHot(_ labels: [UInt8]) -> Tensor {
    var values = [Float](repeating: 0, count: labels.count * classes)
    for (i, label) in labels.enumerated() { values[i * classes + Int(label)] = 1 }
    return Tensor(shape: [labels.count, classes], scalars: values)
}

var testSet: (ByteTensor, Tensor)?
let (pixels, labels): (ByteTensor, Tensor)
if let directory = mnistDirectory,
   let images = idx(directory, "train-images-idx3-ubyte", headerBytes: 16),
   let trainLabels = idx(directory, "train-labels-idx1-ubyte", headerBytes: 8),
   let testImages = idx(directory, "t10k-images-idx3-ubyte", headerBytes: 16),
   let testLabels = idx(directory, "t10k-labels-idx1-ubyte", headerBytes: 8) {
    (pixels, labels) = (ByteTensor(shape: [samples, features], bytes: images), oneHot(trainLabels))
    testSet = (ByteTensor(shape: [10_000, features], bytes: testImages), oneHot(testLabels))
    print("MNIST from \(directory)")
} else {
    (pixels, labels) = syntheticMNIST()
}

print("labbook-bench (labbook \(LabbookVersion.current))")
// --phases: the convnet's training step, phase by phase (ConvnetPhases).
if phases {
    for line in BLASReport.current().lines { print(line) }
    let images = ConvnetBenchmark.scaled(pixels)
    // Each variant measured in turn, three times over, keeping each phase's best: a shared
    // machine disturbs them alike.
    var results: [Convolution.Products: [(phase: String, timing: ConvnetPhases.Timing)]] = [:]
    for _ in 0..<3 {
        for products in phaseVariants {
            var rng = RandomGenerator(seed: 0)
            let net = try ConvnetBenchmark.model(rng: &rng, products: products)
            let phases = ConvnetPhases.measure(net, images: images, labels: labels)
            results[products] = results[products].map { old in
                zip(old, phases).map { a, b in
                    var t = a.timing
                    t.keepBest(wall: b.timing.wall, cpu: b.timing.cpu)
                    return (a.phase, t)
                }
            } ?? phases
        }
    }
    ConvnetPhases.report(phaseVariants.map { ($0.rawValue, results[$0]!) })
    exit(0)
}
for line in BLASReport.current().lines { print(line) }
print("\(epochs) epoch(s) per model, single-thread below \(BLAS.parallelThreshold) multiply-adds")
let square = KernelComparison.measure([ProductShape(m: 1024, n: 1024, k: 1024)], seconds: 1)
print("sgemm 1024x1024x1024, GFLOP/s per kernel: " + square.map {
    $0.coreType + String(format: " %.1f", $0.throughput.wallGFLOPs)
}.joined(separator: ", "))
print("Wall-clock figures; CPU-time figures (this process's CPU seconds, all threads) in brackets, which")
print("are what the code costs when other work shares the cores. Right after each epoch sgemm runs the")
print("model's products on the same shapes under every kernel the CPU can run (the one in use here, the")
print("others in child processes); the ratio is the median over epochs of epoch GFLOP/s / the best of them.")
print("References (fixed figures, s/epoch, not measured here): Keras 3 on TensorFlow 2.x on an older 2-core AMD")
print("development host; PyTorch 2.13 (MKL) on a 2-core Intel Xeon (family 6, model 207).")
print()
print("| model | s/epoch (best) | GFLOP/s (best epoch) | sgemm GFLOP/s, best kernel (median) | ratio (median) "
    + "| sgemm, kernel in use | Keras/TF, AMD host | PyTorch, Xeon host | target | met |")
print("|---|---:|---:|---|---:|---:|---:|---:|---|---|")
for model in cases {
    let widths = [features] + model.hidden + [classes]
    var rng = RandomGenerator(seed: 0)
    let names = LayerNames()
    let net = Sequential(name: names.next("sequential"))
    do {
        for (i, units) in (model.hidden + [classes]).enumerated() {
            try net.add(Dense(units: units, activation: i == model.hidden.count ? .softmax : .sigmoid,
                              inputShape: i == 0 ? [features] : nil, name: names.next("dense")), rng: &rng)
        }
        try net.compile(optimizer: SGD(), loss: .categoricalCrossentropy, metrics: [.accuracy])
        // FLOPs per epoch: training steps over 54,000 samples, then the validation forward pass.
        let trainSamples = 54_000
        let shapes = ProductShape.trainingStep(widths: widths, batchSize: model.batchSize)
        let stepFlops = shapes.reduce(0) { $0 + $1.flops }
        let forwardPerSample = zip(widths, widths.dropFirst()).reduce(0.0) { $0 + 2 * Double($1.0 * $1.1) }
        let epochFlops = stepFlops * Double(trainSamples) / Double(model.batchSize) + forwardPerSample * 6000
        var measured = EpochMeasurements(shapes: shapes, epochFlops: epochFlops)
        _ = try net.fit(pixels, labels, batchSize: model.batchSize, epochs: epochs, validationSplit: 0.1, rng: &rng) {
            measured.observe($0)
        }
        if let (testX, testY) = testSet {
            let result = try net.evaluate(testX, testY, rng: &rng)
            print("\(model.label): " + String(format: "test loss %.3f, test accuracy %.3f", result[0], result[1]))
        }
        let best = measured.best, ratio = measured.ratio
        let target: String, met: Bool
        if let keras = model.kerasSeconds {
            target = String(format: "≤ %.3f s (Keras %.2f s / 5)", keras / 5, keras)
            met = best <= keras / 5
        } else {
            target = "≥ 70% of sgemm"
            met = ratio >= 0.7
        }
        let figures = measured.figures(secondsDecimals: 3)
        let references = [model.kerasSeconds, model.pytorchSeconds].map { $0.map { String(format: "%.2f", $0) } ?? "" }
        print("| \(model.label) | \(figures) | \(references.joined(separator: " | ")) | \(target) | \(met ? "yes" : "no") |")
    } catch {
        print("| \(model.label) | error: \(error) | | | | | | | | |")
    }
}
for (spec, products) in [("convnet", Convolution.Products.grouped), ("convnet-whole", .wholeBatch)]
where modelSpecs.contains(spec) {
    ConvnetBenchmark.run(pixels: pixels, labels: labels, test: testSet, epochs: epochs, products: products)
}
