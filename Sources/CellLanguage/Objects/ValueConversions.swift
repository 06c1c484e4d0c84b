/// Conversions host code uses to read arguments, raising CPython's TypeErrors.
///
///     let units = try bound["units"].integer()        // 'str' object cannot be interpreted as an integer
///     let rate = try bound["learning_rate"].double()  // must be real number, not str
extension Value {
    /// An int (bools count, floats do not), as Python's `operator.index`.
    public func integer() throws -> Int {
        if case .float = self {
            throw PyException(.typeError, "'float' object cannot be interpreted as an integer")
        }
        guard let i = asInt else {
            throw PyException(.typeError, "'\(typeName)' object cannot be interpreted as an integer")
        }
        return i
    }

    /// A float from an int, float or bool.
    public func double() throws -> Double {
        guard let d = asDouble else { throw PyException(.typeError, "must be real number, not \(typeName)") }
        return d
    }

    /// The text of a str.
    public func string() throws -> String {
        guard case .str(let s) = self else {
            throw PyException(.typeError, "expected str, got \(typeName)")
        }
        return s
    }

    /// The items of a list or tuple (other iterables need `Interpreter.toArray`).
    public func sequence() throws -> [Value] {
        switch self {
        case .list(let l): return l.items
        case .tuple(let t): return t
        default: throw PyException(.typeError, "expected a list or tuple, got \(typeName)")
        }
    }

    /// A list value from Swift values.
    public static func list(_ items: [Value]) -> Value { .list(PyList(items)) }
}
