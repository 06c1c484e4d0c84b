/// A misuse of the engine, carrying the Python exception type and the message Keras 2 gives,
/// so the `keras` module can raise exactly what a Keras user would see.
///
/// ```swift
/// KerasError.notCompiled.description
/// // RuntimeError: You must compile your model before training/testing. Use model.compile(optimizer, loss).
/// ```
public struct KerasError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The Python exception class Keras raises for this misuse.
    public enum Kind: String, Sendable {
        case valueError = "ValueError"
        case runtimeError = "RuntimeError"
        case typeError = "TypeError"
        /// A layer too big to allocate (`Dense(10**12)`): Swift would trap on the allocation.
        case memoryError = "MemoryError"
    }

    /// The exception class.
    public let kind: Kind
    /// The message, without the class name.
    public let message: String

    /// An error of the given kind and message.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `Kind: message`, as Python prints the last line of a traceback.
    public var description: String { "\(kind.rawValue): \(message)" }

    /// `fit`/`evaluate` before `compile`.
    public static let notCompiled = KerasError(
        .runtimeError,
        "You must compile your model before training/testing. Use model.compile(optimizer, loss).")

    /// A model used before its input shape is known.
    public static let notBuilt = KerasError(
        .valueError,
        "This model has not yet been built. Build the model first by calling `build()` or calling `fit()` "
            + "with some data, or specify an `input_shape` argument in the first layer(s) for automatic build.")
}

/// Python's `str()` of a shape tuple: `(784,)`, `(60000, 28, 28)`, `(None, 32)`.
func pythonTuple(_ dims: [Int?]) -> String {
    let items = dims.map { $0.map(String.init) ?? "None" }
    return items.count == 1 ? "(\(items[0]),)" : "(" + items.joined(separator: ", ") + ")"
}

func pythonTuple(_ dims: [Int]) -> String { pythonTuple(dims.map { Optional($0) }) }
