/// An instance of a cell-defined class. Its hooks dispatch to the class's special methods
/// (`__repr__`, `__len__`, `__add__`, ...) and fall back to what CPython does without them.
public final class PyInstance: HostObject {
    let cls: PyClass
    /// The instance's `__dict__`.
    let attributes: PyDict
    /// The interpreter that created it, for the hooks that have no interpreter argument
    /// (`repr`, `str`, `len`, truthiness).
    weak var interpreter: Interpreter?

    init(cls: PyClass, attributes: PyDict = PyDict(), interpreter: Interpreter?) {
        self.cls = cls
        self.attributes = attributes
        self.interpreter = interpreter
    }

    public var typeName: String { cls.name }

    /// CPython's default repr, with the session's deterministic addresses.
    var defaultRepr: String {
        "<__main__.\(cls.qualifiedName) object at \(ObjectAddresses.hex(ObjectIdentifier(self)))>"
    }

    /// Calls special method `name` if the class defines it (nil otherwise).
    func special(_ name: String, _ arguments: Value...) throws -> Value? {
        guard let method = cls.lookup(name), let interpreter else { return nil }
        return try interpreter.call(interpreter.bind(method, to: .host(self), name: name), Arguments(arguments))
    }

    public var repr: String {
        if case .str(let s)? = try? special("__repr__") { return s }
        return defaultRepr
    }

    public var str: String {
        if cls.lookup("__str__") != nil, case .str(let s)? = try? special("__str__") { return s }
        return repr
    }

    public func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        if name == "__dict__" { return .dict(attributes) }
        if name == "__class__" { return .host(cls) }
        let classValue = cls.lookup(name)
        if case .host(let p as PyProperty)? = classValue {
            return try interpreter.call(p.getter, .host(self))
        }
        if let v = try attributes.get(.str(name)) { return v }
        if let classValue { return interpreter.bind(classValue, to: .host(self), name: name) }
        if let getattr = cls.lookup("__getattr__") {
            return try interpreter.call(interpreter.bind(getattr, to: .host(self), name: "__getattr__"), .str(name))
        }
        throw attributeError(name)
    }

    public func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        if case .host(let p as PyProperty)? = cls.lookup(name) {
            if p.setter.isNone {
                throw PyException(.attributeError, "property '\(name)' of '\(cls.name)' object has no setter")
            }
            _ = try interpreter.call(p.setter, .host(self), value)
            return
        }
        try attributes.set(.str(name), value)
    }

    public var isCallable: Bool { cls.lookup("__call__") != nil }

    public func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        guard let method = cls.lookup("__call__") else {
            throw PyException(.typeError, "'\(typeName)' object is not callable")
        }
        return try interpreter.call(interpreter.bind(method, to: .host(self), name: "__call__"), arguments)
    }

    public func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value {
        guard let v = try special("__getitem__", key) else {
            throw PyException(.typeError, "'\(typeName)' object is not subscriptable")
        }
        return v
    }

    public func setItem(_ key: Value, _ value: Value, _ interpreter: Interpreter) throws {
        guard try special("__setitem__", key, value) != nil else {
            throw PyException(.typeError, "'\(typeName)' object does not support item assignment")
        }
    }

    public func length() throws -> Int {
        guard let v = try special("__len__") else {
            throw PyException(.typeError, "object of type '\(typeName)' has no len()")
        }
        guard case .int(let n) = v else {
            throw PyException(.typeError, "'\(v.typeName)' object cannot be interpreted as an integer")
        }
        if n < 0 { throw PyException(.valueError, "__len__() should return >= 0") }
        return n
    }

    public func isTruthy() throws -> Bool {
        if let v = try special("__bool__") {
            guard case .bool(let b) = v else {
                throw PyException(.typeError, "__bool__ should return bool, returned \(v.typeName)")
            }
            return b
        }
        if cls.lookup("__len__") != nil { return try length() != 0 }
        return true
    }

    public func iterate(_ interpreter: Interpreter) throws -> PyIterator {
        if let iterator = try special("__iter__") {
            if case .host(let other as PyInstance) = iterator {
                guard other.cls.lookup("__next__") != nil else {
                    throw PyException(.typeError, "iter() returned non-iterator of type '\(other.typeName)'")
                }
                return PyIterator(other.typeName) {
                    do {
                        return try other.special("__next__")
                    } catch let e as PyException where e.type == .stopIteration {
                        return nil
                    }
                }
            }
            return try interpreter.makeIterator(iterator)
        }
        if cls.lookup("__getitem__") != nil {
            var index = 0
            return PyIterator("iterator") {
                do {
                    defer { index += 1 }
                    return try self.special("__getitem__", .int(index))
                } catch let e as PyException where e.type == .indexError || e.type == .stopIteration {
                    return nil
                }
            }
        }
        throw PyException(.typeError, "'\(typeName)' object is not iterable")
    }

    public func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? {
        guard let v = try special("__contains__", value) else { return nil }
        return try interpreter.truthy(v)
    }

    public func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool,
                                _ interpreter: Interpreter) throws -> Value? {
        let name = PyInstance.dunder(op)
        let result = try special(reflected ? "__r" + name.dropFirst(2) : name, other)
        return result.flatMap { $0.isNotImplemented ? nil : $0 }
    }

    public func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        let result = try special("__i" + PyInstance.dunder(op).dropFirst(2), other)
        return result.flatMap { $0.isNotImplemented ? nil : $0 }
    }

    public func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        let names: [CompareOperator: String] = [.less: "__lt__", .lessEqual: "__le__", .greater: "__gt__",
                                                .greaterEqual: "__ge__", .equal: "__eq__", .notEqual: "__ne__"]
        guard let name = names[op] else { return nil }
        if let result = try special(name, other), !result.isNotImplemented { return result }
        // Without `__ne__`, Python negates `__eq__`.
        if op == .notEqual, let eq = try special("__eq__", other), !eq.isNotImplemented {
            return .bool(!(try interpreter.truthy(eq)))
        }
        return nil
    }

    public func unaryOperation(_ op: UnaryOperator, _ interpreter: Interpreter) throws -> Value? {
        switch op {
        case .negate: return try special("__neg__")
        case .plus: return try special("__pos__")
        case .invert: return try special("__invert__")
        }
    }

    public func format(spec: String) throws -> String {
        if let v = try special("__format__", .str(spec)) {
            guard case .str(let s) = v else {
                throw PyException(.typeError, "__format__ must return a str, not \(v.typeName)")
            }
            return s
        }
        if spec.isEmpty { return str }
        throw PyException(.typeError, "unsupported format string passed to \(typeName).__format__")
    }

    /// The special method of a binary operator: `__add__`, `__matmul__`, ...
    static func dunder(_ op: BinaryOperator) -> String {
        switch op {
        case .add: return "__add__"
        case .subtract: return "__sub__"
        case .multiply: return "__mul__"
        case .trueDivide: return "__truediv__"
        case .floorDivide: return "__floordiv__"
        case .modulo: return "__mod__"
        case .power: return "__pow__"
        case .matrixMultiply: return "__matmul__"
        case .leftShift: return "__lshift__"
        case .rightShift: return "__rshift__"
        case .and: return "__and__"
        case .or: return "__or__"
        case .xor: return "__xor__"
        }
    }
}

extension Value {
    /// Whether this is the `NotImplemented` singleton.
    var isNotImplemented: Bool {
        if case .host(let h) = self { return h is NotImplementedValue }
        return false
    }
}

/// Python's `NotImplemented`, which binary special methods return to decline.
final class NotImplementedValue: HostObject {
    var typeName: String { "NotImplementedType" }
    var repr: String { "NotImplemented" }
}
