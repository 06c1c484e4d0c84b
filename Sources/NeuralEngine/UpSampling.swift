/// `keras.layers.UpSampling2D` and `UpSampling1D`: each position repeated `size` times along
/// each spatial axis (nearest neighbour, Keras' default interpolation), channels-last:
/// `(h, w, c)` to `(h * sh, w * sw, c)`, `(steps, c)` to `(steps * s, c)`. No weights. The
/// decoders of convolutional autoencoders grow their maps back with it.
///
/// ```swift
/// let up = try UpSampling(size: [2, 2], name: names.next("up_sampling2d"))   // (7, 7, 32) -> (14, 14, 32)
/// ```
public final class UpSampling: LayerCore, WeightlessLayer {
    /// The repeat along each spatial axis.
    public let size: [Int]
    public var className: String { "UpSampling\(size.count)D" }
    // The input as (rows, columns, channels); a 1-D input is (steps, 1, channels).
    private var rows = 0, columns = 0, channels = 0

    /// `UpSampling2D(size=(2, 2))`; throws Keras' `ValueError` for a size below 1.
    public init(size: [Int], inputShape: [Int]? = nil, name: String) throws {
        guard size.count == 1 || size.count == 2, size.allSatisfy({ $0 > 0 }) else {
            throw KerasError(.valueError, "The `size` argument must be a tuple of \(size.count) positive integers. "
                             + "Received: size=\(pythonTuple(size))")
        }
        self.size = size
        super.init(inputShape: inputShape, name: name)
    }

    public var spec: LayerSpec { .upSampling(size: size, name: name, inputShape: declaredInputShape) }

    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        let rank = size.count
        guard inputShape.count == rank + 1 else {
            throw KerasError(.valueError, "Input 0 of layer \"\(name)\" is incompatible with the layer: expected "
                             + "ndim=\(rank + 2), found ndim=\(inputShape.count + 1). Full shape received: "
                             + pythonTuple([nil] + inputShape.map { Optional($0) }))
        }
        rows = inputShape[0]
        columns = rank == 2 ? inputShape[1] : 1
        channels = inputShape[rank]
        return built(zip(inputShape.dropLast(), size).map { $0 * $1 } + [channels])
    }

    public func reserve(batchSize: Int) {}

    private var rowRepeat: Int { size[0] }
    private var columnRepeat: Int { size.count == 2 ? size[1] : 1 }

    // input (batch, rows, columns, c) -> output (batch, rows * sh, columns * sw, c).
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        let sh = rowRepeat, sw = columnRepeat, c = channels
        let outColumns = columns * sw
        for b in 0..<batchSize {
            let image = input + b * rows * columns * c, out = output + b * rows * sh * outColumns * c
            for oy in 0..<(rows * sh) {
                let source = image + (oy / sh) * columns * c, target = out + oy * outColumns * c
                for ox in 0..<outColumns {
                    VectorMath.copy(source + (ox / sw) * c, to: target + ox * c, count: c)
                }
            }
        }
    }

    // output gradient (batch, rows * sh, columns * sw, c) -> input gradient (batch, rows, columns, c):
    // each input position gets the sum of its block, rows of the block in order.
    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        guard let dx = inputGradient else { return }
        let sh = rowRepeat, sw = columnRepeat, c = channels
        let outColumns = columns * sw
        dx.update(repeating: 0, count: batchSize * rows * columns * c)
        for b in 0..<batchSize {
            let image = dx + b * rows * columns * c, dy = outputGradient + b * rows * sh * outColumns * c
            for oy in 0..<(rows * sh) {
                let target = image + (oy / sh) * columns * c, source = dy + oy * outColumns * c
                for ox in 0..<outColumns {
                    VectorMath.add(source + ox * c, to: target + (ox / sw) * c, count: c)
                }
            }
        }
    }
}
