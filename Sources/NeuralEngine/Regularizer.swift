/// A weight penalty of `keras.regularizers`: `l1 * sum(|w|) + l2 * sum(w^2)` over one
/// weight tensor, added to the loss as Keras 2 adds `model.losses` to the total loss: the
/// logged `loss`, `val_loss` and `evaluate`'s value include it, and its gradient
/// `l1 * sign(w) + 2 * l2 * w` joins the weight's gradient before the optimizer's step.
///
/// ```swift
/// Regularizer(l1: 0, l2: 0.01)   // keras.regularizers.l2(0.01)
/// ```
public struct Regularizer: Codable, Equatable, Sendable {
    public var l1: Float
    public var l2: Float

    public init(l1: Float = 0, l2: Float = 0) {
        self.l1 = l1
        self.l2 = l2
    }

    /// The penalty of `count` weights, in float32 as Keras sums it.
    func penalty(_ w: UnsafePointer<Float>, count: Int) -> Float {
        var total: Float = 0
        if l1 != 0 {
            var sum: Float = 0
            for i in 0..<count { sum += abs(w[i]) }
            total += l1 * sum
        }
        if l2 != 0 {
            var sum: Float = 0
            for i in 0..<count { sum += w[i] * w[i] }
            total += l2 * sum
        }
        return total
    }

    /// Adds the penalty's gradient to `g` (zero through `|w|` at 0, as TensorFlow's sign).
    func addGradient(_ w: UnsafePointer<Float>, to g: UnsafeMutablePointer<Float>, count: Int) {
        let l1 = l1, twiceL2 = 2 * l2
        for i in 0..<count {
            let sign: Float = w[i] > 0 ? 1 : (w[i] < 0 ? -1 : 0)
            g[i] += l1 * sign + twiceL2 * w[i]
        }
    }
}

/// The penalties on a layer's kernel and bias (`kernel_regularizer=`, `bias_regularizer=`).
public struct WeightRegularizers: Codable, Equatable, Sendable {
    public var kernel: Regularizer?
    public var bias: Regularizer?

    public init(kernel: Regularizer? = nil, bias: Regularizer? = nil) {
        self.kernel = kernel
        self.bias = bias
    }

    public var isEmpty: Bool { kernel == nil && bias == nil }
}

/// A layer with a kernel and an optional bias that can carry penalties (`Dense`, the
/// convolutions). Its trainable parameters are the kernel, then the bias.
public protocol Regularizable: Layer {
    var regularizers: WeightRegularizers { get set }
}

extension Sequential {
    /// The penalised tensors of the model: each weight with its regularizer.
    var penalties: [(parameter: Parameter, regularizer: Regularizer)] {
        layers.flatMap { layer -> [(parameter: Parameter, regularizer: Regularizer)] in
            guard let layer = layer as? any Regularizable, !layer.regularizers.isEmpty else { return [] }
            let parameters = layer.trainableParameters
            return zip(parameters, [layer.regularizers.kernel, layer.regularizers.bias]).compactMap { parameter, regularizer in
                regularizer.map { (parameter, $0) }
            }
        }
    }

    /// The sum of the penalties at the current weights.
    func totalPenalty(_ penalties: [(parameter: Parameter, regularizer: Regularizer)]) -> Float {
        var total: Float = 0
        for (parameter, regularizer) in penalties {
            total += regularizer.penalty(parameter.value.pointer, count: parameter.count)
        }
        return total
    }
}

extension Sequential {
    /// Whether any weight of the model carries a penalty (`kernel_regularizer=` and the like).
    public var hasPenalties: Bool { !penalties.isEmpty }
}
