/// `keras.layers.MaxPooling2D`, `AveragePooling2D` and their 1-D forms, channels-last: each
/// output value is the maximum (or mean) of one channel over a window. `strides` default to
/// the pool size. With `padding='same'` the padded positions take no part: a maximum ignores
/// them and a mean divides by the values actually covered, as TensorFlow does.
///
/// ```swift
/// let pool = try Pooling(.max, rank: 2, poolSize: [2, 2], name: names.next("max_pooling2d"))
/// // (26, 26, 32) -> (13, 13, 32)
/// ```
public final class Pooling: WeightlessLayer {
    /// What a window is reduced to.
    public enum Kind: String, Codable, Sendable {
        case max, average
    }

    public let name: String
    public let kind: Kind
    /// 1 or 2 spatial axes.
    public let rank: Int
    public var className: String { (kind == .max ? "MaxPooling" : "AveragePooling") + "\(rank)D" }
    public let declaredInputShape: [Int]?
    public let poolSize: [Int]
    public let strides: [Int]
    public let padding: Padding
    public private(set) var outputShape: [Int] = []
    public private(set) var isBuilt = false
    private var window: Window?
    /// For max pooling: the input offset (within its sample) each output value came from.
    private let sources = IndexBuffer()

    /// `MaxPooling2D(pool_size=(2, 2), strides=None, padding='valid')`.
    public init(
        _ kind: Kind, rank: Int, poolSize: [Int], strides: [Int]? = nil, padding: Padding = .valid,
        inputShape: [Int]? = nil, name: String
    ) throws {
        let strides = strides ?? poolSize
        guard poolSize.count == rank, poolSize.allSatisfy({ $0 > 0 }), strides.count == rank, strides.allSatisfy({ $0 > 0 }) else {
            throw KerasError(.valueError, "The `pool_size` and `strides` arguments must be tuples of \(rank) positive integers. "
                             + "Received: pool_size=\(poolSize), strides=\(strides)")
        }
        self.kind = kind
        self.rank = rank
        self.poolSize = poolSize
        self.strides = strides
        self.padding = padding
        self.declaredInputShape = inputShape
        self.name = name
    }

    public var spec: LayerSpec {
        .pooling(kind, rank: rank, poolSize: poolSize, strides: strides, padding: padding, name: name,
                 inputShape: declaredInputShape)
    }

    public func build(inputShape: [Int], rng: inout RandomGenerator) throws -> [Int] {
        let window = try Window(layer: className, rank: rank, inputShape: inputShape, size: poolSize, strides: strides,
                                padding: padding)
        guard window.outputHeight > 0, window.outputWidth > 0 else {
            throw KerasError(.valueError, "Computed output size would be negative. Received: input shape "
                             + "\(pythonTuple([nil] + inputShape.map { Optional($0) })), pool_size \(pythonTuple(poolSize)), "
                             + "strides \(pythonTuple(strides)), padding '\(padding.rawValue)'")
        }
        self.window = window
        outputShape = (rank == 2 ? [window.outputHeight] : []) + [window.outputWidth, window.channels]
        isBuilt = true
        return outputShape
    }

    public func reserve(batchSize: Int) {
        if kind == .max { sources.reserve(batchSize * outputSize) }
    }

    // input (batch, h, w, c) -> output (batch, oh, ow, c), the maximum's offsets beside it.
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        guard let w = window else { preconditionFailure("\(className).forward before build") }
        reserve(batchSize: batchSize)
        let c = w.channels, outSize = outputSize, kind = kind, sources = sources.pointer
        Parallel.chunks(batchSize) { samples in
            for b in samples {
                let image = input + b * w.inputSize
                var out = output + b * outSize
                var from = kind == .max ? sources + b * outSize : nil
                for oy in 0..<w.outputHeight {
                    for ox in 0..<w.outputWidth {
                        let (first, count, _) = w.inputColumns(ox)
                        var covered = 0
                        if kind == .max {
                            for j in 0..<c { out[j] = -.infinity; from![j] = 0 }
                        } else {
                            out.update(repeating: 0, count: c)
                        }
                        for ky in 0..<w.sizeY {
                            guard let y = w.inputRow(oy, ky) else { continue }
                            for x in first..<(first + count) {
                                let offset = (y * w.width + x) * c, row = image + offset
                                covered += 1
                                if kind == .max {
                                    for j in 0..<c where row[j] > out[j] {
                                        out[j] = row[j]
                                        from![j] = Int32(offset + j)
                                    }
                                } else {
                                    for j in 0..<c { out[j] += row[j] }
                                }
                            }
                        }
                        if kind == .average {
                            let scale = 1 / Float(max(covered, 1))
                            for j in 0..<c { out[j] *= scale }
                        }
                        out += c
                        from = from.map { $0 + c }
                    }
                }
            }
        }
    }

    // output gradient (batch, oh, ow, c) -> input gradient (batch, h, w, c): to each maximum's
    // position, or spread evenly over each window.
    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        guard let dx = inputGradient, let w = window else { return }
        let c = w.channels, outSize = outputSize, kind = kind, sources = sources.pointer
        Parallel.chunks(batchSize) { samples in
            for b in samples {
                let image = dx + b * w.inputSize
                image.update(repeating: 0, count: w.inputSize)
                let dy = outputGradient + b * outSize
                if kind == .max {
                    let from = sources + b * outSize
                    for i in 0..<outSize { image[Int(from[i])] += dy[i] }
                    continue
                }
                var g = dy
                for oy in 0..<w.outputHeight {
                    for ox in 0..<w.outputWidth {
                        let (first, count, _) = w.inputColumns(ox)
                        var rowCount = 0
                        for ky in 0..<w.sizeY where w.inputRow(oy, ky) != nil { rowCount += 1 }
                        let scale = 1 / Float(max(rowCount * count, 1))
                        for ky in 0..<w.sizeY {
                            guard let y = w.inputRow(oy, ky) else { continue }
                            for x in first..<(first + count) {
                                let row = image + (y * w.width + x) * c
                                for j in 0..<c { row[j] += g[j] * scale }
                            }
                        }
                        g += c
                    }
                }
            }
        }
    }
}
