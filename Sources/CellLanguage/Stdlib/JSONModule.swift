import CellOutput

/// `json`: `dumps`/`dump` with CPython's separators, key coercion, float repr, `indent`,
/// `sort_keys`, `ensure_ascii` and `default`; `loads`/`load` with its `JSONDecodeError`.
enum JSONModule {
    static var dumpParameters: [HostParameter] { [
        HostParameter("skipkeys", default: .bool(false), keywordOnly: true),
        HostParameter("ensure_ascii", default: .bool(true), keywordOnly: true),
        HostParameter("check_circular", default: .bool(true), keywordOnly: true),
        HostParameter("allow_nan", default: .bool(true), keywordOnly: true),
        HostParameter("cls", default: .none, keywordOnly: true),
        HostParameter("indent", default: .none, keywordOnly: true),
        HostParameter("separators", default: .none, keywordOnly: true),
        HostParameter("default", default: .none, keywordOnly: true),
        HostParameter("sort_keys", default: .bool(false), keywordOnly: true),
    ] }

    static func make(_ interpreter: Interpreter) throws -> Module {
        let m = Module("json")
        m.define("dumps") { args, interp in
            let b = try args.bind("dumps", ["obj"] + dumpParameters)
            return .str(try encoder(b, interp).encode(b["obj"]))
        }
        m.define("dump") { args, interp in
            let b = try args.bind("dump", ["obj", "fp"] + dumpParameters)
            let text = try encoder(b, interp).encode(b["obj"])
            _ = try interp.call(try interp.getAttribute(b["fp"], "write"), .str(text))
            return .none
        }
        m.define("loads") { args, _ in
            guard let first = args.positional.first, args.positional.count == 1 else {
                throw PyException(.typeError, "loads() missing 1 required positional argument: 's'")
            }
            guard case .str(let s) = first else {
                throw PyException(.typeError, "the JSON object must be str, bytes or bytearray, not \(first.typeName)")
            }
            var decoder = JSONDecoder(s)
            return try decoder.document()
        }
        m.define("load") { args, interp in
            guard let fp = args.positional.first else {
                throw PyException(.typeError, "load() missing 1 required positional argument: 'fp'")
            }
            guard case .str(let s) = try interp.call(try interp.getAttribute(fp, "read")) else {
                throw PyException(.typeError, "the JSON object must be str")
            }
            var decoder = JSONDecoder(s)
            return try decoder.document()
        }
        m["JSONDecodeError"] = .type(.exception(.jsonDecodeError))
        return m
    }

    private static func encoder(_ b: BoundArguments, _ interp: Interpreter) throws -> JSONEncoder {
        var indent: String?
        switch b["indent"] {
        case .none: indent = nil
        case .str(let s): indent = s
        case let v: indent = String(repeating: " ", count: max(0, v.asInt ?? 0))
        }
        var itemSeparator = indent == nil ? ", " : ",", keySeparator = ": "
        if case .tuple(let seps) = b["separators"], seps.count == 2, case .str(let i) = seps[0], case .str(let k) = seps[1] {
            itemSeparator = i
            keySeparator = k
        }
        return JSONEncoder(interpreter: interp, indent: indent, itemSeparator: itemSeparator, keySeparator: keySeparator,
                           sortKeys: try interp.truthy(b["sort_keys"]), ensureASCII: try interp.truthy(b["ensure_ascii"]),
                           skipKeys: try interp.truthy(b["skipkeys"]), allowNaN: try interp.truthy(b["allow_nan"]),
                           defaultFunction: b["default"])
    }
}

/// Writes one value as CPython's `json.encoder` does.
struct JSONEncoder {
    let interpreter: Interpreter
    let indent: String?
    let itemSeparator: String
    let keySeparator: String
    let sortKeys: Bool
    let ensureASCII: Bool
    let skipKeys: Bool
    let allowNaN: Bool
    let defaultFunction: Value

    func encode(_ value: Value) throws -> String {
        var out = ""
        var active = Set<ObjectIdentifier>()
        try write(value, level: 0, into: &out, active: &active)
        return out
    }

    private func float(_ d: Double) throws -> String {
        if d.isNaN || d.isInfinite {
            guard allowNaN else { throw PyException(.valueError, "Out of range float values are not JSON compliant: \(Value.float(d).repr)") }
            return d.isNaN ? "NaN" : d > 0 ? "Infinity" : "-Infinity"
        }
        return Value.float(d).repr
    }

    func string(_ s: String) -> String {
        JSONStringLiteral.quoted(s, ensureASCII: ensureASCII)
    }

    private func key(_ k: Value) throws -> String? {
        switch k {
        case .str(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .none: return "null"
        case .int(let i): return String(i)
        case .float(let d): return try float(d)
        default:
            if skipKeys { return nil }
            throw PyException(.typeError, "keys must be str, int, float, bool or None, not \(k.typeName)")
        }
    }

    private func write(_ value: Value, level: Int, into out: inout String, active: inout Set<ObjectIdentifier>) throws {
        switch value {
        case .none: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let d): out += try float(d)
        case .str(let s): out += string(s)
        case .list(let l): try array(l.items, identity: ObjectIdentifier(l), level: level, into: &out, active: &active)
        case .tuple(let t): try array(t, identity: nil, level: level, into: &out, active: &active)
        case .dict(let d):
            var entries = d.entries
            if sortKeys {
                // CPython sorts the keys themselves, before they become strings.
                entries = try entries.sorted { try interpreter.truthy(try interpreter.compare(.less, $0.key, $1.key)) }
            }
            var pairs: [(String, Value)] = []
            for (k, v) in entries { if let s = try key(k) { pairs.append((s, v)) } }
            try container(pairs.map { (string($0.0) + keySeparator, $0.1) }, "{", "}", identity: ObjectIdentifier(d),
                          level: level, into: &out, active: &active)
        case .host(let h) where h.typeName == "float64":
            out += try float(h.asDouble ?? .nan)
        default:
            guard !defaultFunction.isNone else {
                throw PyException(.typeError, "Object of type \(value.typeName) is not JSON serializable")
            }
            try write(try interpreter.call(defaultFunction, value), level: level, into: &out, active: &active)
        }
    }

    private func array(_ items: [Value], identity: ObjectIdentifier?, level: Int, into out: inout String,
                       active: inout Set<ObjectIdentifier>) throws {
        try container(items.map { ("", $0) }, "[", "]", identity: identity, level: level, into: &out, active: &active)
    }

    private func container(_ items: [(prefix: String, value: Value)], _ open: String, _ close: String,
                           identity: ObjectIdentifier?, level: Int, into out: inout String,
                           active: inout Set<ObjectIdentifier>) throws {
        if items.isEmpty { out += open + close; return }
        if let identity {
            guard active.insert(identity).inserted else { throw PyException(.valueError, "Circular reference detected") }
        }
        defer { if let identity { active.remove(identity) } }
        try interpreter.checkDeadline()
        out += open
        let inner = indent.map { "\n" + String(repeating: $0, count: level + 1) } ?? ""
        for (i, item) in items.enumerated() {
            if i > 0 { out += itemSeparator }
            out += inner + item.prefix
            try write(item.value, level: level + 1, into: &out, active: &active)
        }
        out += (indent.map { "\n" + String(repeating: $0, count: level) } ?? "") + close
    }
}
