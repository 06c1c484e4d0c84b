import Foundation

/// Small modules: `__future__` (every feature is already on), `sys`, `string` and `typing`
/// (names importable; annotations are ignored).
enum SystemModules {
    static func future(_ interpreter: Interpreter) throws -> Module {
        let m = Module("__future__")
        for name in ["nested_scopes", "generators", "division", "absolute_import", "with_statement",
                     "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", "annotations"] {
            m[name] = .str(name)
        }
        return m
    }

    /// `sys.version` and `version_info` name the CPython the language follows.
    static let version = (3, 11, 7)

    static func sys(_ interpreter: Interpreter) throws -> Module {
        let m = Module("sys")
        let env = interpreter.registry.environment
        m["version"] = .str("\(version.0).\(version.1).\(version.2) (Labbook cell language)")
        m["version_info"] = .tuple([.int(version.0), .int(version.1), .int(version.2), .str("final"), .int(0)])
        m["argv"] = .list(PyList(env.argv.map { .str($0) }))
        m["platform"] = .str("linux")
        m["maxsize"] = .int(Int.max)
        m["path"] = .list(PyList([.str(env.directory)]))
        m["stdout"] = .host(TextStream(name: "<stdout>"))
        m["stderr"] = .host(TextStream(name: "<stderr>"))
        m["modules"] = .dict(PyDict())
        m.define("exit") { args, _ in
            guard args.positional.count <= 1 else {
                throw PyException(.typeError, "exit expected at most 1 argument, got \(args.positional.count)")
            }
            throw PyException(.systemExit, args: args.positional)
        }
        m.define("getrecursionlimit") { _, interp in .int(interp.recursionLimit) }
        m.define("setrecursionlimit") { args, interp in
            try args.expectExactly(1, "setrecursionlimit")
            guard let n = args.positional[0].asInt, n >= 1 else {
                throw PyException(.valueError, "recursion limit must be greater or equal than 1")
            }
            interp.recursionLimit = n
            return .none
        }
        return m
    }

    static func string(_ interpreter: Interpreter) throws -> Module {
        let lower = "abcdefghijklmnopqrstuvwxyz", upper = lower.uppercased(), digits = "0123456789"
        let punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", whitespace = " \t\n\r\u{0B}\u{0C}"
        let m = Module("string", [
            ("ascii_letters", .str(lower + upper)), ("ascii_lowercase", .str(lower)),
            ("ascii_uppercase", .str(upper)), ("digits", .str(digits)), ("hexdigits", .str(digits + "abcdefABCDEF")),
            ("octdigits", .str("01234567")), ("punctuation", .str(punctuation)), ("whitespace", .str(whitespace)),
            ("printable", .str(digits + lower + upper + punctuation + whitespace)),
        ])
        m.define("capwords") { args, interp in
            let b = try args.bind("capwords", ["s", HostParameter("sep", default: .none)])
            guard case .str(let s) = b["s"] else { throw PyException(.typeError, "capwords() argument must be str") }
            let sep = b["sep"]
            let parts = try interp.toArray(try interp.callMethod(.str(s), "split", Arguments(sep.isNone ? [] : [sep])))
            let words = try parts.map { try interp.callMethod($0, "capitalize", Arguments()) }
            return try interp.callMethod(sep.isNone ? .str(" ") : sep, "join", Arguments([.list(PyList(words))]))
        }
        return m
    }

    static func typing(_ interpreter: Interpreter) throws -> Module {
        let m = Module("typing")
        for name in ["Any", "Callable", "Dict", "List", "Tuple", "Set", "FrozenSet", "Optional", "Union",
                     "Iterable", "Iterator", "Sequence", "Mapping", "MutableMapping", "Generator", "Type",
                     "TypeVar", "Literal", "Final", "ClassVar", "NamedTuple", "Protocol", "NoReturn",
                     "DefaultDict", "Counter", "Deque", "OrderedDict", "Hashable", "Sized", "Collection"] {
            m[name] = .host(TypingName(name: name))
        }
        m.define("cast") { args, _ in
            try args.expectExactly(2, "cast")
            return args.positional[1]
        }
        m["TYPE_CHECKING"] = .bool(false)
        return m
    }
}

/// `typing.List` and friends: printable, subscriptable (`List[int]`), callable for `TypeVar`.
final class TypingName: HostObject {
    let name: String
    init(name: String) { self.name = name }
    var typeName: String { "_SpecialForm" }
    var repr: String { "typing.\(name)" }
    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value {
        let inner: [Value]
        if case .tuple(let t) = key { inner = t } else { inner = [key] }
        let names = inner.map { v -> String in
            if case .type(let t) = v { return t.name }
            if case .host(let h) = v, let n = h as? TypingName { return n.repr }
            return v.repr
        }
        return .host(TypingName(name: "\(name)[\(names.joined(separator: ", "))]"))
    }
    var isCallable: Bool { true }

    func call(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Value {
        if name == "TypeVar", case .str(let n)? = arguments.positional.first { return .host(TypingName(name: "~" + n)) }
        throw PyException(.typeError, "Cannot instantiate typing.\(name)")
    }
}

/// `sys.stdout` / `sys.stderr`: both write into the cell's output stream.
final class TextStream: HostObject {
    let name: String
    init(name: String) { self.name = name }
    var typeName: String { "TextIOWrapper" }
    var repr: String { "<_io.TextIOWrapper name='\(name)' mode='w' encoding='utf-8'>" }
    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "write":
            return .builtin(BuiltinFunction("write") { args, interp in
                try args.expectExactly(1, "write")
                guard case .str(let s) = args.positional[0] else {
                    throw PyException(.typeError, "write() argument must be str, not \(args.positional[0].typeName)")
                }
                interp.write(s)
                return .int(s.unicodeScalars.count)
            })
        case "flush": return .builtin(BuiltinFunction("flush") { _, _ in .none })
        case "encoding": return .str("utf-8")
        case "name": return .str(self.name)
        default: throw attributeError(name)
        }
    }
}
