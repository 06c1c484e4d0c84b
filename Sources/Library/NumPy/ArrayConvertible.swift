import CellLanguage

/// A host object that NumPy reads as an array, as NumPy calls an object's `__array__`:
/// TensorFlow's eager tensors and variables. `np.array(t)`, `np.argmax(t)` and every other
/// function that takes an array-like see `arrayValue`; arithmetic between an array and such
/// an object is left to the object (TensorFlow's tensors outrank arrays, so `array + tensor`
/// is a tensor).
protocol ArrayConvertible: HostObject {
    /// The elements as an array the caller must not write to.
    var arrayValue: NDArray { get }
}
