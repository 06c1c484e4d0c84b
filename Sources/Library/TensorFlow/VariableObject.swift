import CellLanguage
import NeuralEngine

/// A layer's weight as a `tf.Variable` (`layer.weights`, `model.trainable_weights`,
/// `layer.kernel`): it reads the layer's current value each time, so a variable taken before
/// `fit` shows the trained weights after it, as in TensorFlow. It prints as TensorFlow 2 prints
/// a variable:
///
///     <tf.Variable 'dense_1/bias:0' shape=(3,) dtype=float32, numpy=array([0., 0., 0.], dtype=float32)>
///
/// Names follow the layer's: `<layer>/kernel:0`, `<layer>/bias:0`, and BatchNormalization's
/// `gamma`, `beta`, `moving_mean`, `moving_variance` (the last two not trainable). In
/// arithmetic and NumPy functions a variable is its value, a float32 tensor.
final class VariableObject: TapeVariable, ArrayConvertible {
    /// The layer object whose engine layer holds the weight (kept by reference in snapshots).
    let owner: LayerObject
    /// The weight's position in `owner.layer.weights`.
    let index: Int
    let name: String
    let trainable: Bool

    init(owner: LayerObject, index: Int, name: String, trainable: Bool) {
        self.owner = owner
        self.index = index
        self.name = name
        self.trainable = trainable
    }

    /// The current value (an empty array if the layer no longer has the weight).
    var value: NDArray {
        let weights = owner.layer.weights
        guard index < weights.count else { return NDArray(shape: [0], storage: .float32([])) }
        return NDArray(weights[index])
    }

    var arrayValue: NDArray { value }
    private var tensor: EagerTensor { EagerTensor(value) }

    // MARK: The variables of a layer

    /// Every weight of `object`'s layer as a variable, in the layer's order: the same
    /// variable objects each time.
    static func all(of object: LayerObject) -> [VariableObject] {
        weightNames(object.layer).enumerated().map { index, entry in
            if let known = object.variables[index], known.name == entry.0 + ":0" { return known }
            let variable = VariableObject(owner: object, index: index, name: entry.0 + ":0", trainable: entry.1)
            object.variables[index] = variable
            return variable
        }
    }

    /// Keras' `weights`: the trainable variables first, then the others.
    static func keras(_ variables: [VariableObject]) -> [VariableObject] {
        variables.filter(\.trainable) + variables.filter { !$0.trainable }
    }

    /// The names (without `:0`) and trainability of a layer's weights, in its order; the
    /// layers of a model used as a layer name their own.
    static func weightNames(_ layer: any Layer) -> [(String, Bool)] {
        var names: [(String, Bool)]
        switch layer {
        case let dense as Dense: names = [("kernel", true)] + (dense.useBias ? [("bias", true)] : [])
        case let conv as Convolution: names = [("kernel", true)] + (conv.settings.useBias ? [("bias", true)] : [])
        case let bn as BatchNormalization:
            names = (bn.scale ? [("gamma", true)] : []) + (bn.center ? [("beta", true)] : [])
                + [("moving_mean", false), ("moving_variance", false)]
        case let graph as GraphLayer:
            return graph.layers.flatMap(weightNames)
        default: names = []
        }
        let count = layer.weights.count
        if names.count != count { names = (0..<count).map { ("weight_\($0)", true) } }
        return names.map { ("\(layer.name)/\($0.0)", $0.1) }
    }

    /// The variables named by `attribute` (`weights`, `trainable_weights`, ...) of layer objects
    /// taken in order; nil for another attribute.
    static func attribute(_ attribute: String, of objects: [LayerObject]) -> Value? {
        let variables = objects.flatMap(all)
        let chosen: [VariableObject]
        switch attribute {
        case "weights", "variables": chosen = keras(variables)
        case "trainable_weights", "trainable_variables": chosen = variables.filter(\.trainable)
        case "non_trainable_weights", "non_trainable_variables": chosen = variables.filter { !$0.trainable }
        default: return nil
        }
        return .list(PyList(chosen.map { .host($0) }))
    }

    /// A model's variables by `attribute`, over its layer objects; nil for another
    /// attribute. An unbuilt model has none yet, which is TensorFlow's ValueError.
    static func modelAttribute(_ attribute: String, of objects: [LayerObject], built: Bool, model: String) throws -> Value? {
        guard let value = Self.attribute(attribute, of: objects) else { return nil }
        guard built else {
            throw PyException(.valueError, "Weights for model \(model) have not yet been created. Weights are created when "
                              + "the Model is first called on inputs or `build()` is called with an `input_shape`.")
        }
        return value
    }

    /// The layer objects holding a functional model's weights, in its layer order: those of
    /// models and Sequentials used as its layers come from their own layers.
    static func layerObjects(_ entries: [FunctionalGraph.Entry]) -> [LayerObject] {
        entries.flatMap { entry -> [LayerObject] in
            switch entry {
            case .input, .callee(.merge): []
            case let .callee(.layer(o)): [o]
            case let .callee(.model(m)): layerObjects(m.network.entries)
            case let .callee(.sequential(s)): s.layerObjects
            }
        }
    }

    // MARK: What cells see

    var typeName: String { "ResourceVariable" }

    var repr: String {
        let a = value
        return "<tf.Variable '\(name)' shape=\(TensorShapeObject.text(a.shape)) dtype=\(a.dtype.name), "
            + "numpy=\(EagerTensor.valueText(a, repr: true))>"
    }

    func getAttribute(_ attribute: String, _ interpreter: Interpreter) throws -> Value {
        if attribute == "name" { return .str(name) }
        if let value = variableAttribute(attribute) { return value }
        throw attributeError(attribute)
    }

    var tapes: TapeStack { owner.state.tapes }

    /// Writes the layer's weight (the caller checked shape and dtype).
    func write(_ newValue: NDArray) throws {
        var weights = owner.layer.weights
        weights[index] = newValue.tensor()
        try pythonErrors { try owner.layer.setWeights(weights) }
    }

    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value { try tensor.getItem(key, interpreter) }
    func length() throws -> Int { try tensor.length() }
    func iterate(_ interpreter: Interpreter) throws -> PyIterator { try tensor.iterate(interpreter) }
    func isTruthy() throws -> Bool { try value.isTruthy() }
    var asDouble: Double? { value.asDouble }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool,
                         _ interpreter: Interpreter) throws -> Value? {
        try variableBinary(op, other, reflected: reflected)
    }

    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        try tensor.compare(op, other, interpreter)
    }

    func unaryOperation(_ op: UnaryOperator, _ interpreter: Interpreter) throws -> Value? {
        try Tape.read(self).unaryOperation(op, interpreter)
    }
}
