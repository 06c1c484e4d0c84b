import CellLanguage
import NeuralEngine

/// Keras' `get(identifier)` functions: a string, or one of the module's own functions or
/// objects, resolved to an engine value. Unknown names raise Keras 2's `ValueError`
/// (`Unknown optimizer: sgdd`, `Unknown loss function:mse2`), other values a `TypeError`.
enum Identifiers {
    /// `activation=`: `None` (linear), a name, or a `keras.activations` function.
    static func activation(_ value: Value) throws -> Activation {
        if case .none = value { return .linear }
        if let activation = try named(value, "activation function", Activation.init(kerasName:)) { return activation }
        throw PyException(.typeError, "Could not interpret activation function identifier: \(value.repr) "
            + "(Labbook supports the names \(Activation.allCases.map { "'\($0.kerasName)'" }.joined(separator: ", ")))")
    }

    /// `loss=`: a name or a `keras.losses` function.
    static func loss(_ value: Value) throws -> Loss {
        if case .host(let object as LossObject) = value { return object.loss }
        if let loss = try named(value, "loss function", Loss.init(kerasName:)) { return loss }
        throw PyException(.typeError, "Could not interpret loss function identifier: \(value.repr) "
            + "(Labbook supports \(Loss.Kind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))")
    }

    /// `metrics=[...]`: names or `keras.metrics` functions; `None` is no metrics.
    static func metrics(_ value: Value) throws -> [Metric] {
        let items: [Value]
        switch value {
        case .none: return []
        case .list(let l): items = l.items
        case .tuple(let t): items = t
        case .str: items = [value]
        default:
            throw PyException(.typeError, "Type of `metrics` argument not understood. Expected a list or dictionary, found: \(value.repr)")
        }
        return try items.map { item in
            if let metric = try named(item, "metric function", Metric.init(kerasName:)) { return metric }
            switch item {
            case .host(let object as MetricObject):
                return object.metric
            case .host(let object) where object is PyInstance || object is MeanMetricObject:
                throw PyException(.notImplementedError, "Labbook's compile takes the built-in metrics only; a "
                    + "\(object.typeName) object can be used on its own (update_state, result, reset_state) but "
                    + "compile(metrics=[...]) does not run it during training yet")
            default: break
            }
            throw PyException(.typeError, "Could not interpret metric function identifier: \(item.repr)")
        }
    }

    /// What a name, or a module function passed by itself, stands for; nil for any other value
    /// (each caller says what else it takes). An unknown name raises Keras 2's
    /// `Unknown loss function:mse2`, `what` naming the kind.
    private static func named<T>(_ value: Value, _ what: String, _ lookup: (String) -> T?) throws -> T? {
        switch value {
        case .str(let name):
            guard let found = lookup(name) else { throw PyException(.valueError, "Unknown \(what):\(name)") }
            return found
        case .builtin(let function): return lookup(function.name)
        default: return nil
        }
    }

    /// `optimizer=`: a name (a fresh optimizer with Keras' defaults) or an optimizer object
    /// (used as is, so its state carries over, as in Keras).
    static func optimizer(_ value: Value) throws -> any Optimizer {
        switch value {
        case .str(let name):
            guard let config = OptimizerConfig(kerasName: name) else {
                throw PyException(.valueError, "Unknown optimizer: \(name)")
            }
            return config.makeOptimizer()
        case .host(let h as OptimizerObject):
            return h.optimizer
        default:
            throw PyException(.valueError, "Could not interpret optimizer identifier: \(value.repr)")
        }
    }

    /// `kernel_initializer=`: a name.
    static func initializer(_ value: Value) throws -> Initializer {
        switch value {
        case .str(let name):
            guard let initializer = Initializer(kerasName: name) else {
                throw PyException(.valueError, "Unknown initializer: \(name)")
            }
            return initializer
        default:
            throw PyException(.typeError, "Could not interpret initializer identifier: \(value.repr) "
                + "(Labbook supports \(Initializer.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")))")
        }
    }
}
