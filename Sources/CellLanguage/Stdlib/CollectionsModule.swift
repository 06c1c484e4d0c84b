/// `collections`: `Counter`, `defaultdict`, `OrderedDict` (dict-likes over a `PyDict`),
/// `deque` and `namedtuple`, as host objects with CPython's reprs and methods (cells
/// cannot define classes yet). All of them survive the cache.
enum CollectionsModule {
    static func make(_ interpreter: Interpreter) throws -> Module {
        let m = Module("collections")
        m.define("Counter") { args, interp in
            let c = DictLike(.counter)
            if args.positional.count > 1 { throw PyException(.typeError, "expected at most 1 argument, got \(args.positional.count)") }
            try c.update(args, interp)
            return .host(c)
        }
        m.define("defaultdict") { args, interp in
            let factory = args.positional.first ?? .none
            if !factory.isNone, !interp.isCallable(factory) { throw PyException(.typeError, "first argument must be callable or None") }
            let d = DictLike(.defaultdict, factory: factory)
            try d.merge(Arguments(Array(args.positional.dropFirst()), keywords: args.keywords), interp)
            return .host(d)
        }
        m.define("OrderedDict") { args, interp in
            let d = DictLike(.ordered)
            try d.merge(args, interp)
            return .host(d)
        }
        m.define("deque") { args, interp in
            let b = try args.bind("deque", [HostParameter("iterable", default: .tuple([])), HostParameter("maxlen", default: .none)])
            var maxlen: Int?
            if !b["maxlen"].isNone {
                guard let n = b["maxlen"].asInt, n >= 0 else { throw PyException(.valueError, "maxlen must be non-negative") }
                maxlen = n
            }
            let d = Deque(maxlen: maxlen)
            for v in try interp.toArray(b["iterable"]) { d.push(v) }
            return .host(d)
        }
        m.define("namedtuple") { args, interp in
            let b = try args.bind("namedtuple", ["typename", "field_names", HostParameter("rename", default: .bool(false), keywordOnly: true),
                                                 HostParameter("defaults", default: .none, keywordOnly: true),
                                                 HostParameter("module", default: .none, keywordOnly: true)])
            let name = try Arguments([b["typename"]]).string(at: 0, "namedtuple")
            var fields: [String]
            if case .str(let s) = b["field_names"] {
                fields = s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
            } else {
                fields = try interp.toArray(b["field_names"]).map { v in
                    guard case .str(let s) = v else { throw PyException(.typeError, "Type names and field names must be strings") }
                    return s
                }
            }
            var seen = Set<String>()
            for f in fields {
                if f.hasPrefix("_") { throw PyException(.valueError, "Field names cannot start with an underscore: \(Value.str(f).repr)") }
                if !seen.insert(f).inserted { throw PyException(.valueError, "Encountered duplicate field name: \(Value.str(f).repr)") }
            }
            let defaults = b["defaults"].isNone ? [] : try interp.toArray(b["defaults"])
            return .host(NamedTupleType(name: name, fields: fields, defaults: defaults))
        }
        return m
    }
}

extension Interpreter {
    /// Whether `callable(v)` would be true.
    func isCallable(_ v: Value) -> Bool {
        switch v {
        case .function, .builtin, .boundMethod, .type: return true
        case .host(let h): return h.isCallable
        default: return false
        }
    }
}
