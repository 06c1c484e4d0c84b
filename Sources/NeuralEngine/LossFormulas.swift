import Foundation

/// The losses that are not plain probabilities against targets: the cross-entropies on logits
/// (`from_logits=True`), Huber and the Kullback-Leibler divergence. Each returns the sum over
/// rows of the per-row loss and, given `gradient`, writes d(mean loss)/d(output) there, as
/// `Loss.evaluate` does.
extension Loss {
    /// TensorFlow's fused forms, which Keras 2 calls for `from_logits=True`:
    /// `softmax_cross_entropy_with_logits` (`sum_j y_j * (logsumexp(z) - z_j)`),
    /// its sparse twin (`logsumexp(z) - z_t`) and `sigmoid_cross_entropy_with_logits`
    /// (`max(z, 0) - z * y + log1p(exp(-|z|))`, averaged over the last axis). Nothing is
    /// clipped, so the gradient is the textbook `softmax(z) * sum(y) - y` or `sigmoid(z) - y`.
    func evaluateLogits(
        output z: UnsafePointer<Float>, target y: UnsafePointer<Float>, rows: Int, width: Int,
        gradient: UnsafeMutablePointer<Float>?
    ) -> Double {
        let scale = 1 / Float(rows)
        var total = 0.0
        switch kind {
        case .categoricalCrossentropy, .sparseCategoricalCrossentropy:
            let sparse = kind == .sparseCategoricalCrossentropy
            for r in 0..<rows {
                let zr = z + r * width
                var top = zr[0]
                for j in 1..<max(width, 1) { top = max(top, zr[j]) }
                var sum: Float = 0
                for j in 0..<width { sum += expf(zr[j] - top) }
                let logSum = top + logf(sum)
                var loss: Float = 0
                var weight: Float = 1  // sum(y) of the row: 1 for a class index
                if sparse {
                    loss = logSum - zr[Int(y[r])]
                } else {
                    let yr = y + r * width
                    weight = 0
                    for j in 0..<width { loss += yr[j] * (logSum - zr[j]); weight += yr[j] }
                }
                total += Double(loss)
                guard let g = gradient.map({ $0 + r * width }) else { continue }
                for j in 0..<width {
                    let target: Float = sparse ? (j == Int(y[r]) ? 1 : 0) : y[r * width + j]
                    g[j] = (expf(zr[j] - logSum) * weight - target) * scale
                }
            }
        case .binaryCrossentropy:
            let perElement = scale / Float(width)
            for r in 0..<rows {
                let zr = z + r * width, yr = y + r * width
                var loss: Float = 0
                for j in 0..<width {
                    let x = zr[j]
                    loss += max(x, 0) - x * yr[j] + log1pf(expf(-abs(x)))
                }
                total += Double(loss / Float(width))
                guard let g = gradient.map({ $0 + r * width }) else { continue }
                for j in 0..<width { g[j] = (1 / (1 + expf(-zr[j])) - yr[j]) * perElement }
            }
        default:
            preconditionFailure("from_logits is only set on the cross-entropies")
        }
        return total
    }

    /// Keras' `huber`: with `e = output - target`, `0.5 * e^2` where `|e| <= delta` and
    /// `delta * (|e| - delta / 2)` beyond, averaged over the last axis.
    func huberSum(
        output p: UnsafePointer<Float>, target y: UnsafePointer<Float>, rows: Int, width: Int,
        gradient: UnsafeMutablePointer<Float>?
    ) -> Double {
        let d = delta, perElement = 1 / Float(rows) / Float(width)
        var total = 0.0
        for r in 0..<rows {
            var loss: Float = 0
            for j in 0..<width {
                let e = p[r * width + j] - y[r * width + j]
                let quadratic = min(abs(e), d)
                loss += 0.5 * quadratic * quadratic + d * (abs(e) - quadratic)
                gradient?[r * width + j] = (abs(e) <= d ? e : (e > 0 ? d : -d)) * perElement
            }
            total += Double(loss / Float(width))
        }
        return total
    }

    /// Keras' `kullback_leibler_divergence`: both sides clipped to `[1e-7, 1]`, then
    /// `sum(y * log(y / p))` over the last axis. The gradient is zero through a clipped output.
    func kullbackLeiblerSum(
        output p: UnsafePointer<Float>, target y: UnsafePointer<Float>, rows: Int, width: Int,
        gradient: UnsafeMutablePointer<Float>?
    ) -> Double {
        let eps = Loss.epsilon, scale = 1 / Float(rows)
        var total = 0.0
        for r in 0..<rows {
            var loss: Float = 0
            for j in 0..<width {
                let t = min(max(y[r * width + j], eps), 1), q = min(max(p[r * width + j], eps), 1)
                loss += t * logf(t / q)
                let inside = p[r * width + j] >= eps && p[r * width + j] <= 1
                gradient?[r * width + j] = inside ? -t / q * scale : 0
            }
            total += Double(loss)
        }
        return total
    }
}
