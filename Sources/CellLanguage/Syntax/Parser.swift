/// Parses a cell's tokens into statements, one function per precedence level, resolving
/// variable scopes as it goes.
///
///     let program = try Parser(source: "x = 1\nx + 1\n", cellNumber: 1, globals: table).parseProgram()
struct Parser {
    var tokens: [Token]
    var pos = 0
    let cellNumber: Int
    let globals: GlobalTable
    var scopes: [ParserScope] = [ParserScope(kind: .module)]
    /// Enclosing `def`s and classes as qualified-name prefixes (`outer.<locals>`, `Point`),
    /// for qualified names such as `outer.<locals>.inner` and `Point.__init__`.
    var functionNames: [String] = []
    /// Enclosing `def`s, innermost last.
    var enclosingDefs: [FunctionCode] = []
    /// Loop nesting of the innermost function (for "'break' outside loop").
    var loopDepth = 0
    var functionDepth = 0
    /// Whether the last simple statement line ended with `;` (IPython then shows nothing).
    var lastLineEndedWithSemicolon = false

    /// The lexer's "'(' was never closed", reported if parsing fails at the end of input.
    var unclosedBracket: SyntaxErrorInfo?
    /// The source, and every `def`/`lambda` parsed from it in order (for state snapshots).
    let functionSource: FunctionSource
    var functionCodes: [FunctionCode] = []

    init(source: String, cellNumber: Int, globals: GlobalTable) throws {
        var lexer = Lexer(source)
        tokens = try lexer.tokenize()
        unclosedBracket = lexer.unclosedBracket
        functionSource = FunctionSource(source)
        self.cellNumber = cellNumber
        self.globals = globals
    }

    // MARK: Token helpers

    var current: Token { tokens[pos] }
    var scope: ParserScope { scopes[scopes.count - 1] }

    func check(_ op: String) -> Bool {
        if case .op(let o) = current.kind { return o == op }
        return false
    }
    func checkKeyword(_ keyword: String) -> Bool {
        if case .keyword(let k) = current.kind { return k == keyword }
        return false
    }
    mutating func match(_ op: String) -> Bool {
        if check(op) { pos += 1; return true }
        return false
    }
    mutating func matchKeyword(_ keyword: String) -> Bool {
        if checkKeyword(keyword) { pos += 1; return true }
        return false
    }
    mutating func advance() -> Token {
        let t = tokens[pos]
        if pos < tokens.count - 1 { pos += 1 }
        return t
    }
    mutating func expect(_ op: String, _ message: String? = nil) throws {
        guard match(op) else { throw message.map { error($0) } ?? invalidSyntax() }
    }

    func error(_ message: String, at token: Token? = nil) -> SyntaxErrorInfo {
        let t = token ?? current
        return SyntaxErrorInfo(message, line: t.line, column: t.column)
    }

    /// "invalid syntax" at the current token, or the construct it starts if unsupported.
    func invalidSyntax() -> SyntaxErrorInfo {
        if let unsupported = unsupportedConstruct() { return unsupported }
        if current.kind == .indent {
            return SyntaxErrorInfo("unexpected indent", line: current.line, column: current.column,
                                   typeName: "IndentationError")
        }
        return error("invalid syntax")
    }

    /// The "not supported in Labbook cells" error for a token that starts a construct
    /// outside the subset.
    func unsupportedConstruct() -> SyntaxErrorInfo? {
        let t = current
        let construct: String?
        switch t.kind {
        case .keyword("yield"): construct = "'yield' inside an expression (rather than as a statement or an assignment's value) is"
        case .keyword("async"): construct = "'async' functions and statements are"
        case .keyword("await"): construct = "'await' expressions are"
        case .op(":="): construct = "assignment expressions (:=) are"
        default: construct = nil
        }
        return construct.map { SyntaxErrorInfo.unsupported($0, line: t.line, column: t.column) }
    }

    // MARK: Names and scopes

    mutating func use(_ name: String) -> NameRef {
        let ref = NameRef(name)
        scope.pending.append((ref, 0))
        return ref
    }

    mutating func pushScope(_ kind: ParserScope.Kind) -> ParserScope {
        let s = ParserScope(kind: kind)
        scopes.append(s)
        return s
    }

    mutating func popScope() {
        let s = scopes.removeLast()
        s.finalize(parent: scope, globals: globals)
    }

    /// Declares the names an assignment target binds and checks it is assignable, with
    /// CPython's messages (`plainAssignment`: the target of `x = ...`, which gets the
    /// "Maybe you meant '=='" hint for expressions).
    mutating func declareTarget(_ target: Expr, augmented: Bool = false, deleting: Bool = false,
                                plainAssignment: Bool = false) throws {
        switch target {
        case .name(let ref, _):
            scope.declare(ref.name)
            return
        case .attribute, .subscript:
            return
        case .tuple(let items, _) where !augmented, .list(let items, _) where !augmented:
            for item in items { try declareTarget(item, deleting: deleting) }
            return
        case .starred(let inner, _) where !augmented && !deleting:
            try declareTarget(inner)
            return
        default:
            break
        }
        let p = target.position
        let what = target.describedForAssignment
        if augmented {
            throw SyntaxErrorInfo("'\(what)' is an illegal expression for augmented assignment", line: p.line, column: p.column)
        }
        if deleting {
            throw SyntaxErrorInfo("cannot delete \(what)", line: p.line, column: p.column)
        }
        var hint = ""
        if plainAssignment {
            switch target {
            case .binary, .unary, .call, .directCall, .comprehension, .fstring: hint = " here. Maybe you meant '==' instead of '='?"
            case .constant(let v, _):
                switch v {
                case .none, .bool: break
                default: hint = " here. Maybe you meant '==' instead of '='?"
                }
            default: break
            }
        }
        throw SyntaxErrorInfo("cannot assign to \(what)\(hint)", line: p.line, column: p.column)
    }

    // MARK: Program and blocks

    mutating func parseProgram() throws -> Program {
        do {
            let program = try parseStatements()
            if let unclosedBracket { throw unclosedBracket }
            return program
        } catch let e as SyntaxErrorInfo {
            // An error at the very end of input inside brackets is CPython's "never closed".
            if let unclosedBracket, pos >= tokens.count - 3 { throw unclosedBracket }
            throw e
        }
    }

    private mutating func parseStatements() throws -> Program {
        var body: [Stmt] = []
        while current.kind != .endOfInput {
            if current.kind == .newline { pos += 1; continue }
            body.append(contentsOf: try parseStatement())
        }
        popModule()
        var displays = false
        if case .expression = body.last { displays = !lastLineEndedWithSemicolon }
        return Program(body: body, displaysLastExpression: displays)
    }

    /// Finalizes the module scope (all names at the top level of a cell are globals).
    mutating func popModule() {
        scopes[0].finalize(parent: nil, globals: globals)
    }

    /// `:` then an indented block or simple statements on the same line.
    mutating func parseBlock(after construct: String, line: Int) throws -> [Stmt] {
        try expect(":", "expected ':'")
        if current.kind == .newline {
            pos += 1
            guard current.kind == .indent else {
                throw SyntaxErrorInfo("expected an indented block after \(construct) on line \(line)",
                                      line: current.line, column: current.column, typeName: "IndentationError")
            }
            pos += 1
            var body: [Stmt] = []
            while current.kind != .dedent && current.kind != .endOfInput {
                if current.kind == .newline { pos += 1; continue }
                body.append(contentsOf: try parseStatement())
            }
            if current.kind == .dedent { pos += 1 }
            return body
        }
        return try parseSimpleStatements()
    }

    mutating func parseStatement() throws -> [Stmt] {
        let t = current
        switch t.kind {
        case .keyword("if"): return [try parseIf()]
        case .keyword("while"): return [try parseWhile()]
        case .keyword("for"): return [try parseFor()]
        case .keyword("def"): return [try parseDef()]
        case .keyword("try"): return [try parseTry()]
        case .keyword("class"): return [try parseClass()]
        case .keyword("with"): return [try parseWith()]
        case .op("@"): return [try parseDecorated()]
        case .indent:
            throw SyntaxErrorInfo("unexpected indent", line: t.line, column: t.column, typeName: "IndentationError")
        case .name("match"):
            if case .name = tokens[pos + 1].kind, tokens[pos + 1].line == t.line {
                throw SyntaxErrorInfo.unsupported("'match' statements are", line: t.line, column: t.column)
            }
            return try parseSimpleStatements()
        case .keyword("yield"):
            return try parseSimpleStatements()
        default:
            if let unsupported = unsupportedConstruct() { throw unsupported }
            return try parseSimpleStatements()
        }
    }

    /// Simple statements separated by `;`, through the end of the line.
    mutating func parseSimpleStatements() throws -> [Stmt] {
        var body: [Stmt] = []
        lastLineEndedWithSemicolon = false
        while true {
            body.append(try parseSimpleStatement())
            if match(";") {
                if current.kind == .newline || current.kind == .endOfInput {
                    lastLineEndedWithSemicolon = true
                    break
                }
                continue
            }
            break
        }
        guard current.kind == .newline || current.kind == .endOfInput else { throw invalidSyntax() }
        if current.kind == .newline { pos += 1 }
        return body
    }
}

extension Expr {
    var isTuple: Bool {
        if case .tuple = self { return true }
        return false
    }

    /// How CPython names an expression that cannot be assigned to.
    var describedForAssignment: String {
        switch self {
        case .constant(let v, _):
            switch v {
            case .none: return "None"
            case .bool(let b): return b ? "True" : "False"
            default: return "literal"
            }
        case .call, .directCall: return "function call"
        case .starred: return "starred"
        case .tuple: return "tuple"
        case .list: return "list"
        case .binary, .unary: return "expression"
        case .and, .or, .not: return "expression"
        case .compare: return "comparison"
        case .conditional: return "conditional expression"
        case .lambda: return "lambda"
        case .fstring: return "f-string expression"
        case .dict: return "dict literal"
        case .set: return "set display"
        case .comprehension(let c, _):
            switch c.kind {
            case .list: return "list comprehension"
            case .set: return "set comprehension"
            case .dict: return "dict comprehension"
            case .generator: return "generator expression"
            }
        default: return "expression"
        }
    }
}
