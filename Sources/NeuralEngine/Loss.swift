import Foundation

/// A loss of `keras.losses`, with Keras 2's float32 arithmetic on the TensorFlow backend,
/// including its clipping of probabilities to `[1e-7, 1 - 1e-7]`.
///
/// A loss sees the network's output as `rows x width` (one row per sample, or per position
/// for outputs of rank > 1) and the targets as `rows x targetWidth`: `width` for most losses,
/// 1 (a class index) for `sparse_categorical_crossentropy`.
///
/// `fromLogits` (the cross-entropies' `from_logits=True`) reads the output as logits and
/// uses TensorFlow's fused forms (log-softmax, log-sigmoid), which never clip; `delta` is
/// Huber's. Both are left out of the encoding at their defaults, so a plain loss is stored
/// as its Keras name, as it always was.
///
/// **Gradients and clipping.** Keras differentiates the graph it builds, so the gradient is
/// that of the clipped expression: zero through a clipped probability. For softmax plus
/// categorical cross-entropy the familiar fused gradient `p - y` is exact only where nothing is
/// clipped; a confidently wrong sample (true-class probability below 1e-7) has loss
/// `-log(1e-7)` and, in Keras, *zero* gradient. We compute the gradient with respect to the
/// probabilities exactly as that graph does (normalise, clip, log) and let the softmax layer
/// apply its Jacobian, so both the values and the saturation behaviour match Keras; it costs a
/// few operations per output element, nothing next to the matrix products.
///
/// ```swift
/// Loss(kerasName: "mse")                                   // mean_squared_error
/// Loss(.sparseCategoricalCrossentropy, fromLogits: true)    // TensorFlow's beginner tutorials
/// ```
public struct Loss: Hashable, Codable, Sendable, CustomStringConvertible {
    /// What a loss computes.
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case categoricalCrossentropy = "categorical_crossentropy"
        case sparseCategoricalCrossentropy = "sparse_categorical_crossentropy"
        case binaryCrossentropy = "binary_crossentropy"
        case meanSquaredError = "mean_squared_error"
        case meanAbsoluteError = "mean_absolute_error"
        case huber = "huber"
        case kullbackLeiblerDivergence = "kullback_leibler_divergence"

        /// Whether `from_logits=True` means something for this loss.
        public var acceptsLogits: Bool {
            self == .categoricalCrossentropy || self == .sparseCategoricalCrossentropy || self == .binaryCrossentropy
        }
    }

    public var kind: Kind
    /// The output is logits (`from_logits=True`); only for the cross-entropies.
    public var fromLogits: Bool
    /// Huber's `delta`, where the loss turns from quadratic to linear.
    public var delta: Float

    /// A loss of the given kind.
    public init(_ kind: Kind, fromLogits: Bool = false, delta: Float = 1) {
        self.kind = kind
        self.fromLogits = fromLogits && kind.acceptsLogits
        self.delta = delta
    }

    public static let categoricalCrossentropy = Loss(.categoricalCrossentropy)
    public static let sparseCategoricalCrossentropy = Loss(.sparseCategoricalCrossentropy)
    public static let binaryCrossentropy = Loss(.binaryCrossentropy)
    public static let meanSquaredError = Loss(.meanSquaredError)
    public static let meanAbsoluteError = Loss(.meanAbsoluteError)
    public static let huber = Loss(.huber)
    public static let kullbackLeiblerDivergence = Loss(.kullbackLeiblerDivergence)

    /// Every kind at its defaults, then the cross-entropies on logits.
    public static var allCases: [Loss] {
        Kind.allCases.map { Loss($0) } + Kind.allCases.filter(\.acceptsLogits).map { Loss($0, fromLogits: true) }
    }

    /// Keras' fuzz factor, `K.epsilon()`.
    static let epsilon: Float = 1e-7

    /// The loss a Keras string names, aliases included (`mse`, `mae`, `kld`, `huber_loss`).
    public init?(kerasName: String) {
        switch kerasName {
        case "mse", "MSE": self = .meanSquaredError
        case "mae", "MAE": self = .meanAbsoluteError
        case "kld", "KLD", "kl_divergence": self = .kullbackLeiblerDivergence
        case "huber_loss": self = .huber
        default:
            guard let kind = Kind(rawValue: kerasName) else { return nil }
            self.init(kind)
        }
    }

    /// The Keras function name.
    public var kerasName: String { kind.rawValue }

    public var description: String {
        var text = kerasName
        if fromLogits { text += "(from_logits=True)" }
        if kind == .huber && delta != 1 { text += "(delta=\(delta))" }
        return text
    }

    /// Whether targets are class indices (one per row) rather than arrays like the output.
    public var takesClassIndices: Bool { kind == .sparseCategoricalCrossentropy }

    private enum CodingKeys: String, CodingKey { case name, fromLogits = "from_logits", delta }

    public init(from decoder: any Decoder) throws {
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            guard let kind = Kind(rawValue: name) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown loss \(name)"))
            }
            self.init(kind)
            return
        }
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(Kind.self, forKey: .name), fromLogits: try c.decode(Bool.self, forKey: .fromLogits),
                  delta: try c.decode(Float.self, forKey: .delta))
    }

    public func encode(to encoder: any Encoder) throws {
        if !fromLogits && delta == 1 {
            var c = encoder.singleValueContainer()
            try c.encode(kind.rawValue)
            return
        }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .name)
        try c.encode(fromLogits, forKey: .fromLogits)
        try c.encode(delta, forKey: .delta)
    }

    /// Sums the per-row losses of a batch and, if `gradient` is given, writes d(mean loss)/d(output)
    /// there (`rows x width`). Returns the sum over rows (the caller divides by the row count).
    func evaluate(
        output p: UnsafePointer<Float>, target y: UnsafePointer<Float>, rows: Int, width: Int,
        gradient: UnsafeMutablePointer<Float>?
    ) -> Double {
        if fromLogits { return evaluateLogits(output: p, target: y, rows: rows, width: width, gradient: gradient) }
        let eps = Loss.epsilon, hi = 1 - Loss.epsilon
        let scale = 1 / Float(rows)
        var total = 0.0
        switch kind {
        case .categoricalCrossentropy:
            for r in 0..<rows {
                let pr = p + r * width, yr = y + r * width
                var sum: Float = 0
                for j in 0..<width { sum += pr[j] }
                var loss: Float = 0
                for j in 0..<width { loss -= yr[j] * logf(min(max(pr[j] / sum, eps), hi)) }
                total += Double(loss)
                guard let g = gradient.map({ $0 + r * width }) else { continue }
                // g_j = dL/dq_j with q = p / sum(p), zero where q was clipped; then through the
                // normalisation: dL/dp_k = (g_k - sum_j g_j q_j) / sum(p).
                var dot: Float = 0
                for j in 0..<width {
                    let q = pr[j] / sum
                    let gj: Float = (q >= eps && q <= hi) ? -yr[j] / q : 0
                    g[j] = gj
                    dot += gj * q
                }
                let factor = scale / sum
                for j in 0..<width { g[j] = (g[j] - dot) * factor }
            }
        case .sparseCategoricalCrossentropy:
            // Keras: log(clip(p)) fed to a softmax cross-entropy, i.e. -log(c_t / sum(c)).
            for r in 0..<rows {
                let pr = p + r * width
                let label = Int(y[r])
                var sum: Float = 0
                for j in 0..<width { sum += min(max(pr[j], eps), hi) }
                let ct = min(max(pr[label], eps), hi)
                total += Double(-logf(ct / sum))
                guard let g = gradient.map({ $0 + r * width }) else { continue }
                for j in 0..<width {
                    let c = min(max(pr[j], eps), hi)
                    let dLogit = c / sum - (j == label ? 1 : 0)
                    g[j] = (pr[j] >= eps && pr[j] <= hi) ? dLogit / c * scale : 0
                }
            }
        case .binaryCrossentropy:
            let perElement = scale / Float(width)
            for r in 0..<rows {
                let pr = p + r * width, yr = y + r * width
                var loss: Float = 0
                for j in 0..<width {
                    let c = min(max(pr[j], eps), hi)
                    loss -= yr[j] * logf(c) + (1 - yr[j]) * logf(1 - c)
                }
                total += Double(loss / Float(width))
                guard let g = gradient.map({ $0 + r * width }) else { continue }
                for j in 0..<width {
                    let c = min(max(pr[j], eps), hi)
                    let inside = pr[j] >= eps && pr[j] <= hi
                    g[j] = inside ? (c - yr[j]) / (c * (1 - c)) * perElement : 0
                }
            }
        case .meanSquaredError:
            let perElement = scale / Float(width)
            for r in 0..<rows {
                let pr = p + r * width, yr = y + r * width
                var loss: Float = 0
                for j in 0..<width { let d = pr[j] - yr[j]; loss += d * d }
                total += Double(loss / Float(width))
                guard let g = gradient.map({ $0 + r * width }) else { continue }
                for j in 0..<width { g[j] = 2 * (pr[j] - yr[j]) * perElement }
            }
        case .meanAbsoluteError:
            let perElement = scale / Float(width)
            for r in 0..<rows {
                let pr = p + r * width, yr = y + r * width
                var loss: Float = 0
                for j in 0..<width { loss += abs(pr[j] - yr[j]) }
                total += Double(loss / Float(width))
                guard let g = gradient.map({ $0 + r * width }) else { continue }
                for j in 0..<width {
                    let d = pr[j] - yr[j]
                    g[j] = d > 0 ? perElement : (d < 0 ? -perElement : 0)
                }
            }
        case .huber:
            total = huberSum(output: p, target: y, rows: rows, width: width, gradient: gradient)
        case .kullbackLeiblerDivergence:
            total = kullbackLeiblerSum(output: p, target: y, rows: rows, width: width, gradient: gradient)
        }
        return total
    }
}
