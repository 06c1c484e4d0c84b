/// What `namedtuple('Point', 'x y')` returns: a callable type making `NamedTupleValue`s.
final class NamedTupleType: HostClass, SnapshotCodable {
    let name: String
    let fields: [String]
    let defaults: [Value]

    init(name: String, fields: [String], defaults: [Value]) {
        self.name = name
        self.fields = fields
        self.defaults = defaults
    }

    var qualifiedName: String { "__main__.\(name)" }
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        let offset = fields.count - defaults.count
        let parameters = fields.enumerated().map { i, f in
            i >= offset ? HostParameter(f, default: defaults[i - offset]) : HostParameter(f)
        }
        let b = try arguments.bind("__new__", parameters)
        return .host(NamedTupleValue(type: self, values: b.values))
    }
    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "_fields": return .tuple(fields.map { .str($0) })
        case "__name__": return .str(self.name)
        case "_make":
            return .builtin(BuiltinFunction("_make") { [self] args, interp in
                try args.expectExactly(1, "_make")
                let values = try interp.toArray(args.positional[0])
                guard values.count == fields.count else {
                    throw PyException(.typeError, "Expected \(fields.count) arguments, got \(values.count)")
                }
                return .host(NamedTupleValue(type: self, values: values))
            })
        default: throw attributeError(name)
        }
    }

    static var snapshotKind: String { "collections.namedtuple.type/1" }
    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(name)
        try writer.write(value: .tuple(fields.map { .str($0) }))
        try writer.write(value: .tuple(defaults))
    }
    static func restore(from reader: inout SnapshotReader) throws -> Self {
        let name = try reader.readString()
        guard case .tuple(let f) = try reader.readValue(), case .tuple(let d) = try reader.readValue() else {
            throw SnapshotError.malformed("namedtuple")
        }
        return Self(name: name, fields: f.compactMap { if case .str(let s) = $0 { return s } else { return nil } }, defaults: d)
    }
}

/// One namedtuple: a tuple whose items are also attributes.
final class NamedTupleValue: HostObject, SnapshotCodable {
    let type: NamedTupleType
    let values: [Value]

    init(type: NamedTupleType, values: [Value]) {
        self.type = type
        self.values = values
    }

    var typeName: String { type.name }
    var repr: String {
        "\(type.name)(" + zip(type.fields, values).map { "\($0)=\($1.repr)" }.joined(separator: ", ") + ")"
    }
    func length() throws -> Int { values.count }
    func iterate(_ interpreter: Interpreter) throws -> PyIterator { PyIterator("tuple_iterator", values: values) }
    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value { try interpreter.getItem(.tuple(values), key) }
    func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? { try interpreter.contains(.tuple(values), value) }
    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        switch other {
        case .tuple(let t): return try interpreter.compare(op, .tuple(values), .tuple(t))
        case .host(let h as NamedTupleValue): return try interpreter.compare(op, .tuple(values), .tuple(h.values))
        default: return nil
        }
    }
    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        if let i = type.fields.firstIndex(of: name) { return values[i] }
        switch name {
        case "_fields": return .tuple(type.fields.map { .str($0) })
        case "_asdict":
            return .builtin(BuiltinFunction("_asdict") { [self] _, _ in
                .dict(PyDict(Array(zip(type.fields, values))))
            })
        case "_replace":
            return .builtin(BuiltinFunction("_replace") { [self] args, _ in
                var new = values
                for (k, v) in args.keywords {
                    guard let i = type.fields.firstIndex(of: k) else {
                        throw PyException(.valueError, "Got unexpected field names: [\(Value.str(k).repr)]")
                    }
                    new[i] = v
                }
                return .host(NamedTupleValue(type: type, values: new))
            })
        case "count", "index":
            return .builtin(BuiltinFunction(name) { [self] args, interp in
                try Methods.call(.tuple(values), name, args, interp) ?? .none
            })
        default: throw attributeError(name)
        }
    }

    static var snapshotKind: String { "collections.namedtuple/1" }
    func snapshot(into writer: inout SnapshotWriter) throws {
        try writer.write(object: type)
        try writer.write(value: .tuple(values))
    }
    static func restore(from reader: inout SnapshotReader) throws -> Self {
        let type = try reader.readObject(NamedTupleType.self)
        guard case .tuple(let values) = try reader.readValue() else { throw SnapshotError.malformed("namedtuple value") }
        return Self(type: type, values: values)
    }
}
