/// `keras.layers.MaxPooling2D`, `AveragePooling2D` and their 1-D forms, channels-last: each
/// output value is the maximum (or mean) of one channel over a window. `strides` default to
/// the pool size. With `padding='same'` the padded positions take no part: a maximum ignores
/// them and a mean divides by the values actually covered, as TensorFlow does.
///
/// ```swift
/// let pool = try Pooling(.max, rank: 2, poolSize: [2, 2], name: names.next("max_pooling2d"))
/// // (26, 26, 32) -> (13, 13, 32)
/// ```
public final class Pooling: LayerCore, WeightlessLayer {
    /// What a window is reduced to.
    public enum Kind: String, Codable, Sendable {
        case max, average
    }

    public let kind: Kind
    /// 1 or 2 spatial axes.
    public let rank: Int
    public var className: String { (kind == .max ? "MaxPooling" : "AveragePooling") + "\(rank)D" }
    public let poolSize: [Int]
    public let strides: [Int]
    public let padding: Padding
    private var window: Window?
    /// Whether tiling max windows take `TiledMaxPooling.swift`'s loops (tests compare both).
    var tiledLoops = true

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
        super.init(inputShape: inputShape, name: name)
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
        return built((rank == 2 ? [window.outputHeight] : []) + [window.outputWidth, window.channels])
    }

    public func reserve(batchSize: Int) {}

    /// Calls `body` with the offset (within its sample) of each input position under the
    /// window of output `(oy, ox)`, row by row, left to right; returns how many there were.
    @inline(__always)
    private static func positions(_ w: Window, _ oy: Int, _ ox: Int, _ body: (Int) -> Void) -> Int {
        let (first, count, _) = w.inputColumns(ox)
        var covered = 0
        for ky in 0..<w.sizeY {
            guard let y = w.inputRow(oy, ky) else { continue }
            for x in first..<(first + count) { body((y * w.width + x) * w.channels) }
            covered += count
        }
        return covered
    }

    // input (batch, h, w, c) -> output (batch, oh, ow, c). The maximum is taken branch-free
    // (a select per value) and its position found again in `backward`, rather than kept.
    public func forward(
        _ input: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, batchSize: Int,
        training: Bool, rng: inout RandomGenerator
    ) {
        guard let w = window else { preconditionFailure("\(className).forward before build") }
        let c = w.channels, outSize = outputSize, kind = kind
        if kind == .max, tiledLoops, Self.tiles(w) {
            return Parallel.chunks(batchSize) { samples in
                Self.tiledMaximum(w, input + samples.lowerBound * w.inputSize, samples: samples.count,
                                  into: output + samples.lowerBound * outSize)
            }
        }
        Parallel.chunks(batchSize) { samples in
            for b in samples {
                let image = input + b * w.inputSize
                var out = output + b * outSize
                for oy in 0..<w.outputHeight {
                    for ox in 0..<w.outputWidth {
                        var started = false
                        let covered = Self.positions(w, oy, ox) { offset in
                            let row = image + offset
                            if !started {
                                out.update(from: row, count: c)
                                started = true
                            } else if kind == .max {
                                Self.maximum(out, row, count: c)
                            } else {
                                for j in 0..<c { out[j] += row[j] }
                            }
                        }
                        if kind == .average {
                            let scale = 1 / Float(max(covered, 1))
                            for j in 0..<c { out[j] *= scale }
                        }
                        out += c
                    }
                }
            }
        }
    }

    // output gradient (batch, oh, ow, c) -> input gradient (batch, h, w, c): each value to the
    // first position of its window holding the maximum, or spread evenly over the window.
    public func backward(
        input: UnsafePointer<Float>, output: UnsafePointer<Float>,
        outputGradient: UnsafeMutablePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
        batchSize: Int, update: ParameterUpdate
    ) {
        guard let dx = inputGradient, let w = window else { return }
        let c = w.channels, outSize = outputSize, kind = kind
        if kind == .max, tiledLoops, Self.tiles(w) {
            return Parallel.chunks(batchSize) { samples in
                let first = samples.lowerBound
                Self.tiledMaximumGradient(w, input + first * w.inputSize, output: output + first * outSize,
                                          outputGradient: outputGradient + first * outSize, samples: samples.count,
                                          into: dx + first * w.inputSize)
            }
        }
        Parallel.chunks(batchSize) { samples in
            // The gradient not yet routed, per channel of the current window (on the stack).
            withUnsafeTemporaryAllocation(of: Float.self, capacity: c) { pending in
                let remaining = pending.baseAddress!
                for b in samples {
                    let image = input + b * w.inputSize, gradient = dx + b * w.inputSize
                    gradient.update(repeating: 0, count: w.inputSize)
                    var out = output + b * outSize, g = outputGradient + b * outSize
                    for oy in 0..<w.outputHeight {
                        for ox in 0..<w.outputWidth {
                            let (first, count, _) = w.inputColumns(ox)
                            var covered = 0
                            for ky in 0..<w.sizeY where w.inputRow(oy, ky) != nil { covered += count }
                            let scale = 1 / Float(max(covered, 1))
                            if kind == .max { remaining.update(from: g, count: c) }
                            for ky in 0..<w.sizeY {
                                guard let y = w.inputRow(oy, ky) else { continue }
                                for x in first..<(first + count) {
                                    let offset = (y * w.width + x) * c, row = image + offset, target = gradient + offset
                                    if kind == .max {
                                        Self.route(row, out, remaining, target, count: c)
                                    } else {
                                        for j in 0..<c { target[j] += g[j] * scale }
                                    }
                                }
                            }
                            out += c
                            g += c
                        }
                    }
                }
            }
        }
    }

    /// out = max(out, row), eight lanes at a time (selects, no branches).
    @inline(__always)
    private static func maximum(_ out: UnsafeMutablePointer<Float>, _ row: UnsafePointer<Float>, count: Int) {
        var j = 0
        while j + 8 <= count {
            let o = VectorMath.load(out + j), r = VectorMath.load(row + j)
            VectorMath.store(o.replacing(with: r, where: r .> o), out + j)
            j += 8
        }
        for t in j..<count where row[t] > out[t] { out[t] = row[t] }
    }

    /// Where `row` holds the window's maximum `out`, adds the gradient not yet routed
    /// (`remaining`) to `target` and clears it: the first such position takes it all.
    @inline(__always)
    private static func route(
        _ row: UnsafePointer<Float>, _ out: UnsafePointer<Float>, _ remaining: UnsafeMutablePointer<Float>,
        _ target: UnsafeMutablePointer<Float>, count: Int
    ) {
        let zero = VectorMath.Lanes(repeating: 0)
        var j = 0
        while j + 8 <= count {
            let hit = VectorMath.load(row + j) .== VectorMath.load(out + j)
            let r = VectorMath.load(remaining + j)
            VectorMath.store(VectorMath.load(target + j) + zero.replacing(with: r, where: hit), target + j)
            VectorMath.store(r.replacing(with: zero, where: hit), remaining + j)
            j += 8
        }
        for t in j..<count where row[t] == out[t] {
            target[t] += remaining[t]
            remaining[t] = 0
        }
    }
}
