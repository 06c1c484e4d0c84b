import CellLanguage
import NeuralEngine

/// A layer or a model called on data while a `tf.GradientTape` records, or with
/// `training=True`: computed at once by the engine's forward kernel (Dropout active when
/// training), and recorded with the engine's backward kernel (see `RecordedLayerCall`), the
/// layer's trainable variables being inputs of the record. Every call on a tensor goes
/// through here whoever makes it — a cell, a `Sequential`, or the `call` of a subclassed model
/// written in Python — so all of them are differentiable.
///
///     with tf.GradientTape() as tape:
///         predictions = model(images, training=True)
///         loss = loss_object(labels, predictions)
///     tape.gradient(loss, model.trainable_variables)
enum LayerTape {
    /// One engine layer of a call and the layer objects whose variables are its weights.
    typealias Step = (layer: any Layer, objects: [LayerObject])

    /// `callee(inputs, training=None, mask=None)` on data, recorded; nil when the call is
    /// symbolic, or no tape records and `training` is not true (the ordinary path runs then).
    static func call(_ arguments: Arguments, name: String, state: LibraryState,
                     steps: () throws -> [Step]) throws -> Value? {
        let a = try arguments.bind(name, ["inputs", .init("training", default: .none), .init("mask", default: .none)])
        let value = a["inputs"]
        let training = a["training"].isTruthy
        guard LayerCalls.symbolic(value) == nil, state.tapes.isRecording || training else { return nil }
        if case .list = value { return nil }
        if case .tuple = value { return nil }
        var current = try Tape.operand(value) ?? EagerTensor(NDArray(try KerasArrays.tensor(value, "inputs")))
        for step in try steps() {
            current = try run(step, on: current, training: training, state: state)
        }
        return .host(current)
    }

    /// One engine layer on `input`, recorded when a tape tracks the input or a variable.
    private static func run(_ step: Step, on input: EagerTensor, training: Bool, state: LibraryState) throws -> EagerTensor {
        let layer = step.layer
        let data = input.array.tensor()
        guard data.shape.count >= 2 else {
            throw PyException(.valueError, "Input 0 of layer \(layer.name) needs a batch axis, got a tensor of shape "
                              + TensorShapeObject.text(data.shape))
        }
        let sampleShape = Array(data.shape.dropFirst())
        if !layer.isBuilt { _ = try pythonErrors { try layer.build(inputShape: sampleShape, rng: &state.random) } }
        for object in step.objects where object.knownInputShape == nil && object.layer === layer {
            object.knownInputShape = sampleShape
        }
        let variables = step.objects.flatMap(VariableObject.all).filter(\.trainable)
        let reads = state.tapes.isRecording ? variables.map(Tape.read) : []
        let call = RecordedLayerCall(layer, input: data, training: training, rng: &state.random)
        let output = EagerTensor(NDArray(call.output))
        let inputs: [EagerTensor?] = [input] + reads
        guard Tape.isTracked(inputs) else { return output }
        guard call.parameterShapes.count == variables.count else {
            throw PyException(.notImplementedError, "Labbook cannot pair the weights of layer \(layer.name) with its "
                              + "variables for a GradientTape (\(call.parameterShapes.count) parameters, "
                              + "\(variables.count) trainable variables)")
        }
        let dtype = input.dtype
        return Tape.record(output, inputs) { g, _ in
            let (dx, parameters) = call.backward(outputGradient: g.tensor())
            let inputGradient = NDArray(shape: dx.shape, storage: ArrayStorage.float32(dx.scalars).converted(to: dtype))
            return [inputGradient] + parameters.map { NDArray($0) }
        }
    }
}

extension LayerObject {
    /// `layer(x)` under a tape or with `training=True`; nil for the ordinary path.
    func tapeCall(_ arguments: Arguments) throws -> Value? {
        try LayerTape.call(arguments, name: layer.name, state: state) { [(layer, [self])] }
    }
}

extension SequentialObject {
    /// `model(x)` under a tape or with `training=True`: its layers one after the other.
    func tapeCall(_ arguments: Arguments) throws -> Value? {
        try LayerTape.call(arguments, name: model.name, state: state) {
            if !model.isBuilt, case .host(let h) = arguments.positional.first ?? .none,
               let shape = (h as? ArrayConvertible)?.arrayValue.shape, shape.count >= 2 {
                try pythonErrors { try model.build(inputShape: Array(shape.dropFirst()), rng: &state.random) }
                refreshShapes()
            }
            return zip(model.layers, layerObjects).map { ($0, [$1]) }
        }
    }
}

extension ModelObject {
    /// A functional model called under a tape or with `training=True`: its graph as one layer.
    func tapeCall(_ arguments: Arguments) throws -> Value? {
        guard graph.inputShapes.count == 1, graph.outputs.count == 1 else { return nil }
        return try LayerTape.call(arguments, name: graph.name, state: state) {
            [(graph, VariableObject.layerObjects(network.entries))]
        }
    }
}
