/// `keras.layers.GlobalAveragePooling2D`, `GlobalMaxPooling2D` and their 1-D forms: each
/// channel's mean (or maximum) over all positions, `(h, w, c)` or `(steps, c)` to `(c)`.
///
/// ```swift
/// let gap = GlobalPooling(.average, rank: 2, name: names.next("global_average_pooling2d"))
/// // (7, 7, 64) -> (64)
/// ```
public final class GlobalPooling: LayerCore, WeightlessLayer {
    public let kind: Pooling.Kind
    public let rank: Int
    public var className: String { (kind == .max ? "GlobalMaxPooling" : "GlobalAveragePooling") + "\(rank)D" }
    private var positions = 0
    /// For the maximum: the position each channel's maximum came from.
    private let sources = IndexBuffer()

    /// `GlobalAveragePooling2D()`.
    public init(_ kind: Pooling.Kind, rank: Int, inputShape: [Int]? = nil, name: String) {
        self.kind = kind
        self.rank = rank
        super.init(inputShape: inputShape, name: name)
    }

    public var spec: LayerSpec { .globalPooling(kind, rank: rank, name: name, inputShape: declaredInputShape) }

    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        guard inputShape.count == rank + 1 else {
            throw KerasError(.valueError, "Input 0 of layer \"\(className)\" is incompatible with the layer: expected "
                             + "ndim=\(rank + 2), found ndim=\(inputShape.count + 1). Full shape received: "
                             + pythonTuple([nil] + inputShape.map { Optional($0) }))
        }
        positions = inputShape.dropLast().reduce(1, *)
        return built([inputShape[rank]])
    }

    public func reserve(batchSize: Int) {
        if kind == .max { sources.reserve(batchSize * outputSize) }
    }

    // input (batch, positions, c) -> output (batch, c).
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        reserve(batchSize: batchSize)
        let c = outputSize
        for b in 0..<batchSize {
            let image = input + b * positions * c, out = output + b * c
            if kind == .average {
                out.update(repeating: 0, count: c)
                for p in 0..<positions { for j in 0..<c { out[j] += image[p * c + j] } }
                let scale = 1 / Float(positions)
                for j in 0..<c { out[j] *= scale }
            } else {
                let from = sources.pointer + b * c
                for j in 0..<c { out[j] = image[j]; from[j] = 0 }
                for p in 1..<max(positions, 1) {
                    for j in 0..<c where image[p * c + j] > out[j] {
                        out[j] = image[p * c + j]
                        from[j] = Int32(p)
                    }
                }
            }
        }
    }

    // output gradient (batch, c) -> input gradient (batch, positions, c).
    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        guard let dx = inputGradient else { return }
        let c = outputSize
        for b in 0..<batchSize {
            let image = dx + b * positions * c, dy = outputGradient + b * c
            if kind == .average {
                let scale = 1 / Float(positions)
                for p in 0..<positions { for j in 0..<c { image[p * c + j] = dy[j] * scale } }
            } else {
                image.update(repeating: 0, count: positions * c)
                let from = sources.pointer + b * c
                for j in 0..<c { image[Int(from[j]) * c + j] = dy[j] }
            }
        }
    }
}
