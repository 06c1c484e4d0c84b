import Foundation

/// Arithmetic, comparison, membership and truthiness with Python's semantics.
extension Interpreter {
    /// Python truthiness (`bool(v)`), asking host objects.
    public func truthy(_ v: Value) throws -> Bool {
        switch v {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .none: return false
        case .host(let h): return try h.isTruthy()
        default: return v.isTruthy
        }
    }

    // MARK: Binary operators

    /// `a op b` with Python semantics (host objects first, then reflected).
    public func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if case .host(let h) = a, let r = try h.binaryOperation(op, b, reflected: false, self) {
            try checkDeadlineAfterCall()
            return r
        }
        if case .host(let h) = b, let r = try h.binaryOperation(op, a, reflected: true, self) {
            try checkDeadlineAfterCall()
            return r
        }
        switch (a, b) {
        case (.int, .int), (.int, .bool), (.bool, .int), (.bool, .bool):
            if case .bool(let x) = a, case .bool(let y) = b {
                switch op {
                case .and: return .bool(x && y)
                case .or: return .bool(x || y)
                case .xor: return .bool(x != y)
                default: break
                }
            }
            return try Arithmetic.integer(op, a.asInt ?? 0, b.asInt ?? 0)
        case (.float, .float), (.float, .int), (.int, .float), (.float, .bool), (.bool, .float):
            if let r = try Arithmetic.float(op, a.asDouble ?? 0, b.asDouble ?? 0) { return r }
        case (.str(let x), .str(let y)):
            if op == .add {
                try MemoryLimit.check(count: x.utf8.count &+ y.utf8.count)
                return .str(x + y)
            }
            if op == .modulo { return .str(try percentFormat(x, b)) }
        case (.str(let x), _):
            if op == .multiply, let n = b.asInt, !isFloatLike(b) {
                if let repeated = try repeatSequence(a, .int(n)) { return repeated }
            }
            if op == .modulo { return .str(try percentFormat(x, b)) }
            if op == .add {
                throw PyException(.typeError, "can only concatenate str (not \"\(b.typeName)\") to str")
            }
        case (.list(let x), .list(let y)):
            if op == .add { return .list(PyList(try concatenated(x.items, y.items))) }
        case (.tuple(let x), .tuple(let y)):
            if op == .add { return .tuple(try concatenated(x, y)) }
        case (.set(let x), .set(let y)):
            if let r = try setOperation(op, x, y) { return .set(r) }
        case (.dict(let x), .dict(let y)):
            if op == .or {
                let d = x.copy()
                for (k, v) in y.entries { try d.set(k, v) }
                return .dict(d)
            }
        default:
            break
        }
        // Sequence repetition, both orders.
        if op == .multiply {
            if let r = try repeatSequence(a, b) ?? repeatSequence(b, a) { return r }
        }
        if case .list = a, op == .add {
            throw PyException(.typeError, "can only concatenate list (not \"\(b.typeName)\") to list")
        }
        if case .tuple = a, op == .add {
            throw PyException(.typeError, "can only concatenate tuple (not \"\(b.typeName)\") to tuple")
        }
        let symbol = op == .power ? "** or pow()" : op.rawValue
        throw PyException(.typeError, "unsupported operand type(s) for \(symbol): '\(a.typeName)' and '\(b.typeName)'")
    }

    private func isFloatLike(_ v: Value) -> Bool {
        if case .float = v { return true }
        if case .host = v { return v.asInt == nil }
        return false
    }

    private func repeatSequence(_ sequence: Value, _ count: Value) throws -> Value? {
        let n: Int
        switch count {
        case .int(let i): n = i
        case .bool(let b): n = b ? 1 : 0
        default:
            switch sequence {
            case .list, .tuple, .str:
                if case .host = count { return nil }
                throw PyException(.typeError, "can't multiply sequence by non-int of type '\(count.typeName)'")
            default: return nil
            }
        }
        let times = max(n, 0)
        switch sequence {
        case .list(let l):
            try MemoryLimit.check(repeating: l.items.count, times: times, stride: MemoryLayout<Value>.stride)
            return .list(PyList(try repeated(l.items, times: times)))
        case .tuple(let t):
            try MemoryLimit.check(repeating: t.count, times: times, stride: MemoryLayout<Value>.stride)
            return .tuple(try repeated(t, times: times))
        case .str(let s):
            if s.utf8.count.multipliedReportingOverflow(by: times).overflow {
                throw PyException(.overflowError, "repeated string is too long")
            }
            try MemoryLimit.check(repeating: s.utf8.count, times: times, stride: 1)
            return .str(try repeated(s, times: times))
        default: return nil
        }
    }

    private func setOperation(_ op: BinaryOperator, _ x: PySet, _ y: PySet) throws -> PySet? {
        switch op {
        case .or: return x.union(y)
        case .and: return x.intersection(y)
        case .subtract: return x.difference(y)
        case .xor: return x.symmetricDifference(y)
        default: return nil
        }
    }

    func percentFormat(_ format: String, _ args: Value) throws -> String {
        try ValueFormatting.percent(format, args)
    }

    // MARK: Unary operators

    func unary(_ op: UnaryOperator, _ v: Value) throws -> Value {
        switch (op, v) {
        case (.negate, .int(let i)):
            if i == Int.min { throw Arithmetic.overflow() }
            return .int(-i)
        case (.negate, .float(let d)): return .float(-d)
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.plus, .int), (.plus, .float): return v
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let i)): return .int(~i)
        case (.invert, .bool(let b)): return .int(~(b ? 1 : 0))
        case (_, .host(let h)):
            if let r = try h.unaryOperation(op, self) { return r }
        default: break
        }
        throw PyException(.typeError, "bad operand type for unary \(op.rawValue): '\(v.typeName)'")
    }

    // MARK: Comparisons

    /// `a op b` for comparisons, membership and identity.
    public func compare(_ op: CompareOperator, _ a: Value, _ b: Value) throws -> Value {
        switch op {
        case .is: return .bool(identical(a, b))
        case .isNot: return .bool(!identical(a, b))
        case .in: return .bool(try contains(b, a))
        case .notIn: return .bool(!(try contains(b, a)))
        default: break
        }
        if case .host(let h) = a, let r = try h.compare(op, b, self) {
            try checkDeadlineAfterCall()
            return r
        }
        if case .host(let h) = b, let r = try h.compare(op.reflected, a, self) {
            try checkDeadlineAfterCall()
            return r
        }
        switch op {
        case .equal: return .bool(try equals(a, b))
        case .notEqual: return .bool(!(try equals(a, b)))
        case .less: return .bool(try lessThan(a, b, op))
        case .greater: return .bool(try lessThan(b, a, op, swapped: true))
        case .lessEqual: return .bool(try lessOrEqual(a, b, op))
        case .greaterEqual: return .bool(try lessOrEqual(b, a, op, swapped: true))
        default: return .bool(false)
        }
    }

    /// Python `==`, asking host objects first.
    public func equals(_ a: Value, _ b: Value) throws -> Bool {
        if case .host(let h) = a, let r = try h.compare(.equal, b, self) { return try truthy(r) }
        if case .host(let h) = b, let r = try h.compare(.equal, a, self) { return try truthy(r) }
        switch (a, b) {
        case (.list(let x), .list(let y)):
            if x === y { return true }
            return try sequenceEqual(x.items, y.items)
        case (.tuple(let x), .tuple(let y)):
            return try sequenceEqual(x, y)
        case (.dict(let x), .dict(let y)):
            guard x !== y else { return true }
            guard x.count == y.count else { return false }
            return try nested {
                for (k, v) in x.entries {
                    guard let w = try y.get(k), try itemEquals(v, w) else { return false }
                }
                return true
            }
        default:
            return a.pyEquals(b)
        }
    }

    private func sequenceEqual(_ x: [Value], _ y: [Value]) throws -> Bool {
        guard x.count == y.count else { return false }
        return try nested {
            for (p, q) in zip(x, y) where !(try itemEquals(p, q)) { return false }
            return true
        }
    }

    /// One level down into containers being compared: it counts against the recursion
    /// limit as in CPython, so values nested thousands deep raise RecursionError instead
    /// of overflowing the stack.
    private func nested<T>(_ body: () throws -> T) throws -> T {
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > recursionLimit {
            throw PyException(.recursionError, "maximum recursion depth exceeded in comparison")
        }
        return try body()
    }

    func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.str(let x), .str(let y)): return x.codePointsEqual(y)
        case (.float(let x), .float(let y)): return x.bitPattern == y.bitPattern
        case (.type(let x), .type(let y)): return x == y
        case (.tuple(let x), .tuple(let y)): return x.isEmpty && y.isEmpty
        default:
            if let x = a.identity, let y = b.identity { return x == y }
            return false
        }
    }

    /// `a < b` for the ordering operators (`op` only words the error).
    func lessThan(_ a: Value, _ b: Value, _ op: CompareOperator, swapped: Bool = false) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.str(let x), .str(let y)): return x.utf8.lexicographicallyPrecedes(y.utf8)  // = code point order
        case (.list(let x), .list(let y)): return try sequenceOrdered(x.items, y.items, op, strict: true)
        case (.tuple(let x), .tuple(let y)): return try sequenceOrdered(x, y, op, strict: true)
        case (.set(let x), .set(let y)): return x.count < y.count && isSubset(x, y)
        default:
            // Host objects and class instances order themselves (`sorted`, `max` come here).
            if op == .less || op == .greater {
                if case .host(let h) = a, let r = try h.compare(.less, b, self) { return try truthy(r) }
                if case .host(let h) = b, let r = try h.compare(.greater, a, self) { return try truthy(r) }
            }
            if let x = a.asDouble, let y = b.asDouble, !a.isHost, !b.isHost {
                if case .int(let i) = a, case .float(let d) = b { return Arithmetic.less(i, d) }
                if case .float(let d) = a, case .int(let i) = b { return Arithmetic.less(d, i) }
                return x < y
            }
            let (left, right) = swapped ? (b, a) : (a, b)
            throw PyException(.typeError, "'\(op.rawValue)' not supported between instances of '\(left.typeName)' and '\(right.typeName)'")
        }
    }

    /// `a <= b`: not simply `not b < a`, since NaN compares false both ways and sets are
    /// ordered by inclusion.
    func lessOrEqual(_ a: Value, _ b: Value, _ op: CompareOperator, swapped: Bool = false) throws -> Bool {
        switch (a, b) {
        case (.list(let x), .list(let y)): return try sequenceOrdered(x.items, y.items, op, strict: false)
        case (.tuple(let x), .tuple(let y)): return try sequenceOrdered(x, y, op, strict: false)
        case (.set(let x), .set(let y)): return x.count <= y.count && isSubset(x, y)
        case (.float(let x), _) where x.isNaN && b.asDouble != nil && !b.isHost: return false
        case (_, .float(let y)) where y.isNaN && a.asDouble != nil && !a.isHost: return false
        default: return try !lessThan(b, a, op, swapped: !swapped)
        }
    }

    private func isSubset(_ x: PySet, _ y: PySet) -> Bool {
        x.items.allSatisfy { (try? y.contains($0)) == true }
    }

    /// Sequences compare at their first differing item (with the operator itself), else by length.
    private func sequenceOrdered(_ x: [Value], _ y: [Value], _ op: CompareOperator, strict: Bool) throws -> Bool {
        try nested {
            for (p, q) in zip(x, y) where !(try itemEquals(p, q)) {
                return strict ? try lessThan(p, q, op) : try lessOrEqual(p, q, op)
            }
            return strict ? x.count < y.count : x.count <= y.count
        }
    }

    /// Equality as containers test their items: identity first, as CPython does, so a NaN
    /// held in a list equals itself (`[nan] == [nan]`, `nan in [nan]`), and an object whose
    /// `==` is elementwise (an array, a tensor) equals itself without being asked
    /// (`layer.weights == [layer.w, layer.b]`).
    func itemEquals(_ a: Value, _ b: Value) throws -> Bool {
        if identical(a, b) { return true }
        return try equals(a, b)
    }

    /// `needle in container`.
    func contains(_ container: Value, _ needle: Value) throws -> Bool {
        switch container {
        case .str(let s):
            guard case .str(let n) = needle else {
                throw PyException(.typeError, "'in <string>' requires string as left operand, not \(needle.typeName)")
            }
            return n.isEmpty || s.codePointRange(of: n) != nil
        case .list(let l):
            for item in l.items where try itemEquals(item, needle) { return true }
            return false
        case .tuple(let t):
            for item in t where try itemEquals(item, needle) { return true }
            return false
        case .dict(let d): return try d.contains(needle)
        case .set(let s): return try s.contains(needle)
        case .range(let r):
            if case .int(let i) = needle { return r.contains(i) }
            if case .bool(let b) = needle { return r.contains(b ? 1 : 0) }
            if case .float(let d) = needle, d.rounded() == d, abs(d) < 9e18 { return r.contains(Int(d)) }
            return false
        case .host(let h):
            if let r = try h.contains(needle, self) { return r }
        default:
            break
        }
        guard isIterable(container) else {
            throw PyException(.typeError, "argument of type '\(container.typeName)' is not iterable")
        }
        let next = try iterator(container)
        while let item = try next() {
            if try equals(item, needle) { return true }
        }
        return false
    }
}

extension Value {
    var isHost: Bool {
        if case .host = self { return true }
        return false
    }
}

/// Integer and float arithmetic with CPython's rules for division, modulo and powers.
enum Arithmetic {
    static func overflow() -> PyException {
        PyException(.overflowError, "integer overflow: Labbook integers are 64-bit")
    }

    static func integer(_ op: BinaryOperator, _ x: Int, _ y: Int) throws -> Value {
        switch op {
        case .add:
            let (r, o) = x.addingReportingOverflow(y)
            if o { throw overflow() }
            return .int(r)
        case .subtract:
            let (r, o) = x.subtractingReportingOverflow(y)
            if o { throw overflow() }
            return .int(r)
        case .multiply:
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if o { throw overflow() }
            return .int(r)
        case .trueDivide:
            if y == 0 { throw PyException(.zeroDivisionError, "division by zero") }
            return .float(Double(x) / Double(y))
        case .floorDivide:
            if y == 0 { throw PyException(.zeroDivisionError, "integer division or modulo by zero") }
            return .int(try floorDivide(x, y))
        case .modulo:
            if y == 0 { throw PyException(.zeroDivisionError, "integer modulo by zero") }
            return .int(modulo(x, y))
        case .power:
            if y < 0 {
                if x == 0 { throw PyException(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
                return .float(Foundation.pow(Double(x), Double(y)))
            }
            return .int(try power(x, y))
        case .leftShift:
            if y < 0 { throw PyException(.valueError, "negative shift count") }
            if x == 0 { return .int(0) }
            guard y < 63, (x << y) >> y == x else { throw overflow() }
            return .int(x << y)
        case .rightShift:
            if y < 0 { throw PyException(.valueError, "negative shift count") }
            return .int(y >= 64 ? (x < 0 ? -1 : 0) : x >> y)
        case .and: return .int(x & y)
        case .or: return .int(x | y)
        case .xor: return .int(x ^ y)
        case .matrixMultiply:
            throw PyException(.typeError, "unsupported operand type(s) for @: 'int' and 'int'")
        }
    }

    static func floorDivide(_ x: Int, _ y: Int) throws -> Int {
        if x == Int.min && y == -1 { throw overflow() }
        var q = x / y
        if x % y != 0 && ((x < 0) != (y < 0)) { q -= 1 }
        return q
    }

    static func modulo(_ x: Int, _ y: Int) -> Int {
        if y == -1 { return 0 }
        var r = x % y
        if r != 0 && ((r < 0) != (y < 0)) { r += y }
        return r
    }

    static func power(_ base: Int, _ exponent: Int) throws -> Int {
        var result = 1
        var b = base
        var e = exponent
        while e > 0 {
            if e & 1 == 1 {
                let (r, o) = result.multipliedReportingOverflow(by: b)
                if o { throw overflow() }
                result = r
            }
            e >>= 1
            if e > 0 {
                let (sq, o) = b.multipliedReportingOverflow(by: b)
                if o { throw overflow() }
                b = sq
            }
        }
        return result
    }

    /// Float arithmetic; nil for operators floats do not support.
    static func float(_ op: BinaryOperator, _ x: Double, _ y: Double) throws -> Value? {
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .trueDivide:
            if y == 0 { throw PyException(.zeroDivisionError, "float division by zero") }
            return .float(x / y)
        case .floorDivide:
            if y == 0 { throw PyException(.zeroDivisionError, "float floor division by zero") }
            return .float(divmod(x, y).quotient)
        case .modulo:
            if y == 0 { throw PyException(.zeroDivisionError, "float modulo") }
            return .float(divmod(x, y).remainder)
        case .power:
            return .float(try power(x, y))
        default:
            return nil
        }
    }

    /// CPython's float_divmod (`y` is nonzero: the callers raise first); infinities and NaNs
    /// follow from the same arithmetic (`inf // 3.0` is nan, `-5.0 // inf` is -1.0).
    static func divmod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
        FloatDivision.floorDivmod(x, y)
    }

    static func power(_ x: Double, _ y: Double) throws -> Double {
        if x == 0 && y < 0 { throw PyException(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
        if x < 0 && y != y.rounded() && y.isFinite {
            throw PyException(.valueError, "complex results are not supported in Labbook cells")
        }
        let r = Foundation.pow(x, y)
        if r.isInfinite && x.isFinite && y.isFinite {
            throw PyException(.overflowError, args: [.int(34), .str("Numerical result out of range")])
        }
        return r
    }

    /// `i < d`, exactly: an Int converted to Double can round, so compare against `d`'s floor.
    static func less(_ i: Int, _ d: Double) -> Bool { order(i, d) == .orderedAscending }

    /// `d < i`, exactly (see `order`).
    static func less(_ d: Double, _ i: Int) -> Bool { order(i, d) == .orderedDescending }

    /// Where `i` stands against `d` (nil when `d` is NaN), without converting `i` to Double:
    /// `i` is below `d` when it is below `d`'s floor, or at the floor with `d` above it.
    /// Past ±9.2e18 `d`'s floor would not fit an Int, so `d` counts as beyond every Int.
    static func order(_ i: Int, _ d: Double) -> ComparisonResult? {
        if d.isNaN { return nil }
        // Every Int lies in [-2^63, 2^63); inside it the double's floor is an exact Int.
        if d >= 0x1p63 { return .orderedAscending }
        if d < -0x1p63 { return .orderedDescending }
        let f = d.rounded(.down)
        let fi = Int(f)
        if i < fi || (i == fi && d > f) { return .orderedAscending }
        return i == fi ? .orderedSame : .orderedDescending
    }
}
