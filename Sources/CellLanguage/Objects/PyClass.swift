/// A class defined in a cell (`class Point:`), a host object so the interpreter's
/// existing hooks (calls, attributes) reach it.
///
/// Its namespace holds what the class body bound, in definition order; attribute lookup
/// walks the class, then its base classes (single inheritance).
public final class PyClass: HostObject {
    public let name: String
    let qualifiedName: String
    /// The base class, nil for a class whose only base is `object`.
    let base: PyClass?
    /// Class attributes: method functions, descriptors, plain values, keyed by `.str`.
    let namespace: PyDict
    /// The compiled class body (its origin lets snapshots re-create the class).
    let code: FunctionCode
    /// For `class MyError(ValueError)`: the builtin exception class named as the base
    /// (then `base` is nil).
    let builtinBase: ExceptionType?

    init(name: String, qualifiedName: String, base: PyClass?, namespace: PyDict, code: FunctionCode,
         builtinBase: ExceptionType? = nil) {
        self.name = name
        self.qualifiedName = qualifiedName
        self.base = base
        self.namespace = namespace
        self.code = code
        self.builtinBase = builtinBase
    }

    /// The builtin exception class this class derives from (nil: not an exception class).
    var exceptionBase: ExceptionType? { builtinBase ?? base?.exceptionBase }

    public var typeName: String { "type" }
    public var repr: String { "<class '__main__.\(qualifiedName)'>" }

    /// The class then its bases, as `__mro__` without `object`.
    var mro: [PyClass] {
        var chain: [PyClass] = []
        var c: PyClass? = self
        while let current = c { chain.append(current); c = current.base }
        return chain
    }

    /// `name` looked up on the class and its bases (no descriptor binding).
    func lookup(_ name: String) -> Value? {
        var c: PyClass? = self
        while let current = c {
            if let v = try? current.namespace.get(.str(name)) { return v }
            c = current.base
        }
        return nil
    }

    func isSubclass(of other: PyClass) -> Bool {
        mro.contains { $0 === other }
    }

    public func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "__name__": return .str(self.name)
        case "__qualname__": return .str(qualifiedName)
        case "__module__": return .str("__main__")
        case "__doc__": return lookup("__doc__") ?? .none
        case "__bases__": return .tuple([base.map { .host($0) } ?? builtinBase.map { .type(.exception($0)) } ?? .type(.builtin(.object))])
        case "__mro__":
            var builtins: [Value] = []
            var t = exceptionBase
            while let current = t {
                builtins.append(.type(.exception(current)))
                t = current.parent
            }
            return .tuple(mro.map { .host($0) } + builtins + [.type(.builtin(.object))])
        case "__dict__": return .dict(namespace.copy())
        default: break
        }
        guard let v = lookup(name) else {
            throw PyException(.attributeError, "type object '\(self.name)' has no attribute '\(name)'")
        }
        switch v {
        case .host(let m as PyClassMethod):
            return .boundMethod(BoundMethod(receiver: .host(self), name: name, function: m.function))
        case .host(let s as PyStaticMethod):
            return s.function
        default:
            return v
        }
    }

    public func setAttribute(_ name: String, _ value: Value, _ interpreter: Interpreter) throws {
        try namespace.set(.str(name), value)
    }

    public var isCallable: Bool { true }

    public func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        try interpreter.instantiate(self, arguments)
    }
}

/// `staticmethod(f)` and `classmethod(f)`: a function wrapped to change how a class binds
/// it. Both print as `<staticmethod(f)>` and save as the function they wrap.
protocol FunctionWrapper: HostObject {
    var function: Value { get }
    init(_ function: Value)
}

extension FunctionWrapper {
    var repr: String { "<\(typeName)(\(function.repr))>" }
}

/// `staticmethod(f)`: a function the class and its instances return unbound.
final class PyStaticMethod: FunctionWrapper {
    let function: Value
    init(_ function: Value) { self.function = function }
    var typeName: String { "staticmethod" }
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        try interpreter.call(function, arguments)
    }
}

/// `classmethod(f)`: a function bound to the class rather than the instance.
final class PyClassMethod: FunctionWrapper {
    let function: Value
    init(_ function: Value) { self.function = function }
    var typeName: String { "classmethod" }
}

/// `property(fget, fset)`: attribute access on instances calls the getter or setter.
final class PyProperty: HostObject {
    let getter: Value
    let setter: Value
    init(getter: Value, setter: Value = .none) {
        self.getter = getter
        self.setter = setter
    }
    var typeName: String { "property" }
    var repr: String { "<property object at \(ObjectAddresses.hex(ObjectIdentifier(self)))>" }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "fget": return getter
        case "fset": return setter
        case "setter", "getter":
            let makeSetter = name == "setter"
            return .builtin(BuiltinFunction(name) { args, _ in
                try args.expectExactly(1, name)
                let f = args.positional[0]
                return .host(makeSetter ? PyProperty(getter: self.getter, setter: f) : PyProperty(getter: f, setter: self.setter))
            })
        default: throw attributeError(name)
        }
    }
}
