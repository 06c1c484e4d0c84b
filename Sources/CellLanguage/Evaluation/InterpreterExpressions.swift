/// Expression evaluation.
extension Interpreter {
    func eval(_ expr: Expr, _ frame: Frame) throws -> Value {
        switch expr {
        case .constant(let v, _):
            return v
        case .name(let ref, let p):
            do {
                return try load(ref, frame)
            } catch let e as PyException {
                record(e, line: p.line, frame)
                throw e
            }
        case .binary(let op, let left, let right, _):
            let a = try eval(left, frame)
            let b = try eval(right, frame)
            if case .int(let x) = a, case .int(let y) = b {
                switch op {
                case .add:
                    let (r, o) = x.addingReportingOverflow(y)
                    if !o { return .int(r) }
                case .subtract:
                    let (r, o) = x.subtractingReportingOverflow(y)
                    if !o { return .int(r) }
                case .multiply:
                    let (r, o) = x.multipliedReportingOverflow(by: y)
                    if !o { return .int(r) }
                default: break
                }
            }
            do {
                return try binary(op, a, b)
            } catch let e as PyException {
                // CPython reports the line where the operation's expression starts.
                record(e, line: left.position.line, frame)
                throw e
            }
        case .compare(let first, let rest, _):
            var left = try eval(first, frame)
            if rest.count == 1 {
                // Fast path for the common single int comparison (loop and recursion tests).
                let (op, rightExpr) = rest[0]
                let right = try eval(rightExpr, frame)
                if case .int(let x) = left, case .int(let y) = right {
                    switch op {
                    case .less: return .bool(x < y)
                    case .lessEqual: return .bool(x <= y)
                    case .greater: return .bool(x > y)
                    case .greaterEqual: return .bool(x >= y)
                    case .equal: return .bool(x == y)
                    case .notEqual: return .bool(x != y)
                    default: break
                    }
                }
                return try compare(op, left, right)
            }
            for (i, (op, rightExpr)) in rest.enumerated() {
                let right = try eval(rightExpr, frame)
                let result = try compare(op, left, right)
                if i == rest.count - 1 { return result }
                if !(try truthy(result)) { return result }
                left = right
            }
            return .bool(true)
        case .and(let l, let r, _):
            let a = try eval(l, frame)
            return try truthy(a) ? try eval(r, frame) : a
        case .or(let l, let r, _):
            let a = try eval(l, frame)
            return try truthy(a) ? a : try eval(r, frame)
        case .not(let e, _):
            return .bool(!(try truthy(try eval(e, frame))))
        case .unary(let op, let e, _):
            return try unary(op, try eval(e, frame))
        case .conditional(let test, let then, let orElse, _):
            return try truthy(try eval(test, frame)) ? try eval(then, frame) : try eval(orElse, frame)
        case .call(let calleeExpr, let argumentExprs, let p):
            do {
                if argumentExprs.isEmpty, case .builtin(let b) = try eval(calleeExpr, frame), b.name == "super" {
                    return try zeroArgumentSuper(frame)
                }
                if case .attribute(let objectExpr, let name, _) = calleeExpr {
                    let object = try eval(objectExpr, frame)
                    let arguments = try evalArguments(argumentExprs, frame,
                                                      calleeName: Interpreter.methodName(object, name))
                    frame.callLine = p.line
                    return try callMethod(object, name, arguments)
                }
                let callee = try eval(calleeExpr, frame)
                // The callee's name is only needed for error messages: computed lazily.
                let arguments = try evalArguments(argumentExprs, frame,
                                                  calleeName: Interpreter.calleeName(callee, calleeExpr))
                frame.callLine = p.line
                return try call(callee, arguments)
            } catch let e as PyException {
                record(e, line: p.line, frame)
                throw e
            }
        case .directCall(let calleeExpr, let positional, let names, let values, let p):
            do {
                if case .attribute(let objectExpr, let name, _) = calleeExpr {
                    let object = try eval(objectExpr, frame)
                    let arguments = try evalArguments(positional, names, values, frame)
                    frame.callLine = p.line
                    return try callMethod(object, name, arguments)
                }
                let callee = try eval(calleeExpr, frame)
                if case .function(let f) = callee, positional.count <= f.directPositionalLimit {
                    if names.isEmpty { return try callFunctionDirect(f, positional, [], [], frame, line: p.line) }
                    if let slots = f.code.keywordSlots(names, positionalCount: positional.count) {
                        return try callFunctionDirect(f, positional, slots, values, frame, line: p.line)
                    }
                }
                let arguments = try evalArguments(positional, names, values, frame)
                frame.callLine = p.line
                return try call(callee, arguments)
            } catch let e as PyException {
                record(e, line: p.line, frame)
                throw e
            }
        case .attribute(let objectExpr, let name, _):
            return try getAttribute(try eval(objectExpr, frame), name)
        case .subscript(let objectExpr, let indexExpr, _):
            let object = try eval(objectExpr, frame)
            let index = try eval(indexExpr, frame)
            do {
                return try getItem(object, index)
            } catch let e as PyException {
                record(e, line: objectExpr.position.line, frame)
                throw e
            }
        case .slice(let lower, let upper, let step, _):
            return .slice(PySlice(start: try lower.map { try eval($0, frame) } ?? .none,
                                  stop: try upper.map { try eval($0, frame) } ?? .none,
                                  step: try step.map { try eval($0, frame) } ?? .none))
        case .list(let items, _):
            return .list(PyList(try evalItems(items, frame)))
        case .tuple(let items, _):
            return .tuple(try evalItems(items, frame))
        case .set(let items, _):
            return .set(try PySet(try evalItems(items, frame)))
        case .dict(let items, _):
            let d = PyDict()
            for item in items {
                switch item {
                case .pair(let k, let v):
                    let key = try eval(k, frame)
                    try d.set(key, try eval(v, frame))
                case .spread(let e):
                    let other = try eval(e, frame)
                    guard case .dict(let source) = other else {
                        throw PyException(.typeError, "'\(other.typeName)' object is not a mapping")
                    }
                    for (k, v) in source.entries { try d.set(k, v) }
                }
            }
            return .dict(d)
        case .starred:
            throw PyException(.syntaxError, "can't use starred expression here")
        case .fstring(let parts, _):
            return .str(try evalFString(parts, frame))
        case .lambda(let code, let defaultExprs, _):
            let defaults = try defaultExprs.map { try eval($0, frame) }
            return .function(PyFunction(code: code, defaults: defaults, closure: frame.closureScope))
        case .comprehension(let comprehension, let p):
            return try evalComprehension(comprehension, p, frame)
        case .yield, .yieldFrom:
            // The parser accepts `yield` only where the generator runner handles it.
            throw PyException(.syntaxError, "'yield' outside function")
        }
    }

    /// List/tuple/set display items, expanding `*iterable`.
    func evalItems(_ items: [Expr], _ frame: Frame) throws -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(items.count)
        for item in items {
            if case .starred(let inner, _) = item {
                out.append(contentsOf: try toArray(try eval(inner, frame)))
            } else {
                out.append(try eval(item, frame))
            }
        }
        return out
    }

    /// The name a call's argument errors use: the function's, else the called name.
    /// How CPython names a callee in argument-unpacking errors: `__main__.f`, `len`.
    static func calleeName(_ callee: Value, _ calleeExpr: Expr) -> String? {
        switch callee {
        case .function(let f): return "__main__." + f.code.qualifiedName
        case .builtin(let b): return b.name
        default: if case .name(let ref, _) = calleeExpr { return ref.name }
        }
        return nil
    }

    /// A method as CPython names it in argument-unpacking errors: `list.append`, `math.sqrt`.
    static func methodName(_ object: Value, _ name: String) -> String {
        switch object {
        case .module(let m): return m.name + "." + name
        case .host: return name
        default: return object.typeName + "." + name
        }
    }

    /// The arguments of a `.directCall`, evaluated in source order.
    func evalArguments(_ positional: [Expr], _ names: [String], _ values: [Expr], _ frame: Frame) throws -> Arguments {
        var result = Arguments(try positional.map { try eval($0, frame) })
        if !names.isEmpty {
            result.keywords.reserveCapacity(names.count)
            for i in names.indices { result.keywords.append((names[i], try eval(values[i], frame))) }
        }
        return result
    }

    func evalArguments(_ arguments: [CallArgument], _ frame: Frame,
                       calleeName: @autoclosure () -> String?) throws -> Arguments {
        var result = Arguments()
        result.positional.reserveCapacity(arguments.count)
        for argument in arguments {
            switch argument {
            case .positional(let e):
                result.positional.append(try eval(e, frame))
            case .keyword(let name, let e):
                result.keywords.append((name, try eval(e, frame)))
            case .star(let e):
                let v = try eval(e, frame)
                guard isIterable(v) else {
                    throw PyException(.typeError, "\(calleeName() ?? "function")() argument after * must be an iterable, not \(v.typeName)")
                }
                result.positional.append(contentsOf: try toArray(v))
            case .doubleStar(let e):
                let v = try eval(e, frame)
                guard case .dict(let d) = v else {
                    throw PyException(.typeError, "\(calleeName() ?? "function")() argument after ** must be a mapping, not \(v.typeName)")
                }
                for (k, value) in d.entries {
                    guard case .str(let name) = k else { throw PyException(.typeError, "keywords must be strings") }
                    if result.keywords.contains(where: { $0.name == name }) {
                        throw PyException(.typeError, "\(calleeName() ?? "function")() got multiple values for keyword argument '\(name)'")
                    }
                    result.keywords.append((name, value))
                }
            }
        }
        return result
    }

    func evalFString(_ parts: [FStringPart], _ frame: Frame) throws -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let s):
                out += s
            case .field(let e, let conversion, let specParts, let debugText):
                var v = try eval(e, frame)
                if let debugText { out += debugText }
                switch conversion {
                case "r": v = .str(try repr(v))
                case "s": v = .str(try str(v))
                case "a": v = .str(ascii(try repr(v)))
                default:
                    if debugText != nil && specParts == nil { v = .str(try repr(v)) }
                }
                let spec = try specParts.map { try evalFString($0, frame) } ?? ""
                out += try format(v, spec)
            }
        }
        return out
    }

    func ascii(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            if scalar.value < 128 { out.unicodeScalars.append(scalar) }
            else if scalar.value < 0x100 { out += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2) }
            else if scalar.value < 0x10000 { out += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4) }
            else { out += "\\U" + String(scalar.value, radix: 16).leftPadded(to: 8) }
        }
        return out
    }

    // MARK: Comprehensions

    private func comprehensionLabel(_ kind: Comprehension.Kind) -> String {
        switch kind {
        case .list: return "<listcomp>"
        case .set: return "<setcomp>"
        case .dict: return "<dictcomp>"
        case .generator: return "<genexpr>"
        }
    }

    func evalComprehension(_ c: Comprehension, _ p: Position, _ frame: Frame) throws -> Value {
        let first = try eval(c.clauses[0].iterable, frame)
        let name = comprehensionLabel(c.kind)
        let inner = Frame(slotCount: c.slotCount, parent: frame.closureScope, label: name + "(.0)", name: name,
                          cellNumber: frame.cellNumber)
        inner.scopeLines = frame.scopeLines
        if c.kind == .generator {
            return .iterator(generator(c, p, inner, try iterator(first)))
        }
        do {
            switch c.kind {
            case .list:
                var out: [Value] = []
                try runClauses(c, 0, inner, first) { out.append(try eval(c.element, inner)) }
                return .list(PyList(out))
            case .set:
                let out = PySet()
                try runClauses(c, 0, inner, first) { try out.add(try eval(c.element, inner)) }
                return .set(out)
            default:
                let out = PyDict()
                try runClauses(c, 0, inner, first) {
                    let key = try eval(c.element, inner)
                    try out.set(key, try eval(c.value ?? .constant(.none, p), inner))
                }
                return .dict(out)
            }
        } catch let e as PyException {
            record(e, line: p.line, inner)
            throw e
        }
    }

    private func runClauses(_ c: Comprehension, _ level: Int, _ frame: Frame,
                            _ iterable: Value, _ body: () throws -> Void) throws {
        let clause = c.clauses[level]
        try forEachItem(iterable) { item in
            try tickDeadline()
            try assign(clause.target, item, frame)
            for condition in clause.conditions where !(try truthy(try eval(condition, frame))) {
                return true
            }
            if level + 1 < c.clauses.count {
                try runClauses(c, level + 1, frame, try eval(c.clauses[level + 1].iterable, frame), body)
            } else {
                try body()
            }
            return true
        }
    }

    /// A lazy generator expression: a stack of iterators, one per `for` clause.
    private func generator(_ c: Comprehension, _ p: Position, _ frame: Frame,
                           _ first: @escaping () throws -> Value?) -> PyIterator {
        if c.clauses.count == 1 {
            // The common `f(x) for x in xs if cond`: no iterator stack.
            let clause = c.clauses[0]
            return PyIterator("generator") { [unowned self] in
                do {
                    outer: while let item = try first() {
                        try self.tickDeadline()
                        try self.assign(clause.target, item, frame)
                        for condition in clause.conditions where !(try self.truthy(try self.eval(condition, frame))) {
                            continue outer
                        }
                        return try self.eval(c.element, frame)
                    }
                    return nil
                } catch let e as PyException {
                    self.record(e, line: p.line, frame)
                    throw e
                }
            }
        }
        var stack: [() throws -> Value?] = [first]
        return PyIterator("generator") { [unowned self] in
            do {
                while let top = stack.last {
                    guard let item = try top() else {
                        stack.removeLast()
                        continue
                    }
                    try self.tickDeadline()
                    let level = stack.count - 1
                    let clause = c.clauses[level]
                    try self.assign(clause.target, item, frame)
                    var passes = true
                    for condition in clause.conditions where !(try self.truthy(try self.eval(condition, frame))) {
                        passes = false
                        break
                    }
                    if !passes { continue }
                    if level + 1 < c.clauses.count {
                        stack.append(try self.iterator(try self.eval(c.clauses[level + 1].iterable, frame)))
                        continue
                    }
                    return try self.eval(c.element, frame)
                }
                return nil
            } catch let e as PyException {
                self.record(e, line: p.line, frame)
                throw e
            }
        }
    }
}
