import CellLanguage
import NeuralEngine

/// `compile`'s `loss`, `metrics`, `loss_weights` and `weighted_metrics` spread over a model's
/// outputs as tf.keras 2.x spreads them (its `LossesContainer` and `MetricsContainer`): a
/// single loss goes to every output, a list gives one per output in order, a dict one per
/// output name (an output left out has no loss); a metric, or a flat list of metrics, goes
/// to every output, a list of lists or a dict gives each output its own; `loss_weights` is
/// a list or a dict (missing names weigh 1).
///
///     model.compile(optimizer="rmsprop",
///                   loss={"priority": "mse", "department": "categorical_crossentropy"},
///                   metrics={"priority": ["mae"], "department": ["accuracy"]},
///                   loss_weights=[1.0, 0.2])
enum CompileArguments {
    /// What the engine's `compile` takes: the one loss and metrics of a plain one-output
    /// compile (heads nil), or the heads.
    struct Resolved {
        var loss: Loss
        var metrics: [Metric]
        var heads: [OutputHead]?
    }

    static func resolve(loss: Value, metrics: Value, lossWeights: Value, weightedMetrics: Value,
                        outputNames: [String]) throws -> Resolved {
        guard !loss.isNone else {
            throw PyException(.valueError, "No loss found. You may have forgotten to provide a `loss` argument in the `compile()` method.")
        }
        let losses = try perOutput(loss, "loss", outputNames, broadcastsLists: false).map { try $0.map(Identifiers.loss) }
        let metricLists = try perOutput(metrics, "metrics", outputNames, broadcastsLists: true).map(metricList)
        let weightedLists = try perOutput(weightedMetrics, "weighted_metrics", outputNames, broadcastsLists: true).map(metricList)
        let weights = try perOutput(lossWeights, "loss_weights", outputNames, broadcastsLists: false).map { value -> Float in
            guard let value, !value.isNone else { return 1 }
            guard let weight = value.asDouble else {
                throw PyException(.typeError, "`loss_weights` must hold numbers, got \(value.repr)")
            }
            return Float(weight)
        }
        if outputNames.count == 1, lossWeights.isNone, weightedMetrics.isNone, let single = losses[0] {
            return Resolved(loss: single, metrics: metricLists[0], heads: nil)
        }
        guard let first = losses.compactMap({ $0 }).first else {
            throw PyException(.valueError, "No loss found. You may have forgotten to provide a `loss` argument in the `compile()` method.")
        }
        let heads = outputNames.indices.map { i in
            OutputHead(name: outputNames[i], loss: losses[i], lossWeight: weights[i], metrics: metricLists[i],
                       weightedMetrics: weightedLists[i])
        }
        return Resolved(loss: first, metrics: [], heads: try pythonErrors { try OutputHead.named(heads) })
    }

    /// One output's metrics: none, a name or object, or a list of them.
    private static func metricList(_ value: Value?) throws -> [Metric] {
        switch value {
        case .none, .some(.none): return []
        case .some(.list), .some(.tuple), .some(.str): return try Identifiers.metrics(value ?? .none)
        case .some(let single): return try Identifiers.metrics(.list(PyList([single])))
        }
    }

    /// One entry per output (nil: nothing given for it). `broadcastsLists`: a flat list goes to
    /// every output (metrics), rather than one entry per output (losses, weights).
    private static func perOutput(_ value: Value, _ argument: String, _ names: [String],
                                  broadcastsLists: Bool) throws -> [Value?] {
        switch value {
        case .none:
            return names.map { _ in nil }
        case .dict(let d):
            var unknown: [String] = []
            for key in d.keys {
                guard case .str(let name) = key, names.contains(name) else { unknown.append(key.repr); continue }
            }
            guard unknown.isEmpty else {
                throw PyException(.valueError, "Unknown entries in \(argument) dictionary: [\(unknown.joined(separator: ", "))]. "
                                  + "Only expected following keys: [\(names.map { Value.str($0).repr }.joined(separator: ", "))]")
            }
            return try names.map { try d.get(.str($0)) }
        case .list, .tuple:
            let items = try interpreterList(value, argument)
            let nested = items.contains { if case .list = $0 { true } else if case .tuple = $0 { true } else { false } }
            if broadcastsLists && !nested { return names.map { _ in value } }
            guard items.count == names.count else {
                throw PyException(.valueError, "When passing a list as \(argument), it should have one entry per model "
                                  + "outputs. The model has \(names.count) output\(names.count == 1 ? "" : "s"), but you "
                                  + "passed \(argument)=\(value.repr)")
            }
            return items.map { $0.isNone ? nil : $0 }
        default:
            return names.map { _ in value }
        }
    }
}
