/// Exception classes defined in cells (`class MyError(ValueError):`).
///
/// An instance is a `PyException` like any other (so `raise`, `except`, tracebacks and
/// chaining need nothing new) whose `type` is the builtin class it derives from and whose
/// `instance` carries the cell class and the `__dict__`; methods see `.exception(e)` as self.
extension Interpreter {
    /// `MyError(arguments)`: `args` are the arguments, as `BaseException.__new__` sets
    /// them; then the class's `__init__` runs, if it has one.
    func instantiateException(_ cls: PyClass, _ builtin: ExceptionType, _ arguments: Arguments) throws -> Value {
        let e = PyException(builtin, args: arguments.positional)
        e.instance = PyInstance(cls: cls, interpreter: self)
        if let initializer = cls.lookup("__init__") {
            let result = try call(bind(initializer, to: .exception(e), name: "__init__"), arguments)
            if !result.isNone {
                throw PyException(.typeError, "__init__() should return None, not '\(result.typeName)'")
            }
        } else if !arguments.keywords.isEmpty {
            throw PyException(.typeError, "\(cls.name)() takes no keyword arguments")
        }
        return .exception(e)
    }

    /// What `BaseException` provides to `super()` in a cell exception class.
    static func baseExceptionMethod(_ e: PyException, _ name: String) -> Value? {
        let body: (Arguments, Interpreter) throws -> Value
        switch name {
        case "__init__":
            body = { args, _ in
                if !args.keywords.isEmpty { throw PyException(.typeError, "\(e.typeName)() takes no keyword arguments") }
                e.args = args.positional
                return .none
            }
        case "__str__":
            body = { args, _ in
                try args.expectExactly(0, "__str__")
                return .str(e.builtinMessage)
            }
        case "__repr__":
            body = { args, _ in
                try args.expectExactly(0, "__repr__")
                return .str(e.builtinRepr)
            }
        default:
            return nil
        }
        return .builtin(BuiltinFunction(name, body))
    }

    /// An attribute of a cell exception instance: its `__dict__`, then its class (methods
    /// bound to it, properties called); nil for what every exception has (`args`, ...).
    func exceptionInstanceAttribute(_ e: PyException, _ instance: PyInstance, _ name: String) throws -> Value? {
        if name == "__dict__" { return .dict(instance.attributes) }
        if name == "__class__" { return .host(instance.cls) }
        let classValue = instance.cls.lookup(name)
        if case .host(let p as PyProperty)? = classValue { return try call(p.getter, .exception(e)) }
        if let v = try instance.attributes.get(.str(name)) { return v }
        if let classValue { return bind(classValue, to: .exception(e), name: name) }
        return nil
    }

    /// `e.name = value` on an exception: a cell class's property setter, or its `__dict__`
    /// (`args` sets the arguments).
    func setExceptionAttribute(_ e: PyException, _ name: String, _ value: Value) throws {
        if name == "args" {
            e.args = try toArray(value)
            return
        }
        guard let instance = e.instance else {
            throw PyException(.attributeError, "Labbook cannot set attribute '\(name)' on a builtin '\(e.typeName)' exception (define an exception class in a cell to store attributes)")
        }
        if case .host(let p as PyProperty)? = instance.cls.lookup(name) {
            if p.setter.isNone {
                throw PyException(.attributeError, "property '\(name)' of '\(e.typeName)' object has no setter")
            }
            _ = try call(p.setter, .exception(e), value)
            return
        }
        try instance.attributes.set(.str(name), value)
    }
}
