import Foundation

/// Conversions: `len`, `repr`, `str`, `format`, and calling type objects (`int("3")`).
extension Interpreter {
    public func repr(_ v: Value) throws -> String { try v.checkedRepr(checkLongOperation) }
    public func str(_ v: Value) throws -> String { try v.checkedStr(checkLongOperation) }

    /// What a long builtin checks now and then: the cell's deadline and the memory in use.
    func checkLongOperation() throws {
        try checkDeadline()
        try MemoryLimit.checkUsage()
    }

    /// `format(v, spec)`; host objects format themselves.
    public func format(_ v: Value, _ spec: String) throws -> String {
        if case .host(let h) = v { return try h.format(spec: spec) }
        return try ValueFormatting.format(v, spec)
    }

    public func length(_ v: Value) throws -> Int {
        switch v {
        case .str(let s): return codePoints.count(of: s)
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.count
        case .set(let s): return s.count
        case .range(let r):
            guard let n = r.exactCount else {
                throw PyException(.overflowError, "Python int too large to convert to C ssize_t")
            }
            return n
        case .host(let h): return try h.length()
        default: throw PyException(.typeError, "object of type '\(v.typeName)' has no len()")
        }
    }

    /// Calls a type object: conversions and exception construction.
    func construct(_ type: PyType, _ args: Arguments) throws -> Value {
        switch type {
        case .exception(let e):
            if !args.keywords.isEmpty {
                throw PyException(.typeError, "\(e.name)() takes no keyword arguments")
            }
            return .exception(PyException(e, args: args.positional))
        case .builtin(let b):
            return try constructBuiltin(b, args)
        case .host(let name), .other(let name):
            throw PyException(.typeError, "cannot create '\(name)' instances")
        }
    }

    private func constructBuiltin(_ b: BuiltinType, _ args: Arguments) throws -> Value {
        let a = args.positional
        func atMostOne() throws {
            if !args.keywords.isEmpty { throw PyException(.typeError, "\(b.rawValue)() takes no keyword arguments") }
            if a.count > 1 {
                throw PyException(.typeError, "\(b.rawValue) expected at most 1 argument, got \(a.count)")
            }
        }
        switch b {
        case .int:
            if let (name, _) = args.keywords.first(where: { $0.0 != "base" }) {
                throw PyException(.typeError, "'\(name)' is an invalid keyword argument for int()")
            }
            let bound = try args.bind("int", [HostParameter("x", default: .int(0)), HostParameter("base", default: .none)])
            return .int(try toInt(bound["x"], base: bound["base"]))
        case .float:
            try atMostOne()
            return .float(try toFloat(a.first ?? .float(0)))
        case .str:
            if a.count > 1 || !args.keywords.isEmpty {
                throw PyException(.typeError, "str() takes at most 1 argument (\(a.count) given)")
            }
            return .str(try a.first.map { try str($0) } ?? "")
        case .bool:
            try atMostOne()
            return .bool(try a.first.map { try truthy($0) } ?? false)
        case .list:
            try atMostOne()
            return .list(PyList(try a.first.map { try toArray($0) } ?? []))
        case .tuple:
            try atMostOne()
            return .tuple(try a.first.map { try toArray($0) } ?? [])
        case .set, .frozenset:
            try atMostOne()
            let s: PySet
            if case .set(let source)? = a.first {
                s = source.copy()
            } else {
                s = try PySet(try a.first.map { try toArray($0) } ?? [])
            }
            s.frozen = b == .frozenset
            return .set(s)
        case .dict:
            if a.count > 1 { throw PyException(.typeError, "dict expected at most 1 argument, got \(a.count)") }
            let d = PyDict()
            if let source = a.first { try DictMethods.merge(source, into: d, self) }
            for (k, v) in args.keywords { try d.set(.str(k), v) }
            return .dict(d)
        case .range:
            if !args.keywords.isEmpty { throw PyException(.typeError, "range() takes no keyword arguments") }
            let ints = try a.map { v -> Int in
                guard let i = v.asInt, !v.isFloat else {
                    throw PyException(.typeError, "'\(v.typeName)' object cannot be interpreted as an integer")
                }
                return i
            }
            switch ints.count {
            case 1: return .range(PyRange(start: 0, stop: ints[0], step: 1))
            case 2: return .range(PyRange(start: ints[0], stop: ints[1], step: 1))
            case 3:
                if ints[2] == 0 { throw PyException(.valueError, "range() arg 3 must not be zero") }
                return .range(PyRange(start: ints[0], stop: ints[1], step: ints[2]))
            case 0: throw PyException(.typeError, "range expected at least 1 argument, got 0")
            default: throw PyException(.typeError, "range expected at most 3 arguments, got \(ints.count)")
            }
        case .slice:
            switch a.count {
            case 1: return .slice(PySlice(stop: a[0]))
            case 2: return .slice(PySlice(start: a[0], stop: a[1]))
            case 3: return .slice(PySlice(start: a[0], stop: a[1], step: a[2]))
            default: throw PyException(.typeError, "slice expected at least 1 argument, got \(a.count)")
            }
        case .type:
            guard a.count == 1 else { throw PyException(.typeError, "type() takes 1 or 3 arguments") }
            if case .host(let i as PyInstance) = a[0] { return .host(i.cls) }
            if case .exception(let e) = a[0], let i = e.instance { return .host(i.cls) }
            return .type(a[0].pythonType)
        case .object:
            throw PyException(.typeError, "object() instances are not supported in Labbook cells")
        default:
            throw PyException(.typeError, "cannot create '\(b.rawValue)' instances")
        }
    }

    /// `int(x)` / `int(s, base)`.
    func toInt(_ v: Value, base: Value) throws -> Int {
        if !base.isNone {
            guard case .str(let s) = v else {
                throw PyException(.typeError, "int() can't convert non-string with explicit base")
            }
            guard base.asInt != nil, !base.isFloat else {
                throw PyException(.typeError, "'\(base.typeName)' object cannot be interpreted as an integer")
            }
            guard let b = base.asInt, b == 0 || (2...36).contains(b) else {
                throw PyException(.valueError, "int() base must be >= 2 and <= 36, or 0")
            }
            return try parseInt(s, base: b)
        }
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .float(let d):
            if d.isNaN { throw PyException(.valueError, "cannot convert float NaN to integer") }
            if d.isInfinite { throw PyException(.overflowError, "cannot convert float infinity to integer") }
            guard abs(d) < 9.223372036854775807e18 else { throw Arithmetic.overflow() }
            return Int(d)
        case .str(let s):
            return try parseInt(s, base: 10)
        case .host(let h):
            if let i = h.asInt { return i }
            if let d = h.asDouble { return try toInt(.float(d), base: .none) }
            fallthrough
        default:
            throw PyException(.typeError, "int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'")
        }
    }

    private func parseInt(_ s: String, base: Int) throws -> Int {
        let invalid = PyException(.valueError, "invalid literal for int() with base \(base): \(Value.str(s).repr)")
        var text = s.trimmingCharacters(in: .whitespacesAndNewlines)
        var negative = false
        if text.hasPrefix("-") { negative = true; text.removeFirst() } else if text.hasPrefix("+") { text.removeFirst() }
        var radix = base
        let lower = text.lowercased()
        for (prefix, r) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) && (base == r || base == 0) {
            radix = r
            text.removeFirst(2)
            if text.hasPrefix("_") { text.removeFirst() }
        }
        if radix == 0 {
            radix = 10
            if text.count > 1 && text.hasPrefix("0") && text.contains(where: { $0 != "0" && $0 != "_" }) { throw invalid }
        }
        guard !text.isEmpty, !text.hasPrefix("_"), !text.hasSuffix("_"), !text.contains("__") else { throw invalid }
        text.removeAll { $0 == "_" }
        guard let magnitude = UInt(text, radix: radix) else {
            if text.allSatisfy({ ($0.hexDigitValue ?? radix) < radix }) {
                throw Arithmetic.overflow()
            }
            throw invalid
        }
        if negative {
            guard magnitude <= UInt(Int.max) + 1 else { throw Arithmetic.overflow() }
            return magnitude == UInt(Int.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt(Int.max) else { throw Arithmetic.overflow() }
        return Int(magnitude)
    }

    /// `float(x)`.
    func toFloat(_ v: Value) throws -> Double {
        switch v {
        case .float(let d): return d
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .str(let s):
            let text = s.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().replacingOccurrences(of: "_", with: "")
            switch text {
            case "inf", "+inf", "infinity", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "+nan", "-nan": return .nan
            default: break
            }
            let allowed = Set("0123456789.e+-")
            if !text.isEmpty, text.allSatisfy({ allowed.contains($0) }), text.contains(where: { $0.isNumber }),
               let d = Double(text) {
                return d
            }
            throw PyException(.valueError, "could not convert string to float: \(Value.str(s).repr)")
        case .host(let h):
            if let d = h.asDouble { return d }
            fallthrough
        default:
            throw PyException(.typeError, "float() argument must be a string or a real number, not '\(v.typeName)'")
        }
    }
}

/// CPython's hash of numbers and tuples (strings get a stable hash of our own: CPython
/// randomizes theirs per process anyway).
enum PythonHash {
    static let modulus: UInt64 = (1 << 61) - 1

    static func hash(_ v: Value) throws -> Int {
        switch v {
        case .none: return 0x4E6F6E65
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return hashInt(i)
        case .float(let d): return hashFloat(d)
        case .str(let s):
            var h: UInt64 = 0xcbf29ce484222325
            for byte in s.utf8 { h = (h ^ UInt64(byte)) &* 0x100000001b3 }
            let r = Int(bitPattern: UInt(h))
            return r == -1 ? -2 : r
        case .tuple(let items):
            let p1: UInt64 = 11400714785074694791, p2: UInt64 = 14029467366897019727, p5: UInt64 = 2870177450012600261
            var acc = p5
            for item in items {
                let lane = UInt64(bitPattern: Int64(try hash(item)))
                acc = acc &+ lane &* p2
                acc = (acc << 31) | (acc >> 33)
                acc = acc &* p1
            }
            acc = acc &+ (UInt64(items.count) ^ (p5 ^ 3527539))
            if acc == UInt64.max { return 1546275796 }
            return Int(bitPattern: UInt(acc))
        case .list, .dict, .set, .slice:
            _ = try HashKey(v)
            return 0
        default:
            if let h = try PyInstance.userHash(v) { return h }
            if let id = v.identity { return ObjectAddresses.address(of: id) >> 4 }
            return 0
        }
    }

    static func hashInt(_ i: Int) -> Int {
        let m = UInt64(i.magnitude) % modulus
        var r = i < 0 ? -Int(m) : Int(m)
        if r == -1 { r = -2 }
        return r
    }

    static func hashFloat(_ d: Double) -> Int {
        if d.isNaN { return 0 }
        if d.isInfinite { return d > 0 ? 314159 : -314159 }
        if d == d.rounded(), abs(d) < 9.2e18 { return hashInt(Int(d)) }
        var m = frexp(d).0
        var e = frexp(d).1
        var sign: Int = 1
        if m < 0 { sign = -1; m = -m }
        var x: UInt64 = 0
        while m != 0 {
            x = ((x << 28) & modulus) | x >> (61 - 28)
            m *= 268435456.0
            e -= 28
            let y = UInt64(m)
            m -= Double(y)
            x += y
            if x >= modulus { x -= modulus }
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61)
        x = ((x << UInt64(e)) & modulus) | x >> (61 - UInt64(e))
        var r = Int(x) * sign
        if r == -1 { r = -2 }
        return r
    }
}
