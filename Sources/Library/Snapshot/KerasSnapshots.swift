import CellLanguage
import Foundation
import NeuralEngine

/// A layer keeps its configuration (`LayerSpec`), its weight penalties, whether and at which
/// input shape it was built, and its weights. A model refers to its layer objects, so `layer = model.layers[0]`
/// is still the model's layer after a restore. A model used as a layer of a `Sequential` is
/// kept as that model, by reference, so the two still share their weights after a restore.
extension LayerObject: SnapshotCodable {
    static var snapshotKind: String { "keras.Layer/4" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        try writer.write(value: standsFor.map { .host($0) } ?? .none)
        guard standsFor == nil else { return }
        writer.write(bytes: try ExactJSON.encode(layer.spec, "the configuration of layer '\(layer.name)'"))
        writer.write(layer.trainable)
        let regularizers = (layer as? any Regularizable)?.regularizers ?? WeightRegularizers()
        writer.write(bytes: try ExactJSON.encode(regularizers, "the regularizers of layer '\(layer.name)'"))
        writer.write(optionalInts: knownInputShape)
        writer.write(layer.isBuilt)
        guard layer.isBuilt else { return }
        guard let buildShape = inputShape else {
            throw SnapshotError.unsupported("layer '\(layer.name)' was built for an input shape Labbook did not record")
        }
        writer.write(ints: buildShape)
        let weights = layer.weights
        writer.write(weights.count)
        for tensor in weights { try writer.write(tensor: tensor) }
    }

    static func restore(from reader: inout SnapshotReader) throws -> LayerObject {
        switch try reader.readValue() {
        case .none: break
        case .host(let model as SequentialObject): return try model.asLayerObject()
        case .host(let model as ModelObject): return try model.asLayerObject()
        default: throw SnapshotError.malformed("the model a layer stands for")
        }
        let spec = try ExactJSON.decode(LayerSpec.self, from: try reader.readBytes(), "a layer's configuration")
        let trainable = try reader.readBool()
        let regularizers = try ExactJSON.decode(WeightRegularizers.self, from: try reader.readBytes(), "a layer's regularizers")
        let known = try reader.readOptionalInts()
        let layer = try spec.makeLayer()
        layer.trainable = trainable
        (layer as? any Regularizable)?.regularizers = regularizers
        if try reader.readBool() {
            let buildShape = try reader.readInts()
            var scratch = RandomGenerator(seed: 0)
            _ = try layer.build(inputShape: buildShape, rng: &scratch)
            var weights: [Tensor] = []
            for _ in 0..<(try reader.readInt()) { weights.append(try reader.readTensor()) }
            try layer.setWeights(weights)
        }
        let object = LayerObject(layer, state: try LibraryStateHandle.state(of: reader.interpreter))
        object.knownInputShape = known
        return object
    }
}

/// A model keeps its name, its layer objects (by reference), its input shape, the compile
/// settings with the optimizer object (by reference: its slots and iteration count), the
/// `loss` given to `compile`, its last `History`, and its symbolic input and layer outputs.
/// Restoring re-assembles the engine model from the restored layers, so training it further
/// gives bit for bit what the first run gave.
extension SequentialObject: SnapshotCodable {
    static var snapshotKind: String { "keras.Sequential/3" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        guard layerObjects.count == model.layers.count,
              zip(layerObjects, model.layers).allSatisfy({ $0.layer === $1 }) else {
            throw SnapshotError.unsupported("model '\(model.name)' and its layer objects disagree")
        }
        writer.write(model.name)
        writer.write(optionalInts: model.inputShape)
        writer.write(layerObjects.count)
        for object in layerObjects { try writer.write(value: .host(object)) }
        writer.write(optionalInts: pendingInputShape)
        try writeTrainingState(into: &writer, modelName: model.name)
        try writer.write(value: symbolicInput.map { .host($0) } ?? .none)
        writer.write(symbolicOutputs.count)
        for output in symbolicOutputs { try writer.write(value: .host(output)) }
    }

    static func restore(from reader: inout SnapshotReader) throws -> SequentialObject {
        let state = try LibraryStateHandle.state(of: reader.interpreter)
        let model = Sequential(name: try reader.readString())
        let inputShape = try reader.readOptionalInts()
        var layerObjects: [LayerObject] = []
        for _ in 0..<(try reader.readInt()) { layerObjects.append(try reader.readHost(LayerObject.self, "a layer")) }
        // Adding builds a layer again (with throwaway weights) when the input shape is known:
        // take each layer's restored weights first and put them back after.
        let weights = layerObjects.map { $0.layer.isBuilt ? $0.layer.weights : nil }
        var scratch = RandomGenerator(seed: 0)
        for object in layerObjects { try model.add(object.layer, rng: &scratch) }
        if let inputShape, model.inputShape != inputShape || !model.isBuilt {
            try model.build(inputShape: inputShape, rng: &scratch)
        }
        for (object, saved) in zip(layerObjects, weights) where object.layer.isBuilt {
            guard let saved else { throw SnapshotError.malformed("layer '\(object.layer.name)' has no saved weights") }
            try object.layer.setWeights(saved)
        }
        let pendingInputShape = try reader.readOptionalInts()
        let (optimizerObject, compiledLoss, lastHistory, steps) = try readTrainingState(into: model, from: &reader)
        let object = SequentialObject(restoring: model, state: state, layerObjects: layerObjects,
                                      pendingInputShape: pendingInputShape, compiledLoss: compiledLoss,
                                      optimizerObject: optimizerObject, lastHistory: lastHistory)
        object.steps = steps
        object.symbolicInput = try reader.readOptionalHost(InputObject.self, "a model input")
        for _ in 0..<(try reader.readInt()) {
            object.symbolicOutputs.append(try reader.readHost(KerasTensorObject.self, "a layer output"))
        }
        return object
    }
}

/// What both kinds of model save after their structure: the stop flag, the compile settings
/// with the optimizer object (by reference: its slots and iteration count), the `loss` given
/// to `compile`, and the last `History`. A functional model saves its hidden `Sequential`'s.
extension SequentialObject {
    private struct Compiled: Codable, Equatable {
        var loss: Loss
        var metrics: [Metric]
        /// What `compile` collected for training (Keras 2's `_collected_trainable_weights`).
        var trainableMask: [Bool]?
        var heads: [OutputHead]? = nil
    }

    func writeTrainingState(into writer: inout SnapshotWriter, modelName: String) throws {
        writer.write(model.stopTraining)
        if let compiled = model.compiled {
            guard let optimizerObject, optimizerObject.optimizer === compiled.optimizer else {
                throw SnapshotError.unsupported("model '\(modelName)' is compiled with an optimizer Labbook cannot name")
            }
            writer.write(true)
            try writer.write(value: .host(optimizerObject))
            writer.write(bytes: try ExactJSON.encode(Compiled(loss: compiled.loss, metrics: compiled.metrics,
                                                              trainableMask: compiled.trainableMask, heads: compiled.heads),
                                                     "the compile settings of '\(modelName)'"))
        } else {
            writer.write(false)
            try writer.write(value: optimizerObject.map { .host($0) } ?? .none)
        }
        try writer.write(value: compiledLoss)
        try writer.write(value: lastHistory.map { .host($0) } ?? .none)
        try Self.writeSteps(steps, into: &writer, modelName: modelName)
    }

    /// What `compile` gave the training steps, with the loss tracker and metric objects made
    /// so far (by reference: a metric object given to `compile` stays that object).
    static func writeSteps(_ steps: StepCompile?, into writer: inout SnapshotWriter, modelName: String) throws {
        writer.write(steps != nil)
        guard let steps else { return }
        // Tuples, read back whole without filling waiting containers (see `readSteps`).
        try writer.write(value: .tuple([steps.loss, .tuple(steps.metricSpecs), .tuple(steps.weightedSpecs),
                                        .bool(steps.needsSteps), steps.lossTracker.map { .host($0) } ?? .none,
                                        steps.metrics.map { .tuple($0) } ?? .none]))
        writer.write(steps.resolvedLoss != nil)
        if let loss = steps.resolvedLoss { writer.write(bytes: try ExactJSON.encode(loss, "the loss of '\(modelName)'")) }
    }

    static func readSteps(from reader: inout SnapshotReader) throws -> StepCompile? {
        guard try reader.readBool() else { return nil }
        // Read as a reference: the model being restored may be reachable from a container still
        // waiting to be filled (an older History's model), which filling now would meet half made.
        guard case .tuple(let parts) = try reader.readValueReference(), parts.count == 6,
              case .tuple(let specs) = parts[1], case .tuple(let weighted) = parts[2], case .bool(let needsSteps) = parts[3] else {
            throw SnapshotError.malformed("a model's compile settings for training steps")
        }
        let resolvedLoss = try reader.readBool() ? try ExactJSON.decode(Loss.self, from: try reader.readBytes(), "a loss") : nil
        var tracker: MeanMetricObject?
        if case .host(let object as MeanMetricObject) = parts[4] { tracker = object }
        var metrics: [Value]?
        if case .tuple(let built) = parts[5] { metrics = built }
        return StepCompile(loss: parts[0], resolvedLoss: resolvedLoss, metricSpecs: specs, weightedSpecs: weighted,
                           needsSteps: needsSteps, lossTracker: tracker, metrics: metrics)
    }

    /// Reads what `writeTrainingState` wrote, compiling `model` again when it was compiled.
    static func readTrainingState(into model: Sequential, from reader: inout SnapshotReader) throws
        -> (optimizerObject: OptimizerObject?, compiledLoss: Value, lastHistory: HistoryObject?, steps: StepCompile?) {
        model.stopTraining = try reader.readBool()
        let optimizerObject: OptimizerObject?
        if try reader.readBool() {
            let object = try reader.readHost(OptimizerObject.self, "an optimizer")
            let compiled = try ExactJSON.decode(Compiled.self, from: try reader.readBytes(), "compile settings")
            try model.compile(optimizer: object.optimizer, loss: compiled.loss, metrics: compiled.metrics, heads: compiled.heads)
            model.restoreCompiledTrainableMask(compiled.trainableMask)
            optimizerObject = object
        } else {
            optimizerObject = try reader.readOptionalHost(OptimizerObject.self, "an optimizer")
        }
        let compiledLoss = try reader.readValue()
        let lastHistory = try reader.readOptionalHost(HistoryObject.self, "a History")
        return (optimizerObject, compiledLoss, lastHistory, try readSteps(from: &reader))
    }
}

/// An optimizer keeps its hyperparameters, its iteration count and its accumulators (one
/// blob, hashed again only after the optimizer has taken a step).
extension OptimizerObject: SnapshotCodable {
    static var snapshotKind: String { "keras.Optimizer/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        let state = optimizer.state
        writer.write(bytes: try ExactJSON.encode(optimizer.config, "an optimizer's settings"))
        writer.write(state.iterations)
        writer.write(ints: state.slots.map(\.count))
        try writer.writeBlob(owner: self, version: state.iterations) {
            var data = Data(capacity: state.slots.reduce(0) { $0 + $1.count } * 4)
            for slot in state.slots { slot.withUnsafeBytes { data.append(contentsOf: $0) } }
            return data
        }
    }

    static func restore(from reader: inout SnapshotReader) throws -> OptimizerObject {
        let config = try ExactJSON.decode(OptimizerConfig.self, from: try reader.readBytes(), "an optimizer's settings")
        let iterations = try reader.readInt()
        let counts = try reader.readInts()
        let optimizer = config.makeOptimizer()
        let object = OptimizerObject(optimizer)
        try reader.readBlob { data in
            guard data.count == counts.reduce(0, +) * 4, counts.allSatisfy({ $0 >= 0 }) else {
                throw SnapshotError.malformed("optimizer slots")
            }
            var slots: [[Float]] = []
            var offset = 0
            for count in counts {
                slots.append(try Self.floats(data, from: offset, count: count))
                offset += count * 4
            }
            optimizer.state = OptimizerState(iterations: iterations, slots: slots)
            return (object, iterations)
        }
        return object
    }

    static func floats(_ data: Data, from offset: Int, count: Int) throws -> [Float] {
        guard offset >= 0, count >= 0, offset + count * 4 <= data.count else { throw SnapshotError.malformed("floats") }
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { source in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: source[offset..<(offset + count * 4)]))
            }
            initialized = count
        }
    }
}

extension SnapshotWriter {
    /// A tensor: its shape inline, its scalars inline when small, else a blob.
    mutating func write(tensor: Tensor) throws {
        write(ints: tensor.shape)
        let large = tensor.count * 4 > NDArray.inlineBytes
        write(large)
        if large {
            try writeBlob(owner: nil) { tensor.scalars.withUnsafeBytes { Data($0) } }
        } else {
            write(floats: tensor.scalars)
        }
    }
}

extension SnapshotReader {
    mutating func readTensor() throws -> Tensor {
        let shape = try readInts()
        let count = shape.reduce(1, *)
        let scalars: [Float]
        if try readBool() {
            let data = try readBlob()
            guard data.count == count * 4 else { throw SnapshotError.malformed("tensor blob") }
            scalars = try OptimizerObject.floats(data, from: 0, count: count)
        } else {
            scalars = try readFloats()
        }
        guard scalars.count == count, shape.allSatisfy({ $0 >= 0 }) else { throw SnapshotError.malformed("tensor") }
        return Tensor(shape: shape, scalars: scalars)
    }
}
