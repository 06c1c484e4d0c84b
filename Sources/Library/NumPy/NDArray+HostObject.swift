import CellLanguage

/// What cells see of an array: `x.shape`, `x[...]`, `x + 1`, `len(x)`, `for row in x`,
/// and NumPy's printed forms.
extension NDArray: HostObject {
    public var typeName: String { "numpy.ndarray" }
    public var repr: String { ArrayPrinter.repr(self) }
    public var str: String { ArrayPrinter.str(self) }

    public func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        try ArrayMethods.attribute(self, name, interpreter)
    }

    public func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        if name == "shape" {
            try setShape(try ArrayMethods.newShape(value, size: size))
            return
        }
        if ArrayMethods.attributeNames.contains(name) {
            throw PyException(.attributeError, "attribute '\(name)' of 'numpy.ndarray' objects is not writable")
        }
        throw attributeError(name)
    }

    public func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value {
        let result = try subscripted(key)
        // `x[0, ...]` is a 0-d array (a view), where `x[0]` is a scalar.
        return IndexItem.hasEllipsis(key) ? .host(result) : ArrayMethods.wrap(result)
    }

    public func setItem(_ key: Value, _ value: Value, _ interpreter: Interpreter) throws {
        try assign(key, value)
    }

    public func length() throws -> Int {
        guard let first = shape.first else { throw PyException(.typeError, "len() of unsized object") }
        return first
    }

    public func iterate(_ interpreter: Interpreter) throws -> PyIterator {
        guard let count = shape.first else { throw PyException(.typeError, "iteration over a 0-d array") }
        var i = 0
        return PyIterator("iterator") { [self] in
            guard i < count else { return nil }
            i += 1
            return ArrayMethods.wrap(try subscripted(.int(i - 1)))
        }
    }

    public func isTruthy() throws -> Bool {
        if size == 1 { return storage.double(at: 0) != 0 }
        if size == 0 {
            throw PyException(.valueError, "The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.")
        }
        throw PyException(.valueError, "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
    }

    public func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool,
                                _ interpreter: Interpreter) throws -> Value? {
        try ArrayMethods.binaryOperation(self, op, other, reflected: reflected)
    }

    /// `x op= y` as NumPy's `__iadd__` and friends: the result is written into `x`'s own
    /// elements (so into the array `x` is a view of), cast back to `x`'s dtype under
    /// NumPy's 'same_kind' rule.
    public func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard let operand = Arithmetic.Operand(other) else { return nil }
        let result = try Arithmetic.binary(op, .array(self), operand)
        guard result.shape == shape else {
            throw PyException(.valueError, "non-broadcastable output operand with shape \(ArrayPrinter.shapeString(shape)) "
                              + "doesn't match the broadcast shape \(ArrayPrinter.shapeString(result.shape))")
        }
        func rank(_ t: DType) -> Int { t == .bool ? 0 : t.isUnsigned ? 1 : t.isInteger ? 2 : 3 }
        guard rank(result.dtype) <= rank(dtype) else {
            throw PyException(.ufuncTypeError, "Cannot cast ufunc '\(Arithmetic.ufuncName(op))' output from dtype('\(result.dtype.name)') "
                              + "to dtype('\(dtype.name)') with casting rule 'same_kind'")
        }
        replaceStorage(result.storage.converted(to: dtype))
        return .host(self)
    }

    public func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        try ArrayMethods.compare(self, op, other)
    }

    public func unaryOperation(_ op: UnaryOperator, _ interpreter: Interpreter) throws -> Value? {
        ArrayMethods.wrap(try Arithmetic.unary(op, self))
    }

    public func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? {
        guard let operand = Arithmetic.Operand(value) else { return false }
        let equal = try Arithmetic.compare(.equal, .array(self), operand)
        return equal.storage.asBool().contains(true)
    }

    public func format(spec: String) throws -> String {
        if spec.isEmpty { return str }
        if ndim == 0 { return try NumPyScalar(self).format(spec: spec) }
        throw PyException(.typeError, "unsupported format string passed to numpy.ndarray.__format__")
    }

    public var asDouble: Double? { ndim == 0 ? storage.double(at: 0) : nil }
    public var asInt: Int? { ndim == 0 && !dtype.isFloat ? storage.integer(at: 0).map { Int($0) } : nil }
}
