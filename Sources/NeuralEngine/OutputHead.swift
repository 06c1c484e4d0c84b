/// What `compile` gives one output of a model: its loss (or none), the weight of that loss in
/// the total, its metrics and its weighted metrics (`weighted_metrics=`, which
/// `sample_weight=` weights). A model compiled with heads trains, as Keras 2 does, on
/// `sum(loss_weight * output_loss) + penalties` and logs `loss`, then each output's own loss
/// (`<output>_loss`, before its weight, only when there are several outputs), then each
/// output's metrics followed by its weighted metrics.
///
/// ```swift
/// let heads = try OutputHead.named([
///     OutputHead(name: "priority", loss: .meanSquaredError, metrics: [Metric(kerasName: "mae")!]),
///     OutputHead(name: "department", loss: .categoricalCrossentropy, metrics: [.accuracy]),
/// ])
/// heads.flatMap(\.metrics).map(\.name)     // ["priority_mae", "department_accuracy"]
/// ```
public struct OutputHead: Codable, Equatable, Sendable {
    /// The output's name: its layer's (`priority`).
    public var name: String
    /// Nil when the output takes no part in the loss (a dict of losses that leaves it out).
    public var loss: Loss?
    /// Keras' `loss_weights` entry (1 by default).
    public var lossWeight: Float
    /// The metrics, with the names they are logged under.
    public var metrics: [Metric]
    /// The weighted metrics, with the names they are logged under.
    public var weightedMetrics: [Metric]

    public init(name: String, loss: Loss?, lossWeight: Float = 1, metrics: [Metric] = [], weightedMetrics: [Metric] = []) {
        self.name = name
        self.loss = loss
        self.lossWeight = lossWeight
        self.metrics = metrics
        self.weightedMetrics = weightedMetrics
    }

    /// The heads with their metrics renamed as tf.keras 2.x names them (its
    /// `MetricsContainer._set_metric_names`): with several outputs each name gets the output's
    /// name in front (`department_accuracy`); a weighted metric whose name is taken gets
    /// `weighted_` (`priority_weighted_mae`, or `weighted_accuracy` for one output). Two
    /// metrics of one name are Keras' `ValueError`.
    public static func named(_ heads: [OutputHead]) throws -> [OutputHead] {
        let several = heads.count > 1
        var taken: Set<String> = []
        return try heads.map { head in
            var head = head
            for i in head.metrics.indices {
                if several { head.metrics[i].name = head.name + "_" + head.metrics[i].name }
                guard taken.insert(head.metrics[i].name).inserted else {
                    throw KerasError(.valueError, "Found two metrics with the same name: \(head.metrics[i].name). "
                                     + "All the metrics added to the model need to have unique names.")
                }
            }
            for i in head.weightedMetrics.indices {
                let name = head.weightedMetrics[i].name
                if several {
                    head.weightedMetrics[i].name = taken.contains(head.name + "_" + name)
                        ? head.name + "_weighted_" + name : head.name + "_" + name
                } else if taken.contains(name) {
                    head.weightedMetrics[i].name = "weighted_" + name
                }
                guard taken.insert(head.weightedMetrics[i].name).inserted else {
                    throw KerasError(.valueError, "Found two weighted metrics with the same name: "
                                     + "\(head.weightedMetrics[i].name).All the metrics added to the model need to have unique names.")
                }
            }
            return head
        }
    }

    /// The names a pass logs, in Keras' order: `loss`, the outputs' own losses (several
    /// outputs only), then per output its metrics and weighted metrics.
    public static func logNames(_ heads: [OutputHead]) -> [String] {
        var names = ["loss"]
        if heads.count > 1 { names += heads.compactMap { $0.loss == nil ? nil : $0.name + "_loss" } }
        for head in heads { names += (head.metrics + head.weightedMetrics).map(\.name) }
        return names
    }
}

extension Sequential.Compilation {
    /// `metrics_names`: what `evaluate` returns and `fit` logs, in order.
    public var logNames: [String] {
        heads.map(OutputHead.logNames) ?? ["loss"] + metrics.map(\.name)
    }
}
