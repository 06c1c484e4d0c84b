/// `with` statements: Python's context manager protocol.
extension Interpreter {
    /// Enters the first manager of `items`, runs the rest (then the body) inside it, and
    /// exits it: `__exit__(None, None, None)` after a normal end, `return` or `break`;
    /// `__exit__(type, exception, None)` after an exception, which a true result suppresses
    /// (never a timeout or an interrupt).
    func executeWith(_ items: ArraySlice<(context: Expr, target: Expr?)>, _ body: [Stmt], _ frame: Frame,
                     line: Int) throws -> Flow {
        guard let (contextExpr, target) = items.first else { return try execute(body, frame) }
        let exit = try enterContext(contextExpr, target, frame, line: line)
        let flow: Flow
        do {
            flow = try executeWith(items.dropFirst(), body, frame, line: line)
        } catch let e as PyException {
            if try exitAfterError(exit, e, frame, line: line) { return .normal }
            throw e
        }
        try exitContext(exit, frame, line: line)
        return flow
    }

    /// `__exit__(None, None, None)`, after the block ended without an exception; what it
    /// raises is recorded on the `with` line.
    func exitContext(_ exit: Value, _ frame: Frame, line: Int) throws {
        do {
            _ = try call(exit, .none, .none, .none)
        } catch let e as PyException {
            record(e, line: line, frame)
            throw e
        }
    }

    /// Evaluates a `with` item's manager, calls its `__enter__` (binding the result to
    /// `target`) and returns its bound `__exit__`.
    func enterContext(_ contextExpr: Expr, _ target: Expr?, _ frame: Frame, line: Int) throws -> Value {
        let manager = try eval(contextExpr, frame)
        do {
            let enter = try contextMethod(manager, "__enter__")
            let exit = try contextMethod(manager, "__exit__")
            let entered = try call(enter, Arguments([]))
            if let target { try assign(target, entered, frame) }
            return exit
        } catch let e as PyException {
            record(e, line: line, frame)
            throw e
        }
    }

    /// Calls `__exit__(type, exception, None)` for an exception leaving a `with` body;
    /// true when the manager suppresses it (never a timeout or an interrupt).
    func exitAfterError(_ exit: Value, _ e: PyException, _ frame: Frame, line: Int) throws -> Bool {
        let suppress: Bool
        do {
            suppress = try truthy(try call(exit, .type(.exception(e.type)), .exception(e), .none))
        } catch let exitError as PyException {
            if exitError.context == nil && exitError !== e { exitError.context = e }
            record(exitError, line: line, frame)
            throw exitError
        }
        return suppress && !e.isFatal
    }

    /// `__enter__` or `__exit__` of a context manager: a cell class's special method, or
    /// the attribute a host object declares (a host object plugs in by answering both names).
    func contextMethod(_ manager: Value, _ name: String) throws -> Value {
        let suffix = name == "__exit__" ? " (missed __exit__ method)" : ""
        let missing = PyException(.typeError, "'\(manager.typeName)' object does not support the context manager protocol\(suffix)")
        switch manager {
        case .host(let i as PyInstance):
            guard let method = i.cls.lookup(name) else { throw missing }
            return bind(method, to: manager, name: name)
        case .host(let h):
            do {
                return try h.getAttribute(name, self)
            } catch let e as PyException where e.type == .attributeError {
                throw missing
            }
        default:
            throw missing
        }
    }
}
