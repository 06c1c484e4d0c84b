/// `Counter`, `defaultdict` and `OrderedDict`: a `PyDict` with the dict methods (by
/// delegation) plus each kind's own: missing keys count 0 / are made by the factory;
/// `most_common`, `elements`, `update` that adds, `subtract`, `total`, `+`/`-`.
final class DictLike: HostObject, SnapshotCodable, HostCopyable {
    enum Kind: String { case counter = "Counter", defaultdict, ordered = "OrderedDict" }
    let kind: Kind
    let factory: Value
    var storage = PyDict()

    init(_ kind: Kind, factory: Value = .none) {
        self.kind = kind
        self.factory = factory
    }

    var typeName: String { kind.rawValue }
    var repr: String {
        switch kind {
        case .counter:
            return storage.count == 0 ? "Counter()" : "Counter(" + Value.dict(sortedByCount()).repr + ")"
        case .defaultdict:
            return "defaultdict(\(factory.repr), \(Value.dict(storage).repr))"
        case .ordered:
            if storage.count == 0 { return "OrderedDict()" }
            return "OrderedDict(\(Value.list(PyList(storage.entries.map { .tuple([$0.key, $0.value]) })).repr))"
        }
    }

    private func sortedByCount() -> PyDict {
        // A stable sort by descending count: CPython's most_common order.
        let order = storage.entries.enumerated().sorted { a, b in
            let x = a.element.value.asDouble ?? 0, y = b.element.value.asDouble ?? 0
            return x != y ? x > y : a.offset < b.offset
        }
        let d = PyDict()
        for (_, e) in order { try? d.set(e.key, e.value) }
        return d
    }

    /// `dict.update` semantics: a mapping or an iterable of pairs, then keywords.
    func merge(_ args: Arguments, _ interp: Interpreter) throws {
        if let first = args.positional.first {
            if case .host(let h) = first, let other = h as? DictLike {
                for (k, v) in other.storage.entries { try storage.set(k, v) }
            } else {
                _ = try DictMethods.call(storage, "update", Arguments([first]), interp)
            }
        }
        for (k, v) in args.keywords { try storage.set(.str(k), v) }
    }

    /// Counter's `update`: adds counts from a mapping or counts the items of an iterable.
    func update(_ args: Arguments, _ interp: Interpreter, sign: Int = 1) throws {
        var pairs: [(Value, Value)] = []
        if let first = args.positional.first {
            switch first {
            case .dict(let d): pairs = d.entries.map { ($0.key, $0.value) }
            case .host(let h as DictLike): pairs = h.storage.entries.map { ($0.key, $0.value) }
            default: pairs = try interp.toArray(first).map { ($0, .int(1)) }
            }
        }
        pairs += args.keywords.map { (.str($0.name), $0.value) }
        for (k, n) in pairs {
            let current = try storage.get(k) ?? .int(0)
            try storage.set(k, try interp.binary(sign > 0 ? .add : .subtract, current, n))
        }
    }

    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value {
        if let v = try storage.get(key) { return v }
        switch kind {
        case .counter: return .int(0)
        case .defaultdict where !factory.isNone:
            let v = try interpreter.call(factory)
            try storage.set(key, v)
            return v
        default: throw PyException(.keyError, args: [key])
        }
    }
    func setItem(_ key: Value, _ value: Value, _ interpreter: Interpreter) throws { try storage.set(key, value) }
    func length() throws -> Int { storage.count }
    func iterate(_ interpreter: Interpreter) throws -> PyIterator { PyIterator("dict_keyiterator", values: storage.keys) }
    func isTruthy() throws -> Bool { storage.count > 0 }
    func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? { try storage.contains(value) }

    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        let theirs: PyDict
        switch other {
        case .dict(let d): theirs = d
        case .host(let h as DictLike): theirs = h.storage
        default: return nil
        }
        let same = try interpreter.equals(.dict(storage), .dict(theirs))
        return .bool(op == .equal ? same : !same)
    }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Interpreter) throws -> Value? {
        guard kind == .counter, !reflected, op == .add || op == .subtract,
              case .host(let h as DictLike) = other, h.kind == .counter else { return nil }
        let result = DictLike(.counter)
        result.storage = storage.copy()
        try result.update(Arguments([.host(h)]), interpreter, sign: op == .add ? 1 : -1)
        for (k, v) in result.storage.entries where (v.asDouble ?? 0) <= 0 { try result.storage.remove(k) }
        return .host(result)
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        let own: ((Arguments, Interpreter) throws -> Value)?
        switch (kind, name) {
        case (.counter, "most_common"):
            own = { [self] args, _ in
                let b = try args.bind("most_common", [HostParameter("n", default: .none)])
                var pairs = sortedByCount().entries.map { Value.tuple([$0.key, $0.value]) }
                if let n = b["n"].asInt { pairs = Array(pairs.prefix(max(0, n))) }
                return .list(PyList(pairs))
            }
        case (.counter, "elements"):
            own = { [self] _, _ in
                var out: [Value] = []
                for (k, v) in storage.entries { out += Array(repeating: k, count: max(0, v.asInt ?? 0)) }
                return .iterator(PyIterator("itertools.chain", values: out))
            }
        case (.counter, "update"): own = { [self] args, interp in try update(args, interp); return .none }
        case (.counter, "subtract"): own = { [self] args, interp in try update(args, interp, sign: -1); return .none }
        case (.counter, "total"):
            own = { [self] _, interp in try storage.values.reduce(Value.int(0)) { try interp.binary(.add, $0, $1) } }
        case (.defaultdict, "default_factory"): return factory
        case (_, "update"): own = { [self] args, interp in try merge(args, interp); return .none }
        case (_, "copy"): own = { [self] _, interp in try copy(deep: false, interp) }
        case (.ordered, "move_to_end"):
            own = { [self] args, _ in
                let b = try args.bind("move_to_end", ["key", HostParameter("last", default: .bool(true))])
                guard let v = try storage.remove(b["key"]) else { throw PyException(.keyError, args: [b["key"]]) }
                if b["last"].isTruthy { try storage.set(b["key"], v) } else {
                    let rest = storage.copy()
                    storage = PyDict()
                    try storage.set(b["key"], v)
                    for (k, x) in rest.entries { try storage.set(k, x) }
                }
                return .none
            }
        default:
            guard Methods.exists(.dict(storage), name) else { throw attributeError(name) }
            own = { [self] args, interp in try Methods.call(.dict(storage), name, args, interp) ?? .none }
        }
        return .builtin(BuiltinFunction(name, own!))
    }

    func copy(deep: Bool, _ interpreter: Interpreter) throws -> Value {
        let c = DictLike(kind, factory: factory)
        if deep {
            var memo: [ObjectIdentifier: Value] = [:]
            guard case .dict(let d) = try CopyModule.deep(.dict(storage), &memo, interpreter) else { return .none }
            c.storage = d
        } else {
            c.storage = storage.copy()
        }
        return .host(c)
    }

    static var snapshotKind: String { "collections.dictlike/1" }
    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(kind.rawValue)
        try writer.write(value: factory)
        try writer.write(value: .dict(storage))
    }
    static func restore(from reader: inout SnapshotReader) throws -> Self {
        guard let kind = Kind(rawValue: try reader.readString()) else { throw SnapshotError.malformed("collections kind") }
        let factory = try reader.readValue()
        guard case .dict(let d) = try reader.readValue() else { throw SnapshotError.malformed("collections storage") }
        let made = Self(kind, factory: factory)
        made.storage = d
        return made
    }
}
