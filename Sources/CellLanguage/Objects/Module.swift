/// A module cells can import: a dotted name and ordered attributes.
///
///     let m = Module("keras.utils")
///     m["to_categorical"] = .builtin(BuiltinFunction("to_categorical") { args, interp in ... })
public final class Module {
    public let name: String
    private(set) var names: [String] = []
    private var values: [String: Value] = [:]

    public init(_ name: String, _ attributes: [(String, Value)] = []) {
        self.name = name
        for (k, v) in attributes { self[k] = v }
    }

    /// An attribute, in the order attributes were first set.
    public subscript(name: String) -> Value? {
        get { values[name] }
        set {
            if values[name] == nil, newValue != nil { names.append(name) }
            if newValue == nil { names.removeAll { $0 == name } }
            values[name] = newValue
        }
    }

    /// Attributes in definition order.
    public var attributes: [(name: String, value: Value)] {
        names.compactMap { n in values[n].map { (n, $0) } }
    }

    /// Adds a function attribute implemented in Swift.
    public func define(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
        self[name] = .builtin(BuiltinFunction(name, body))
    }
}

/// The modules cells can import, filled in by other targets. Factories run once per
/// session, on first import.
///
///     registry.register("keras.layers") { interpreter in Module("keras.layers", [...]) }
public final class ModuleRegistry {
    private var factories: [String: (Interpreter) throws -> Module] = [:]
    private var order: [String] = []
    private var builtinOrder: [String] = []
    /// Host object kinds and session-state providers for state snapshots (see
    /// `SnapshotCodable`); the library fills it when it builds the registry.
    public let snapshotting = SnapshotRegistry()
    /// The folder, clock and environment the standard-library modules see.
    public let environment = HostEnvironment()

    /// A registry that provides `math`, `random` and the standard-library modules.
    public init() {
        registerBuiltin("math", MathModule.make)
        registerBuiltin("random", RandomModule.make)
        // Not listed by `providedNames`: the import error names the notebook-facing libraries.
        StandardLibrary.register({ self.factories[$0] = $1 }, snapshotting: snapshotting)
    }

    /// Public names of the real module, by module name, and the page that lists what
    /// Labbook implements: a missing one of these is a gap, not a typo.
    private var realNames: [String: (names: Set<String>, docs: String)] = [:]

    /// Declares the real module's public `names`, so `module.name` that Labbook lacks says
    /// "Labbook does not implement module.name yet; see `docs`".
    public func declareRealNames(_ module: String, _ names: Set<String>, docs: String) {
        realNames[module] = (names, docs)
    }

    /// The second line of an AttributeError/ImportError for `module.name`, if that name
    /// exists in the real library.
    func unimplementedNote(_ module: String, _ name: String) -> String? {
        guard let known = realNames[module], known.names.contains(name) else { return nil }
        return "Labbook does not implement \(module).\(name) yet; see \(known.docs)"
    }

    /// Registers (or replaces) the module `name` (dotted for submodules).
    public func register(_ name: String, _ factory: @escaping (Interpreter) throws -> Module) {
        if factories[name] == nil { order.append(name) }
        factories[name] = factory
    }

    private func registerBuiltin(_ name: String, _ factory: @escaping (Interpreter) throws -> Module) {
        builtinOrder.append(name)
        factories[name] = factory
    }

    func factory(for name: String) -> ((Interpreter) throws -> Module)? {
        factories[name]
    }

    /// Whether `name` is registered, or is a package of a registered module (`matplotlib`
    /// for `matplotlib.pyplot`).
    func provides(_ name: String) -> Bool {
        factories[name] != nil || factories.keys.contains { $0.hasPrefix(name + ".") }
    }

    /// What the error for an unknown import lists: registered modules whose parent package
    /// is not itself registered, registration order, then math and random.
    public var providedNames: [String] {
        (order + builtinOrder).filter { name in
            let parts = name.split(separator: ".")
            guard parts.count > 1 else { return true }
            let parent = parts.dropLast().joined(separator: ".")
            return factories[parent] == nil
        }
    }
}
