import CellLanguage
import NeuralEngine

/// `keras.losses`: the loss functions by name (for `loss=`, and callable: see `LossCalls`) and the loss classes
/// (`SparseCategoricalCrossentropy(from_logits=True)`, `Huber(delta=1.0)`), whose instances
/// `compile` accepts too.
///
///     loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
///     loss.from_logits     # True
///     model.compile(optimizer='adam', loss=loss, metrics=['accuracy'])
final class LossObject: KerasModuleInstance {
    static let kerasModule = "keras.losses"
    let loss: Loss
    let className: String

    init(_ loss: Loss, className: String) {
        self.loss = loss
        self.className = className
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "from_logits" where loss.kind.acceptsLogits: return .bool(loss.fromLogits)
        case "delta" where loss.kind == .huber: return .float(Double(loss.delta))
        case "name": return .str(Self.defaultName(className, loss))
        default: throw attributeError(name)
        }
    }

    /// The class names and the kind each makes.
    static let classNames: [(String, Loss.Kind)] = [
        ("CategoricalCrossentropy", .categoricalCrossentropy),
        ("SparseCategoricalCrossentropy", .sparseCategoricalCrossentropy),
        ("BinaryCrossentropy", .binaryCrossentropy),
        ("MeanSquaredError", .meanSquaredError),
        ("MeanAbsoluteError", .meanAbsoluteError),
        ("Huber", .huber),
        ("KLDivergence", .kullbackLeiblerDivergence),
    ]

    /// Keras 2's default `name=` of each class.
    private static func defaultName(_ className: String, _ loss: Loss) -> String {
        switch loss.kind {
        case .huber: "huber_loss"
        case .kullbackLeiblerDivergence: "kullback_leibler_divergence"
        default: loss.kerasName
        }
    }

    static func attributes() -> [(String, Value)] {
        var attributes: [(String, Value)] = Loss.Kind.allCases.map { kind in (kind.rawValue, LossCalls.function(kind.rawValue)) }
        attributes += ["mse", "mae", "kld", "kl_divergence", "huber_loss"].map { ($0, LossCalls.function($0)) }
        attributes += classNames.map { name, kind in (name, constructor(name, kind)) }
        return attributes
    }

    /// `CategoricalCrossentropy(from_logits=False, label_smoothing=0, reduction='auto', name=...)`,
    /// `Huber(delta=1.0, ...)`, ... Options Labbook does not implement are refused by name.
    private static func constructor(_ name: String, _ kind: Loss.Kind) -> Value {
        var parameters: [HostParameter] = []
        if kind.acceptsLogits { parameters.append(.init("from_logits", default: .bool(false))) }
        if kind == .categoricalCrossentropy || kind == .binaryCrossentropy {
            parameters.append(.init("label_smoothing", default: .int(0)))
        }
        if kind == .huber { parameters.append(.init("delta", default: .float(1))) }
        parameters += [.init("reduction", default: .str("auto")), .init("name", default: .none)]
        return .builtin(BuiltinFunction(name) { arguments, _ in
            let a = try arguments.bind(name, parameters)
            if kind == .categoricalCrossentropy || kind == .binaryCrossentropy,
               try Convert.double(a["label_smoothing"], "label_smoothing") != 0 {
                throw PyException(.valueError, "\(name)(label_smoothing=...) is not supported by Labbook's engine")
            }
            let reduction = try Convert.string(a["reduction"], "reduction")
            guard reduction == "auto" || reduction == "sum_over_batch_size" else {
                throw PyException(.valueError, "\(name)(reduction='\(reduction)') is not supported by Labbook's engine; "
                                  + "it averages over the batch ('auto')")
            }
            var delta: Float = 1
            if kind == .huber {
                delta = Float(try Convert.double(a["delta"], "delta"))
                guard delta > 0 else { throw PyException(.valueError, "Huber's `delta` must be positive, got \(delta)") }
            }
            let fromLogits = kind.acceptsLogits && a["from_logits"].isTruthy
            return .host(LossObject(Loss(kind, fromLogits: fromLogits, delta: delta), className: name))
        })
    }
}
