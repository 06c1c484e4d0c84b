/// CPython's hashing and equality rules for instances of cell classes, which dict keys,
/// set members and `==` between containers follow.
extension PyInstance {
    /// How the class hashes: by the `__hash__` it or a base defines, not at all when that
    /// is `None` (set explicitly, or by `defineClass` for a class with `__eq__` but no
    /// `__hash__`), by identity when none defines it.
    enum HashRule {
        case identity
        case method(Value)
        case unhashable
    }

    var hashRule: HashRule {
        guard let h = cls.lookup("__hash__") else { return .identity }
        return h.isNone ? .unhashable : .method(h)
    }

    /// Whether hashing calls a cell class's `__hash__`.
    var hasUserHash: Bool {
        if case .method = hashRule { return true }
        return false
    }

    /// The hash a cell class's `__hash__` gives `value` (nil: not such an instance, or it
    /// hashes by identity); `TypeError: unhashable type` when the class made it unhashable.
    static func userHash(_ value: Value) throws -> Int? {
        guard case .host(let instance as PyInstance) = value else { return nil }
        switch instance.hashRule {
        case .identity:
            return nil
        case .unhashable:
            throw PyException(.typeError, "unhashable type: '\(instance.typeName)'")
        case .method(let method):
            guard let interpreter = instance.interpreter else { return nil }
            let result = try interpreter.call(interpreter.bind(method, to: value, name: "__hash__"), Arguments([]))
            guard case .int(let i) = result else {
                if case .bool(let b) = result { return b ? 1 : 0 }
                throw PyException(.typeError, "__hash__ method should return an integer")
            }
            return PythonHash.hashInt(i)
        }
    }

    /// `a == b` when either is an instance whose class defines `__eq__` (nil otherwise):
    /// the left operand's method first, then the right's reflected, as CPython tries them.
    static func userEquals(_ a: Value, _ b: Value) throws -> Bool? {
        for (first, second) in [(a, b), (b, a)] {
            guard case .host(let instance as PyInstance) = first, instance.cls.lookup("__eq__") != nil,
                  let interpreter = instance.interpreter else { continue }
            if let result = try instance.special("__eq__", second), !result.isNotImplemented {
                return try interpreter.truthy(result)
            }
        }
        return nil
    }
}
