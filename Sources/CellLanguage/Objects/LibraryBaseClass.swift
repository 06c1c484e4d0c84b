/// A host value that cells can name as a base class although it is not a class itself:
/// `keras.Model` is a function for `keras.Model(inputs, outputs)` and a class for
/// `class MyModel(keras.Model)`. The `class` statement asks it for the cell class to derive
/// from (a library class, see `defineLibraryClass`).
public protocol LibraryBaseClass: HostObject {
    /// The class a `class` statement naming this value derives from.
    func baseClass(_ interpreter: Interpreter) throws -> PyClass
}

/// A method of a library class written in Swift: in a class namespace it binds to the
/// instance as a cell function does, so `self.fit(...)`, `super().__init__()` and
/// `model(x)` (through `__call__`) reach the library with the instance as receiver.
///
///     namespace["__call__"] = .host(HostMethod("__call__") { receiver, arguments, interpreter in ... })
public final class HostMethod: HostObject {
    public let name: String
    let body: (Value, Arguments, Interpreter) throws -> Value

    public init(_ name: String, _ body: @escaping (Value, Arguments, Interpreter) throws -> Value) {
        self.name = name
        self.body = body
    }

    public var typeName: String { "method_descriptor" }
    public var repr: String { "<method '\(name)'>" }

    /// The method bound to `receiver`.
    public func bound(to receiver: Value) -> Value {
        .builtin(BuiltinFunction(name) { arguments, interpreter in try self.body(receiver, arguments, interpreter) })
    }
}

extension PyClass {
    /// Adds (or replaces) a class attribute: library classes put their `HostMethod`s here.
    public func setClassAttribute(_ name: String, _ value: Value) throws {
        try namespace.set(.str(name), value)
    }

    /// The instance's `__dict__` entry `name` (nil if unset), for library methods that keep
    /// their state on the instance.
    public static func instanceAttribute(_ receiver: Value, _ name: String) -> Value? {
        guard case .host(let instance as PyInstance) = receiver else { return nil }
        return try? instance.attributes.get(.str(name))
    }

    /// Sets the instance's `__dict__` entry `name` without going through properties.
    public static func setInstanceAttribute(_ receiver: Value, _ name: String, _ value: Value) throws {
        guard case .host(let instance as PyInstance) = receiver else { return }
        try instance.attributes.set(.str(name), value)
    }

    /// The instance's `__dict__` in insertion order (Keras tracks layers in the order they
    /// were assigned).
    public static func instanceAttributes(_ receiver: Value) -> [(String, Value)] {
        guard case .host(let instance as PyInstance) = receiver else { return [] }
        return instance.attributes.entries.compactMap { key, value in
            if case .str(let name) = key { return (name, value) }
            return nil
        }
    }

    /// Whether the class or one of its bases defines `name`.
    public func defines(_ name: String) -> Bool { lookup(name) != nil }

    /// The first class of the method resolution order whose own namespace holds `name`: a
    /// subclass's override, or the library base class that a subclass inherits it from.
    public func definingClass(of name: String) -> PyClass? {
        mro.first { (try? $0.namespace.get(.str(name))) != nil }
    }

    /// The class of an instance of a cell class.
    public static func of(_ receiver: Value) -> PyClass? {
        guard case .host(let instance as PyInstance) = receiver else { return nil }
        return instance.cls
    }
}
