/// `repr`, `str` and equality of values, with Python's exact printed forms.
extension Value {
    /// `repr(x)`: `[1, 'a', (2,)]`, `{'k': 1.5}`, `set()`, recursive lists as `[...]`.
    /// Past `ReprContext.maxDepth` levels of nesting the rest is `...` (`checkedRepr` raises
    /// CPython's RecursionError there instead).
    public var repr: String {
        var context = ReprContext()
        return repr(&context)
    }

    /// `repr(x)` as cells see it: `RecursionError` for values nested too deep to print, as
    /// in CPython, rather than a stack overflow. `check` runs every few thousand containers
    /// (the cell's deadline and memory: the repr of a list holding itself three times per
    /// level is exponential); what it throws stops the repr.
    func checkedRepr(_ check: (() throws -> Void)? = nil) throws -> String {
        var context = ReprContext(check: check)
        let text = repr(&context)
        if let stop = context.stop { throw stop }
        return text
    }

    /// `str(x)` as cells see it (see `checkedRepr`).
    func checkedStr(_ check: (() throws -> Void)? = nil) throws -> String {
        switch self {
        case .str, .exception, .host: return str
        default: return try checkedRepr(check)
        }
    }

    /// `str(x)`: strings unquoted, everything else as repr (host objects may differ).
    public var str: String {
        switch self {
        case .str(let s): return s
        case .exception(let e): return e.message
        case .host(let h): return h.str
        default: return repr
        }
    }

    func repr(_ context: inout ReprContext) -> String {
        switch self {
        case .list, .tuple, .dict, .set, .slice, .boundMethod:
            if context.stop != nil { return "..." }
            context.depth += 1
            defer { context.depth -= 1 }
            if context.depth > ReprContext.maxDepth {
                context.stop = PyException(.recursionError, "maximum recursion depth exceeded while getting the repr of an object")
                return "..."
            }
            context.containers &+= 1
            if context.containers & 0x3FFF == 0, let check = context.check {
                do { try check() } catch { context.stop = error }
            }
            return nestedRepr(&context)
        default:
            return nestedRepr(&context)
        }
    }

    private func nestedRepr(_ context: inout ReprContext) -> String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return ValueFormatting.floatRepr(d)
        case .str(let s): return ValueFormatting.stringRepr(s)
        case .list(let l):
            let id = ObjectIdentifier(l)
            if context.seen.contains(id) { return "[...]" }
            context.seen.insert(id)
            defer { context.seen.remove(id) }
            return "[" + l.items.map { $0.repr(&context) }.joined(separator: ", ") + "]"
        case .tuple(let items):
            if items.count == 1 { return "(" + items[0].repr(&context) + ",)" }
            return "(" + items.map { $0.repr(&context) }.joined(separator: ", ") + ")"
        case .dict(let d):
            let id = ObjectIdentifier(d)
            if context.seen.contains(id) { return "{...}" }
            context.seen.insert(id)
            defer { context.seen.remove(id) }
            return "{" + d.entries.map { $0.key.repr(&context) + ": " + $0.value.repr(&context) }
                .joined(separator: ", ") + "}"
        case .set(let s):
            let inner = s.items.map { $0.repr(&context) }.joined(separator: ", ")
            if s.frozen { return s.count == 0 ? "frozenset()" : "frozenset({\(inner)})" }
            return s.count == 0 ? "set()" : "{" + inner + "}"
        case .range(let r):
            return r.step == 1 ? "range(\(r.start), \(r.stop))" : "range(\(r.start), \(r.stop), \(r.step))"
        case .slice(let s):
            return "slice(\(s.start.repr(&context)), \(s.stop.repr(&context)), \(s.step.repr(&context)))"
        case .function(let f):
            return "<function \(f.code.qualifiedName) at \(address(f))>"
        case .builtin(let b):
            // These are classes in CPython, builtin functions here.
            if ["map", "filter", "zip", "enumerate", "reversed"].contains(b.name) { return "<class '\(b.name)'>" }
            return "<built-in function \(b.name)>"
        case .boundMethod(let m):
            if case .function(let f) = m.function {
                return "<bound method \(f.code.qualifiedName) of \(m.receiver.repr(&context))>"
            }
            return "<built-in method \(m.name) of \(m.receiver.typeName) object at \(m.receiver.identity.map(hex) ?? "0x0")>"
        case .module(let m):
            return "<module '\(m.name)' (built-in)>"
        case .exception(let e):
            return e.repr
        case .type(let t):
            return "<class '\(t.name)'>"
        case .iterator(let it):
            if let g = it.generator { return "<generator object \(g.function.code.qualifiedName) at \(address(it))>" }
            if it.typeName == "generator" { return "<generator object <genexpr> at \(address(it))>" }
            return "<\(it.typeName) object at \(address(it))>"
        case .host(let h):
            return h.repr
        }
    }

    private func address(_ object: AnyObject) -> String { hex(ObjectIdentifier(object)) }
    private func hex(_ id: ObjectIdentifier) -> String { ObjectAddresses.hex(id) }

    /// The identity of objects that have one (`is`, `id()`, hashing of functions...).
    var identity: ObjectIdentifier? {
        switch self {
        case .list(let o): return ObjectIdentifier(o)
        case .dict(let o): return ObjectIdentifier(o)
        case .set(let o): return ObjectIdentifier(o)
        case .function(let o): return ObjectIdentifier(o)
        case .builtin(let o): return ObjectIdentifier(o)
        case .boundMethod(let o): return ObjectIdentifier(o)
        case .module(let o): return ObjectIdentifier(o)
        case .exception(let o): return ObjectIdentifier(o)
        case .iterator(let o): return ObjectIdentifier(o)
        case .host(let o): return ObjectIdentifier(o)
        default: return nil
        }
    }

    /// Python `==` for values that need no interpreter (host objects compare by identity).
    /// `pyEquals` as containers compare items: a NaN is equal to itself (CPython checks identity first).
    func itemEquals(_ other: Value) -> Bool {
        if case .float(let x) = self, case .float(let y) = other, x.isNaN { return x.bitPattern == y.bitPattern }
        return pyEquals(other)
    }

    public func pyEquals(_ other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.int(let a), .int(let b)): return a == b
        case (.str(let a), .str(let b)): return a.codePointsEqual(b)
        case (.float(let a), .float(let b)): return a == b
        case (.int, .float), (.float, .int), (.bool, _), (_, .bool):
            guard let a = asDouble, let b = other.asDouble else { return false }
            if case .host = self { return false }
            if case .host = other { return false }
            // Exactly, as CPython compares an int with a float (2**63 - 1 != 2.0**63).
            func integer(_ v: Value) -> Int? {
                if case .int(let i) = v { return i }
                if case .bool(let b) = v { return b ? 1 : 0 }
                return nil
            }
            if let i = integer(self), let j = integer(other) { return i == j }
            if let i = integer(self), case .float(let d) = other { return Arithmetic.order(i, d) == .orderedSame }
            if case .float(let d) = self, let j = integer(other) { return Arithmetic.order(j, d) == .orderedSame }
            return a == b
        case (.tuple(let a), .tuple(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.itemEquals($1) }
        case (.list(let a), .list(let b)):
            return a === b || (a.items.count == b.items.count && zip(a.items, b.items).allSatisfy { $0.itemEquals($1) })
        case (.dict(let a), .dict(let b)):
            guard a.count == b.count else { return false }
            for (k, v) in a.entries {
                guard let w = try? b.get(k), v.itemEquals(w) else { return false }
            }
            return true
        case (.set(let a), .set(let b)):
            return a.count == b.count && a.items.allSatisfy { (try? b.contains($0)) == true }
        case (.range(let a), .range(let b)):
            if a.count != b.count { return false }
            if a.count == 0 { return true }
            return a.start == b.start && (a.count == 1 || a.step == b.step)
        case (.slice(let a), .slice(let b)):
            return a.start.pyEquals(b.start) && a.stop.pyEquals(b.stop) && a.step.pyEquals(b.step)
        case (.type(let a), .type(let b)):
            return a == b
        default:
            if let a = identity, let b = other.identity, a == b { return true }
            // Cell classes with `__eq__` (errors in it count as unequal here).
            if let equal = try? PyInstance.userEquals(self, other) { return equal }
            return false
        }
    }
}

/// What `repr` carries down a value: the containers being printed (a list inside itself
/// prints as `[...]`) and how deep it is.
struct ReprContext {
    /// CPython's default recursion limit, which bounds its `repr` too.
    static let maxDepth = 1000
    var check: (() throws -> Void)?
    var seen: Set<ObjectIdentifier> = []
    var depth = 0
    var containers = 0
    /// Why the repr stopped (the rest prints as `...`): too deep, or what `check` threw.
    var stop: Error?
}
