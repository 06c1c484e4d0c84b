/// `itertools`: lazy iterators with CPython's order of results. Infinite ones (`count`,
/// `cycle`, `repeat` without times) only advance when asked.
enum ItertoolsModule {
    static func make(_ interpreter: Interpreter) throws -> Module {
        let m = Module("itertools")
        func iterator(_ name: String, _ next: @escaping () throws -> Value?) -> Value {
            .iterator(PyIterator("itertools.\(name)", next))
        }
        m.define("count") { args, interp in
            let b = try args.bind("count", [HostParameter("start", default: .int(0)), HostParameter("step", default: .int(1))])
            var current = b["start"]
            let step = b["step"]
            return iterator("count") {
                defer { current = (try? interp.binary(.add, current, step)) ?? current }
                return current
            }
        }
        m.define("cycle") { args, interp in
            try args.expectExactly(1, "cycle")
            let source = try interp.makeIterator(args.positional[0])
            var saved: [Value] = [], i = 0, exhausted = false
            return iterator("cycle") {
                if !exhausted {
                    if let v = try source.next() { saved.append(v); return v }
                    exhausted = true
                }
                guard !saved.isEmpty else { return nil }
                defer { i = (i + 1) % saved.count }
                return saved[i]
            }
        }
        m.define("repeat") { args, _ in
            let b = try args.bind("repeat", ["object", HostParameter("times", default: .none)])
            var left = b["times"].asInt
            let value = b["object"]
            return iterator("repeat") {
                if let l = left { if l <= 0 { return nil }; left = l - 1 }
                return value
            }
        }
        m["chain"] = .host(ChainType())
        m.define("islice") { args, interp in
            guard (2...4).contains(args.positional.count) else {
                throw PyException(.typeError, "islice expected at most 4 arguments, got \(args.positional.count)")
            }
            let source = try interp.makeIterator(args.positional[0])
            func index(_ v: Value, _ fallback: Int?) throws -> Int? {
                if v.isNone { return fallback }
                guard let i = v.asInt, !v.isFloat, i >= 0 else {
                    throw PyException(.valueError, "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
                }
                return i
            }
            let p = args.positional
            let start = p.count > 2 ? try index(p[1], 0) ?? 0 : 0
            let stop = try index(p.count > 2 ? p[2] : p[1], nil)
            let step = p.count > 3 ? try index(p[3], 1) ?? 1 : 1
            guard step > 0 else {
                throw PyException(.valueError, "Step for islice() must be a positive integer or None.")
            }
            var position = 0, nextWanted = start
            return iterator("islice") {
                while true {
                    if let stop, nextWanted >= stop { return nil }
                    guard let v = try source.next() else { return nil }
                    defer { position += 1 }
                    if position == nextWanted { nextWanted += step; return v }
                }
            }
        }
        m.define("accumulate") { args, interp in
            let b = try args.bind("accumulate", ["iterable", HostParameter("func", default: .none),
                                                 HostParameter("initial", default: .none, keywordOnly: true)])
            let source = try interp.makeIterator(b["iterable"])
            let function = b["func"]
            var total: Value? = b["initial"].isNone ? nil : b["initial"]
            var pendingInitial = total != nil
            return iterator("accumulate") {
                if pendingInitial { pendingInitial = false; return total }
                guard let v = try source.next() else { return nil }
                if let t = total {
                    total = function.isNone ? try interp.binary(.add, t, v) : try interp.call(function, t, v)
                } else {
                    total = v
                }
                return total
            }
        }
        m.define("product") { args, interp in
            let repeatCount = args.keyword("repeat")?.asInt ?? 1
            for (name, _) in args.keywords where name != "repeat" {
                throw PyException(.typeError, "product() got an unexpected keyword argument '\(name)'")
            }
            if repeatCount < 0 { throw PyException(.valueError, "repeat argument cannot be negative") }
            let pools = try args.positional.map { try interp.toArray($0) }
            let all = Array((0..<repeatCount).map { _ in pools }.joined())
            var result: [[Value]] = [[]]
            for pool in all {
                result = result.flatMap { prefix in pool.map { prefix + [$0] } }
                try MemoryLimit.check(count: result.count, stride: MemoryLayout<Value>.stride * max(1, all.count))
            }
            return .iterator(PyIterator("itertools.product", values: result.map { .tuple($0) }))
        }
        m.define("combinations") { args, interp in
            let b = try args.bind("combinations", ["iterable", "r"])
            let pool = try interp.toArray(b["iterable"])
            guard let r = b["r"].asInt else { throw PyException(.typeError, "an integer is required") }
            if r < 0 { throw PyException(.valueError, "r must be non-negative") }
            return iterator("combinations", Combinatorics.combinations(pool, r))
        }
        m.define("combinations_with_replacement") { args, interp in
            let b = try args.bind("combinations_with_replacement", ["iterable", "r"])
            let pool = try interp.toArray(b["iterable"])
            guard let r = b["r"].asInt else { throw PyException(.typeError, "an integer is required") }
            if r < 0 { throw PyException(.valueError, "r must be non-negative") }
            return iterator("combinations_with_replacement", Combinatorics.combinations(pool, r, replacement: true))
        }
        m.define("permutations") { args, interp in
            let b = try args.bind("permutations", ["iterable", HostParameter("r", default: .none)])
            let pool = try interp.toArray(b["iterable"])
            let r = b["r"].isNone ? pool.count : (b["r"].asInt ?? 0)
            if r < 0 { throw PyException(.valueError, "r must be non-negative") }
            return iterator("permutations", Combinatorics.permutations(pool, r))
        }
        m.define("groupby") { args, interp in
            let b = try args.bind("groupby", ["iterable", HostParameter("key", default: .none)])
            let source = try interp.makeIterator(b["iterable"])
            let keyFunction = b["key"]
            func key(_ v: Value) throws -> Value { keyFunction.isNone ? v : try interp.call(keyFunction, v) }
            var pending = try source.next()
            return iterator("groupby") {
                guard let first = pending else { return nil }
                let k = try key(first)
                var group = [first]
                pending = nil
                while let v = try source.next() {
                    if try interp.equals(try key(v), k) { group.append(v) } else { pending = v; break }
                }
                return .tuple([k, .iterator(PyIterator("itertools._grouper", values: group))])
            }
        }
        m.define("zip_longest") { args, interp in
            let fill = args.keyword("fillvalue") ?? .none
            for (name, _) in args.keywords where name != "fillvalue" {
                throw PyException(.typeError, "zip_longest() got an unexpected keyword argument '\(name)'")
            }
            let sources = try args.positional.map { try interp.makeIterator($0) }
            var done = Array(repeating: false, count: sources.count)
            return iterator("zip_longest") {
                guard !sources.isEmpty else { return nil }
                var row: [Value] = []
                for (i, s) in sources.enumerated() {
                    if !done[i], let v = try s.next() { row.append(v) } else { done[i] = true; row.append(fill) }
                }
                return done.allSatisfy { $0 } ? nil : .tuple(row)
            }
        }
        m.define("starmap") { args, interp in
            try args.expectExactly(2, "starmap")
            let function = args.positional[0]
            let source = try interp.makeIterator(args.positional[1])
            return iterator("starmap") {
                guard let v = try source.next() else { return nil }
                return try interp.call(function, Arguments(try interp.toArray(v)))
            }
        }
        for name in ["takewhile", "dropwhile", "filterfalse"] {
            m.define(name) { args, interp in
                try args.expectExactly(2, name)
                let predicate = args.positional[0]
                let source = try interp.makeIterator(args.positional[1])
                var switched = false
                return iterator(name) {
                    while let v = try source.next() {
                        let test = predicate.isNone ? try interp.truthy(v) : try interp.truthy(try interp.call(predicate, v))
                        switch name {
                        case "takewhile": if switched || !test { switched = true; return nil }; return v
                        case "dropwhile": if switched || !test { switched = true; return v }
                        default: if !test { return v }
                        }
                    }
                    return nil
                }
            }
        }
        return m
    }
}

/// `itertools.chain`: callable, with `chain.from_iterable`.
final class ChainType: HostClass {
    var qualifiedName: String { "itertools.chain" }
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        if let k = arguments.keywords.first { throw PyException(.typeError, "chain() takes no keyword arguments (\(k.name))") }
        return Self.chain(try interpreter.makeIterator(.tuple(arguments.positional)), interpreter)
    }
    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        guard name == "from_iterable" else { throw attributeError(name) }
        return .builtin(BuiltinFunction("from_iterable") { args, interp in
            try args.expectExactly(1, "from_iterable")
            return Self.chain(try interp.makeIterator(args.positional[0]), interp)
        })
    }
    static func chain(_ outer: PyIterator, _ interpreter: Interpreter) -> Value {
        var inner: PyIterator?
        return .iterator(PyIterator("itertools.chain") {
            while true {
                if let i = inner, let v = try i.next() { return v }
                guard let next = try outer.next() else { return nil }
                inner = try interpreter.makeIterator(next)
            }
        })
    }
}
