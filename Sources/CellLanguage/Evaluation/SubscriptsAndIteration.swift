/// Subscripts, slices and iteration.
extension Interpreter {
    /// Resolves a (possibly negative) index into `0..<count`, or nil if out of range.
    func normalizedIndex(_ index: Value, count: Int, typeName: String) throws -> Int? {
        guard let i = index.asInt, !index.isHost || index.asInt != nil else {
            throw PyException(.typeError, "\(typeName) indices must be integers or slices, not \(index.typeName)")
        }
        let j = i < 0 ? i + count : i
        return j >= 0 && j < count ? j : nil
    }

    public func getItem(_ object: Value, _ index: Value) throws -> Value {
        switch object {
        case .list(let l):
            if case .slice(let s) = index {
                return .list(PyList(try s.positions(length: l.items.count).map { l.items[$0] }))
            }
            guard let i = try normalizedIndex(index, count: l.items.count, typeName: "list") else {
                throw PyException(.indexError, "list index out of range")
            }
            return l.items[i]
        case .tuple(let t):
            if case .slice(let s) = index {
                return .tuple(try s.positions(length: t.count).map { t[$0] })
            }
            guard let i = try normalizedIndex(index, count: t.count, typeName: "tuple") else {
                throw PyException(.indexError, "tuple index out of range")
            }
            return t[i]
        case .str(let s):
            let count = codePoints.count(of: s)
            if case .slice(let sl) = index {
                let (start, stop, step) = try sl.indices(length: count)
                if step == 1 {
                    guard start < stop else { return .str("") }
                    return .str(String(s.unicodeScalars[codePoints.index(of: s, at: start)..<codePoints.index(of: s, at: stop)]))
                }
                var out = String.UnicodeScalarView()
                for p in stride(from: start, to: stop, by: step) { out.append(codePoints.scalar(of: s, at: p)) }
                return .str(String(out))
            }
            guard index.asInt != nil else {
                throw PyException(.typeError, "string indices must be integers, not '\(index.typeName)'")
            }
            guard let i = try normalizedIndex(index, count: count, typeName: "string") else {
                throw PyException(.indexError, "string index out of range")
            }
            return .str(String(Character(codePoints.scalar(of: s, at: i))))
        case .dict(let d):
            if let v = try d.get(index) { return v }
            throw PyException(.keyError, args: [index])
        case .range(let r):
            if case .slice(let s) = index {
                // CPython maps the clamped slice bounds through the range, without normalising.
                let (start, stop, step) = try s.indices(length: r.count)
                return .range(PyRange(start: r[start], stop: r[stop], step: try Arithmetic.integer(.multiply, r.step, step).asInt ?? 0))
            }
            guard let i = try normalizedIndex(index, count: r.count, typeName: "range") else {
                throw PyException(.indexError, "range object index out of range")
            }
            return .int(r[i])
        case .host(let h):
            return try h.getItem(index, self)
        case .type(let t):
            // `list[int]` and the like: a generic alias, shown as the plain type here. Only
            // the types with `__class_getitem__` take one.
            if case .builtin(let b) = t, ![.list, .tuple, .dict, .set, .frozenset, .type].contains(b) {
                throw PyException(.typeError, "type '\(b.rawValue)' is not subscriptable")
            }
            if case .exception(let e) = t { throw PyException(.typeError, "type '\(e.name)' is not subscriptable") }
            return .type(t)
        default:
            throw PyException(.typeError, "'\(object.typeName)' object is not subscriptable")
        }
    }

    public func setItem(_ object: Value, _ index: Value, _ value: Value) throws {
        switch object {
        case .list(let l):
            if case .slice(let s) = index {
                let (start, stop, step) = try s.indices(length: l.items.count)
                guard isIterable(value) else {
                    throw PyException(.typeError, step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice")
                }
                let replacement = try toArray(value)
                if step == 1 {
                    let upper = max(start, stop)
                    l.items.replaceSubrange(start..<upper, with: replacement)
                } else {
                    let positions = Array(stride(from: start, to: stop, by: step))
                    guard positions.count == replacement.count else {
                        throw PyException(.valueError, "attempt to assign sequence of size \(replacement.count) to extended slice of size \(positions.count)")
                    }
                    for (p, v) in zip(positions, replacement) { l.items[p] = v }
                }
                return
            }
            guard let i = try normalizedIndex(index, count: l.items.count, typeName: "list") else {
                throw PyException(.indexError, "list assignment index out of range")
            }
            l.items[i] = value
        case .dict(let d):
            try d.set(index, value)
        case .host(let h):
            try h.setItem(index, value, self)
        default:
            throw PyException(.typeError, "'\(object.typeName)' object does not support item assignment")
        }
    }

    func deleteItem(_ object: Value, _ index: Value) throws {
        switch object {
        case .list(let l):
            if case .slice(let s) = index {
                let positions = Set(try s.positions(length: l.items.count))
                l.items = l.items.enumerated().filter { !positions.contains($0.offset) }.map(\.element)
                return
            }
            guard let i = try normalizedIndex(index, count: l.items.count, typeName: "list") else {
                throw PyException(.indexError, "list assignment index out of range")
            }
            l.items.remove(at: i)
        case .dict(let d):
            if try d.remove(index) == nil { throw PyException(.keyError, args: [index]) }
        case .host(let i as PyInstance) where i.cls.lookup("__delitem__") != nil:
            _ = try i.special("__delitem__", index)
        default:
            throw PyException(.typeError, "'\(object.typeName)' object doesn't support item deletion")
        }
    }

    // MARK: Iteration

    func isIterable(_ v: Value) -> Bool {
        switch v {
        case .list, .tuple, .str, .dict, .set, .range, .iterator, .host: return true
        default: return false
        }
    }

    /// Calls `body` with each item of `v` until it returns false. Ranges, lists and tuples
    /// are walked without allocating an iterator (the hot path of `for` loops).
    func forEachItem(_ v: Value, _ body: (Value) throws -> Bool) throws {
        switch v {
        case .range(let r):
            var i = r.start
            if r.step > 0 {
                while i < r.stop {
                    if !(try body(.int(i))) { return }
                    // Past Int.max means past the stop: the range is over.
                    let (next, overflow) = i.addingReportingOverflow(r.step)
                    if overflow { return }
                    i = next
                }
            } else {
                while i > r.stop {
                    if !(try body(.int(i))) { return }
                    let (next, overflow) = i.addingReportingOverflow(r.step)
                    if overflow { return }
                    i = next
                }
            }
        case .list(let l):
            var i = 0
            while i < l.items.count {
                if !(try body(l.items[i])) { return }
                i += 1
            }
        case .tuple(let t):
            for item in t where !(try body(item)) { return }
        default:
            let next = try iterator(v)
            while let item = try next() {
                if !(try body(item)) { return }
            }
        }
    }

    /// A function returning successive items of `v`, nil when exhausted.
    func iterator(_ v: Value) throws -> () throws -> Value? {
        switch v {
        case .range(let r):
            let cursor = Cursor(r.start)
            let step = r.step
            let stop = r.stop
            if step > 0 {
                return {
                    let i = cursor.value
                    guard i < stop else { return nil }
                    let (next, overflow) = i.addingReportingOverflow(step)
                    cursor.value = overflow ? stop : next
                    return .int(i)
                }
            }
            return {
                let i = cursor.value
                guard i > stop else { return nil }
                let (next, overflow) = i.addingReportingOverflow(step)
                cursor.value = overflow ? stop : next
                return .int(i)
            }
        case .list(let l):
            let cursor = Cursor(0)
            return {
                let i = cursor.value
                guard i < l.items.count else { return nil }
                cursor.value = i + 1
                return l.items[i]
            }
        case .tuple(let t):
            let cursor = Cursor(0)
            return {
                let i = cursor.value
                guard i < t.count else { return nil }
                cursor.value = i + 1
                return t[i]
            }
        case .str(let s):
            var it = s.unicodeScalars.makeIterator()
            return { it.next().map { .str(String(Character($0))) } }
        case .dict(let d):
            let keys = d.keys
            var i = 0
            return {
                guard d.count == keys.count else {
                    throw PyException(.runtimeError, "dictionary changed size during iteration")
                }
                guard i < keys.count else { return nil }
                i += 1
                return keys[i - 1]
            }
        case .set(let s):
            let items = s.items
            var i = 0
            return {
                guard s.count == items.count else { throw PyException(.runtimeError, "Set changed size during iteration") }
                guard i < items.count else { return nil }
                i += 1
                return items[i - 1]
            }
        case .iterator(let it):
            return { try it.next() }
        case .host(let h):
            let it = try h.iterate(self)
            return { try it.next() }
        default:
            throw PyException(.typeError, "'\(v.typeName)' object is not iterable")
        }
    }

    /// All items of an iterable (`list(v)`).
    public func toArray(_ v: Value) throws -> [Value] {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t
        default:
            if case .range(let r) = v { try MemoryLimit.check(count: r.count, stride: MemoryLayout<Value>.stride) }
            let next = try iterator(v)
            var out: [Value] = []
            while let item = try next() {
                try tickDeadline()
                out.append(item)
            }
            return out
        }
    }

    /// An iterator object over `v` (`iter(v)`).
    public func makeIterator(_ v: Value) throws -> PyIterator {
        if case .iterator(let it) = v { return it }
        let next = try iterator(v)
        let name: String
        switch v {
        case .list: name = "list_iterator"
        case .tuple: name = "tuple_iterator"
        case .str: name = "str_ascii_iterator"
        case .dict: name = "dict_keyiterator"
        case .set: name = "set_iterator"
        case .range: name = "range_iterator"
        default: name = "iterator"
        }
        return PyIterator(name, next)
    }
}

/// An iteration position behind a `let` pointer: closures that capture a `var` pay a
/// dynamic exclusivity check on every step, this does not.
final class Cursor {
    private let pointer = UnsafeMutablePointer<Int>.allocate(capacity: 1)
    init(_ start: Int) { pointer.initialize(to: start) }
    deinit { pointer.deallocate() }
    var value: Int {
        @inline(__always) get { pointer.pointee }
        @inline(__always) set { pointer.pointee = newValue }
    }
}
