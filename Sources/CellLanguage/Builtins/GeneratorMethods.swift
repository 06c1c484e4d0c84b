/// The methods and attributes of generator objects: `send`, `throw`, `close`, `__next__`.
extension Interpreter {
    func generatorAttribute(_ object: Value, _ g: PyGenerator, _ name: String) throws -> Value? {
        func method(_ body: @escaping (Arguments, Interpreter) throws -> Value) -> Value {
            .boundMethod(BoundMethod(receiver: object, name: name, function: .builtin(BuiltinFunction(name, body))))
        }
        switch name {
        case "__name__": return .str(g.function.code.name)
        case "__qualname__": return .str(g.function.code.qualifiedName)
        case "gi_running": return .bool(g.state == .running)
        case "__iter__":
            return method { args, _ in
                try args.expectExactly(0, "__iter__")
                return object
            }
        case "__next__":
            return method { args, _ in
                try args.expectExactly(0, "__next__")
                return try Interpreter.nextOfGenerator(g)
            }
        case "send":
            return method { args, _ in
                try args.expectExactly(1, "send")
                if let v = try g.step(.send(args.positional[0])) { return v }
                throw g.stopIteration()
            }
        case "throw":
            return method { args, interpreter in
                guard (1...3).contains(args.positional.count), args.keywords.isEmpty else {
                    throw PyException(.typeError, "throw expected at least 1 argument, got \(args.positional.count)")
                }
                var exception = try interpreter.makeException(args.positional[0])
                if args.positional.count > 1, case .type(.exception(let t)) = args.positional[0] {
                    let v = args.positional[1]
                    exception = try (v.isNone ? PyException(t, args: []) : interpreter.makeException(v))
                }
                exception.traceback = []
                exception.lastRecorder = nil
                if let v = try g.step(.throwIn(exception)) { return v }
                throw g.stopIteration()
            }
        case "close":
            return method { args, _ in
                try args.expectExactly(0, "close")
                try g.close()
                return .none
            }
        default:
            return nil
        }
    }

    /// `next(generator)`: its next item, or StopIteration carrying its return value.
    static func nextOfGenerator(_ g: PyGenerator) throws -> Value {
        if let v = try g.step(.send(.none)) { return v }
        throw g.stopIteration()
    }
}
