import CellLanguage

/// The Python body of `keras.Model` (`keras.engine.training.Model`): tf.keras 2's default
/// `train_step` and `test_step` and the methods they call (`compute_loss`, `compute_metrics`,
/// `get_metrics_result`, `reset_metrics`), written as Keras writes them so that a subclass
/// overrides any one of them and `super().train_step(data)` works; `compile`, `fit`,
/// `evaluate` and `predict` are there too (they reach the Swift methods), so that a subclass's
/// own `compile` can call `super().compile(...)`. `fit` runs them batch by
/// batch when a model has its own `train_step` or a metric only Python can update
/// (`StepTraining`); a functional model or a `Sequential` reaches the same functions
/// (`method(_:of:_:)`).
enum DefaultSteps {
    /// The class body; `Model`'s Swift methods (`__init__`, `__call__`, `__getattr__`, ...) are
    /// added to it.
    static let source = """
        class Model:
            def _labbook_unpack(self, data):
                if isinstance(data, list):
                    data = tuple(data)
                if not isinstance(data, tuple):
                    return (data, None, None)
                if len(data) == 1:
                    return (data[0], None, None)
                if len(data) == 2:
                    return (data[0], data[1], None)
                if len(data) == 3:
                    return (data[0], data[1], data[2])
                raise ValueError("Data is expected to be in format `x`, `(x,)`, `(x, y)`, or `(x, y, sample_weight)`, found: " + str(data))

            def train_step(self, data):
                import tensorflow
                x, y, sample_weight = self._labbook_unpack(data)
                with tensorflow.GradientTape() as tape:
                    y_pred = self(x, training=True)
                    loss = self.compute_loss(x, y, y_pred, sample_weight)
                if self.loss and y is None:
                    raise ValueError("Target data is missing. Your model was compiled with loss=" + str(self.loss)
                                     + ", and therefore expects target data to be provided in `fit()`.")
                elif loss is None:
                    raise ValueError("No loss found. You may have forgotten to provide a `loss` argument in the `compile()` method.")
                variables = self.trainable_variables
                gradients = tape.gradient(loss, variables)
                self.optimizer.apply_gradients(zip(gradients, variables))
                return self.compute_metrics(x, y, y_pred, sample_weight)

            def test_step(self, data):
                x, y, sample_weight = self._labbook_unpack(data)
                y_pred = self(x, training=False)
                self.compute_loss(x, y, y_pred, sample_weight)
                return self.compute_metrics(x, y, y_pred, sample_weight)

            def compute_loss(self, x=None, y=None, y_pred=None, sample_weight=None):
                return self.compiled_loss(y, y_pred, sample_weight, regularization_losses=self.losses)

            def compute_metrics(self, x, y, y_pred, sample_weight):
                self.compiled_metrics.update_state(y, y_pred, sample_weight)
                return self.get_metrics_result()

            def get_metrics_result(self):
                logs = {}
                for metric in self.metrics:
                    result = metric.result()
                    if isinstance(result, dict):
                        logs.update(result)
                    else:
                        logs[metric.name] = result
                return logs

            def reset_metrics(self):
                for metric in self.metrics:
                    metric.reset_state()

            def compile(self, *args, **kwargs):
                return self.__getattr__("compile")(*args, **kwargs)

            def fit(self, *args, **kwargs):
                return self.__getattr__("fit")(*args, **kwargs)

            def evaluate(self, *args, **kwargs):
                return self.__getattr__("evaluate")(*args, **kwargs)

            def predict(self, *args, **kwargs):
                return self.__getattr__("predict")(*args, **kwargs)

        """

    /// The names `method(_:of:_:)` serves.
    static let names: Set<String> = ["train_step", "test_step", "compute_loss", "compute_metrics", "get_metrics_result",
                                     "reset_metrics", "_labbook_unpack"]

    /// The library's `Model` class.
    static func modelClass(_ interpreter: Interpreter) throws -> PyClass {
        guard case .host(let cls as PyClass)? = try interpreter.importModule(ModelBaseClass.module)["Model"] else {
            throw PyException(.runtimeError, "keras.engine.training.Model is missing")
        }
        return cls
    }

    /// `name` of `Model` bound to `receiver` (a functional model or a `Sequential`, which are
    /// not instances of the Python class), or nil for another name.
    static func method(_ name: String, of receiver: Value, _ interpreter: Interpreter) throws -> Value? {
        guard names.contains(name) else { return nil }
        let function = try modelClass(interpreter).getAttribute(name, interpreter)
        return .builtin(BuiltinFunction(name) { arguments, interpreter in
            try interpreter.call(function, Arguments([receiver] + arguments.positional, keywords: arguments.keywords))
        })
    }

    /// Whether `receiver`'s class has its own `name` (a subclass's `train_step`), not Model's.
    static func overrides(_ name: String, _ receiver: Value, _ interpreter: Interpreter) throws -> Bool {
        guard let cls = PyClass.of(receiver) else { return false }
        return cls.definingClass(of: name).map { $0 !== (try? modelClass(interpreter)) } ?? false
    }
}
