import CellLanguage
import NeuralEngine

/// `keras.metrics.Metric`, the class cells subclass for a metric of their own (Deep Learning
/// with Python's `RootMeanSquaredError`): `add_weight` makes a `tf.Variable` the metric owns,
/// calling the metric runs `update_state` then `result`, and the default `reset_state`
/// sets every weight back to zeros. The subclass writes `update_state` and `result` with
/// `tf` operations on its variables. It is written in Python, so its subclasses call, print
/// and snapshot as any cell class; `__init__`, which names the metric as Keras 2 names it
/// (`root_mean_squared_error_1` without `name=`), is Swift.
///
///     class Total(keras.metrics.Metric):
///         def __init__(self, name="total", **kwargs):
///             super().__init__(name=name, **kwargs)
///             self.total = self.add_weight(name="total", initializer="zeros")
///         def update_state(self, values, sample_weight=None):
///             self.total.assign_add(tf.reduce_sum(values))
///         def result(self):
///             return self.total
enum MetricBaseClass {
    static let source = """
        class Metric:
            def add_weight(self, name=None, shape=(), dtype=None, initializer="zeros", **kwargs):
                import tensorflow
                if initializer != "zeros":
                    raise NotImplementedError("Labbook's Metric.add_weight takes initializer='zeros' only")
                variable = tensorflow.Variable(tensorflow.zeros(shape, dtype=dtype or "float32"), name=name)
                self._labbook_weights.append(variable)
                return variable

            @property
            def weights(self):
                return list(self._labbook_weights)

            @property
            def variables(self):
                return list(self._labbook_weights)

            def reset_state(self):
                import tensorflow
                for variable in self._labbook_weights:
                    variable.assign(tensorflow.zeros(variable.shape, dtype=variable.dtype))

            def reset_states(self):
                self.reset_state()

            def __call__(self, *args, **kwargs):
                self.update_state(*args, **kwargs)
                return self.result()

        """

    /// The class, with its Swift `__init__(name=None, dtype=None, **kwargs)`.
    static func make(_ interpreter: Interpreter, state: LibraryState) throws -> Value {
        let value = try interpreter.defineLibraryClass("Metric", source: source)
        guard case .host(let cls as PyClass) = value else { return value }
        try cls.setClassAttribute("__init__", .host(HostMethod("__init__") { receiver, arguments, _ in
            let a = try arguments.bind("__init__", [.init("name", default: .none), .init("dtype", default: .none)],
                                       extraKeywords: true)
            let className = PyClass.of(receiver)?.name ?? "Metric"
            let name = a["name"].isNone ? state.layerNames.next(SubclassedModel.snakeCase(className))
                : try Convert.string(a["name"], "name")
            try PyClass.setInstanceAttribute(receiver, "name", .str(name))
            try PyClass.setInstanceAttribute(receiver, "dtype", a["dtype"].isNone ? .str("float32") : a["dtype"])
            try PyClass.setInstanceAttribute(receiver, "_labbook_weights", .list(PyList()))
            return .none
        }))
        return value
    }
}
