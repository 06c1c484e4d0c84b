/// `pprint`: `pprint`, `pformat`, `pp` with CPython's `PrettyPrinter` line breaking for
/// dicts (keys sorted unless `sort_dicts=False`), lists, tuples and sets at `width` (80)
/// and `indent` (1). Long strings are not split into pieces yet.
enum PprintModule {
    static func make(_ interpreter: Interpreter) throws -> Module {
        let m = Module("pprint")
        let parameters: [HostParameter] = ["object", HostParameter("indent", default: .int(1)),
                                           HostParameter("width", default: .int(80)), HostParameter("depth", default: .none),
                                           HostParameter("compact", default: .bool(false), keywordOnly: true),
                                           HostParameter("sort_dicts", default: .bool(true), keywordOnly: true),
                                           HostParameter("underscore_numbers", default: .bool(false), keywordOnly: true)]
        func printer(_ b: BoundArguments, _ interp: Interpreter, sort: Bool? = nil) throws -> PrettyPrinter {
            let sortDicts = try sort ?? interp.truthy(b["sort_dicts"])
            return PrettyPrinter(interpreter: interp, width: b["width"].asInt ?? 80, indentPerLevel: b["indent"].asInt ?? 1,
                                 sortDicts: sortDicts)
        }
        m.define("pformat") { args, interp in
            let b = try args.bind("pformat", parameters)
            return .str(try printer(b, interp).format(b["object"]))
        }
        m.define("pprint") { args, interp in
            let b = try args.bind("pprint", [parameters[0], HostParameter("stream", default: .none)] + parameters.dropFirst())
            interp.write(try printer(b, interp).format(b["object"]) + "\n")
            return .none
        }
        m.define("pp") { args, interp in
            let b = try args.bind("pp", parameters)
            interp.write(try printer(b, interp, sort: args.keyword("sort_dicts").map { $0.isTruthy } ?? false).format(b["object"]) + "\n")
            return .none
        }
        return m
    }
}

/// CPython's `PrettyPrinter._format` for the builtin containers.
struct PrettyPrinter {
    let interpreter: Interpreter
    let width: Int
    let indentPerLevel: Int
    let sortDicts: Bool

    func format(_ v: Value) throws -> String {
        var out = ""
        try format(v, indent: 0, allowance: 0, into: &out)
        return out
    }

    /// Sorted as CPython's `_safe_key`: by value where comparable, else by type name.
    private func sorted(_ items: [Value]) throws -> [Value] {
        try items.sorted { a, b in
            if let r = try? interpreter.truthy(try interpreter.compare(.less, a, b)) { return r }
            return a.typeName < b.typeName
        }
    }

    private func dictEntries(_ d: PyDict) throws -> [(key: Value, value: Value)] {
        guard sortDicts else { return d.entries }
        let keys = try sorted(d.keys)
        return try keys.map { ($0, try d.get($0) ?? .none) }
    }

    /// `repr` with dicts sorted (CPython's `_safe_repr`).
    func repr(_ v: Value) throws -> String {
        switch v {
        case .dict(let d):
            return "{" + (try dictEntries(d).map { try repr($0.key) + ": " + repr($0.value) }).joined(separator: ", ") + "}"
        case .list(let l): return "[" + (try l.items.map(repr)).joined(separator: ", ") + "]"
        case .tuple(let t):
            if t.count == 1 { return "(" + (try repr(t[0])) + ",)" }
            return "(" + (try t.map(repr)).joined(separator: ", ") + ")"
        default: return try interpreter.repr(v)
        }
    }

    private func format(_ v: Value, indent: Int, allowance: Int, into out: inout String) throws {
        try interpreter.checkDeadline()
        let rep = try repr(v)
        guard rep.count > width - indent - allowance else { out += rep; return }
        switch v {
        case .dict(let d) where d.count > 0:
            out += "{" + String(repeating: " ", count: max(0, indentPerLevel - 1))
            let inner = indent + indentPerLevel
            let entries = try dictEntries(d)
            for (i, e) in entries.enumerated() {
                let last = i == entries.count - 1
                let key = try repr(e.key)
                out += key + ": "
                try format(e.value, indent: inner + key.count + 2, allowance: last ? allowance + 1 : 1, into: &out)
                if !last { out += ",\n" + String(repeating: " ", count: inner) }
            }
            out += "}"
        case .list(let l) where !l.items.isEmpty:
            out += "["
            try items(l.items, indent: indent, allowance: allowance + 1, into: &out)
            out += "]"
        case .tuple(let t) where !t.isEmpty:
            let end = t.count == 1 ? ",)" : ")"
            out += "("
            try items(t, indent: indent, allowance: allowance + end.count, into: &out)
            out += end
        case .set(let s) where !s.items.isEmpty && !s.frozen:
            out += "{"
            try items(try sorted(s.items), indent: indent, allowance: allowance + 1, into: &out)
            out += "}"
        default:
            out += rep
        }
    }

    private func items(_ values: [Value], indent: Int, allowance: Int, into out: inout String) throws {
        let inner = indent + indentPerLevel
        out += String(repeating: " ", count: max(0, indentPerLevel - 1))
        for (i, v) in values.enumerated() {
            let last = i == values.count - 1
            if i > 0 { out += ",\n" + String(repeating: " ", count: inner) }
            try format(v, indent: inner, allowance: last ? allowance : 1, into: &out)
        }
    }
}
