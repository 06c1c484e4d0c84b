/// `copy`: `copy` (shallow) and `deepcopy` of lists, dicts, sets, tuples and host objects
/// that know how (`HostCopyable`: numpy arrays), keeping shared references shared as
/// CPython's memo does.
enum CopyModule {
    static func make(_ interpreter: Interpreter) throws -> Module {
        let m = Module("copy")
        m.define("copy") { args, interp in
            try args.expectExactly(1, "copy")
            return try shallow(args.positional[0], interp)
        }
        m.define("deepcopy") { args, interp in
            guard let first = args.positional.first else { throw PyException(.typeError, "deepcopy() missing 1 required positional argument: 'x'") }
            var memo: [ObjectIdentifier: Value] = [:]
            return try deep(first, &memo, interp)
        }
        m["Error"] = .type(.exception(.exception))
        return m
    }

    static func shallow(_ v: Value, _ interp: Interpreter) throws -> Value {
        switch v {
        case .list(let l): return .list(PyList(l.items))
        case .dict(let d): return .dict(d.copy())
        case .set(let s): return s.frozen ? v : .set(s.copy())
        case .host(let h):
            if let c = h as? HostCopyable { return try c.copy(deep: false, interp) }
            throw PyException(.typeError, "cannot copy '\(h.typeName)' object: Labbook does not implement copying it yet; see docs/language.md")
        default: return v
        }
    }

    /// `depth` counts the containers being copied around `v`: CPython's `deepcopy` recurses
    /// through two Python frames per level, so a structure nested about half the recursion
    /// limit deep raises its `RecursionError` (here too, instead of overflowing the stack).
    static func deep(_ v: Value, _ memo: inout [ObjectIdentifier: Value], _ interp: Interpreter, depth: Int = 0) throws -> Value {
        try interp.checkDeadline()
        if interp.callDepth + 2 * depth > interp.recursionLimit {
            throw PyException(.recursionError, "maximum recursion depth exceeded while calling a Python object")
        }
        let depth = depth + 1
        switch v {
        case .list(let l):
            if let done = memo[ObjectIdentifier(l)] { return done }
            let copy = PyList()
            memo[ObjectIdentifier(l)] = .list(copy)
            copy.items = try l.items.map { try deep($0, &memo, interp, depth: depth) }
            return .list(copy)
        case .dict(let d):
            if let done = memo[ObjectIdentifier(d)] { return done }
            let copy = PyDict()
            memo[ObjectIdentifier(d)] = .dict(copy)
            for (k, value) in d.entries {
                try copy.set(try deep(k, &memo, interp, depth: depth), try deep(value, &memo, interp, depth: depth))
            }
            return .dict(copy)
        case .set(let s):
            if let done = memo[ObjectIdentifier(s)] { return done }
            let copy = try PySet(try s.items.map { try deep($0, &memo, interp, depth: depth) })
            copy.frozen = s.frozen
            memo[ObjectIdentifier(s)] = .set(copy)
            return .set(copy)
        case .tuple(let t): return .tuple(try t.map { try deep($0, &memo, interp, depth: depth) })
        case .host(let h):
            if let done = memo[ObjectIdentifier(h)] { return done }
            guard let c = h as? HostCopyable else {
                throw PyException(.typeError, "cannot deepcopy '\(h.typeName)' object: Labbook does not implement copying it yet; see docs/language.md")
            }
            let copy = try c.copy(deep: true, interp)
            memo[ObjectIdentifier(h)] = copy
            return copy
        default: return v
        }
    }
}

/// A host object `copy.copy`/`copy.deepcopy` can duplicate (numpy arrays, collections).
public protocol HostCopyable: HostObject {
    /// A new object equal to this one; `deep` also copies what it holds.
    func copy(deep: Bool, _ interpreter: Interpreter) throws -> Value
}
