import Foundation
import NeuralEngine

/// keras.io's "Simple MNIST convnet" (Conv2D 32 3x3 relu, MaxPooling 2, Conv2D 64 3x3 relu,
/// MaxPooling 2, Flatten, Dropout 0.5, Dense 10 softmax; Adam, categorical cross-entropy,
/// batch 128, 54,000 training + 6,000 validation images scaled to 0-1), timed per epoch.
/// GFLOP/s count the convolution products only (forward, kernel gradient, and the second
/// layer's input gradient; the first layer needs none), and sgemm runs those same product
/// shapes (whole-batch, as one product each) right after each epoch for the ratio, under every
/// kernel the CPU can run, in the columns of the dense models.
enum ConvnetBenchmark {
    /// PyTorch 2.13 CPU (oneDNN) on the same model, measured on the issue's machine with
    /// other load present.
    static let pytorchSeconds = 23.0...31.0

    /// The convolution products of one training step, per layer: (patch rows, filters, patch size).
    static func trainingStep(batchSize b: Int) -> [ProductShape] {
        let layers = [(rows: b * 26 * 26, filters: 32, patch: 3 * 3 * 1, inputGradient: false),
                      (rows: b * 11 * 11, filters: 64, patch: 3 * 3 * 32, inputGradient: true)]
        return layers.flatMap { l in
            [ProductShape(m: l.rows, n: l.filters, k: l.patch),
             ProductShape(m: l.patch, n: l.filters, k: l.rows, transposeA: true)]
                + (l.inputGradient ? [ProductShape(m: l.rows, n: l.patch, k: l.filters, transposeB: true)] : [])
        }
    }

    /// The example's model, built for 28 x 28 x 1 images (weights drawn from `rng`).
    static func model(rng: inout RandomGenerator, products: Convolution.Products = .grouped) throws -> Sequential {
        let names = LayerNames()
        let net = Sequential(name: names.next("sequential"))
        try net.add(Convolution(rank: 2, filters: 32, kernelSize: [3, 3], activation: .relu, inputShape: [28, 28, 1],
                                name: names.next("conv2d")), rng: &rng)
        try net.add(Pooling(.max, rank: 2, poolSize: [2, 2], name: names.next("max_pooling2d")), rng: &rng)
        try net.add(Convolution(rank: 2, filters: 64, kernelSize: [3, 3], activation: .relu, name: names.next("conv2d")), rng: &rng)
        try net.add(Pooling(.max, rank: 2, poolSize: [2, 2], name: names.next("max_pooling2d")), rng: &rng)
        try net.add(Flatten(name: names.next("flatten")), rng: &rng)
        try net.add(Dropout(rate: 0.5, name: names.next("dropout")), rng: &rng)
        try net.add(Dense(units: 10, activation: .softmax, name: names.next("dense")), rng: &rng)
        for case let conv as Convolution in net.layers { conv.products = products }
        return net
    }

    /// The images as the example scales them: `[n, 28, 28, 1]`, 0-1.
    static func scaled(_ pixels: ByteTensor) -> Tensor {
        Tensor(shape: [pixels.shape[0], 28, 28, 1], scalars: pixels.bytes.map { Float($0) / 255 })
    }

    /// Trains the model for `epochs` and prints its row; `products` says how the convolutions
    /// cut their matrix products (`convnet-whole` in `--models` runs the whole-batch products,
    /// the first implementation, to compare in the same run).
    static func run(pixels: ByteTensor, labels: Tensor, test: (ByteTensor, Tensor)?, epochs: Int,
                    products: Convolution.Products = .grouped) {
        let batchSize = 128
        let images = scaled(pixels)
        var rng = RandomGenerator(seed: 0)
        let label = "convnet (keras.io)" + (products == .grouped ? "" : ", \(products.rawValue) products")
        do {
            let net = try model(rng: &rng, products: products)
            try net.compile(optimizer: Adam(), loss: .categoricalCrossentropy, metrics: [.accuracy])
            let shapes = trainingStep(batchSize: batchSize)
            let forwardPerImage: Double = 2 * Double(26 * 26 * 32 * 9) + 2 * Double(11 * 11 * 64 * 288)
            let epochFlops = shapes.reduce(0) { $0 + $1.flops } * 54_000 / Double(batchSize) + forwardPerImage * 6000
            var measured = EpochMeasurements(shapes: shapes, epochFlops: epochFlops)
            _ = try net.fit(images, labels, batchSize: batchSize, epochs: epochs, validationSplit: 0.1, rng: &rng) {
                measured.observe($0)
            }
            if let (testX, testY) = test {
                let testImages = scaled(testX)
                let result = try net.evaluate(testImages, testY, rng: &rng)
                print("\(label): " + String(format: "test loss %.3f, test accuracy %.3f", result[0], result[1]))
            }
            // As the dense rows: best epoch, and medians of sgemm and of each epoch's ratio to it.
            let best = measured.best, figures = measured.figures(secondsDecimals: 2)
            let pytorch = String(format: "%.0f-%.0f (oneDNN, issue's machine)", pytorchSeconds.lowerBound, pytorchSeconds.upperBound)
            print("| \(label) | \(figures) | | \(pytorch) | ≤ 8 s | \(best <= 8 ? "yes" : "no") |")
        } catch {
            print("| \(label) | error: \(error) | | | | | | | | |")
        }
    }
}
