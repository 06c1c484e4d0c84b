/// A merge layer of the functional API (`keras.layers.Add`, `Concatenate`, ...): several
/// tensors of one batch in, one out, no weights. Shapes are per sample, as for `Layer`.
///
/// ```swift
/// let add = Merge(.add, name: names.next("add"))
/// let shape = try add.outputShape(for: [[32], [32]])   // [32]
/// ```
public final class Merge {
    /// What the layer computes.
    public enum Kind: Codable, Equatable, Sendable {
        case add, subtract, multiply, average, maximum, minimum
        /// Joins the inputs along a per-sample axis; negative counts from the end, as Keras.
        case concatenate(axis: Int)

        /// The Keras class name (`Add`).
        public var className: String {
            switch self {
            case .add: "Add"
            case .subtract: "Subtract"
            case .multiply: "Multiply"
            case .average: "Average"
            case .maximum: "Maximum"
            case .minimum: "Minimum"
            case .concatenate: "Concatenate"
            }
        }
    }

    public let kind: Kind
    public let name: String
    /// The per-sample input shapes the layer was last called on, and its output shape.
    public private(set) var inputShapes: [[Int]] = []
    public private(set) var outputShape: [Int] = []

    /// A merge layer named `name` (`add_1`).
    public init(_ kind: Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    /// The output shape for `shapes`, or the error Keras 2 raises for them; remembers both.
    @discardableResult
    public func outputShape(for shapes: [[Int]]) throws -> [Int] {
        let batchShapes = shapes.map { pythonTuple([nil] + $0.map { Optional($0) }) }
        if case let .concatenate(axis) = kind {
            guard shapes.count >= 2 else {
                throw KerasError(.valueError, "A `Concatenate` layer should be called on a list of at least 2 inputs")
            }
            let rank = shapes[0].count
            let a = axis < 0 ? axis + rank : axis - 1
            guard rank > 0, a >= 0, a < rank, shapes.allSatisfy({ $0.count == rank }),
                  shapes.allSatisfy({ s in s.indices.allSatisfy { $0 == a || s[$0] == shapes[0][$0] } }) else {
                throw KerasError(.valueError, "A `Concatenate` layer requires inputs with matching shapes except for the "
                                 + "concat axis. Got inputs shapes: [\(batchShapes.joined(separator: ", "))]")
            }
            var out = shapes[0]
            out[a] = shapes.reduce(0) { $0 + $1[a] }
            inputShapes = shapes
            outputShape = out
            return out
        }
        guard shapes.count >= 2 else {
            throw KerasError(.valueError, "A merge layer should be called on a list of at least 2 inputs. "
                             + "Got \(shapes.count) inputs.")
        }
        if kind == .subtract && shapes.count != 2 {
            throw KerasError(.valueError, "A `Subtract` layer should be called on exactly 2 inputs")
        }
        for shape in shapes.dropFirst() where shape != shapes[0] {
            throw KerasError(.valueError, "Operands could not be broadcast together with shapes "
                             + "\(pythonTuple(shapes[0])) \(pythonTuple(shape))")
        }
        inputShapes = shapes
        outputShape = shapes[0]
        return shapes[0]
    }

    /// The concatenation's layout: `outer` blocks per sample, each input giving `inner[i]`
    /// contiguous values to a block of `inner.sum()`.
    private var blocks: (outer: Int, inner: [Int]) {
        guard case let .concatenate(axis) = kind, let first = inputShapes.first else { return (1, []) }
        let a = axis < 0 ? axis + first.count : axis - 1
        return (first[..<a].reduce(1, *), inputShapes.map { $0[a...].reduce(1, *) })
    }

    /// The runs a concatenation copies, block by block of each sample and input by input:
    /// `body(i, inputOffset, outputOffset, n)` for the `n` values of input `i` at `inputOffset`
    /// that stand at `outputOffset` of the output (forward copies them there, backward back).
    private func forEachConcatenatedRun(batchSize: Int, _ body: (Int, Int, Int, Int) -> Void) {
        let (outer, inner) = blocks
        let width = inner.reduce(0, +)
        for b in 0..<(batchSize * outer) {
            var offset = b * width
            for (i, n) in inner.enumerated() {
                body(i, b * n, offset, n)
                offset += n
            }
        }
    }

    /// Computes the output of `batchSize` samples from the inputs, in the order called.
    public func forward(_ inputs: [UnsafePointer<Float>], into output: UnsafeMutablePointer<Float>, batchSize: Int) {
        if case .concatenate = kind {
            forEachConcatenatedRun(batchSize: batchSize) { i, inputOffset, outputOffset, n in
                (output + outputOffset).update(from: inputs[i] + inputOffset, count: n)
            }
            return
        }
        let count = batchSize * outputShape.reduce(1, *)
        output.update(from: inputs[0], count: count)
        for input in inputs.dropFirst() {
            switch kind {
            case .add, .average: for i in 0..<count { output[i] += input[i] }
            case .subtract: for i in 0..<count { output[i] -= input[i] }
            case .multiply: for i in 0..<count { output[i] *= input[i] }
            case .maximum: for i in 0..<count { output[i] = max(output[i], input[i]) }
            case .minimum: for i in 0..<count { output[i] = min(output[i], input[i]) }
            case .concatenate: break
            }
        }
        if kind == .average {
            let n = Float(inputs.count)
            for i in 0..<count { output[i] /= n }
        }
    }

    /// Writes d(loss)/d(input k) into `inputGradients[k]` for each given pointer.
    public func backward(
        inputs: [UnsafePointer<Float>], output: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
        inputGradients: [UnsafeMutablePointer<Float>?], batchSize: Int
    ) {
        if case .concatenate = kind {
            forEachConcatenatedRun(batchSize: batchSize) { i, inputOffset, outputOffset, n in
                inputGradients[i].map { ($0 + inputOffset).update(from: outputGradient + outputOffset, count: n) }
            }
            return
        }
        let count = batchSize * outputShape.reduce(1, *)
        for (k, gradient) in inputGradients.enumerated() {
            guard let g = gradient else { continue }
            switch kind {
            case .add: g.update(from: outputGradient, count: count)
            case .subtract:
                if k == 0 { g.update(from: outputGradient, count: count) } else { for i in 0..<count { g[i] = -outputGradient[i] } }
            case .average:
                let n = Float(inputs.count)
                for i in 0..<count { g[i] = outputGradient[i] / n }
            case .multiply:
                // The product of the other inputs, in the order forward multiplied them.
                for i in 0..<count {
                    var others: Float = 1
                    var first = true
                    for (j, input) in inputs.enumerated() where j != k {
                        others = first ? input[i] : others * input[i]
                        first = false
                    }
                    g[i] = outputGradient[i] * others
                }
            case .maximum, .minimum:
                // To the first input holding the extreme value, as a maximum's gradient goes.
                for i in 0..<count {
                    let winner = inputs.firstIndex { $0[i] == output[i] } ?? 0
                    g[i] = winner == k ? outputGradient[i] : 0
                }
            case .concatenate: break
            }
        }
    }
}
