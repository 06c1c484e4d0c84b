/// `collections.deque`: appends and pops at both ends, `maxlen` dropping from the far end,
/// `rotate`, indexing, CPython's repr.
final class Deque: HostObject, SnapshotCodable, HostCopyable {
    var items: [Value] = []
    let maxlen: Int?

    init(maxlen: Int?) { self.maxlen = maxlen }

    func push(_ v: Value, left: Bool = false) {
        if maxlen == 0 { return }
        if left { items.insert(v, at: 0) } else { items.append(v) }
        if let maxlen, items.count > maxlen { if left { items.removeLast() } else { items.removeFirst() } }
    }

    var typeName: String { "deque" }
    var repr: String {
        let list = Value.list(PyList(items)).repr
        return maxlen.map { "deque(\(list), maxlen=\($0))" } ?? "deque(\(list))"
    }
    func length() throws -> Int { items.count }
    func isTruthy() throws -> Bool { !items.isEmpty }
    func iterate(_ interpreter: Interpreter) throws -> PyIterator { PyIterator("_collections._deque_iterator", values: items) }
    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value {
        guard let i = key.asInt, !key.isFloat else {
            throw PyException(.typeError, "sequence index must be integer, not '\(key.typeName)'")
        }
        let j = i < 0 ? i + items.count : i
        guard items.indices.contains(j) else { throw PyException(.indexError, "deque index out of range") }
        return items[j]
    }
    func setItem(_ key: Value, _ value: Value, _ interpreter: Interpreter) throws {
        let i = key.asInt ?? 0, j = i < 0 ? i + items.count : i
        guard items.indices.contains(j) else { throw PyException(.indexError, "deque assignment index out of range") }
        items[j] = value
    }
    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard case .host(let h as Deque) = other else { return nil }
        return try interpreter.compare(op, .list(PyList(items)), .list(PyList(h.items)))
    }
    func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? {
        try interpreter.contains(.list(PyList(items)), value)
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        if name == "maxlen" { return maxlen.map { .int($0) } ?? .none }
        let body: (Arguments, Interpreter) throws -> Value
        switch name {
        case "append", "appendleft":
            body = { [self] args, _ in try args.expectExactly(1, name); push(args.positional[0], left: name == "appendleft"); return .none }
        case "extend", "extendleft":
            body = { [self] args, interp in
                try args.expectExactly(1, name)
                for v in try interp.toArray(args.positional[0]) { push(v, left: name == "extendleft") }
                return .none
            }
        case "pop", "popleft":
            body = { [self] args, _ in
                try args.expectExactly(0, name)
                guard !items.isEmpty else { throw PyException(.indexError, "pop from an empty deque") }
                return name == "pop" ? items.removeLast() : items.removeFirst()
            }
        case "rotate":
            body = { [self] args, _ in
                let n = args.positional.first?.asInt ?? 1
                guard !items.isEmpty else { return .none }
                let k = ((n % items.count) + items.count) % items.count
                items = Array(items.suffix(k) + items.dropLast(k))
                return .none
            }
        case "clear": body = { [self] _, _ in items.removeAll(); return .none }
        case "copy": body = { [self] _, interp in try copy(deep: false, interp) }
        case "count", "index", "remove", "reverse", "insert":
            body = { [self] args, interp in
                let list = PyList(items)
                let r = try Methods.call(.list(list), name, args, interp) ?? .none
                items = list.items
                return r
            }
        default: throw attributeError(name)
        }
        return .builtin(BuiltinFunction(name, body))
    }

    func copy(deep: Bool, _ interpreter: Interpreter) throws -> Value {
        let d = Deque(maxlen: maxlen)
        var memo: [ObjectIdentifier: Value] = [:]
        d.items = deep ? try items.map { try CopyModule.deep($0, &memo, interpreter) } : items
        return .host(d)
    }

    static var snapshotKind: String { "collections.deque/1" }
    func snapshot(into writer: inout SnapshotWriter) throws {
        writer.write(maxlen ?? -1)
        try writer.write(value: .tuple(items))
    }
    static func restore(from reader: inout SnapshotReader) throws -> Self {
        let n = try reader.readInt()
        guard case .tuple(let items) = try reader.readValue() else { throw SnapshotError.malformed("deque") }
        let d = Self(maxlen: n < 0 ? nil : n)
        d.items = items
        return d
    }
}
