/// Snapshots of cell-defined classes and their instances. A class is saved as its body's
/// code (by its cell's source, as functions are), its base and its namespace; an instance
/// as its class and its `__dict__`. Everything they hold goes by reference, so sharing
/// (two names for one instance, a list of instances) survives a restore; their containers
/// are read as references, filled when the restore completes.
extension PyClass: SnapshotCodable {
    public static var snapshotKind: String { "cell.class/1" }

    public func snapshot(into writer: inout SnapshotWriter) throws {
        // The body as a function without a closure: its origin re-creates the code.
        try writer.write(value: .function(PyFunction(code: code, defaults: [], closure: nil)))
        try writer.write(value: base.map { .host($0) } ?? builtinBase.map { .type(.exception($0)) } ?? .none)
        try writer.write(value: .dict(namespace))
    }

    public static func restore(from reader: inout SnapshotReader) throws -> PyClass {
        guard case .function(let body) = try reader.readValueReference() else { throw SnapshotError.malformed("class body") }
        var base: PyClass?
        var builtinBase: ExceptionType?
        switch try reader.readValueReference() {
        case .none: break
        case .host(let c as PyClass): base = c
        case .type(.exception(let e)): builtinBase = e
        default: throw SnapshotError.malformed("class base")
        }
        guard case .dict(let namespace) = try reader.readValueReference() else { throw SnapshotError.malformed("class namespace") }
        return PyClass(name: body.code.name, qualifiedName: body.code.qualifiedName, base: base,
                       namespace: namespace, code: body.code, builtinBase: builtinBase)
    }
}

extension PyInstance: SnapshotCodable {
    public static var snapshotKind: String { "cell.instance/1" }

    public func snapshot(into writer: inout SnapshotWriter) throws {
        try writer.write(value: .host(cls))
        try writer.write(value: .dict(attributes))
    }

    public static func restore(from reader: inout SnapshotReader) throws -> PyInstance {
        guard case .host(let cls as PyClass) = try reader.readValueReference(),
              case .dict(let attributes) = try reader.readValueReference() else { throw SnapshotError.malformed("instance") }
        return PyInstance(cls: cls, attributes: attributes, interpreter: reader.interpreter)
    }
}

extension PyProperty: SnapshotCodable {
    static var snapshotKind: String { "cell.property/1" }

    func snapshot(into writer: inout SnapshotWriter) throws {
        try writer.write(value: getter)
        try writer.write(value: setter)
    }

    static func restore(from reader: inout SnapshotReader) throws -> PyProperty {
        PyProperty(getter: try reader.readValueReference(), setter: try reader.readValueReference())
    }
}

/// A wrapped function saves as the function, by reference.
extension FunctionWrapper {
    func snapshot(into writer: inout SnapshotWriter) throws { try writer.write(value: function) }
    static func restore(from reader: inout SnapshotReader) throws -> Self {
        Self(try reader.readValueReference())
    }
}

extension PyStaticMethod: SnapshotCodable {
    static var snapshotKind: String { "cell.staticmethod/1" }
}

extension PyClassMethod: SnapshotCodable {
    static var snapshotKind: String { "cell.classmethod/1" }
}
