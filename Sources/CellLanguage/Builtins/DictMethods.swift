/// `dict` methods, and the `dict_keys`/`dict_values`/`dict_items` views.
enum DictMethods {
    static func call(_ d: PyDict, _ name: String, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        let qualified = "dict." + name
        switch name {
        case "keys", "values", "items":
            _ = try Methods.positional(args, qualified, min: 0, max: 0)
            let kind: DictView.Kind = name == "keys" ? .keys : name == "values" ? .values : .items
            return .host(DictView(d, kind))
        case "get":
            let a = try Methods.positional(args, qualified, min: 1, max: 2)
            return try d.get(a[0]) ?? (a.count > 1 ? a[1] : .none)
        case "pop":
            let a = try Methods.positional(args, qualified, min: 1, max: 2)
            if let v = try d.remove(a[0]) { return v }
            if a.count > 1 { return a[1] }
            throw PyException(.keyError, args: [a[0]])
        case "setdefault":
            let a = try Methods.positional(args, qualified, min: 1, max: 2)
            if let v = try d.get(a[0]) { return v }
            let v = a.count > 1 ? a[1] : .none
            try d.set(a[0], v)
            return v
        case "update":
            if args.positional.count > 1 {
                throw PyException(.typeError, "update expected at most 1 argument, got \(args.positional.count)")
            }
            if let source = args.positional.first { try merge(source, into: d, interp) }
            for (k, v) in args.keywords { try d.set(.str(k), v) }
            return .none
        case "copy":
            _ = try Methods.positional(args, qualified, min: 0, max: 0)
            return .dict(d.copy())
        case "clear":
            _ = try Methods.positional(args, qualified, min: 0, max: 0)
            d.removeAll()
            return .none
        case "popitem":
            _ = try Methods.positional(args, qualified, min: 0, max: 0)
            guard let last = d.keys.last else { throw PyException(.keyError, "popitem(): dictionary is empty") }
            let v = try d.remove(last) ?? .none
            return .tuple([last, v])
        case "fromkeys":
            return try fromKeys(args, interp)
        default:
            throw PyException(.attributeError, "'dict' object has no attribute '\(name)'")
        }
    }

    static func fromKeys(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let a = try Methods.positional(args, "fromkeys", min: 1, max: 2)
        let d = PyDict()
        for k in try interp.toArray(a[0]) { try d.set(k, a.count > 1 ? a[1] : .none) }
        return .dict(d)
    }

    /// `dict.update(source)` / `dict(source)`: a mapping or an iterable of pairs.
    static func merge(_ source: Value, into d: PyDict, _ interp: Interpreter) throws {
        if case .dict(let other) = source {
            for (k, v) in other.entries { try d.set(k, v) }
            return
        }
        guard interp.isIterable(source) else {
            throw PyException(.typeError, "'\(source.typeName)' object is not iterable")
        }
        for (i, item) in try interp.toArray(source).enumerated() {
            let pair: [Value]
            switch item {
            case .tuple(let t): pair = t
            case .list(let l): pair = l.items
            default:
                guard interp.isIterable(item) else {
                    throw PyException(.typeError, "cannot convert dictionary update sequence element #\(i) to a sequence")
                }
                pair = try interp.toArray(item)
            }
            guard pair.count == 2 else {
                throw PyException(.valueError, "dictionary update sequence element #\(i) has length \(pair.count); 2 is required")
            }
            try d.set(pair[0], pair[1])
        }
    }
}

/// A live view of a dict's keys, values or items: `dict_keys(['a', 'b'])`.
final class DictView: HostObject {
    enum Kind { case keys, values, items }
    let dict: PyDict
    let kind: Kind

    init(_ dict: PyDict, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }

    var typeName: String {
        switch kind {
        case .keys: return "dict_keys"
        case .values: return "dict_values"
        case .items: return "dict_items"
        }
    }

    var elements: [Value] {
        switch kind {
        case .keys: return dict.keys
        case .values: return dict.values
        case .items: return dict.entries.map { .tuple([$0.key, $0.value]) }
        }
    }

    var repr: String { typeName + "(" + Value.list(PyList(elements)).repr + ")" }

    func length() throws -> Int { dict.count }

    func iterate(_ interpreter: Interpreter) throws -> PyIterator {
        PyIterator(typeName.replacingOccurrences(of: "dict_", with: "dict_") + "iterator", values: elements)
    }

    func isTruthy() throws -> Bool { dict.count > 0 }

    func contains(_ value: Value, _ interpreter: Interpreter) throws -> Bool? {
        if kind == .keys { return try dict.contains(value) }
        for e in elements where try interpreter.equals(e, value) { return true }
        return false
    }

    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard kind != .values, op == .equal || op == .notEqual else { return nil }
        let mine = try PySet(elements)
        let theirs: PySet
        switch other {
        case .set(let s): theirs = s
        case .host(let h as DictView): theirs = try PySet(h.elements)
        default: return .bool(op == .notEqual)
        }
        let equal = Value.set(mine).pyEquals(.set(theirs))
        return .bool(op == .equal ? equal : !equal)
    }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool,
                         _ interpreter: Interpreter) throws -> Value? {
        guard kind != .values, [.and, .or, .subtract, .xor].contains(op) else { return nil }
        let mine = Value.set(try PySet(elements))
        let theirs = Value.set(try PySet(try interpreter.toArray(other)))
        return try interpreter.binary(op, reflected ? theirs : mine, reflected ? mine : theirs)
    }
}
