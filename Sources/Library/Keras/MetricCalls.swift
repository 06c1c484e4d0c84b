import CellLanguage
import NeuralEngine

/// A metric's running totals when a cell drives it by hand, as Keras keeps them: two float32
/// variables, `total` (the sum of the weighted values) and `count` (the sum of the weights,
/// or the number of values), and `result()` = `total / count` (0 when `count` is 0).
///
///     metric = keras.metrics.SparseCategoricalAccuracy()
///     metric.update_state([0, 1, 2], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
///     metric.result()      # <tf.Tensor: shape=(), dtype=float32, numpy=1.0>
///     metric.reset_state()
struct MetricAccumulator: Equatable {
    var total: Float = 0
    var count: Float = 0

    /// Adds per-sample values, each weighted by `weights` (one per value, one for all, or none).
    mutating func add(_ values: [Float], weights: [Float]?) throws {
        guard let weights else {
            var sum: Float = 0
            for v in values { sum += v }
            total += sum
            count += Float(values.count)
            return
        }
        guard weights.count == values.count || weights.count == 1 else {
            throw PyException(.valueError, "`sample_weight` holds \(weights.count) values for \(values.count) samples")
        }
        var sum: Float = 0, weightSum: Float = 0
        for (i, v) in values.enumerated() {
            let w = weights.count == 1 ? weights[0] : weights[i]
            sum += v * w
            weightSum += w
        }
        total += sum
        count += weightSum
    }

    /// `result()`: a float32 scalar tensor.
    var result: Value {
        .host(EagerTensor(NDArray(shape: [], storage: .float32([count == 0 ? 0 : total / count]))))
    }

    /// `update_state`, `result`, `reset_state` (and Keras 2's `reset_states`) bound to a metric.
    static func methods(_ name: String, className: String, get: @escaping () -> MetricAccumulator,
                        set: @escaping (MetricAccumulator) -> Void,
                        update: @escaping (BoundArguments) throws -> ([Float], [Float]?),
                        parameters: [HostParameter]) -> Value? {
        switch name {
        case "update_state":
            return .builtin(BuiltinFunction(name) { arguments, _ in
                var state = get()
                let (values, weights) = try update(try arguments.bind("update_state", parameters))
                try state.add(values, weights: weights)
                set(state)
                return .none
            })
        case "result":
            return .builtin(BuiltinFunction(name) { arguments, _ in
                try arguments.expectExactly(0, name)
                return get().result
            })
        case "reset_state", "reset_states":
            return .builtin(BuiltinFunction(name) { arguments, _ in
                try arguments.expectExactly(0, name)
                set(MetricAccumulator())
                return .none
            })
        case "dtype": return .str("float32")
        default: return nil
        }
    }

    /// `sample_weight=`, as float32 values (nil when None).
    static func weights(_ value: Value) throws -> [Float]? {
        value.isNone ? nil : try KerasArrays.tensor(value, "sample_weight").scalars
    }
}

extension MetricObject {
    private static var parameters: [HostParameter] { ["y_true", "y_pred", .init("sample_weight", default: .none)] }

    /// `update_state`, `result`, `reset_state` on a metric object of its own.
    func standaloneMethod(_ name: String) throws -> Value? {
        MetricAccumulator.methods(name, className: className, get: { self.accumulator }, set: { self.accumulator = $0 },
                                  update: { a in (try self.rowValues(yTrue: a["y_true"], yPred: a["y_pred"]),
                                                  try MetricAccumulator.weights(a["sample_weight"])) },
                                  parameters: Self.parameters)
    }

    /// `metric(y_true, y_pred, sample_weight=None)`: updates the state and returns the result.
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let a = try arguments.bind(className, Self.parameters)
        try accumulator.add(try rowValues(yTrue: a["y_true"], yPred: a["y_pred"]),
                            weights: try MetricAccumulator.weights(a["sample_weight"]))
        return accumulator.result
    }

    /// Each sample's value of the metric (1 or 0 for the accuracies, the mean over the last
    /// axis for the errors), computed as training computes it.
    func rowValues(yTrue: Value, yPred: Value) throws -> [Float] {
        if metric.kind.isConfusionCount {
            throw PyException(.notImplementedError, "Labbook's \(className) works inside compile(metrics=[...]) only, "
                              + "not through update_state")
        }
        let output = try KerasArrays.tensor(yPred, "y_pred")
        let target = try KerasArrays.tensor(yTrue, "y_true")
        let rows = output.shape.count > 1 ? output.shape[0] : 1
        let width = output.scalars.count / max(rows, 1)
        let dense = metric.needsDenseTargets || metric.kind == .binaryAccuracy || metric.kind == .meanSquaredError
            || metric.kind == .meanAbsoluteError
        let targetWidth = dense ? width : 1
        guard target.scalars.count == rows * targetWidth else {
            throw PyException(.valueError, "Shapes of y_true \(TensorShapeObject.text(target.shape)) and y_pred "
                              + "\(TensorShapeObject.text(output.shape)) are incompatible for \(className)")
        }
        return output.scalars.withUnsafeBufferPointer { p in
            target.scalars.withUnsafeBufferPointer { y in
                (0..<rows).map { r in
                    Float(metric.evaluate(output: p.baseAddress! + r * width, target: y.baseAddress! + r * targetWidth,
                                          rows: 1, width: width))
                }
            }
        }
    }
}
