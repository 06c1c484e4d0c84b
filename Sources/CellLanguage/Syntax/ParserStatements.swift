/// Statement parsing.
extension Parser {
    mutating func parseSimpleStatement() throws -> Stmt {
        let t = current
        let line = t.line
        switch t.kind {
        case .keyword("pass"):
            pos += 1
            return .pass(line: line)
        case .keyword("break"):
            pos += 1
            if loopDepth == 0 { throw error("'break' outside loop", at: t) }
            return .breakLoop(line: line)
        case .keyword("continue"):
            pos += 1
            if loopDepth == 0 { throw error("'continue' not properly in loop", at: t) }
            return .continueLoop(line: line)
        case .keyword("return"):
            pos += 1
            if functionDepth == 0 { throw error("'return' outside function", at: t) }
            if atStatementEnd { return .returnValue(nil, line: line) }
            return .returnValue(try parseTestListStarExpr(), line: line)
        case .keyword("raise"):
            pos += 1
            if atStatementEnd { return .raise(nil, cause: nil, line: line) }
            let exception = try parseTest()
            let cause = matchKeyword("from") ? try parseTest() : nil
            return .raise(exception, cause: cause, line: line)
        case .keyword("global"), .keyword("nonlocal"):
            pos += 1
            let isGlobal = t.kind == .keyword("global")
            repeat {
                guard case .name(let name) = current.kind else { throw invalidSyntax() }
                pos += 1
                if isGlobal {
                    scope.globalNames.insert(name)
                } else {
                    if scope.kind == .module {
                        throw error("nonlocal declaration not allowed at module level", at: t)
                    }
                    scope.nonlocalNames.insert(name)
                }
            } while match(",")
            return .declaration(line: line)
        case .keyword("del"):
            pos += 1
            var targets: [Expr] = []
            repeat {
                if atStatementEnd { break }
                let target = try parseBitOr()
                try declareTarget(target, deleting: true)
                targets.append(target)
            } while match(",")
            if targets.isEmpty { throw invalidSyntax() }
            return .delete(targets, line: line)
        case .keyword("assert"):
            pos += 1
            let test = try parseTest()
            let message = match(",") ? try parseTest() : nil
            return .assert(test, message: message, line: line)
        case .keyword("import"):
            pos += 1
            return try parseImport(line: line)
        case .keyword("from"):
            pos += 1
            return try parseFromImport(line: line)
        case .name("print"):
            // Python 2's print statement gets CPython's hint.
            if case .string = tokens[pos + 1].kind {
                throw error("Missing parentheses in call to 'print'. Did you mean print(...)?", at: t)
            }
            if case .name = tokens[pos + 1].kind {
                throw error("Missing parentheses in call to 'print'. Did you mean print(...)?", at: t)
            }
            return try parseExpressionStatement()
        default:
            return try parseExpressionStatement()
        }
    }

    var atStatementEnd: Bool {
        current.kind == .newline || current.kind == .endOfInput || check(";")
    }

    mutating func parseExpressionStatement() throws -> Stmt {
        let line = current.line
        if checkKeyword("yield") { return .expression(try parseYield(), line: line) }
        let first = try parseTestListStarExpr()
        if check("=") {
            var items = [first]
            while match("=") {
                if checkKeyword("yield") {
                    items.append(try parseYield())
                    guard !check("=") else { throw invalidSyntax() }
                    break
                }
                items.append(try parseTestListStarExpr())
            }
            let value = items.removeLast()
            for target in items { try declareTarget(target, plainAssignment: true) }
            return .assign(targets: items, value: value, line: line)
        }
        if case .op(let o) = current.kind, o.count >= 2, o.hasSuffix("="),
           !["==", "!=", "<=", ">="].contains(o), let op = BinaryOperator(rawValue: String(o.dropLast())) {
            try declareTarget(first, augmented: true)
            pos += 1
            if checkKeyword("yield"), let e = unsupportedConstruct() { throw e }
            let value = try parseTestListStarExpr()
            return .augmentedAssign(target: first, op: op, value: value, line: line)
        }
        if check(":") {
            // Annotated assignment: the annotation is parsed and ignored.
            pos += 1
            switch first {
            case .name, .attribute, .subscript: break
            default: throw error("only single target (not \(first.isTuple ? "tuple" : "list")) can be annotated")
            }
            _ = try parseTest()
            if match("=") {
                let value = try parseTestListStarExpr()
                try declareTarget(first)
                return .assign(targets: [first], value: value, line: line)
            }
            try declareTarget(first)
            return .pass(line: line)
        }
        if case .starred(_, let p) = first {
            throw SyntaxErrorInfo("can't use starred expression here", line: p.line, column: p.column)
        }
        return .expression(first, line: line)
    }

    /// `yield`, `yield value`, `yield a, b` or `yield from iterable`, where a statement
    /// or an assignment's value starts; it makes the enclosing `def` a generator function.
    mutating func parseYield() throws -> Expr {
        let start = position
        guard scope.kind == .function, let code = enclosingDefs.last, code.name != "<lambda>" else {
            throw error("'yield' outside function")
        }
        pos += 1
        code.isGenerator = true
        if matchKeyword("from") { return .yieldFrom(try parseTest(), start) }
        if atStatementEnd || check("=") || check(")") { return .yield(nil, start) }
        return .yield(try parseTestListStarExpr(), start)
    }

    mutating func dottedName() throws -> String {
        var parts: [String] = []
        repeat {
            guard case .name(let n) = current.kind else { throw invalidSyntax() }
            parts.append(n)
            pos += 1
        } while match(".")
        return parts.joined(separator: ".")
    }

    mutating func parseImport(line: Int) throws -> Stmt {
        var names: [ImportName] = []
        repeat {
            let path = try dottedName()
            var alias: String?
            if matchKeyword("as") {
                guard case .name(let a) = current.kind else { throw invalidSyntax() }
                alias = a
                pos += 1
            }
            let bound = alias ?? String(path.split(separator: ".")[0])
            scope.declare(bound)
            names.append(ImportName(path: path, alias: alias, binding: use(bound)))
        } while match(",")
        return .importModules(names, line: line)
    }

    mutating func parseFromImport(line: Int) throws -> Stmt {
        if check(".") || check("...") {
            throw error("relative imports are not supported in Labbook cells")
        }
        let module = try dottedName()
        guard matchKeyword("import") else { throw invalidSyntax() }
        if check("*") {
            throw error("'from ... import *' is not supported in Labbook cells")
        }
        let parenthesized = match("(")
        var names: [ImportName] = []
        repeat {
            if parenthesized && check(")") { break }
            guard case .name(let n) = current.kind else { throw invalidSyntax() }
            pos += 1
            var alias: String?
            if matchKeyword("as") {
                guard case .name(let a) = current.kind else { throw invalidSyntax() }
                alias = a
                pos += 1
            }
            scope.declare(alias ?? n)
            names.append(ImportName(path: n, alias: alias, binding: use(alias ?? n)))
        } while match(",")
        if parenthesized { try expect(")") }
        if names.isEmpty { throw invalidSyntax() }
        return .importFrom(module: module, names: names, line: line)
    }

    // MARK: Compound statements

    mutating func parseCondition() throws -> Expr {
        let e = try parseTest()
        if check(":="), let unsupported = unsupportedConstruct() { throw unsupported }
        return e
    }

    mutating func parseIf() throws -> Stmt {
        let line = current.line
        pos += 1
        var branches: [(Expr, [Stmt])] = []
        let test = try parseCondition()
        branches.append((test, try parseBlock(after: "'if' statement", line: line)))
        var orElse: [Stmt] = []
        while true {
            let clauseLine = current.line
            if matchKeyword("elif") {
                let test = try parseCondition()
                branches.append((test, try parseBlock(after: "'elif' statement", line: clauseLine)))
            } else if matchKeyword("else") {
                orElse = try parseBlock(after: "'else' statement", line: clauseLine)
                break
            } else {
                break
            }
        }
        return .ifElse(branches: branches, orElse: orElse, line: line)
    }

    mutating func parseWhile() throws -> Stmt {
        let line = current.line
        pos += 1
        let test = try parseCondition()
        let (body, orElse) = try parseLoopBlocks("'while' statement", line: line)
        return .whileLoop(test: test, body: body, orElse: orElse, line: line)
    }

    /// A loop's body (where `break` and `continue` belong) and its optional `else:` block.
    private mutating func parseLoopBlocks(_ statement: String, line: Int) throws -> (body: [Stmt], orElse: [Stmt]) {
        loopDepth += 1
        let body = try parseBlock(after: statement, line: line)
        loopDepth -= 1
        var orElse: [Stmt] = []
        let elseLine = current.line
        if matchKeyword("else") { orElse = try parseBlock(after: "'else' statement", line: elseLine) }
        return (body, orElse)
    }

    /// Targets of `for` and comprehensions: a comma list that must not swallow `in`.
    mutating func parseTargetList() throws -> Expr {
        let start = current
        var items: [Expr] = []
        var sawComma = false
        while true {
            if match("*") {
                let p = Position(line: tokens[pos - 1].line, column: tokens[pos - 1].column)
                items.append(.starred(try parseBitOr(), p))
            } else {
                items.append(try parseBitOr())
            }
            if match(",") {
                sawComma = true
                if checkKeyword("in") { break }
                continue
            }
            break
        }
        let target = items.count == 1 && !sawComma
            ? items[0] : .tuple(items, Position(line: start.line, column: start.column))
        try declareTarget(target)
        return target
    }

    mutating func parseFor() throws -> Stmt {
        let line = current.line
        pos += 1
        let target = try parseTargetList()
        guard matchKeyword("in") else { throw invalidSyntax() }
        let iterable = try parseTestListStarExpr()
        let (body, orElse) = try parseLoopBlocks("'for' statement", line: line)
        return .forLoop(target: target, iterable: iterable, body: body, orElse: orElse, line: line)
    }

    mutating func parseTry() throws -> Stmt {
        let line = current.line
        pos += 1
        let body = try parseBlock(after: "'try' statement", line: line)
        var handlers: [ExceptHandler] = []
        while checkKeyword("except") {
            let handlerLine = current.line
            pos += 1
            var type: Expr?
            var binding: NameRef?
            if !check(":") {
                if check("*") { throw error("'except*' is not supported in Labbook cells") }
                type = try parseTest()
                if match(",") {
                    // `except A, B:` is Python 2; CPython 3.11 says this.
                    throw error("multiple exception types must be parenthesized", at: tokens[pos - 1])
                }
                if matchKeyword("as") {
                    guard case .name(let n) = current.kind else { throw invalidSyntax() }
                    pos += 1
                    scope.declare(n)
                    binding = use(n)
                }
            }
            let handlerBody = try parseBlock(after: "'except' statement", line: handlerLine)
            handlers.append(ExceptHandler(type: type, binding: binding, body: handlerBody, line: handlerLine))
        }
        var orElse: [Stmt] = []
        var finally: [Stmt] = []
        let elseLine = current.line
        if !handlers.isEmpty, matchKeyword("else") {
            orElse = try parseBlock(after: "'else' statement", line: elseLine)
        }
        let finallyLine = current.line
        if matchKeyword("finally") {
            finally = try parseBlock(after: "'finally' statement", line: finallyLine)
        }
        if handlers.isEmpty && finally.isEmpty {
            throw error("expected 'except' or 'finally' block")
        }
        return .tryExcept(body: body, handlers: handlers, orElse: orElse, finally: finally, line: line)
    }

    mutating func parseDef() throws -> Stmt {
        let line = current.line
        pos += 1
        guard case .name(let name) = current.kind else { throw invalidSyntax() }
        pos += 1
        scope.declare(name)
        let binding = use(name)
        try expect("(", "expected '('")
        let (parameters, defaults) = try parseParameters(closing: ")")
        try expect(")")
        if match("->") { _ = try parseTest() }
        let qualified = qualifiedName(name)
        let code = FunctionCode(name: name, qualifiedName: qualified, parameters: parameters,
                                cellNumber: cellNumber, line: line)
        code.enclosing = enclosingDefs.last
        code.isMethod = scope.kind == .classBody
        registerFunction(code)
        let inner = pushScope(.function)
        for p in parameters { inner.declare(p.name) }
        functionNames.append(name + ".<locals>")
        enclosingDefs.append(code)
        let savedLoops = loopDepth
        loopDepth = 0
        functionDepth += 1
        code.body = try parseBlock(after: "function definition", line: line)
        var last = pos - 1
        while last > 0, [.newline, .indent, .dedent, .endOfInput].contains(tokens[last].kind) { last -= 1 }
        code.lastLine = tokens[last].line
        enclosingDefs.removeLast()
        functionDepth -= 1
        loopDepth = savedLoops
        functionNames.removeLast()
        code.slotCount = inner.slotNames.count
        code.localNames = inner.slotNames
        popScope()
        return .functionDef(code, defaults: defaults, binding: binding, line: line)
    }

    /// Parameters of a `def` (up to `)`) or `lambda` (up to `:`); defaults are parsed in
    /// the enclosing scope. Slots are the parameters' positions.
    mutating func parseParameters(closing: String) throws -> ([Parameter], [Expr]) {
        var parameters: [Parameter] = []
        var defaults: [Expr] = []
        var keywordOnly = false
        var seenDefault = false
        var seen: Set<String> = []
        func add(_ name: String, _ kind: Parameter.Kind, _ hasDefault: Bool, _ token: Token) throws {
            if seen.contains(name) {
                throw SyntaxErrorInfo("duplicate argument '\(name)' in function definition",
                                      line: token.line, column: token.column)
            }
            seen.insert(name)
            parameters.append(Parameter(name: name, kind: kind, hasDefault: hasDefault, slot: parameters.count))
        }
        while !check(closing) {
            let t = current
            if match("**") {
                guard case .name(let n) = current.kind else { throw invalidSyntax() }
                pos += 1
                if closing == ")", match(":") { _ = try parseTest() }
                try add(n, .varKeywords, false, t)
                _ = match(",")
                guard check(closing) else { throw error("arguments cannot follow var-keyword argument") }
                break
            }
            if match("*") {
                if case .name(let n) = current.kind {
                    pos += 1
                    if closing == ")", match(":") { _ = try parseTest() }
                    try add(n, .varargs, false, t)
                } else if check(closing) {
                    throw error("named arguments must follow bare *", at: t)
                }
                keywordOnly = true
            } else if match("/") {
                // Positional-only marker: accepted; those parameters are treated as ordinary.
            } else {
                guard case .name(let n) = current.kind else { throw invalidSyntax() }
                pos += 1
                if closing == ")", match(":") { _ = try parseTest() }
                var hasDefault = false
                if match("=") {
                    defaults.append(try parseTest())
                    hasDefault = true
                    if !keywordOnly { seenDefault = true }
                } else if seenDefault && !keywordOnly {
                    throw SyntaxErrorInfo("non-default argument follows default argument", line: t.line, column: t.column)
                }
                try add(n, keywordOnly ? .keywordOnly : .positional, hasDefault, t)
            }
            if !match(",") { break }
        }
        return (parameters, defaults)
    }
}

