import CellLanguage
import NeuralEngine

/// A TensorFlow 2 eager tensor (`tf.Tensor`): an immutable array with a TensorFlow dtype.
/// It is what a Keras model or layer returns when called on data (`model(x_train[:1])`),
/// what `tf.ones`, `tf.constant` and `tf.nn.softmax` return, and what a loss object returns.
///
/// It prints as TensorFlow prints it (its `__repr__` and `__str__`, with NumPy's text of the
/// value, moved to a line of its own when that text has several lines):
///
///     <tf.Tensor: shape=(2,), dtype=float32, numpy=array([1., 1.], dtype=float32)>
///     tf.Tensor([1. 1.], shape=(2,), dtype=float32)
///
/// Arithmetic and comparisons convert the other operand to the tensor's dtype first (a
/// Python number, a NumPy array, a list), as TensorFlow's operators do, and give a tensor;
/// `array + tensor` is a tensor too (TensorFlow's tensors outrank NumPy arrays). Two tensors
/// must have the same dtype. NumPy functions read a tensor as its array (`np.argmax(t)`).
final class EagerTensor: HostObject, ArrayConvertible, SampleSource {
    /// The value; never written to (every producer hands over an array of its own).
    let array: NDArray
    /// The tapes that track this tensor (`GradientTape.watch`, or made by a recorded operation).
    var watchers: [WeakTape] = []

    init(_ array: NDArray) {
        self.array = array
    }

    /// A float32 tensor of an engine tensor's values (a model's or a layer's output).
    convenience init(_ tensor: Tensor) {
        self.init(NDArray(tensor))
    }

    /// What a model called on data returns: its predictions (an array, or a list of arrays
    /// for several outputs) as tensors.
    static func wrap(_ value: Value) -> Value {
        switch value {
        case .host(let a as NDArray): return .host(EagerTensor(a))
        case .list(let l): return .list(PyList(l.items.map(wrap)))
        default: return value
        }
    }

    var arrayValue: NDArray { array }
    var shape: [Int] { array.shape }
    var dtype: DType { array.dtype }

    // MARK: Printing

    var typeName: String { "EagerTensor" }

    var repr: String {
        "<tf.Tensor: shape=\(TensorShapeObject.text(shape)), dtype=\(dtype.name), numpy=\(Self.valueText(array, repr: true))>"
    }

    var str: String {
        "tf.Tensor(\(Self.valueText(array, repr: false)), shape=\(TensorShapeObject.text(shape)), dtype=\(dtype.name))"
    }

    /// TensorFlow's text of a value inside a tensor's or a variable's printed form: NumPy's
    /// `repr` (or `str`) of the array, a 0-d value's repr as the Python number it holds, and
    /// a line break first when the text has several lines.
    static func valueText(_ a: NDArray, repr: Bool) -> String {
        let text: String
        if a.ndim == 0 {
            text = repr ? scalarText(a) : NumPyScalar.strText(a)
        } else {
            text = repr ? ArrayPrinter.repr(a) : ArrayPrinter.str(a)
        }
        return text.contains("\n") ? "\n" + text : text
    }

    /// A 0-d value as TensorFlow prints it inside `numpy=`: the repr of the Python number
    /// `.item()` gives (a float32 widened to a double, so all its digits show).
    static func scalarText(_ a: NDArray) -> String {
        switch a.storage {
        case .bool(let v): return v[0] ? "True" : "False"
        case .float32(let v): return Value.float(Double(v[0])).repr
        case .float64(let v): return Value.float(v[0]).repr
        default: return NumPyScalar.strText(a)
        }
    }

    func format(spec: String) throws -> String {
        spec.isEmpty ? str : try array.format(spec: spec)
    }

    // MARK: Attributes

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "shape": return .host(TensorShapeObject(shape))
        case "dtype": return .host(TFDType(dtype))
        case "ndim": return .int(array.ndim)
        case "device": return .str("/job:localhost/replica:0/task:0/device:CPU:0")
        case "numpy":
            return .builtin(BuiltinFunction("numpy") { arguments, _ in
                try arguments.expectExactly(0, "numpy")
                return Self.numpyValue(self.array)
            })
        case "get_shape":
            return .builtin(BuiltinFunction("get_shape") { arguments, _ in
                try arguments.expectExactly(0, "get_shape")
                return .host(TensorShapeObject(self.shape))
            })
        default: throw attributeError(name)
        }
    }

    /// `t.numpy()`: a NumPy array of its own (or a NumPy scalar for a 0-d tensor).
    static func numpyValue(_ a: NDArray) -> Value {
        let copy = NDArray(shape: a.shape, storage: a.storage)
        return a.ndim == 0 ? .host(NumPyScalar(copy)) : .host(copy)
    }

    // MARK: Indexing and iteration

    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value {
        try Self.checkIndex(key)
        let part = try array.subscripted(key)
        return .host(EagerTensor(NDArray(shape: part.shape, storage: part.storage)))
    }

    /// TensorFlow takes integers, slices, `None` (`tf.newaxis`) and tuples of them as indices;
    /// index arrays and masks are NumPy's (`tf.boolean_mask`, `tf.gather` in TensorFlow).
    private static func checkIndex(_ key: Value) throws {
        switch key {
        case .int, .slice, .none: return
        case .tuple(let items): for item in items { try checkIndex(item) }
        case .host(let h as EagerTensor) where h.array.ndim == 0 && h.dtype.isInteger && h.dtype != .bool: return
        case .host(let h as NumPyScalar) where h.dtype.isInteger && h.dtype != .bool: return
        default:
            throw PyException(.typeError, "Only integers, slices (`:`), ellipsis (`...`), tf.newaxis (`None`) and scalar "
                              + "tf.int32/tf.int64 tensors are valid indices, got \(key.repr)")
        }
    }

    func length() throws -> Int {
        guard let first = shape.first else { throw PyException(.typeError, "Scalar tensor has no `len()`") }
        return first
    }

    func iterate(_ interpreter: Interpreter) throws -> PyIterator {
        guard let count = shape.first else { throw PyException(.typeError, "Cannot iterate over a scalar tensor.") }
        var i = 0
        return PyIterator("iterator") { [self] in
            guard i < count else { return nil }
            i += 1
            let row = try array.subscripted(.int(i - 1))
            return .host(EagerTensor(NDArray(shape: row.shape, storage: row.storage)))
        }
    }

    func isTruthy() throws -> Bool { try array.isTruthy() }
    var asDouble: Double? { array.asDouble }
    var asInt: Int? { array.asInt }

    // MARK: Arithmetic

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool,
                         _ interpreter: Interpreter) throws -> Value? {
        try TensorGradients.binary(self, op, other, reflected: reflected).map { .host($0) }
    }

    /// `self op other` (`other op self` when `reflected`); nil when `other` is nothing
    /// TensorFlow converts to a tensor.
    func operate(_ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> EagerTensor? {
        guard let operand = try TensorConversion.operand(other, like: self) else { return nil }
        let (a, b) = reflected ? (operand, array) : (array, operand)
        if op == .matrixMultiply {
            guard a.ndim >= 2, b.ndim >= 2 else {
                throw PyException(.valueError, "In[0] and In[1] must have rank 2 or more for MatMul, got shapes "
                                  + "\(TensorShapeObject.text(a.shape)) and \(TensorShapeObject.text(b.shape))")
            }
        }
        return EagerTensor(op == .matrixMultiply ? try LinearAlgebra.matmul(a, b) : try Arithmetic.binary(op, a, b))
    }

    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard let operand = try TensorConversion.operand(other, like: self) else { return nil }
        do {
            return .host(EagerTensor(try Arithmetic.compare(op, array, operand)))
        } catch let error as PyException where op == .equal || op == .notEqual {
            // TensorFlow's `==` on shapes that do not broadcast is a scalar False, not an error.
            guard error.type == .valueError else { throw error }
            return .host(EagerTensor(NDArray(shape: [], storage: .bool([op == .notEqual]))))
        }
    }

    func unaryOperation(_ op: UnaryOperator, _ interpreter: Interpreter) throws -> Value? {
        if op == .invert && dtype == .bool {
            return .host(EagerTensor(NDArray(shape: shape, storage: .bool(array.storage.asBool().map { !$0 }))))
        }
        let result = EagerTensor(try Arithmetic.unary(op, array))
        guard op == .negate, !recordingTapes.isEmpty else { return .host(result) }
        return .host(Tape.record(result, [self]) { g, _ in [try Arithmetic.unary(.negate, g)] })
    }

    // MARK: Data for Keras

    func copyRows(_ rows: UnsafeBufferPointer<Int>, to destination: UnsafeMutablePointer<Float>) {
        array.copyRows(rows, to: destination)
    }

    func prefetchRows(_ rows: UnsafeBufferPointer<Int>) {
        array.prefetchRows(rows)
    }
}
