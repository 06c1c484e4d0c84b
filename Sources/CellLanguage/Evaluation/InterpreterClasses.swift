/// Class definitions, instantiation, method binding and `super()`.
extension Interpreter {
    /// Runs a class body in a frame of its own and makes the class from what it bound.
    func defineClass(_ code: FunctionCode, bases: [Value], _ frame: Frame) throws -> PyClass {
        let bases = try bases.map { base -> Value in
            if case .host(let library as LibraryBaseClass) = base { return .host(try library.baseClass(self)) }
            return base
        }
        let (base, builtinBase) = try Interpreter.classBase(code.name, bases)
        let body = Frame(slotCount: code.slotCount, parent: frame.closureScope, label: code.name, name: code.qualifiedName,
                         cellNumber: code.cellNumber, scopeLines: code.scopeLines)
        body.isClassBody = true
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > recursionLimit { throw PyException(.recursionError, "maximum recursion depth exceeded") }
        _ = try execute(code.body, body)
        let namespace = PyDict()
        for (i, name) in code.localNames.enumerated() {
            if let v = body.slots[i] { try namespace.set(.str(name), v) }
        }
        // As in CPython, a class that defines `__eq__` but not `__hash__` is unhashable.
        if try namespace.get(.str("__eq__")) != nil, try namespace.get(.str("__hash__")) == nil {
            try namespace.set(.str("__hash__"), .none)
        }
        return PyClass(name: code.name, qualifiedName: code.qualifiedName, base: base, namespace: namespace, code: code,
                       builtinBase: builtinBase)
    }

    /// The single base class of a `class` statement: a cell class, or a builtin exception
    /// class (both nil: `object`), refusing what Labbook cannot subclass.
    static func classBase(_ name: String, _ bases: [Value]) throws -> (PyClass?, ExceptionType?) {
        if bases.count > 1 {
            throw PyException(.typeError, "class '\(name)': Labbook supports single inheritance only (\(bases.count) bases given)")
        }
        guard let base = bases.first else { return (nil, nil) }
        switch base {
        case .host(let c as PyClass): return (c, nil)
        case .type(.builtin(.object)): return (nil, nil)
        case .type(.exception(let e)): return (nil, e)
        case .type(let t):
            throw PyException(.typeError, "class '\(name)': Labbook cannot subclass '\(t.name)' yet (only object, the exception classes and classes defined in cells)")
        default:
            throw PyException(.typeError, "class '\(name)': Labbook cannot subclass '\(base.typeName)' objects (only object, the exception classes and classes defined in cells)")
        }
    }

    /// The cell functions inside a class attribute (a method, static or class method,
    /// property getter and setter).
    static func functionsOf(_ v: Value) -> [PyFunction] {
        switch v {
        case .function(let f): return [f]
        case .host(let s as PyStaticMethod): return functionsOf(s.function)
        case .host(let c as PyClassMethod): return functionsOf(c.function)
        case .host(let p as PyProperty): return functionsOf(p.getter) + functionsOf(p.setter)
        default: return []
        }
    }

    /// `Cls(arguments)`: a new instance, initialised by `__init__` when the class has one.
    func instantiate(_ cls: PyClass, _ arguments: Arguments) throws -> Value {
        if let builtin = cls.exceptionBase { return try instantiateException(cls, builtin, arguments) }
        let instance = PyInstance(cls: cls, interpreter: self)
        if let initializer = cls.lookup("__init__") {
            let result = try call(bind(initializer, to: .host(instance), name: "__init__"), arguments)
            if !result.isNone {
                throw PyException(.typeError, "__init__() should return None, not '\(result.typeName)'")
            }
        } else if !arguments.positional.isEmpty || !arguments.keywords.isEmpty {
            throw PyException(.typeError, "\(cls.name)() takes no arguments")
        }
        return .host(instance)
    }

    /// A class attribute as seen through `receiver`: functions become bound methods,
    /// class methods bind to the class, static methods stay plain.
    func bind(_ value: Value, to receiver: Value, name: String) -> Value {
        switch value {
        case .function:
            return .boundMethod(BoundMethod(receiver: receiver, name: name, function: value))
        case .host(let m as PyClassMethod):
            var cls = receiver
            if case .host(let i as PyInstance) = receiver { cls = .host(i.cls) }
            return .boundMethod(BoundMethod(receiver: cls, name: name, function: m.function))
        case .host(let s as PyStaticMethod):
            return s.function
        case .host(let m as HostMethod):
            return m.bound(to: receiver)
        default:
            return value
        }
    }

    /// `super()` in a method: the class in the receiver's chain whose body defined the
    /// running function (found by its code, so nothing links functions back to classes),
    /// and the method's first argument.
    func zeroArgumentSuper(_ frame: Frame) throws -> Value {
        guard let function = frame.function, function.code.isMethod else {
            throw PyException(.runtimeError, "super(): __class__ cell not found")
        }
        guard function.code.layout.positionalSlots.first != nil, let receiver = frame.slots[0] else {
            throw PyException(.runtimeError, "super(): no arguments")
        }
        var start: PyClass?
        switch receiver {
        case .host(let i as PyInstance): start = i.cls
        case .exception(let e): start = e.instance?.cls
        case .host(let c as PyClass): start = c
        default: start = nil
        }
        let defining = start?.mro.first { cls in
            cls.namespace.values.contains { Interpreter.functionsOf($0).contains { $0.code === function.code } }
        }
        guard let defining else {
            throw PyException(.typeError, "super(type, obj): obj must be an instance or subtype of type")
        }
        return .host(PySuper(cls: defining, receiver: receiver))
    }
}

/// What `super()` returns: attribute lookup that starts after `cls` in the receiver's class chain.
final class PySuper: HostObject {
    let cls: PyClass
    let receiver: Value
    init(cls: PyClass, receiver: Value) {
        self.cls = cls
        self.receiver = receiver
    }
    var typeName: String { "super" }
    var repr: String { "<super: <class '\(cls.name)'>, <\(receiver.typeName) object>>" }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        if let v = cls.base?.lookup(name) {
            if case .host(let p as PyProperty) = v { return try interpreter.call(p.getter, receiver) }
            return interpreter.bind(v, to: receiver, name: name)
        }
        if case .exception(let e) = receiver, let method = Interpreter.baseExceptionMethod(e, name) { return method }
        // What `object` provides.
        let receiver = self.receiver
        switch name {
        case "__init__":
            return .builtin(BuiltinFunction("__init__") { args, _ in
                if !args.positional.isEmpty || !args.keywords.isEmpty {
                    throw PyException(.typeError, "object.__init__() takes exactly one argument (the instance to initialize)")
                }
                return .none
            })
        case "__repr__", "__str__":
            return .builtin(BuiltinFunction(name) { args, _ in
                try args.expectExactly(0, name)
                if case .host(let i as PyInstance) = receiver { return .str(i.defaultRepr) }
                return .str(receiver.repr)
            })
        default:
            throw PyException(.attributeError, "'super' object has no attribute '\(name)'")
        }
    }
}

extension Interpreter {
    /// `del object.name`: instance and class attributes can be removed.
    func deleteAttribute(_ object: Value, _ name: String) throws {
        switch object {
        case .host(let i as PyInstance):
            if case .host(let h)? = i.cls.lookup(name), h is PyProperty {
                throw PyException(.attributeError, "property '\(name)' of '\(i.typeName)' object has no deleter")
            }
            if try i.attributes.remove(.str(name)) == nil {
                throw PyException(.attributeError, "'\(i.typeName)' object has no attribute '\(name)'")
            }
        case .exception(let e):
            guard let i = e.instance, try i.attributes.remove(.str(name)) != nil else {
                throw PyException(.attributeError, "'\(e.typeName)' object has no attribute '\(name)'")
            }
        case .host(let c as PyClass):
            if try c.namespace.remove(.str(name)) == nil {
                throw PyException(.attributeError, "type object '\(c.name)' has no attribute '\(name)'")
            }
        default:
            throw PyException(.attributeError, "'\(object.typeName)' object has no attribute '\(name)'")
        }
    }
}
