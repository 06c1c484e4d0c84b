import CellLanguage
import NeuralEngine

extension SequentialObject {
    /// The model as an entry of another `Sequential`, as in TensorFlow's classification
    /// tutorial: `tf.keras.Sequential([model, tf.keras.layers.Softmax()])`. The entry is a
    /// graph layer over this model's own layers, so the two models share their weights:
    /// training the outer model trains this one. It needs a built model (one whose first layer
    /// has an `input_shape`, or that was built or trained), since Labbook builds a layer when
    /// it is added.
    func asLayerObject() throws -> LayerObject {
        if let nestedLayerObject, let graph = nestedLayerObject.layer as? GraphLayer,
           graph.layers.count == model.layers.count, zip(graph.layers, model.layers).allSatisfy({ $0 === $1 }) {
            return nestedLayerObject
        }
        guard model.isBuilt else {
            throw PyException(.valueError, "Labbook can use the Sequential model \(model.name) as a layer only once it is "
                              + "built: give its first layer an `input_shape`, or call `build` or `fit` first.")
        }
        let object = LayerObject(try asGraphLayer(), state: state)
        object.knownInputShape = model.inputShape
        object.standsFor = self
        nestedLayerObject = object
        return object
    }
}
