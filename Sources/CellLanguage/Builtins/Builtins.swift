import Foundation

/// The builtin functions and type objects every cell sees.
enum Builtins {
    static func make() -> [String: Value] {
        var table: [String: Value] = [:]
        for t in BuiltinType.allCases where ![.noneType, .function, .builtinFunction, .method, .module].contains(t) {
            table[t.rawValue] = .type(.builtin(t))
        }
        for e in ExceptionType.allCases where e.isBuiltin { table[e.name] = .type(.exception(e)) }
        // Cells run as Jupyter's `__main__`, so `if __name__ == '__main__':` blocks run.
        table["__name__"] = .str("__main__")
        func define(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
            table[name] = .builtin(BuiltinFunction(name, body))
        }
        define("print", print)
        ClassBuiltins.add(to: &table)
        define("open", TextFile.open)
        define("len") { args, interp in
            try args.expectExactly(1, "len")
            return .int(try interp.length(args.positional[0]))
        }
        define("repr") { args, interp in
            try args.expectExactly(1, "repr")
            return .str(try interp.repr(args.positional[0]))
        }
        define("ascii") { args, interp in
            try args.expectExactly(1, "ascii")
            return .str(interp.ascii(try interp.repr(args.positional[0])))
        }
        define("abs") { args, interp in
            try args.expectExactly(1, "abs")
            switch args.positional[0] {
            case .int(let i):
                if i == Int.min { throw Arithmetic.overflow() }
                return .int(abs(i))
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let d): return .float(abs(d))
            case .host(let h):
                if let d = h.asDouble { return .float(abs(d)) }
                fallthrough
            default:
                throw PyException(.typeError, "bad operand type for abs(): '\(args.positional[0].typeName)'")
            }
        }
        define("min") { args, interp in try extreme("min", args, interp) }
        define("max") { args, interp in try extreme("max", args, interp) }
        define("sum", sum)
        define("round", round)
        define("enumerate") { args, interp in
            let b = try args.bind("enumerate", ["iterable", HostParameter("start", default: .int(0))])
            let next = try interp.iterator(b["iterable"])
            guard var i = b["start"].asInt else {
                throw PyException(.typeError, "'\(b["start"].typeName)' object cannot be interpreted as an integer")
            }
            // The count passes Int.max only if another item follows (CPython has big ints there).
            var pastIntMax = false
            return .iterator(PyIterator("enumerate") {
                guard let v = try next() else { return nil }
                if pastIntMax { throw Arithmetic.overflow() }
                let item = Value.tuple([.int(i), v])
                (i, pastIntMax) = i.addingReportingOverflow(1)
                return item
            })
        }
        define("zip") { args, interp in
            let strict = args.keyword("strict")?.isTruthy ?? false
            let iterators = try args.positional.enumerated().map { (i, v) -> () throws -> Value? in
                _ = i
                return try interp.iterator(v)
            }
            return .iterator(PyIterator("zip") {
                guard !iterators.isEmpty else { return nil }
                var items: [Value] = []
                for (i, next) in iterators.enumerated() {
                    guard let v = try next() else {
                        if strict && i > 0 {
                            throw PyException(.valueError, "zip() argument \(i + 1) is shorter than argument\(i > 1 ? "s 1-\(i)" : " 1")")
                        }
                        if strict && i == 0 {
                            for (j, other) in iterators.enumerated().dropFirst() where try other() != nil {
                                throw PyException(.valueError, "zip() argument \(j + 1) is longer than argument\(j > 1 ? "s 1-\(j)" : " 1")")
                            }
                        }
                        return nil
                    }
                    items.append(v)
                }
                return .tuple(items)
            })
        }
        define("sorted") { args, interp in
            guard args.positional.count == 1 else {
                throw PyException(.typeError, "sorted expected 1 argument, got \(args.positional.count)")
            }
            let b = try Arguments([], keywords: args.keywords).bind("sorted", [
                HostParameter("key", default: .none, keywordOnly: true),
                HostParameter("reverse", default: .bool(false), keywordOnly: true)])
            let items = try interp.toArray(args.positional[0])
            return .list(PyList(try ListSort.sorted(items, key: b["key"], reverse: try interp.truthy(b["reverse"]), interp)))
        }
        define("reversed") { args, interp in
            try args.expectExactly(1, "reversed")
            let v = args.positional[0]
            switch v {
            case .list, .tuple, .str, .range, .dict:
                return .iterator(PyIterator(v.isRange ? "range_iterator" : "list_reverseiterator",
                                            values: try interp.toArray(v).reversed()))
            case .host(let h):
                return .iterator(PyIterator("reversed", values: try interp.toArray(.host(h)).reversed()))
            default:
                throw PyException(.typeError, "'\(v.typeName)' object is not reversible")
            }
        }
        define("isinstance") { args, interp in
            try args.expectExactly(2, "isinstance")
            return .bool(try isInstance(args.positional[0], args.positional[1]))
        }
        define("issubclass") { args, _ in
            try args.expectExactly(2, "issubclass")
            if case .host(let c as PyClass) = args.positional[0] { return .bool(try classMatches(c, args.positional[1])) }
            guard case .type(let t) = args.positional[0] else {
                throw PyException(.typeError, "issubclass() arg 1 must be a class")
            }
            return .bool(try typeMatches(t, args.positional[1]))
        }
        define("format") { args, interp in
            let b = try args.bind("format", ["value", HostParameter("format_spec", default: .str(""))])
            guard case .str(let spec) = b["format_spec"] else {
                throw PyException(.typeError, "format() argument 2 must be str, not \(b["format_spec"].typeName)")
            }
            return .str(try interp.format(b["value"], spec))
        }
        define("any") { args, interp in
            try args.expectExactly(1, "any")
            let next = try interp.iterator(args.positional[0])
            while let v = try next() {
                try interp.tickDeadline()
                if try interp.truthy(v) { return .bool(true) }
            }
            return .bool(false)
        }
        define("all") { args, interp in
            try args.expectExactly(1, "all")
            let next = try interp.iterator(args.positional[0])
            while let v = try next() {
                try interp.tickDeadline()
                if !(try interp.truthy(v)) { return .bool(false) }
            }
            return .bool(true)
        }
        define("map") { args, interp in
            guard args.positional.count >= 2 else {
                throw PyException(.typeError, "map() must have at least two arguments.")
            }
            let f = args.positional[0]
            let iterators = try args.positional.dropFirst().map { try interp.iterator($0) }
            return .iterator(PyIterator("map") {
                var items: [Value] = []
                for next in iterators {
                    guard let v = try next() else { return nil }
                    items.append(v)
                }
                return try interp.call(f, Arguments(items))
            })
        }
        define("filter") { args, interp in
            try args.expectExactly(2, "filter")
            let f = args.positional[0]
            let next = try interp.iterator(args.positional[1])
            return .iterator(PyIterator("filter") {
                while let v = try next() {
                    let keep = f.isNone ? v : try interp.call(f, Arguments([v]))
                    if try interp.truthy(keep) { return v }
                }
                return nil
            })
        }
        define("divmod") { args, interp in
            try args.expectExactly(2, "divmod")
            let (a, b) = (args.positional[0], args.positional[1])
            if a.isFloat || b.isFloat, let divisor = b.asDouble, divisor == 0, a.asDouble != nil {
                throw PyException(.zeroDivisionError, "float divmod()")
            }
            return .tuple([try interp.binary(.floorDivide, a, b), try interp.binary(.modulo, a, b)])
        }
        define("pow") { args, interp in
            let b = try args.bind("pow", ["base", "exp", HostParameter("mod", default: .none)])
            if case .none = b["mod"] { return try interp.binary(.power, b["base"], b["exp"]) }
            guard let x = b["base"].asInt, let y = b["exp"].asInt, let m = b["mod"].asInt else {
                throw PyException(.typeError, "pow() 3rd argument not allowed unless all arguments are integers")
            }
            if m == 0 { throw PyException(.valueError, "pow() 3rd argument cannot be 0") }
            if y < 0 { throw PyException(.valueError, "base is not invertible for the given modulus") }
            var result = 1 % abs(m), base = Arithmetic.modulo(x, abs(m)), e = y
            while e > 0 {
                if e & 1 == 1 { result = Int((Int64(result).multipliedFullWidth(by: Int64(base))).low % UInt64(abs(m))) }
                base = Int((Int64(base).multipliedFullWidth(by: Int64(base))).low % UInt64(abs(m)))
                e >>= 1
            }
            return .int(m < 0 && result != 0 ? result + m : result)
        }
        define("hash") { args, _ in
            try args.expectExactly(1, "hash")
            return .int(try PythonHash.hash(args.positional[0]))
        }
        define("id") { args, _ in
            try args.expectExactly(1, "id")
            let v = args.positional[0]
            if let identity = v.identity { return .int(ObjectAddresses.address(of: identity)) }
            return .int(abs((try? PythonHash.hash(v)) ?? 0))
        }
        define("iter") { args, interp in
            try args.expectExactly(1, "iter")
            // A cell class's `__iter__` result is returned as it is (often the instance itself).
            if case .host(let instance as PyInstance) = args.positional[0], let result = try instance.special("__iter__") {
                switch result {
                case .iterator: return result
                case .host(let other as PyInstance) where other.cls.lookup("__next__") != nil: return result
                default: throw PyException(.typeError, "iter() returned non-iterator of type '\(result.typeName)'")
                }
            }
            return .iterator(try interp.makeIterator(args.positional[0]))
        }
        define("next") { args, interp in
            guard (1...2).contains(args.positional.count) else {
                throw PyException(.typeError, "next expected at least 1 argument, got \(args.positional.count)")
            }
            let hasDefault = args.positional.count == 2
            switch args.positional[0] {
            case .iterator(let it):
                if let g = it.generator {
                    if let v = try g.step(.send(.none)) { return v }
                    if hasDefault { return args.positional[1] }
                    throw g.stopIteration()
                }
                if let v = try it.next() { return v }
            case .host(let instance as PyInstance) where instance.cls.lookup("__next__") != nil:
                do {
                    return try instance.special("__next__") ?? .none
                } catch let e as PyException where e.type == .stopIteration && hasDefault {
                    return args.positional[1]
                }
            default:
                throw PyException(.typeError, "'\(args.positional[0].typeName)' object is not an iterator")
            }
            if hasDefault { return args.positional[1] }
            throw PyException(.stopIteration, args: [])
        }
        define("chr") { args, _ in
            try args.expectExactly(1, "chr")
            guard let i = args.positional[0].asInt else {
                throw PyException(.typeError, "'\(args.positional[0].typeName)' object cannot be interpreted as an integer")
            }
            guard i >= 0, i < 0x110000, let scalar = Unicode.Scalar(UInt32(i)) else {
                throw PyException(.valueError, "chr() arg not in range(0x110000)")
            }
            return .str(String(Character(scalar)))
        }
        define("ord") { args, _ in
            try args.expectExactly(1, "ord")
            guard case .str(let s) = args.positional[0] else {
                throw PyException(.typeError, "ord() expected string of length 1, but \(args.positional[0].typeName) found")
            }
            guard s.unicodeScalars.count == 1, let c = s.unicodeScalars.first else {
                throw PyException(.typeError, "ord() expected a character, but string of length \(s.unicodeScalars.count) found")
            }
            return .int(Int(c.value))
        }
        for (name, radix, prefix) in [("hex", 16, "0x"), ("bin", 2, "0b"), ("oct", 8, "0o")] {
            define(name) { args, _ in
                try args.expectExactly(1, name)
                guard let i = args.positional[0].asInt, !(args.positional[0].isFloat) else {
                    throw PyException(.typeError, "'\(args.positional[0].typeName)' object cannot be interpreted as an integer")
                }
                return .str((i < 0 ? "-" : "") + prefix + String(i.magnitude, radix: radix))
            }
        }
        define("callable") { args, interp in
            try args.expectExactly(1, "callable")
            return .bool(interp.isCallable(args.positional[0]))
        }
        define("getattr") { args, interp in
            guard (2...3).contains(args.positional.count) else {
                throw PyException(.typeError, "getattr expected at least 2 arguments, got \(args.positional.count)")
            }
            guard case .str(let name) = args.positional[1] else {
                throw PyException(.typeError, "attribute name must be string, not '\(args.positional[1].typeName)'")
            }
            do {
                return try interp.getAttribute(args.positional[0], name)
            } catch let e as PyException where e.type == .attributeError && args.positional.count == 3 {
                return args.positional[2]
            }
        }
        define("hasattr") { args, interp in
            try args.expectExactly(2, "hasattr")
            guard case .str(let name) = args.positional[1] else {
                throw PyException(.typeError, "attribute name must be string, not '\(args.positional[1].typeName)'")
            }
            do {
                _ = try interp.getAttribute(args.positional[0], name)
                return .bool(true)
            } catch let e as PyException where e.type == .attributeError {
                return .bool(false)
            }
        }
        define("setattr") { args, interp in
            try args.expectExactly(3, "setattr")
            guard case .str(let name) = args.positional[1] else {
                throw PyException(.typeError, "attribute name must be string, not '\(args.positional[1].typeName)'")
            }
            try interp.setAttribute(args.positional[0], name, args.positional[2])
            return .none
        }
        return table
    }

    static func print(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        var sep = " "
        var end = "\n"
        for (name, v) in args.keywords {
            switch name {
            case "sep", "end":
                let text: String
                switch v {
                case .none: text = name == "sep" ? " " : "\n"
                case .str(let s): text = s
                default: throw PyException(.typeError, "\(name) must be None or a string, not \(v.typeName)")
                }
                if name == "sep" { sep = text } else { end = text }
            case "file", "flush": break
            default: throw PyException(.typeError, "'\(name)' is an invalid keyword argument for print()")
            }
        }
        interp.write(try args.positional.map { try interp.str($0) }.joined(separator: sep) + end)
        return .none
    }

    static func extreme(_ name: String, _ args: Arguments, _ interp: Interpreter) throws -> Value {
        var key: Value = .none
        var defaultValue: Value?
        for (k, v) in args.keywords {
            switch k {
            case "key": key = v
            case "default": defaultValue = v
            default: throw PyException(.typeError, "'\(k)' is an invalid keyword argument for \(name)()")
            }
        }
        let items: [Value]
        if args.positional.count == 1 {
            items = try interp.toArray(args.positional[0])
        } else if args.positional.isEmpty {
            throw PyException(.typeError, "\(name) expected at least 1 argument, got 0")
        } else {
            if defaultValue != nil {
                throw PyException(.typeError, "Cannot specify a default for \(name)() with multiple positional arguments")
            }
            items = args.positional
        }
        guard var best = items.first else {
            if let defaultValue { return defaultValue }
            throw PyException(.valueError, "\(name)() arg is an empty sequence")
        }
        var bestKey = key.isNone ? best : try interp.call(key, Arguments([best]))
        for item in items.dropFirst() {
            try interp.tickDeadline()
            let k = key.isNone ? item : try interp.call(key, Arguments([item]))
            let better = name == "min" ? try interp.lessThan(k, bestKey, .less)
                                       : try interp.lessThan(bestKey, k, .greater, swapped: true)
            if better {
                best = item
                bestKey = k
            }
        }
        return best
    }

    static func sum(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let b = try args.bind("sum", ["iterable", HostParameter("start", default: .int(0))])
        var total = b["start"]
        if case .str = total {
            throw PyException(.typeError, "sum() can't sum strings [use ''.join(seq) instead]")
        }
        let next = try interp.iterator(b["iterable"])
        while let v = try next() {
            try interp.tickDeadline()
            if case .int(let x) = total, case .int(let y) = v {
                let (r, o) = x.addingReportingOverflow(y)
                if !o { total = .int(r); continue }
            }
            if case .float(let x) = total, case .float(let y) = v {
                total = .float(x + y)
                continue
            }
            total = try interp.binary(.add, total, v)
        }
        return total
    }

    static func round(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let b = try args.bind("round", ["number", HostParameter("ndigits", default: .none)])
        let number = b["number"]
        let digits = b["ndigits"]
        switch number {
        case .int, .bool:
            let i = number.asInt ?? 0
            guard case .int(let n) = digits else { return .int(i) }
            return .int(PyFormat.round(i, ndigits: n))
        case .float(let d):
            if case .none = digits {
                return .int(try ValueFormatting.lift { () throws(FormatError) in try PyFormat.roundHalfEven(d) })
            }
            guard let n = digits.asInt else {
                throw PyException(.typeError, "'\(digits.typeName)' object cannot be interpreted as an integer")
            }
            return .float(ValueFormatting.round(d, n))
        case .host(let h):
            if let d = h.asDouble {
                return try round(Arguments([.float(d)] + (digits.isNone ? [] : [digits])), interp)
            }
            fallthrough
        default:
            throw PyException(.typeError, "type \(number.typeName) doesn't define __round__ method")
        }
    }

    /// `isinstance(value, spec)` where spec is a type or a tuple of types.
    static func isInstance(_ value: Value, _ spec: Value) throws -> Bool {
        try matchesAny(spec, orThrow: "isinstance() arg 2 must be a type, a tuple of types, or a union") { spec in
            switch spec {
            case .host(let c as PyClass):
                if case .host(let i as PyInstance) = value { return i.cls.isSubclass(of: c) }
                if case .exception(let e) = value, let i = e.instance { return i.cls.isSubclass(of: c) }
                return false
            case .type(let t):
                switch t {
                case .builtin(.object): return true
                case .builtin(.int): return value.pythonType == .builtin(.int) || value.pythonType == .builtin(.bool)
                case .exception(let e):
                    if case .exception(let x) = value { return x.type.isSubclass(of: e) }
                    return false
                default: return value.pythonType == t
                }
            default: return nil
            }
        }
    }

    /// `issubclass(c, spec)` for a class defined in a cell.
    static func classMatches(_ c: PyClass, _ spec: Value) throws -> Bool {
        try matchesAny(spec, orThrow: issubclassSpecError) { spec in
            switch spec {
            case .host(let other as PyClass): return c.isSubclass(of: other)
            case .type(.builtin(.object)): return true
            case .type(.exception(let t)): return c.exceptionBase?.isSubclass(of: t) ?? false
            case .type: return false
            default: return nil
            }
        }
    }

    /// `issubclass(t, spec)` for a builtin or exception type.
    static func typeMatches(_ t: PyType, _ spec: Value) throws -> Bool {
        try matchesAny(spec, orThrow: issubclassSpecError) { spec in
            guard case .type(let s) = spec else { return nil }
            if s == t || s == .builtin(.object) { return true }
            if case .exception(let a) = t, case .exception(let b) = s { return a.isSubclass(of: b) }
            return t == .builtin(.bool) && s == .builtin(.int)
        }
    }

    private static let issubclassSpecError = "issubclass() arg 2 must be a class, a tuple of classes, or a union"

    /// The second argument of `isinstance` and `issubclass`: a tuple matches when any of its
    /// items does (nested tuples too, left to right, stopping at the first match); anything
    /// else is answered by `single`, whose nil means it is no type at all (a TypeError).
    private static func matchesAny(_ spec: Value, orThrow message: String,
                                   _ single: (Value) -> Bool?) throws -> Bool {
        if case .tuple(let items) = spec {
            for item in items where try matchesAny(item, orThrow: message, single) { return true }
            return false
        }
        guard let matches = single(spec) else { throw PyException(.typeError, message) }
        return matches
    }
}

extension Value {
    var isFloat: Bool {
        if case .float = self { return true }
        return false
    }
    var isRange: Bool {
        if case .range = self { return true }
        return false
    }
}
