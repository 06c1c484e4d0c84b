/// Expression parsing, one function per precedence level (lowest first).
extension Parser {
    var position: Position { Position(line: current.line, column: current.column) }

    /// `a, *b, c` — an expression list that becomes a tuple when it has a comma.
    mutating func parseTestListStarExpr() throws -> Expr {
        let start = position
        let first = try parseStarOrTest()
        guard check(",") else { return first }
        var items = [first]
        while match(",") {
            if atStatementEnd || check("=") || check(")") || isAugmentedAssignment { break }
            items.append(try parseStarOrTest())
        }
        return .tuple(items, start)
    }

    var isAugmentedAssignment: Bool {
        if case .op(let o) = current.kind, o.count >= 2, o.hasSuffix("="),
           !["==", "!=", "<=", ">="].contains(o) { return true }
        return false
    }

    mutating func parseStarOrTest() throws -> Expr {
        if check("*") {
            let p = position
            pos += 1
            return .starred(try parseBitOr(), p)
        }
        return try parseTest()
    }

    mutating func parseTest() throws -> Expr {
        if checkKeyword("lambda") { return try parseLambda() }
        if let unsupported = unsupportedConstruct(), checkKeyword("yield") || checkKeyword("await") {
            throw unsupported
        }
        let start = position
        let body = try parseOrTest()
        if matchKeyword("if") {
            let test = try parseOrTest()
            guard matchKeyword("else") else { throw error("expected 'else' after 'if' expression") }
            let orElse = try parseTest()
            return .conditional(test: test, then: body, orElse: orElse, start)
        }
        if check(":="), let unsupported = unsupportedConstruct() { throw unsupported }
        return body
    }

    /// A test without a conditional expression (lambda bodies of comprehension clauses).
    mutating func parseTestNoConditional() throws -> Expr {
        if checkKeyword("lambda") { return try parseLambda() }
        return try parseOrTest()
    }

    mutating func parseLambda() throws -> Expr {
        let start = position
        pos += 1
        let (parameters, defaults) = try parseParameters(closing: ":")
        try expect(":")
        let code = FunctionCode(name: "<lambda>",
                                qualifiedName: qualifiedName("<lambda>"),
                                parameters: parameters, cellNumber: cellNumber, line: start.line)
        code.enclosing = enclosingDefs.last
        registerFunction(code)
        let inner = pushScope(.function)
        for p in parameters { inner.declare(p.name) }
        functionNames.append("<lambda>.<locals>")
        functionDepth += 1
        code.expression = try parseTest()
        functionDepth -= 1
        functionNames.removeLast()
        code.slotCount = inner.slotNames.count
        code.localNames = inner.slotNames
        popScope()
        return .lambda(code, defaults: defaults, start)
    }

    // `or` and `and` build their own nodes: they short-circuit, so are not binary operations.
    mutating func parseOrTest() throws -> Expr {
        try parseLeftAssociative({ parser -> Join? in parser.checkKeyword("or") ? { .or($0, $1, $2) } : nil }) { try $0.parseAndTest() }
    }

    mutating func parseAndTest() throws -> Expr {
        try parseLeftAssociative({ parser -> Join? in parser.checkKeyword("and") ? { .and($0, $1, $2) } : nil }) { try $0.parseNotTest() }
    }

    mutating func parseNotTest() throws -> Expr {
        if checkKeyword("not") {
            let p = position
            pos += 1
            return .not(try parseNotTest(), p)
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws -> Expr {
        let start = position
        let first = try parseBitOr()
        var rest: [(CompareOperator, Expr)] = []
        while true {
            let op: CompareOperator
            switch current.kind {
            case .op("<"): op = .less
            case .op(">"): op = .greater
            case .op("=="): op = .equal
            case .op(">="): op = .greaterEqual
            case .op("<="): op = .lessEqual
            case .op("!="): op = .notEqual
            case .keyword("in"): op = .in
            case .keyword("not"):
                guard case .keyword("in") = tokens[pos + 1].kind else { return finish() }
                pos += 1
                op = .notIn
            case .keyword("is"):
                if case .keyword("not") = tokens[pos + 1].kind {
                    pos += 1
                    op = .isNot
                } else {
                    op = .is
                }
            default:
                return finish()
            }
            pos += 1
            rest.append((op, try parseBitOr()))
        }
        func finish() -> Expr {
            rest.isEmpty ? first : .compare(first, rest, start)
        }
    }

    /// One precedence level, `next (operator next)*`, grouped to the left: `a - b - c` is
    /// `(a - b) - c`. `node` recognises an operator at the current token and gives how to
    /// join the operands (positioned at the operator); nil ends the level.
    mutating func parseLeftAssociative(_ node: (Parser) -> Join?,
                                       _ next: (inout Parser) throws -> Expr) throws -> Expr {
        var left = try next(&self)
        while let join = node(self) {
            let p = position
            pos += 1
            left = join(left, try next(&self), p)
        }
        return left
    }

    /// How `parseLeftAssociative` joins two operands at an operator's position.
    typealias Join = (Expr, Expr, Position) -> Expr

    mutating func parseBinaryLevel(_ operators: [String: BinaryOperator],
                                   _ next: (inout Parser) throws -> Expr) throws -> Expr {
        try parseLeftAssociative({ parser -> Join? in
            guard case .op(let o) = parser.current.kind, let op = operators[o] else { return nil }
            return { .binary(op, $0, $1, $2) }
        }, next)
    }

    mutating func parseBitOr() throws -> Expr {
        try parseBinaryLevel(["|": .or]) { try $0.parseBitXor() }
    }
    mutating func parseBitXor() throws -> Expr {
        try parseBinaryLevel(["^": .xor]) { try $0.parseBitAnd() }
    }
    mutating func parseBitAnd() throws -> Expr {
        try parseBinaryLevel(["&": .and]) { try $0.parseShift() }
    }
    mutating func parseShift() throws -> Expr {
        try parseBinaryLevel(["<<": .leftShift, ">>": .rightShift]) { try $0.parseArith() }
    }
    mutating func parseArith() throws -> Expr {
        try parseBinaryLevel(["+": .add, "-": .subtract]) { try $0.parseTerm() }
    }
    mutating func parseTerm() throws -> Expr {
        try parseBinaryLevel(["*": .multiply, "/": .trueDivide, "//": .floorDivide, "%": .modulo,
                              "@": .matrixMultiply]) { try $0.parseFactor() }
    }

    mutating func parseFactor() throws -> Expr {
        let p = position
        let op: UnaryOperator
        switch current.kind {
        case .op("-"): op = .negate
        case .op("+"): op = .plus
        case .op("~"): op = .invert
        default: return try parsePower()
        }
        pos += 1
        let operand = try parseFactor()
        // Fold negative literals so `-1` is a constant (and -9223372036854775808 fits).
        if op == .negate, case .constant(let v, _) = operand {
            if case .int(let i) = v, i != Int.min { return .constant(.int(-i), p) }
            if case .float(let d) = v { return .constant(.float(-d), p) }
        }
        return .unary(op, operand, p)
    }

    mutating func parsePower() throws -> Expr {
        if checkKeyword("await"), let unsupported = unsupportedConstruct() { throw unsupported }
        let base = try parsePrimary()
        if check("**") {
            let p = position
            pos += 1
            return .binary(.power, base, try parseFactor(), p)
        }
        return base
    }

    /// An atom followed by calls, subscripts and attributes.
    mutating func parsePrimary() throws -> Expr {
        var e = try parseAtom()
        while true {
            let p = position
            if match("(") {
                e = Parser.call(e, try parseCallArguments(), p)
            } else if match("[") {
                e = .subscript(e, try parseSubscript(), p)
                try expect("]")
            } else if match(".") {
                guard case .name(let n) = current.kind else {
                    if case .keyword(let k) = current.kind { pos += 1; return .attribute(e, k, p) }
                    throw invalidSyntax()
                }
                pos += 1
                e = .attribute(e, n, p)
            } else {
                return e
            }
        }
    }

    /// A call expression: `.directCall` unless an argument is `*x` or `**x`.
    static func call(_ callee: Expr, _ arguments: [CallArgument], _ p: Position) -> Expr {
        var positional: [Expr] = [], names: [String] = [], values: [Expr] = []
        for argument in arguments {
            switch argument {
            case .positional(let e): positional.append(e)
            case .keyword(let name, let e): names.append(name); values.append(e)
            case .star, .doubleStar: return .call(callee, arguments, p)
            }
        }
        // Zero-argument `super()` takes the method's class and first argument from the
        // calling frame; the general call path looks for it.
        if case .name(let ref, _) = callee, ref.name == "super", arguments.isEmpty { return .call(callee, [], p) }
        return .directCall(callee, positional: positional, keywordNames: names, keywordValues: values, p)
    }

    mutating func parseCallArguments() throws -> [CallArgument] {
        var args: [CallArgument] = []
        var sawKeyword = false
        while !check(")") {
            let p = position
            if match("**") {
                args.append(.doubleStar(try parseTest()))
                sawKeyword = true
            } else if match("*") {
                args.append(.star(try parseTest()))
            } else if case .name(let n) = current.kind, case .op("=") = tokens[pos + 1].kind {
                pos += 2
                args.append(.keyword(n, try parseTest()))
                sawKeyword = true
            } else {
                let mark = scope.pending.count
                let value = try parseTest()
                if checkKeyword("for") {
                    let gen = try parseComprehension(kind: .generator, element: value, value: nil,
                                                     pendingMark: mark, start: p)
                    if !args.isEmpty || !check(")") {
                        throw SyntaxErrorInfo("Generator expression must be parenthesized",
                                              line: p.line, column: p.column)
                    }
                    args.append(.positional(gen))
                    break
                }
                if check("=") {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?", at: tokens[pos - 1])
                }
                if sawKeyword {
                    throw SyntaxErrorInfo("positional argument follows keyword argument",
                                          line: p.line, column: p.column)
                }
                args.append(.positional(value))
            }
            if !match(",") { break }
        }
        try expect(")")
        return args
    }

    /// The inside of `[...]`: an index, a slice, or a tuple of them (`a[:, 0]`).
    mutating func parseSubscript() throws -> Expr {
        let start = position
        var items: [Expr] = []
        var sawComma = false
        repeat {
            if check("]") { break }
            items.append(try parseSliceItem())
            if check(",") { sawComma = true }
        } while match(",")
        if items.isEmpty { throw invalidSyntax() }
        return items.count == 1 && !sawComma ? items[0] : .tuple(items, start)
    }

    mutating func parseSliceItem() throws -> Expr {
        let p = position
        var lower: Expr?
        if !check(":") {
            let e = try parseStarOrTest()
            if !check(":") { return e }
            lower = e
        }
        pos += 1  // ':'
        var upper: Expr?
        var step: Expr?
        if !check(":") && !check("]") && !check(",") { upper = try parseTest() }
        if match(":") {
            if !check("]") && !check(",") { step = try parseTest() }
        }
        return .slice(lower, upper, step, p)
    }

    // MARK: Atoms

    mutating func parseAtom() throws -> Expr {
        let t = current
        let p = position
        switch t.kind {
        case .name(let n):
            pos += 1
            return .name(use(n), p)
        case .int(let v):
            pos += 1
            return .constant(.int(v), p)
        case .float(let v):
            pos += 1
            return .constant(.float(v), p)
        case .string:
            return try parseStrings()
        case .keyword("None"):
            pos += 1
            return .constant(.none, p)
        case .op("..."):
            pos += 1
            return .constant(.host(EllipsisValue.shared), p)
        case .keyword("True"):
            pos += 1
            return .constant(.bool(true), p)
        case .keyword("False"):
            pos += 1
            return .constant(.bool(false), p)
        case .op("("):
            pos += 1
            return try parseParenthesized(p)
        case .op("["):
            pos += 1
            return try parseListDisplay(p)
        case .op("{"):
            pos += 1
            return try parseBraceDisplay(p)
        default:
            if case .newline = t.kind, pos > 0 {
                throw error("invalid syntax")
            }
            if case .endOfInput = t.kind { throw error("invalid syntax") }
            throw invalidSyntax()
        }
    }

    mutating func parseParenthesized(_ p: Position) throws -> Expr {
        if match(")") { return .tuple([], p) }
        if checkKeyword("yield"), let unsupported = unsupportedConstruct() { throw unsupported }
        let mark = scope.pending.count
        let first = try parseStarOrTest()
        if checkKeyword("for") {
            let gen = try parseComprehension(kind: .generator, element: first, value: nil, pendingMark: mark, start: p)
            try expect(")")
            return gen
        }
        if check(":="), let unsupported = unsupportedConstruct() { throw unsupported }
        if match(")") {
            if case .starred(_, let sp) = first {
                throw SyntaxErrorInfo("cannot use starred expression here", line: sp.line, column: sp.column)
            }
            return first
        }
        return .tuple(try parseDisplayRest(first, closing: ")"), p)
    }

    mutating func parseListDisplay(_ p: Position) throws -> Expr {
        if match("]") { return .list([], p) }
        let mark = scope.pending.count
        let first = try parseStarOrTest()
        if checkKeyword("for") {
            let comp = try parseComprehension(kind: .list, element: first, value: nil, pendingMark: mark, start: p)
            try expect("]")
            return comp
        }
        return .list(try parseDisplayRest(first, closing: "]"), p)
    }

    mutating func parseBraceDisplay(_ p: Position) throws -> Expr {
        if match("}") { return .dict([], p) }
        let mark = scope.pending.count
        if match("**") {
            var items: [DictItem] = [.spread(try parseBitOr())]
            try parseDictRest(&items)
            return .dict(items, p)
        }
        let first = try parseStarOrTest()
        if match(":") {
            let value = try parseTest()
            if checkKeyword("for") {
                let comp = try parseComprehension(kind: .dict, element: first, value: value, pendingMark: mark, start: p)
                try expect("}")
                return comp
            }
            var items: [DictItem] = [.pair(first, value)]
            try parseDictRest(&items)
            return .dict(items, p)
        }
        if checkKeyword("for") {
            let comp = try parseComprehension(kind: .set, element: first, value: nil, pendingMark: mark, start: p)
            try expect("}")
            return comp
        }
        return .set(try parseDisplayRest(first, closing: "}"), p)
    }

    /// A tuple, list or set display's items from its first: the others, each after a comma (a
    /// trailing comma allowed), then the closing bracket.
    mutating func parseDisplayRest(_ first: Expr, closing: String) throws -> [Expr] {
        var items = [first]
        while match(",") {
            if check(closing) { break }
            items.append(try parseStarOrTest())
        }
        try expect(closing)
        return items
    }

    mutating func parseDictRest(_ items: inout [DictItem]) throws {
        while match(",") {
            if check("}") { break }
            if match("**") {
                items.append(.spread(try parseBitOr()))
            } else {
                let key = try parseTest()
                try expect(":", "':' expected after dictionary key")
                items.append(.pair(key, try parseTest()))
            }
        }
        try expect("}")
    }

    /// The `for ... in ... if ...` clauses after a comprehension's element. Names used in
    /// the element (parsed before we knew) move into the comprehension's own scope; the
    /// first iterable is evaluated in the enclosing scope, as in CPython.
    mutating func parseComprehension(kind: Comprehension.Kind, element: Expr, value: Expr?,
                                     pendingMark: Int, start: Position) throws -> Expr {
        let outer = scope
        let inner = ParserScope(kind: .comprehension)
        inner.pending = Array(outer.pending[pendingMark...])
        outer.pending.removeSubrange(pendingMark...)
        var clauses: [ComprehensionClause] = []
        while matchKeyword("for") {
            scopes.append(inner)
            let target = try parseTargetList()
            guard matchKeyword("in") else { throw invalidSyntax() }
            if clauses.isEmpty { scopes.removeLast() }
            let iterable = try parseOrTest()
            if clauses.isEmpty { scopes.append(inner) }
            var conditions: [Expr] = []
            while matchKeyword("if") {
                conditions.append(try parseTestNoConditional())
            }
            scopes.removeLast()
            clauses.append(ComprehensionClause(target: target, iterable: iterable, conditions: conditions))
        }
        let comp = Comprehension(kind: kind, element: element, value: value, clauses: clauses)
        inner.finalize(parent: outer, globals: globals)
        comp.slotCount = inner.slotNames.count
        return .comprehension(comp, start)
    }

    // MARK: Strings

    /// Adjacent string literals, joined; an f-string among them makes the whole an f-string.
    mutating func parseStrings() throws -> Expr {
        let p = position
        var parts: [FStringPart] = []
        var isF = false
        while case .string(let literal) = current.kind {
            pos += 1
            isF = isF || literal.isFString
            for piece in literal.pieces {
                switch piece {
                case .text(let s):
                    if case .text(let previous) = parts.last {
                        parts[parts.count - 1] = .text(previous + s)
                    } else {
                        parts.append(.text(s))
                    }
                case .field(let field):
                    parts.append(try parseField(field))
                }
            }
        }
        if !isF {
            if case .text(let s) = parts.first { return .constant(.str(s), p) }
            return .constant(.str(""), p)
        }
        return .fstring(parts, p)
    }

    mutating func parseField(_ field: FormatField) throws -> FStringPart {
        var lexer = Lexer("(" + field.source + ")")
        var sub = try lexer.tokenize()
        for i in sub.indices {
            if sub[i].line == 1 { sub[i].column += field.column - 1 }
            sub[i].line += field.line - 1
        }
        let savedTokens = tokens
        let savedPos = pos
        tokens = sub
        pos = 1
        defer {
            tokens = savedTokens
            pos = savedPos
        }
        let expr = try parseTestListStarExpr()
        guard check(")") else {
            throw SyntaxErrorInfo("f-string: expecting '}'", line: current.line, column: current.column)
        }
        var spec: [FStringPart]?
        if let pieces = field.spec {
            var parts: [FStringPart] = []
            for piece in pieces {
                switch piece {
                case .text(let s): parts.append(.text(s))
                case .field(let f): parts.append(try parseField(f))
                }
            }
            spec = parts
        }
        return .field(expr, conversion: field.conversion, spec: spec, debugText: field.debugText)
    }
}
