/// Statement execution.
extension Interpreter {
    func execute(_ body: [Stmt], _ frame: Frame) throws -> Flow {
        for statement in body {
            frame.line = statement.line
            let flow: Flow
            do {
                flow = try execute(statement, frame)
            } catch let e as PyException {
                record(e, line: statement.line, frame)
                throw e
            }
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func execute(_ statement: Stmt, _ frame: Frame) throws -> Flow {
        switch statement {
        case .expression(let e, _):
            _ = try eval(e, frame)
        case .assign(let targets, let valueExpr, _):
            let value = try eval(valueExpr, frame)
            for target in targets { try assign(target, value, frame) }
        case .augmentedAssign(let target, let op, let valueExpr, _):
            try augmentedAssign(target, op, valueExpr, frame)
        case .ifElse(let branches, let orElse, _):
            for (test, body) in branches where try truthy(try eval(test, frame)) {
                return try execute(body, frame)
            }
            return try execute(orElse, frame)
        case .whileLoop(let test, let body, let orElse, _):
            while try truthy(try eval(test, frame)) {
                try tickDeadline()
                switch try execute(body, frame) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returnValue(let v): return .returnValue(v)
                }
            }
            return try execute(orElse, frame)
        case .forLoop(let target, let iterableExpr, let body, let orElse, _):
            var flow: Flow = .normal
            var broke = false
            try forEachItem(try eval(iterableExpr, frame)) { item in
                try tickDeadline()
                try assign(target, item, frame)
                switch try execute(body, frame) {
                case .normal, .continueLoop:
                    return true
                case .breakLoop:
                    broke = true
                    return false
                case .returnValue(let v):
                    flow = .returnValue(v)
                    return false
                }
            }
            if case .returnValue = flow { return flow }
            return broke ? .normal : try execute(orElse, frame)
        case .breakLoop:
            return .breakLoop
        case .continueLoop:
            return .continueLoop
        case .pass, .declaration:
            break
        case .functionDef(let code, let defaultExprs, let binding, _):
            let defaults = try defaultExprs.map { try eval($0, frame) }
            try store(binding, .function(PyFunction(code: code, defaults: defaults, closure: frame.closureScope)), frame)
        case .classDef(let code, let baseExprs, let binding, _):
            let bases = try baseExprs.map { try eval($0, frame) }
            try store(binding, .host(try defineClass(code, bases: bases, frame)), frame)
        case .decorated(let decoratorExprs, let definition, let name, let line):
            let decorators = try decoratorExprs.map { try eval($0, frame) }
            _ = try execute([definition], frame)
            var value = try eval(.name(name, Position(line: line, column: 0)), frame)
            do {
                for decorator in decorators.reversed() { value = try call(decorator, value) }
            } catch let e as PyException {
                record(e, line: line, frame)
                throw e
            }
            try store(name, value, frame)
        case .returnValue(let e, _):
            return .returnValue(try e.map { try eval($0, frame) } ?? .none)
        case .importModules(let names, _):
            for name in names {
                let module = try importModule(name.path)
                if name.alias != nil {
                    try store(name.binding, .module(module), frame)
                } else {
                    let top = String(name.path.split(separator: ".")[0])
                    try store(name.binding, .module(try importModule(top)), frame)
                }
            }
        case .importFrom(let moduleName, let names, _):
            let module = try importModule(moduleName)
            for name in names {
                if let v = module[name.path] {
                    try store(name.binding, v, frame)
                } else if registry.provides(moduleName + "." + name.path) {
                    try store(name.binding, .module(try importModule(moduleName + "." + name.path)), frame)
                } else {
                    let note = registry.unimplementedNote(moduleName, name.path).map { "\n" + $0 } ?? ""
                    throw PyException(.importError, "cannot import name '\(name.path)' from '\(moduleName)' (unknown location)" + note)
                }
            }
        case .delete(let targets, _):
            for target in targets { try delete(target, frame) }
        case .assert(let test, let message, _):
            if !(try truthy(try eval(test, frame))) {
                if let message {
                    throw PyException(.assertionError, args: [try eval(message, frame)])
                }
                throw PyException(.assertionError, args: [])
            }
        case .with(let items, let body, let line):
            return try executeWith(items[...], body, frame, line: line)
        case .tryExcept(let body, let handlers, let orElse, let finally, _):
            return try executeTry(body, handlers, orElse, finally, frame)
        case .raise(let e, let cause, _):
            try raise(e, cause, frame)
        }
        return .normal
    }

    private func executeTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt],
                            _ finally: [Stmt], _ frame: Frame) throws -> Flow {
        var flow: Flow
        do {
            var raised = false
            do {
                flow = try execute(body, frame)
            } catch let e as PyException {
                raised = true
                guard !e.isFatal, let handler = try matchingHandler(e, handlers, frame) else { throw e }
                flow = try handle(e, handler, frame)
            }
            if !raised, case .normal = flow {
                flow = try execute(orElse, frame)
            }
        } catch {
            if !finally.isEmpty {
                let finalFlow = try execute(finally, frame)
                if case .normal = finalFlow {} else { return finalFlow }
            }
            throw error
        }
        if !finally.isEmpty {
            let finalFlow = try execute(finally, frame)
            if case .normal = finalFlow {} else { return finalFlow }
        }
        return flow
    }

    func matchingHandler(_ e: PyException, _ handlers: [ExceptHandler], _ frame: Frame) throws -> ExceptHandler? {
        for handler in handlers {
            guard let typeExpr = handler.type else { return handler }
            if try exceptionMatches(e, try eval(typeExpr, frame)) { return handler }
        }
        return nil
    }

    func exceptionMatches(_ e: PyException, _ spec: Value) throws -> Bool {
        switch spec {
        case .type(.exception(let t)): return e.type.isSubclass(of: t)
        case .host(let c as PyClass) where c.exceptionBase != nil:
            return e.instance?.cls.isSubclass(of: c) ?? false
        case .tuple(let items):
            for item in items where try exceptionMatches(e, item) { return true }
            return false
        default:
            throw PyException(.typeError, "catching classes that do not inherit from BaseException is not allowed")
        }
    }

    private func handle(_ e: PyException, _ handler: ExceptHandler, _ frame: Frame) throws -> Flow {
        handling.append(e)
        defer { handling.removeLast() }
        if let binding = handler.binding { try store(binding, .exception(e), frame) }
        let flow: Flow
        do {
            flow = try execute(handler.body, frame)
        } catch let inner as PyException {
            if inner !== e && inner.context == nil && !inner.isFatal { inner.context = e }
            throw inner
        }
        // Python unbinds the `as` name when the handler ends.
        if let binding = handler.binding { try? unbind(binding, frame) }
        return flow
    }

    private func raise(_ expr: Expr?, _ causeExpr: Expr?, _ frame: Frame) throws {
        guard let expr else {
            guard let current = handling.last else {
                throw PyException(.runtimeError, "No active exception to reraise")
            }
            throw current
        }
        let exception = try makeException(try eval(expr, frame))
        exception.lastRecorder = nil
        if let causeExpr {
            let cause = try eval(causeExpr, frame)
            if case .none = cause {
                exception.suppressContext = true
            } else {
                exception.cause = try makeException(cause)
                exception.suppressContext = true
            }
        }
        if let current = handling.last, current !== exception, exception.context == nil {
            exception.context = current
        }
        throw exception
    }

    /// An exception instance from `raise X` or `raise X(...)`.
    func makeException(_ v: Value) throws -> PyException {
        switch v {
        case .exception(let e): return e
        case .type(.exception(let t)): return PyException(t, args: [])
        case .host(let c as PyClass) where c.exceptionBase != nil:
            return try makeException(try instantiate(c, Arguments([])))
        default: throw PyException(.typeError, "exceptions must derive from BaseException")
        }
    }

    // MARK: Names

    @inline(__always)
    func load(_ ref: NameRef, _ frame: Frame) throws -> Value {
        switch ref.access {
        case .local(let slot):
            if let v = frame.slots[slot] { return v }
            throw PyException(.unboundLocalError, "cannot access local variable '\(ref.name)' where it is not associated with a value")
        case .global(let i):
            if i < globals.watchLimit { globals.noteAccess(i) }
            if let v = globals.values[i] ?? globals.builtins[i] { return v }
            throw PyException(.nameError, "name '\(ref.name)' is not defined")
        case .free(let depth, let slot):
            var f: Frame? = frame
            for _ in 0..<depth { f = f?.parent }
            if let v = f?.slots[slot] ?? nil { return v }
            throw PyException(.nameError, "cannot access free variable '\(ref.name)' where it is not associated with a value in enclosing scope")
        }
    }

    @inline(__always)
    func store(_ ref: NameRef, _ value: Value, _ frame: Frame) throws {
        switch ref.access {
        case .local(let slot): frame.slots[slot] = value
        case .global(let i):
            if i < globals.watchLimit { globals.noteAccess(i) }
            globals.values[i] = value
        case .free(let depth, let slot):
            var f: Frame? = frame
            for _ in 0..<depth { f = f?.parent }
            f?.slots[slot] = value
        }
    }

    func unbind(_ ref: NameRef, _ frame: Frame) throws {
        switch ref.access {
        case .local(let slot):
            guard frame.slots[slot] != nil else {
                throw PyException(.unboundLocalError, "cannot access local variable '\(ref.name)' where it is not associated with a value")
            }
            frame.slots[slot] = nil
        case .global(let i):
            if i < globals.watchLimit { globals.noteAccess(i) }
            guard globals.values[i] != nil else { throw PyException(.nameError, "name '\(ref.name)' is not defined") }
            globals.values[i] = nil
        case .free(let depth, let slot):
            var f: Frame? = frame
            for _ in 0..<depth { f = f?.parent }
            f?.slots[slot] = nil
        }
    }

    // MARK: Assignment

    func assign(_ target: Expr, _ value: Value, _ frame: Frame) throws {
        switch target {
        case .name(let ref, _):
            try store(ref, value, frame)
        case .attribute(let objectExpr, let name, _):
            try setAttribute(try eval(objectExpr, frame), name, value)
        case .subscript(let objectExpr, let indexExpr, _):
            let object = try eval(objectExpr, frame)
            try setItem(object, try eval(indexExpr, frame), value)
        case .tuple(let targets, _), .list(let targets, _):
            try unpack(targets, value, frame)
        default:
            throw PyException(.syntaxError, "cannot assign to expression")
        }
    }

    private func unpack(_ targets: [Expr], _ value: Value, _ frame: Frame) throws {
        let items: [Value]
        switch value {
        case .tuple(let t): items = t
        case .list(let l): items = l.items
        default:
            guard isIterable(value) else {
                throw PyException(.typeError, "cannot unpack non-iterable \(value.typeName) object")
            }
            items = try toArray(value)
        }
        if let star = targets.firstIndex(where: { if case .starred = $0 { return true } else { return false } }) {
            let before = star
            let after = targets.count - star - 1
            guard items.count >= before + after else {
                throw PyException(.valueError, "not enough values to unpack (expected at least \(before + after), got \(items.count))")
            }
            for i in 0..<before { try assign(targets[i], items[i], frame) }
            if case .starred(let inner, _) = targets[star] {
                try assign(inner, .list(PyList(Array(items[before..<(items.count - after)]))), frame)
            }
            for i in 0..<after { try assign(targets[star + 1 + i], items[items.count - after + i], frame) }
            return
        }
        if items.count > targets.count {
            throw PyException(.valueError, "too many values to unpack (expected \(targets.count))")
        }
        if items.count < targets.count {
            throw PyException(.valueError, "not enough values to unpack (expected \(targets.count), got \(items.count))")
        }
        for (t, v) in zip(targets, items) { try assign(t, v, frame) }
    }

    private func augmentedAssign(_ target: Expr, _ op: BinaryOperator, _ valueExpr: Expr, _ frame: Frame) throws {
        switch target {
        case .name(let ref, _):
            let current = try load(ref, frame)
            let rhs = try eval(valueExpr, frame)
            try store(ref, try inPlace(op, current, rhs), frame)
        case .attribute(let objectExpr, let name, _):
            let object = try eval(objectExpr, frame)
            let current = try getAttribute(object, name)
            let rhs = try eval(valueExpr, frame)
            try setAttribute(object, name, try inPlace(op, current, rhs))
        case .subscript(let objectExpr, let indexExpr, _):
            let object = try eval(objectExpr, frame)
            let index = try eval(indexExpr, frame)
            let current = try getItem(object, index)
            let rhs = try eval(valueExpr, frame)
            try setItem(object, index, try inPlace(op, current, rhs))
        default:
            throw PyException(.syntaxError, "illegal expression for augmented assignment")
        }
    }

    /// `a op= b`: lists, dicts and sets update in place, host objects that implement it
    /// (numpy arrays, whose views then write through) too; everything else is `a op b`.
    func inPlace(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if case .host(let object) = a, let result = try object.inPlaceOperation(op, b, self) {
            return result
        }
        if case .list(let l) = a {
            if op == .add {
                let added = try toArray(b)
                try MemoryLimit.check(count: added.count, stride: MemoryLayout<Value>.stride)
                l.items.append(contentsOf: added)
                return a
            }
            if op == .multiply, let n = b.asInt, !(b.isBool) {
                let original = l.items
                try MemoryLimit.check(repeating: original.count, times: n, stride: MemoryLayout<Value>.stride)
                l.items = try repeated(original, times: n)
                return a
            }
        }
        if case .dict(let d) = a, op == .or, case .dict(let other) = b {
            for (k, v) in other.entries { try d.set(k, v) }
            return a
        }
        if case .set(let s) = a, !s.frozen, case .set(let other) = b {
            switch op {
            case .or: s.merge(other); return a
            case .and:
                let kept = s.intersection(other)
                s.removeAll()
                s.merge(kept)
                return a
            case .subtract:
                if other === s { s.removeAll() } else { for v in other.items { try s.remove(v) } }
                return a
            case .xor: s.symmetricDifferenceUpdate(other); return a
            default: break
            }
        }
        return try binary(op, a, b)
    }

    private func delete(_ target: Expr, _ frame: Frame) throws {
        switch target {
        case .name(let ref, _):
            try unbind(ref, frame)
        case .subscript(let objectExpr, let indexExpr, _):
            let object = try eval(objectExpr, frame)
            try deleteItem(object, try eval(indexExpr, frame))
        case .attribute(let objectExpr, let name, _):
            let object = try eval(objectExpr, frame)
            try deleteAttribute(object, name)
        case .tuple(let items, _), .list(let items, _):
            for item in items { try delete(item, frame) }
        default:
            throw PyException(.syntaxError, "cannot delete expression")
        }
    }
}

extension Value {
    var isBool: Bool {
        if case .bool = self { return true }
        return false
    }
}
