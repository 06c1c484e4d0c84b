import CellLanguage
import NeuralEngine

/// The engine side of a cell's subclass of `keras.Model`. Keras runs a subclassed model's
/// `call` as Python on every call; Labbook runs it once, on symbolic inputs (`keras.Input`s
/// of the shape of the first data it sees), and keeps the functional model that call traces
/// out: `model(x)`, `fit`, `evaluate`, `predict`, `summary` and the weights are then that
/// model's. A `call` that does what the symbolic trace cannot follow (a NumPy or `tf`
/// operation on its input, a branch on its values) stops with an error saying so. A model
/// holding a `keras.layers.Layer` subclass is never traced: it runs eagerly (`eager`, see
/// `EagerModel`).
///
///     class MyModel(keras.Model):
///         def __init__(self):
///             super().__init__()
///             self.d1 = layers.Dense(128, activation='relu')
///             self.d2 = layers.Dense(10)
///         def call(self, x):
///             return self.d2(self.d1(x))
///     model = MyModel()
///     model(x_train[:1]).shape      # TensorShape([1, 10])
///
/// It lives in the instance's `__dict__` (as `_labbook_model`), so a snapshot of the
/// instance saves it with the layers.
final class SubclassedModel: HostObject {
    static let attribute = "_labbook_model"

    /// `model.name`: Keras' snake-case of the class name, counted (`my_model_1`), or `name=`.
    let name: String
    /// The functional model traced from `call`, once built.
    var traced: ModelObject?
    /// Whether `traced` comes from `call` (not from `Model.__init__(inputs, outputs)`).
    var tracedFromCall = false
    /// `compile(...)` arguments given before the model was built, replayed when it is.
    var pendingCompile: Arguments?
    /// The model run eagerly, when it holds a `keras.layers.Layer` subclass (never traced then).
    var eager: EagerModel?

    init(name: String, traced: ModelObject? = nil) {
        self.name = name
        self.traced = traced
    }

    var typeName: String { "SubclassedModel" }
    var repr: String { "<labbook subclassed model \(name)>" }

    /// The core of `receiver`, made on first use when the subclass's `__init__` did not
    /// call `super().__init__()` first.
    static func of(_ receiver: Value, _ state: LibraryState) throws -> SubclassedModel {
        if case .host(let core as SubclassedModel)? = PyClass.instanceAttribute(receiver, attribute) { return core }
        let core = SubclassedModel(name: state.layerNames.next(snakeCase(PyClass.of(receiver)?.name ?? "model")))
        try PyClass.setInstanceAttribute(receiver, attribute, .host(core))
        return core
    }

    /// The eager run of `receiver`, made on first use when the model was not traced and holds
    /// a `Layer` subclass instance; nil for a model the engine runs.
    func eagerModel(_ receiver: Value, _ state: LibraryState) throws -> EagerModel? {
        if let eager { return eager }
        guard traced == nil, EagerModel.wanted(receiver) else { return nil }
        let model = EagerModel(name: name, state: state)
        try EagerModel.prepare(receiver)
        eager = model
        return model
    }

    /// Keras' `to_snake_case`: `CustomerTicketModel` -> `customer_ticket_model`.
    static func snakeCase(_ name: String) -> String {
        let characters = Array(name)
        var out = ""
        for (i, c) in characters.enumerated() {
            if c.isUppercase, i > 0 {
                let previous = characters[i - 1]
                let next: Character? = i + 1 < characters.count ? characters[i + 1] : nil
                if previous.isLowercase || previous.isNumber || (next.map { $0.isLowercase } ?? false) { out += "_" }
            }
            out += c.lowercased()
        }
        return out.hasPrefix("_") ? "private" + out : out
    }

    // MARK: Tracing `call`

    /// The inputs a model is built for: one tensor, a list of them, or a dict by name.
    enum InputSpec {
        case single([Int])
        case list([[Int]])
        case dict([(String, [Int])])
    }

    /// The input structure of data (an array, a tensor, a list or dict of them), or of symbolic tensors.
    static func inputSpec(of value: Value) throws -> InputSpec {
        if let tensors = LayerCalls.symbolic(value) {
            if tensors.count == 1, case .host = value { return .single(tensors[0].shape) }
            return .list(tensors.map(\.shape))
        }
        switch value {
        case .dict(let d):
            return .dict(try d.entries.map { key, item in
                guard case .str(let name) = key else { throw PyException(.typeError, "a model's input dict needs str keys") }
                return (name, try sampleShape(item))
            })
        case .list(let l) where l.items.allSatisfy(isArrayLike): return .list(try l.items.map(sampleShape))
        case .tuple(let t) where t.allSatisfy(isArrayLike): return .list(try t.map(sampleShape))
        default: return .single(try sampleShape(value))
        }
    }

    private static func isArrayLike(_ value: Value) -> Bool {
        if case .host(let h) = value { return h is NDArray || h is EagerTensor }
        return false
    }

    private static func sampleShape(_ value: Value) throws -> [Int] {
        if case .host(let t as any SymbolicTensor) = value { return t.shape }
        let data = try KerasArrays.tensor(value, "inputs")
        guard data.shape.count >= 2 else {
            throw PyException(.valueError, "A model's input needs a batch axis, got an array of shape "
                              + Value.tuple(data.shape.map { .int($0) }).repr)
        }
        return Array(data.shape.dropFirst())
    }

    /// Builds the model: runs the subclass's `call` on `keras.Input`s of `spec` and keeps the
    /// functional model between them and what it returns.
    @discardableResult
    func build(_ receiver: Value, _ spec: InputSpec, className: String, state: LibraryState,
               interpreter: Interpreter) throws -> ModelObject {
        if let traced { return traced }
        let inputs: [InputObject]
        let symbolic: Value
        switch spec {
        case .single(let shape):
            inputs = [InputObject(shape: shape, name: name + "_input")]
            symbolic = .host(inputs[0])
        case .list(let shapes):
            inputs = shapes.enumerated().map { InputObject(shape: $1, name: "\(name)_input_\($0 + 1)") }
            symbolic = .list(PyList(inputs.map { .host($0) }))
        case .dict(let named):
            inputs = named.map { InputObject(shape: $1, name: $0) }
            symbolic = .dict(PyDict(inputs.map { ($0.name, .host($0)) }))
        }
        let result: Value
        do {
            result = try interpreter.call(try interpreter.getAttribute(receiver, "call"), Arguments([symbolic]))
        } catch let error as PyException {
            throw PyException(error.type, error.message + "\n(Labbook builds a subclassed model by running its `call` once "
                              + "on symbolic inputs (keras.Input); `call` may only pass them through Keras layers and models)")
        }
        let outputs: [Value]
        switch result {
        case .tuple(let t): outputs = t
        case .list(let l): outputs = l.items
        case .dict(let d): outputs = d.entries.map(\.value)
        default: outputs = [result]
        }
        let tensors = try outputs.map { output -> any SymbolicTensor in
            guard case .host(let t as any SymbolicTensor) = output else {
                throw PyException(.typeError, "\(className).call returned \(output.repr), not the output of a Keras layer; "
                                  + "Labbook builds a subclassed model by tracing `call` through its layers")
            }
            return t
        }
        let model = try ModelObject(network: try FunctionalGraph(inputs: inputs, outputs: tensors), name: name, state: state)
        model.className = className
        traced = model
        tracedFromCall = true
        if let pending = pendingCompile {
            pendingCompile = nil
            _ = try model.compile(pending, lossOptional: try DefaultSteps.overrides("train_step", receiver, interpreter))
        }
        return model
    }

    /// The built model, or Keras' error for a model never built.
    func built() throws -> ModelObject {
        guard let traced else {
            throw PyException(.valueError, "This model has not yet been built. Build the model first by calling `build()` "
                + "or calling `fit()` with some data, or specify an `input_shape` argument in the first layer(s) for automatic build.")
        }
        return traced
    }

    /// The layers the instance holds as attributes, in the order they were assigned (Keras'
    /// `model.layers` of a subclassed model): the walk `keras.layers.Layer` tracks with.
    static func trackedLayers(_ receiver: Value) -> [Value] { LayerBaseClass.sublayers(receiver) }
}
