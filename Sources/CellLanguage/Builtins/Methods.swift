/// Methods of the builtin types, dispatched by receiver type and name.
enum Methods {
    static let strMethods: Set<String> = [
        "split", "rsplit", "join", "strip", "lstrip", "rstrip", "replace", "startswith", "endswith",
        "upper", "lower", "title", "capitalize", "swapcase", "casefold", "find", "rfind", "index",
        "rindex", "count", "format", "zfill", "ljust", "rjust", "center", "splitlines", "isdigit",
        "isalpha", "isspace", "isalnum", "isnumeric", "isdecimal", "isupper", "islower", "istitle",
        "isidentifier", "partition", "rpartition", "removeprefix", "removesuffix", "expandtabs",
        "format_map", "encode",
    ]
    static let listMethods: Set<String> = [
        "append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "copy", "clear",
    ]
    static let dictMethods: Set<String> = [
        "keys", "values", "items", "get", "pop", "setdefault", "update", "copy", "clear", "fromkeys", "popitem",
    ]
    static let setMethods: Set<String> = [
        "add", "discard", "remove", "pop", "union", "intersection", "difference", "symmetric_difference",
        "issubset", "issuperset", "isdisjoint", "update", "intersection_update", "difference_update",
        "symmetric_difference_update", "copy", "clear",
    ]
    static let frozensetMethods: Set<String> = [
        "union", "intersection", "difference", "symmetric_difference", "issubset", "issuperset",
        "isdisjoint", "copy",
    ]

    static func exists(_ object: Value, _ name: String) -> Bool {
        switch object {
        case .str: return strMethods.contains(name)
        case .list: return listMethods.contains(name)
        case .dict: return dictMethods.contains(name)
        case .set(let s): return (s.frozen ? frozensetMethods : setMethods).contains(name)
        case .tuple, .range: return name == "count" || name == "index"
        case .float: return name == "is_integer" || name == "conjugate" || name == "hex" || name == "as_integer_ratio"
        case .int: return name == "bit_length" || name == "conjugate"
        case .exception: return name == "with_traceback"
        case .iterator: return name == "__next__"
        case .type(.builtin(.dict)): return name == "fromkeys"
        case .type(.builtin(.str)): return strMethods.contains(name)
        default: return false
        }
    }

    /// Calls the method, or returns nil if the receiver is not a builtin type with it.
    static func call(_ object: Value, _ name: String, _ args: Arguments, _ interpreter: Interpreter) throws -> Value? {
        switch object {
        case .str(let s):
            guard strMethods.contains(name) else { return nil }
            return try StrMethods.call(s, name, args, interpreter)
        case .list(let l):
            guard listMethods.contains(name) else { return nil }
            return try ListMethods.call(l, name, args, interpreter)
        case .dict(let d):
            guard dictMethods.contains(name) else { return nil }
            return try DictMethods.call(d, name, args, interpreter)
        case .set(let s):
            guard exists(object, name) else { return nil }
            return try SetMethods.call(s, name, args, interpreter)
        case .tuple(let t):
            guard name == "count" || name == "index" else { return nil }
            return try ListMethods.call(PyList(t), name, args, interpreter, typeName: "tuple")
        case .range(let r):
            guard name == "count" || name == "index" else { return nil }
            let a = try positional(args, "range.\(name)", min: 1, max: 1)
            let position: Int? = try interpreter.contains(object, a[0]) ? (Int(a[0].asDouble ?? 0) - r.start) / r.step : nil
            if name == "count" { return .int(position == nil ? 0 : 1) }
            guard let position else { throw PyException(.valueError, "\(a[0].repr) is not in range") }
            return .int(position)
        case .float(let d):
            switch name {
            case "is_integer":
                try args.expectExactly(0, name)
                return .bool(d.isFinite && d.rounded() == d)
            case "conjugate": return object
            default: return nil
            }
        case .int(let i):
            switch name {
            case "bit_length":
                try args.expectExactly(0, name)
                return .int(i == 0 ? 0 : Int.bitWidth - i.magnitude.leadingZeroBitCount)
            case "conjugate": return object
            default: return nil
            }
        case .iterator(let it) where name == "__next__":
            if let v = try it.next() { return v }
            throw PyException(.stopIteration, args: [])
        case .type(.builtin(.dict)) where name == "fromkeys":
            return try DictMethods.fromKeys(args, interpreter)
        case .type(.builtin(.str)) where strMethods.contains(name):
            // `str.upper(s)`: the unbound method form.
            guard let first = args.positional.first else {
                throw PyException(.typeError, "unbound method str.\(name)() needs an argument")
            }
            guard case .str(let s) = first else {
                throw PyException(.typeError, "descriptor '\(name)' for 'str' objects doesn't apply to a '\(first.typeName)' object")
            }
            return try StrMethods.call(s, name, Arguments(Array(args.positional.dropFirst()), keywords: args.keywords), interpreter)
        default:
            return nil
        }
    }

    /// The positional arguments of a builtin method, checked against CPython's counts:
    /// `insert expected 2 arguments, got 0`.
    static let oldStyleArity: Set<String> = [
        "str.count", "str.find", "str.rfind", "str.index", "str.rindex", "str.startswith", "str.endswith",
    ]

    static func positional(_ args: Arguments, _ name: String, min: Int, max: Int) throws -> [Value] {
        let qualified = name
        if !args.keywords.isEmpty {
            throw PyException(.typeError, "\(name)() takes no keyword arguments")
        }
        let n = args.positional.count
        if n < min || n > max {
            // `name` is qualified (`list.append`); CPython qualifies only some messages.
            // (Computed here, on the error path only: splitting costs on every method call.)
            let short = name.split(separator: ".").last.map(String.init) ?? name
            if min == max {
                if min == 0 { throw PyException(.typeError, "\(name)() takes no arguments (\(n) given)") }
                if min == 1 { throw PyException(.typeError, "\(name)() takes exactly one argument (\(n) given)") }
                throw PyException(.typeError, "\(short) expected \(min) arguments, got \(n)")
            }
            let name = short
            if oldStyleArity.contains(qualified) {
                // These str methods still parse their arguments the pre-clinic way.
                let (bound, word) = n < min ? (min, "least") : (max, "most")
                throw PyException(.typeError, "\(name)() takes at \(word) \(bound) argument\(bound == 1 ? "" : "s") (\(n) given)")
            }
            if n < min {
                throw PyException(.typeError, "\(name) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(n)")
            }
            throw PyException(.typeError, "\(name) expected at most \(max) argument\(max == 1 ? "" : "s"), got \(n)")
        }
        return args.positional
    }
}
