/// `class` statements and decorators.
extension Parser {
    /// `class Name:` or `class Name(Base):` and its body, which gets a scope of its own
    /// (its names become the class attributes; functions in it do not see them).
    mutating func parseClass() throws -> Stmt {
        let line = current.line
        pos += 1
        guard case .name(let name) = current.kind else { throw invalidSyntax() }
        pos += 1
        var bases: [Expr] = []
        if match("(") {
            while !check(")") {
                if case .name = current.kind, tokens[pos + 1].kind == .op("=") {
                    throw SyntaxErrorInfo.unsupported("class keywords (metaclass=...) are", line: current.line,
                                                      column: current.column)
                }
                bases.append(try parseTest())
                if !match(",") { break }
            }
            try expect(")")
        }
        scope.declare(name)
        let binding = use(name)
        let code = FunctionCode(name: name, qualifiedName: qualifiedName(name), parameters: [],
                                cellNumber: cellNumber, line: line)
        code.enclosing = enclosingDefs.last
        registerFunction(code)
        let inner = pushScope(.classBody)
        functionNames.append(qualifiedName(name))
        let savedLoops = loopDepth, savedDepth = functionDepth
        loopDepth = 0
        functionDepth = 0
        code.body = try parseBlock(after: "class definition", line: line)
        loopDepth = savedLoops
        functionDepth = savedDepth
        functionNames.removeLast()
        code.lastLine = lastTokenLine()
        code.slotCount = inner.slotNames.count
        code.localNames = inner.slotNames
        popScope()
        return .classDef(code, bases: bases, binding: binding, line: line)
    }

    /// `@decorator` lines, then the `def` or `class` they decorate.
    mutating func parseDecorated() throws -> Stmt {
        let line = current.line
        var decorators: [Expr] = []
        while match("@") {
            decorators.append(try parseTest())
            guard current.kind == .newline else { throw invalidSyntax() }
            pos += 1
        }
        let definition: Stmt
        let name: String
        switch current.kind {
        case .keyword("def"):
            definition = try parseDef()
            guard case .functionDef(let code, _, _, _) = definition else { throw invalidSyntax() }
            name = code.name
        case .keyword("class"):
            definition = try parseClass()
            guard case .classDef(let code, _, _, _) = definition else { throw invalidSyntax() }
            name = code.name
        default:
            throw invalidSyntax()
        }
        return .decorated(decorators: decorators, definition: definition, name: use(name), line: line)
    }

    /// `with manager as target, other:` and its block.
    mutating func parseWith() throws -> Stmt {
        let line = current.line
        pos += 1
        var items: [(context: Expr, target: Expr?)] = []
        repeat {
            let context = try parseTest()
            var target: Expr?
            if matchKeyword("as") {
                let t = try parseBitOr()
                try declareTarget(t)
                target = t
            }
            items.append((context, target))
        } while match(",")
        let body = try parseBlock(after: "'with' statement", line: line)
        return .with(items: items, body: body, line: line)
    }

    /// The qualified name of a `def`, `lambda` or class named `name` at this point.
    func qualifiedName(_ name: String) -> String {
        functionNames.map { $0 + "." }.joined() + name
    }

    /// The line of the last real token before the current one (a block's last line).
    func lastTokenLine() -> Int {
        var last = pos - 1
        while last > 0, [.newline, .indent, .dedent, .endOfInput].contains(tokens[last].kind) { last -= 1 }
        return tokens[last].line
    }
}
