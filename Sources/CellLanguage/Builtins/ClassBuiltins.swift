/// The builtins that classes use: `property`, `staticmethod`, `classmethod`, `super`,
/// `NotImplemented`, and `Ellipsis`.
enum ClassBuiltins {
    static func add(to table: inout [String: Value]) {
        func define(_ name: String, _ body: @escaping (Arguments, Interpreter) throws -> Value) {
            table[name] = .builtin(BuiltinFunction(name, body))
        }
        table["NotImplemented"] = .host(NotImplementedValue())
        table["Ellipsis"] = .host(EllipsisValue.shared)
        define("property") { args, _ in
            let b = try args.bind("property", [HostParameter("fget", default: .none), HostParameter("fset", default: .none)])
            return .host(PyProperty(getter: b["fget"], setter: b["fset"]))
        }
        define("staticmethod") { args, _ in
            try args.expectExactly(1, "staticmethod")
            return .host(PyStaticMethod(args.positional[0]))
        }
        define("classmethod") { args, _ in
            try args.expectExactly(1, "classmethod")
            return .host(PyClassMethod(args.positional[0]))
        }
        define("super") { args, _ in
            // The zero-argument form is handled where the call is evaluated (it needs the frame).
            try args.expectExactly(2, "super")
            guard case .host(let cls as PyClass) = args.positional[0] else {
                throw PyException(.typeError, "super() argument 1 must be a type, not \(args.positional[0].typeName)")
            }
            return .host(PySuper(cls: cls, receiver: args.positional[1]))
        }
    }
}
