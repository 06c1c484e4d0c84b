/// An object implemented by another target (a Keras model, a numpy array, a History).
///
/// Every hook has a default that raises what CPython raises for an object without that
/// ability, so a conformer implements only what it supports:
///
///     final class History: HostObject {
///         var typeName: String { "History" }
///         var repr: String { "<keras.callbacks.History object>" }
///         func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
///             if name == "history" { return .dict(values) }
///             throw attributeError(name)
///         }
///     }
///
/// Context managers: a host object is usable in `with` when `getAttribute` answers
/// `__enter__` and `__exit__` with callables (`__exit__` receives the exception type, the
/// exception and None, or three Nones; a true result suppresses the exception).
///
/// Binary operators: `a + b` first asks the left operand's `binaryOperation(.add, b,
/// reflected: false)`, then, if that returns nil (NotImplemented), the right operand's
/// `binaryOperation(.add, a, reflected: true)` — so `2 * array` reaches the array.
public protocol HostObject: AnyObject {
    /// The class name used in messages and by `type(x)`: `'Sequential'`, `'ndarray'`.
    var typeName: String { get }
    /// `repr(x)`, also what Jupyter displays for the cell's last expression.
    var repr: String { get }
    /// `str(x)` and `print(x)`; defaults to `repr`.
    var str: String { get }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value
    func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws
    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value
    /// `callable(x)`: true for the objects whose `call` does not refuse.
    var isCallable: Bool { get }
    /// `x[key]`; `key` is a `.slice`, a `.tuple` (for `x[:, 0]`), an int, an array...
    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value
    func setItem(_ key: Value, _ value: Value, _ interpreter: Interpreter) throws
    func length() throws -> Int
    /// The values `for v in x` visits.
    func iterate(_ interpreter: Interpreter) throws -> PyIterator
    func isTruthy() throws -> Bool
    /// `self op other` (or `other op self` when `reflected`); nil means NotImplemented.
    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool,
                         _ interpreter: Interpreter) throws -> Value?
    /// `self op= other` done in place (Python's `__iadd__` and friends), returning the value
    /// the target is bound to afterwards; nil means "not in place": `self = self op other`.
    func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value?
    /// `self op other` for `<`, `<=`, `>`, `>=`, `==`, `!=` (the interpreter swaps operands
    /// and uses `op.reflected` when the left operand declines); nil means NotImplemented.
    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value?
    /// `-x`, `+x`, `~x`; nil means unsupported.
    func unaryOperation(_ op: UnaryOperator, _ interpreter: Interpreter) throws -> Value?
    /// `v in x`; nil means "iterate and compare".
    func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool?
    /// `format(x, spec)` and f-string fields `{x:spec}`.
    func format(spec: String) throws -> String
    /// `float(x)` (numpy scalars, 0-d arrays); nil if not convertible.
    var asDouble: Double? { get }
    /// `int(x)` and use as an index; nil if not convertible.
    var asInt: Int? { get }
}

extension HostObject {
    public var str: String { repr }

    /// `AttributeError: 'T' object has no attribute 'name'`.
    public func attributeError(_ name: String) -> PyException {
        PyException(.attributeError, "'\(typeName)' object has no attribute '\(name)'")
    }

    public func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        throw attributeError(name)
    }
    public func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        throw attributeError(name)
    }
    public func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        throw PyException(.typeError, "'\(typeName)' object is not callable")
    }
    public var isCallable: Bool { false }
    public func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        nil
    }
    public func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value {
        throw PyException(.typeError, "'\(typeName)' object is not subscriptable")
    }
    public func setItem(_ key: Value, _ value: Value, _ interpreter: Interpreter) throws {
        throw PyException(.typeError, "'\(typeName)' object does not support item assignment")
    }
    public func length() throws -> Int {
        throw PyException(.typeError, "object of type '\(typeName)' has no len()")
    }
    public func iterate(_ interpreter: Interpreter) throws -> PyIterator {
        throw PyException(.typeError, "'\(typeName)' object is not iterable")
    }
    public func isTruthy() throws -> Bool { true }
    public func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool,
                                _ interpreter: Interpreter) throws -> Value? { nil }
    public func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? { nil }
    public func unaryOperation(_ op: UnaryOperator, _ interpreter: Interpreter) throws -> Value? { nil }
    public func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? { nil }
    public func format(spec: String) throws -> String {
        if spec.isEmpty { return str }
        throw PyException(.typeError, "unsupported format string passed to \(typeName).__format__")
    }
    public var asDouble: Double? { nil }
    public var asInt: Int? { nil }
}
