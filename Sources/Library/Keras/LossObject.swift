import CellLanguage
import NeuralEngine

/// `keras.losses`: the loss functions by name (for `loss=`) and the loss classes
/// (`CategoricalCrossentropy()`), whose instances are accepted by `compile` too.
final class LossObject: HostObject {
    let loss: Loss
    let className: String

    init(_ loss: Loss, className: String) {
        self.loss = loss
        self.className = className
    }

    var typeName: String { className }
    var repr: String { "<keras.losses.\(className) object>" }

    static let classNames: [(String, Loss)] = [
        ("CategoricalCrossentropy", .categoricalCrossentropy),
        ("SparseCategoricalCrossentropy", .sparseCategoricalCrossentropy),
        ("BinaryCrossentropy", .binaryCrossentropy),
        ("MeanSquaredError", .meanSquaredError),
        ("MeanAbsoluteError", .meanAbsoluteError),
    ]

    static func attributes() -> [(String, Value)] {
        var attributes: [(String, Value)] = Loss.allCases.map { loss in
            (loss.kerasName, function(loss.kerasName))
        }
        attributes += [("mse", function("mse")), ("mae", function("mae"))]
        attributes += classNames.map { name, loss in
            (name, .builtin(BuiltinFunction(name) { arguments, _ in
                let a = try arguments.bind(name, [.init("from_logits", default: .bool(false)),
                                                  .init("reduction", default: .none), .init("name", default: .none)])
                if a["from_logits"].isTruthy {
                    throw PyException(.valueError, "\(name)(from_logits=True) is not supported by Labbook's engine; use a softmax or sigmoid output")
                }
                return .host(LossObject(loss, className: name))
            }))
        }
        return attributes
    }

    private static func function(_ name: String) -> Value {
        .builtin(BuiltinFunction(name) { _, _ in
            throw PyException(.notImplementedError, "Labbook's keras.losses.\(name) can be passed to compile(loss=...) but not called")
        })
    }
}
