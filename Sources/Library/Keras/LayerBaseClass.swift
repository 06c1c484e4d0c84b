import CellLanguage
import NeuralEngine

/// `keras.layers.Layer`, the class cells subclass for a layer of their own (keras.io's
/// "Making new layers and models via subclassing"): state made in `__init__` or `build` with
/// `add_weight` (or `tf.Variable` attributes), the computation in `call`, written with `tf`
/// operations. Labbook runs such a layer eagerly, as TensorFlow 2 does outside `tf.function`:
/// calling it on data builds it (`build(input_shape)`) on the first call and runs `call`, and
/// the operations record themselves on an open `tf.GradientTape`, so the layer trains in a
/// loop written by hand. Layers held as attributes are tracked, so `weights`,
/// `trainable_weights` and `losses` gather theirs, in Keras 2's order.
///
///     class Linear(keras.layers.Layer):
///         def __init__(self, units=32):
///             super().__init__()
///             self.units = units
///         def build(self, input_shape):
///             self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal")
///         def call(self, inputs):
///             return tf.matmul(inputs, self.w)
///
/// The class is written in Python (so its subclasses call, print and snapshot as any cell
/// class); `__init__`, `__call__`, `add_weight` and the tracking walk are Swift. A
/// `keras.Model` subclass holding such a layer runs eagerly too (`EagerModel`, which borrows
/// this class's tracking and losses). Not there yet: calling such a layer on `keras.Input`s (a
/// functional model).
enum LayerBaseClass {
    /// A class attribute only this class defines: how a value is known to be one of its instances.
    static let marker = "_labbook_layer_class"

    static let source = """
        class Layer:
            _labbook_layer_class = True

            def build(self, input_shape):
                self.built = True

            def call(self, inputs, *args, **kwargs):
                return inputs

            def get_config(self):
                return {"name": self.name, "trainable": self.trainable, "dtype": self.dtype}

            @classmethod
            def from_config(cls, config):
                return cls(**config)

            def add_loss(self, losses, **kwargs):
                if isinstance(losses, (list, tuple)):
                    self._labbook_losses.extend(losses)
                else:
                    self._labbook_losses.append(losses)

            @property
            def losses(self):
                collected = list(self._labbook_losses)
                for regularizer, weight in self._labbook_regularized:
                    collected.append(self._labbook_penalty(regularizer, weight))
                for layer in self._labbook_sublayers():
                    if hasattr(layer, "_labbook_layer_class"):
                        collected.extend(layer.losses)
                    else:
                        for regularizer, weight in self._labbook_penalized(layer):
                            collected.append(self._labbook_penalty(regularizer, weight))
                return collected

            @staticmethod
            def _labbook_penalty(regularizer, weight):
                import tensorflow
                penalty = tensorflow.constant(0.0, dtype=weight.dtype)
                if regularizer.l1:
                    penalty += regularizer.l1 * tensorflow.reduce_sum(tensorflow.abs(weight))
                if regularizer.l2:
                    penalty += regularizer.l2 * tensorflow.reduce_sum(tensorflow.square(weight))
                return penalty

            @property
            def trainable_weights(self):
                if not self.trainable:
                    return []
                weights = [v for v in self._labbook_variables() if v.trainable]
                for layer in self._labbook_sublayers():
                    weights += layer.trainable_weights
                return weights

            @property
            def non_trainable_weights(self):
                own = self._labbook_variables()
                if self.trainable:
                    weights = [v for v in own if not v.trainable]
                    for layer in self._labbook_sublayers():
                        weights += layer.non_trainable_weights
                else:
                    weights = [v for v in own if v.trainable] + [v for v in own if not v.trainable]
                    for layer in self._labbook_sublayers():
                        weights += layer.weights
                return weights

            @property
            def weights(self):
                return self.trainable_weights + self.non_trainable_weights

            @property
            def variables(self):
                return self.weights

            @property
            def trainable_variables(self):
                return self.trainable_weights

            @property
            def non_trainable_variables(self):
                return self.non_trainable_weights

            def get_weights(self):
                return [w.numpy() for w in self.weights]

            def set_weights(self, weights):
                mine = self.weights
                if len(weights) != len(mine):
                    raise ValueError(f"You called `set_weights(weights)` on layer \\"{self.name}\\" with a weight list of "
                                     f"length {len(weights)}, but the layer was expecting {len(mine)} weights.")
                for variable, value in zip(mine, weights):
                    variable.assign(value)

        """

    /// The class, with its Swift methods.
    static func make(_ interpreter: Interpreter, state: LibraryState) throws -> Value {
        let value = try interpreter.defineLibraryClass("Layer", source: source)
        guard case .host(let cls as PyClass) = value else { return value }
        for (name, method) in methods(state: state) { try cls.setClassAttribute(name, .host(method)) }
        return value
    }

    private static func text(_ value: Value?) -> String? {
        if case .str(let text)? = value { return text }
        return nil
    }

    /// Whether `value` is an instance of a subclass of this class.
    static func isInstance(_ value: Value) -> Bool { PyClass.of(value)?.defines(marker) ?? false }

    private static func methods(state: LibraryState) -> [(String, HostMethod)] {
        [
            // `__init__(trainable=True, name=None, dtype=None, dynamic=False, **kwargs)`.
            ("__init__", HostMethod("__init__") { receiver, arguments, _ in
                let a = try arguments.bind("__init__", [.init("trainable", default: .bool(true)), .init("name", default: .none),
                                                        .init("dtype", default: .none), .init("dynamic", default: .bool(false))],
                                           extraKeywords: true)
                let className = PyClass.of(receiver)?.name ?? "Layer"
                let name = a["name"].isNone ? state.layerNames.next(SubclassedModel.snakeCase(className))
                    : try Convert.string(a["name"], "name")
                let dtype = a["dtype"].isNone ? "float32" : try TensorConversion.dtype(a["dtype"]).map { $0.name } ?? "float32"
                for (attribute, value) in [
                    ("_labbook_weights", Value.list(PyList())), ("_labbook_losses", .list(PyList())),
                    ("_labbook_regularized", .list(PyList())), ("name", .str(name)), ("trainable", .bool(a["trainable"].isTruthy)),
                    ("dtype", .str(dtype)), ("built", .bool(false)),
                ] {
                    try PyClass.setInstanceAttribute(receiver, attribute, value)
                }
                return .none
            }),
            ("__call__", HostMethod("__call__") { receiver, arguments, interpreter in
                try call(receiver, arguments, state: state, interpreter)
            }),
            ("add_weight", HostMethod("add_weight") { receiver, arguments, _ in
                try addWeight(receiver, arguments, state: state)
            }),
            ("_labbook_variables", HostMethod("_labbook_variables") { receiver, _, _ in
                .list(PyList(ownVariables(receiver).map { .host($0) }))
            }),
            ("_labbook_sublayers", HostMethod("_labbook_sublayers") { receiver, _, _ in
                .list(PyList(sublayers(receiver)))
            }),
            ("_labbook_penalized", HostMethod("_labbook_penalized") { _, arguments, _ in
                .list(PyList(try penalized(try arguments.bind("_labbook_penalized", ["layer"])["layer"])))
            }),
        ]
    }

    // MARK: Calling

    /// `layer(inputs, *args, **kwargs)`: arrays become float tensors of the layer's dtype, as
    /// Keras 2 converts and autocasts them; the first call runs `build(input_shape)`; a call
    /// from outside any layer's `call` clears the losses the last one added (Keras keeps only
    /// the latest call's).
    private static func call(_ receiver: Value, _ arguments: Arguments, state: LibraryState,
                             _ interpreter: Interpreter) throws -> Value {
        let name = text(PyClass.instanceAttribute(receiver, "name")) ?? "layer"
        guard let first = arguments.positional.first else {
            throw PyException(.typeError, "__call__() missing 1 required positional argument: 'inputs'")
        }
        if LayerCalls.symbolic(first) != nil {
            throw PyException(.notImplementedError, "Labbook runs a keras.layers.Layer subclass eagerly, on tensors and arrays; "
                              + "layer \(name) cannot be called on keras.Input tensors (a functional model) yet")
        }
        let inputs = try tensorInput(first, dtype: text(PyClass.instanceAttribute(receiver, "dtype")) ?? "float32")
        // The layer's name scope holds for its build and its call, so the weights of layers
        // it builds inside its call are named under it (`block_1/linear_1/bias:0`).
        state.layerScopes.append(name)
        defer { state.layerScopes.removeLast() }
        if !(PyClass.instanceAttribute(receiver, "built")?.isTruthy ?? false) {
            _ = try interpreter.call(try interpreter.getAttribute(receiver, "build"), try inputShape(inputs, interpreter))
            try PyClass.setInstanceAttribute(receiver, "built", .bool(true))
        }
        if state.layerCallDepth == 0 { try clearLosses(receiver) }
        state.layerCallDepth += 1
        defer { state.layerCallDepth -= 1 }
        let method = try interpreter.getAttribute(receiver, "call")
        return try interpreter.call(method, Arguments([inputs] + arguments.positional.dropFirst(),
                                                      keywords: callKeywords(arguments.keywords, for: method)))
    }

    /// The keywords `call` gets: Keras passes `training=` and `mask=` only to a `call` that
    /// takes them (a model calling its layers with `training=True` reaches those that care).
    static func callKeywords(_ keywords: [(name: String, value: Value)], for method: Value) -> [(name: String, value: Value)] {
        guard case .boundMethod(let bound) = method, case .function(let function) = bound.function else { return keywords }
        return keywords.filter { ($0.name != "training" && $0.name != "mask") || function.accepts(keyword: $0.name) }
    }

    /// A tensor for the first input: tensors and variables as they are, other values (arrays,
    /// lists, numbers) converted, floats cast to the layer's dtype.
    static func tensorInput(_ value: Value, dtype: String) throws -> Value {
        if case .host(let object) = value, object is EagerTensor || object is any TapeVariable { return value }
        if case .list(let items) = value, items.items.allSatisfy(isTensorLike) { return value }
        if case .tuple(let items) = value, items.allSatisfy(isTensorLike) { return value }
        let array = try TensorConversion.array(value)
        let type = DType(name: dtype) ?? .float32
        return .host(EagerTensor(array.dtype.isFloat && array.dtype != type ? array.astype(type) : array))
    }

    private static func isTensorLike(_ value: Value) -> Bool {
        if case .host(let object) = value { return object is EagerTensor || object is any TapeVariable }
        return false
    }

    /// `build`'s argument: the input's `TensorShape`, or a list of them for several inputs.
    private static func inputShape(_ inputs: Value, _ interpreter: Interpreter) throws -> Value {
        switch inputs {
        case .list(let items): return .list(PyList(try items.items.map { try interpreter.getAttribute($0, "shape") }))
        case .tuple(let items): return .list(PyList(try items.map { try interpreter.getAttribute($0, "shape") }))
        default: return try interpreter.getAttribute(inputs, "shape")
        }
    }

    /// Empties the eager losses of the layer (or eager model) and of every one it holds.
    static func clearLosses(_ layer: Value) throws {
        if case .list(let losses)? = PyClass.instanceAttribute(layer, "_labbook_losses") { losses.items.removeAll() }
        for sublayer in sublayers(layer) where PyClass.instanceAttribute(sublayer, "_labbook_losses") != nil {
            try clearLosses(sublayer)
        }
    }

    // MARK: Weights

    /// `add_weight(name=None, shape=None, dtype=None, initializer=None, regularizer=None,
    /// trainable=None, constraint=None, ...)`: a `tf.Variable` of the initializer's values
    /// (Glorot uniform by default), tracked by the layer. Made while the layer builds inside
    /// its first call, its name is scoped by the layer's (`linear/bias:0`), as TensorFlow's
    /// name scopes do.
    private static func addWeight(_ receiver: Value, _ arguments: Arguments, state: LibraryState) throws -> Value {
        let a = try arguments.bind("add_weight", [
            .init("name", default: .none), .init("shape", default: .none), .init("dtype", default: .none),
            .init("initializer", default: .none), .init("regularizer", default: .none), .init("trainable", default: .none),
            .init("constraint", default: .none),
        ], extraKeywords: true)
        guard a["constraint"].isNone else {
            throw PyException(.notImplementedError, "Labbook's add_weight does not take a constraint= yet")
        }
        let dims = a["shape"].isNone ? [] : try TensorConversion.shape(a["shape"], "shape")
        let layerType = text(PyClass.instanceAttribute(receiver, "dtype")) ?? "float32"
        let type = try TensorConversion.dtype(a["dtype"]) ?? DType(name: layerType) ?? .float32
        let initializer = try InitializerObject.resolve(a["initializer"], state: state)
        try ArrayAllocation.check(dims, type)
        let values = NDArray(shape: dims, storage: ArrayStorage.float64(initializer.draw(dims)).converted(to: type))
        let base = a["name"].isNone ? "Variable" : try Convert.string(a["name"], "name")
        let scope = state.layerScopes.map { $0 + "/" }.joined()
        let trainable = a["trainable"].isNone ? true : a["trainable"].isTruthy
        let variable = FreeVariable(values, name: scope + base + ":0", trainable: trainable, tapes: state.tapes)
        if case .list(let weights)? = PyClass.instanceAttribute(receiver, "_labbook_weights") { weights.items.append(.host(variable)) }
        if let regularizer = try RegularizerObject.regularizer(a["regularizer"], "regularizer"),
           case .list(let regularized)? = PyClass.instanceAttribute(receiver, "_labbook_regularized") {
            let object = RegularizerObject(regularizer, className: "L1L2")
            regularized.items.append(.tuple([.host(object), .host(variable)]))
        }
        return .host(variable)
    }

    /// The layer's own variables in the order Keras tracks them: those `add_weight` made, then
    /// `tf.Variable`s assigned as attributes (alone or in lists), each once.
    private static func ownVariables(_ layer: Value) -> [FreeVariable] {
        var seen = Set<ObjectIdentifier>()
        var found: [FreeVariable] = []
        func take(_ value: Value) {
            switch value {
            case .host(let variable as FreeVariable):
                if seen.insert(ObjectIdentifier(variable)).inserted { found.append(variable) }
            case .list(let items): items.items.forEach(take)
            case .tuple(let items): items.forEach(take)
            default: break
            }
        }
        if let made = PyClass.instanceAttribute(layer, "_labbook_weights") { take(made) }
        for (name, value) in PyClass.instanceAttributes(layer) where !name.hasPrefix("_labbook") { take(value) }
        return found
    }

    /// The weight penalties of a built-in layer held by a custom one, as `(regularizer, variable)`
    /// pairs: its kernel's, then its bias's. A held model's are not gathered yet.
    private static func penalized(_ value: Value) throws -> [Value] {
        guard case .host(let object as LayerObject) = value else {
            if case .host = value, !isInstance(value) {
                throw PyException(.notImplementedError, "Labbook's Layer.losses does not gather the losses of a model held by a layer yet")
            }
            return []
        }
        guard let layer = object.layer as? any Regularizable, !layer.regularizers.isEmpty else { return [] }
        return VariableObject.all(of: object).compactMap { variable -> Value? in
            let part = variable.name.split(separator: "/").last.map { $0.split(separator: ":")[0] } ?? ""
            let regularizer = part == "kernel" ? layer.regularizers.kernel : part == "bias" ? layer.regularizers.bias : nil
            return regularizer.map { .tuple([.host(RegularizerObject($0, className: "L1L2")), .host(variable)]) }
        }
    }

    /// The layers and models the layer holds as attributes (alone or in lists), in assignment
    /// order, each once (as Keras tracks them): a layer's sublayers and a subclassed model's `layers`.
    static func sublayers(_ layer: Value) -> [Value] {
        var seen = Set<ObjectIdentifier>()
        var found: [Value] = []
        func take(_ value: Value) {
            switch value {
            case .host(let object) where isLayerLike(value):
                if seen.insert(ObjectIdentifier(object)).inserted { found.append(value) }
            case .list(let items): items.items.forEach(take)
            case .tuple(let items): items.forEach(take)
            default: break
            }
        }
        for (name, value) in PyClass.instanceAttributes(layer) where !name.hasPrefix("_labbook") { take(value) }
        return found
    }

    /// A built-in layer, a model, or an instance of a `Layer` or `keras.Model` subclass.
    private static func isLayerLike(_ value: Value) -> Bool {
        guard case .host(let object) = value else { return false }
        if object is LayerObject || object is MergeObject || object is ModelObject || object is SequentialObject { return true }
        return isInstance(value) || PyClass.instanceAttribute(value, SubclassedModel.attribute) != nil
    }
}
