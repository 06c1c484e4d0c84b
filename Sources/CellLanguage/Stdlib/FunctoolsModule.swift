/// `functools`: `partial`, `reduce`, `lru_cache`/`cache` used as calls
/// (`f = lru_cache(maxsize=None)(f)`), `wraps` (accepted; returns the function as is),
/// `cmp_to_key`.
enum FunctoolsModule {
    static func make(_ interpreter: Interpreter) throws -> Module {
        let m = Module("functools")
        m.define("partial") { args, _ in
            guard let function = args.positional.first else {
                throw PyException(.typeError, "type 'partial' takes at least one argument")
            }
            return .host(PartialFunction(function, Array(args.positional.dropFirst()), args.keywords))
        }
        m.define("reduce") { args, interp in
            guard (2...3).contains(args.positional.count), args.keywords.isEmpty else {
                throw PyException(.typeError, "reduce expected at least 2 arguments, got \(args.positional.count)")
            }
            let source = try interp.makeIterator(args.positional[1])
            var total = args.positional.count == 3 ? args.positional[2] : try source.next()
            guard total != nil else {
                throw PyException(.typeError, "reduce() of empty iterable with no initial value")
            }
            while let v = try source.next() { total = try interp.call(args.positional[0], total!, v) }
            return total!
        }
        m.define("lru_cache") { args, _ in
            if case .function? = args.positional.first { return .host(CachedFunction(args.positional[0], maxsize: 128)) }
            let b = try args.bind("lru_cache", [HostParameter("maxsize", default: .int(128)),
                                                HostParameter("typed", default: .bool(false))])
            let maxsize = b["maxsize"].asInt
            return .builtin(BuiltinFunction("decorating_function") { inner, _ in
                try inner.expectExactly(1, "decorating_function")
                return .host(CachedFunction(inner.positional[0], maxsize: maxsize))
            })
        }
        m.define("cache") { args, _ in
            try args.expectExactly(1, "cache")
            return .host(CachedFunction(args.positional[0], maxsize: nil))
        }
        m.define("wraps") { args, _ in
            guard !args.positional.isEmpty else { throw PyException(.typeError, "wraps() missing 1 required positional argument: 'wrapped'") }
            return .builtin(BuiltinFunction("update_wrapper") { inner, _ in
                try inner.expectExactly(1, "update_wrapper")
                return inner.positional[0]
            })
        }
        m.define("cmp_to_key") { args, interp in
            try args.expectExactly(1, "cmp_to_key")
            let compare = args.positional[0]
            return .builtin(BuiltinFunction("K") { inner, _ in
                try inner.expectExactly(1, "K")
                return .host(ComparisonKey(value: inner.positional[0], compare: compare))
            })
        }
        return m
    }
}

/// `functools.partial(f, *args, **keywords)`.
final class PartialFunction: HostObject, SnapshotCodable {
    let function: Value
    let arguments: [Value]
    let keywords: [(name: String, value: Value)]

    init(_ function: Value, _ arguments: [Value], _ keywords: [(name: String, value: Value)]) {
        self.function = function
        self.arguments = arguments
        self.keywords = keywords
    }
    var typeName: String { "partial" }
    var repr: String {
        let parts = [function.repr] + arguments.map(\.repr) + keywords.map { "\($0.name)=\($0.value.repr)" }
        return "functools.partial(\(parts.joined(separator: ", ")))"
    }
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        var merged = keywords
        for (k, v) in arguments.keywords {
            merged.removeAll { $0.name == k }
            merged.append((k, v))
        }
        return try interpreter.call(function, Arguments(self.arguments + arguments.positional, keywords: merged))
    }
    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "func": return function
        case "args": return .tuple(arguments)
        case "keywords": return .dict(PyDict(keywords.map { ($0.name, $0.value) }))
        default: throw attributeError(name)
        }
    }

    static var snapshotKind: String { "functools.partial/1" }
    func snapshot(into writer: inout SnapshotWriter) throws {
        try writer.write(value: function)
        try writer.write(value: .tuple(arguments))
        try writer.write(value: .tuple(keywords.map { .tuple([.str($0.name), $0.value]) }))
    }
    static func restore(from reader: inout SnapshotReader) throws -> Self {
        let function = try reader.readValue()
        guard case .tuple(let arguments) = try reader.readValue(), case .tuple(let pairs) = try reader.readValue() else {
            throw SnapshotError.malformed("functools.partial")
        }
        let keywords = pairs.compactMap { pair -> (name: String, value: Value)? in
            guard case .tuple(let kv) = pair, kv.count == 2, case .str(let k) = kv[0] else { return nil }
            return (k, kv[1])
        }
        return Self(function, arguments, keywords)
    }
}

/// What `lru_cache` returns: calls `function` once per distinct arguments (least recently
/// used evicted past `maxsize`). Not saved by the cache: its cell reruns.
final class CachedFunction: HostObject {
    let function: Value
    let maxsize: Int?
    private let results = PyDict()
    private var hits = 0, misses = 0

    init(_ function: Value, maxsize: Int?) {
        self.function = function
        self.maxsize = maxsize
    }
    var typeName: String { "functools._lru_cache_wrapper" }
    var repr: String { "<functools._lru_cache_wrapper object at 0x0>" }
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        var parts = arguments.positional
        for (k, v) in arguments.keywords { parts += [.str(k), v] }
        let key = Value.tuple(parts)
        if let v = try results.get(key) {
            hits += 1
            try results.remove(key)
            try results.set(key, v)
            return v
        }
        misses += 1
        let v = try interpreter.call(function, arguments)
        if maxsize != 0 { try results.set(key, v) }
        if let maxsize, results.count > max(0, maxsize), let oldest = results.keys.first { try results.remove(oldest) }
        return v
    }
    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "__wrapped__": return function
        case "cache_info":
            return .builtin(BuiltinFunction("cache_info") { [self] _, _ in
                .str("CacheInfo(hits=\(hits), misses=\(misses), maxsize=\(maxsize.map(String.init) ?? "None"), currsize=\(results.count))")
            })
        case "cache_clear":
            return .builtin(BuiltinFunction("cache_clear") { [self] _, _ in
                results.removeAll(); hits = 0; misses = 0; return .none
            })
        default: return try interpreter.getAttribute(function, name)
        }
    }
}

/// A `cmp_to_key` key: orders by calling the comparison function.
final class ComparisonKey: HostObject {
    let value: Value
    let compare: Value
    init(value: Value, compare: Value) { self.value = value; self.compare = compare }
    var typeName: String { "functools.KeyWrapper" }
    var repr: String { "<functools.KeyWrapper object at 0x0>" }
    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard case .host(let h) = other, let o = h as? ComparisonKey else { return nil }
        let r = try interpreter.call(compare, value, o.value)
        return try interpreter.compare(op, r, .int(0))
    }
}
