/// Keras' `layer.trainable`, and when it takes effect.
///
/// A frozen layer (`trainable = false`) keeps its weights through `fit`. As in Keras 2, the
/// flags count from `compile`: `compile` collects the parameters it will train (Keras'
/// `_collected_trainable_weights`), `fit` trains exactly those and `summary()` counts them as
/// "Trainable params", so flags changed after `compile` take effect at the next `compile`
/// (and `fit` says so: `trainableFlagsChangedSinceCompile`). A model compiled before it was
/// built collects them when `fit` builds it, as Keras 2 compiles such a model again then.
///
/// ```swift
/// model.layers[0].trainable = false
/// try model.compile(optimizer: Adadelta(), loss: .categoricalCrossentropy)
/// try model.summary().trainableParameters   // the other layers' parameters only
/// ```
extension Layer {
    /// The parameters a `compile` now would collect: none for a frozen layer; a model used as
    /// a layer passes on those of its own layers.
    var currentlyTrainableParameters: [Parameter] {
        guard trainable else { return [] }
        if let graph = self as? GraphLayer { return graph.layers.flatMap(\.currentlyTrainableParameters) }
        return trainableParameters
    }
}

extension Sequential {
    /// Every parameter of the model, frozen or not, in the order of Keras' weight lists
    /// (BatchNormalization's moving statistics are not parameters).
    /// A layer shared by a functional model counts once.
    var allParameters: [Parameter] {
        var seen = Set<ObjectIdentifier>()
        return layers.flatMap(\.trainableParameters).filter { seen.insert(ObjectIdentifier($0)).inserted }
    }

    /// Per parameter of `allParameters`, whether the layers' flags say it is trained now.
    var currentTrainableMask: [Bool] {
        let trained = Set(layers.flatMap(\.currentlyTrainableParameters).map(ObjectIdentifier.init))
        return allParameters.map { trained.contains(ObjectIdentifier($0)) }
    }

    /// What `compile` collected, if it could (the model was built and has the same
    /// parameters since); otherwise the current flags.
    var collectedTrainableMask: [Bool] {
        let count = allParameters.count
        if let mask = compiled?.trainableMask, mask.count == count { return mask }
        return currentTrainableMask
    }

    /// The parameters `fit` updates.
    var trainedParameters: [Parameter] {
        zip(allParameters, collectedTrainableMask).compactMap { $1 ? $0 : nil }
    }

    /// Keras 2's "Discrepancy between trainable weights and collected trainable weights"
    /// check: the number of trainable parameter tensors differs from what `compile` collected.
    public var trainableFlagsChangedSinceCompile: Bool {
        guard let mask = compiled?.trainableMask, mask.count == allParameters.count else { return false }
        return mask.filter { $0 }.count != currentTrainableMask.filter { $0 }.count
    }

    /// The per-parameter mask `compile` recorded (for snapshots and model files); nil when
    /// the model was not built at `compile`.
    public var compiledTrainableMask: [Bool]? { compiled?.trainableMask }

    /// Puts back a mask `compiledTrainableMask` gave (restoring a snapshot or a model file).
    public func restoreCompiledTrainableMask(_ mask: [Bool]?) {
        compiled?.trainableMask = mask
    }

    /// Collects the trainable parameters now if `compile` could not (Keras 2 compiles a
    /// deferred-build model again when `fit` builds it).
    func collectTrainableIfNeeded() {
        if compiled != nil, compiled?.trainableMask?.count != allParameters.count {
            compiled?.trainableMask = currentTrainableMask
        }
    }

    /// How many scalars `fit` trains: the "Trainable params" of `summary()`.
    public var trainableParameterCount: Int {
        zip(allParameters, collectedTrainableMask).reduce(0) { $0 + ($1.1 ? $1.0.count : 0) }
    }

    /// The first layer whose backward pass `fit` needs: layers before the first one with a
    /// trained parameter need neither parameter gradients nor input gradients. `layers.count`
    /// when nothing is trained.
    var firstTrainedLayer: Int {
        let trained = Set(trainedParameters.map(ObjectIdentifier.init))
        return layers.firstIndex { layer in layer.trainableParameters.contains { trained.contains(ObjectIdentifier($0)) } }
            ?? layers.count
    }
}
