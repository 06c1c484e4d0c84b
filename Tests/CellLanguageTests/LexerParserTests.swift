import Testing
@testable import CellLanguage

private func kinds(_ source: String) throws -> [TokenKind] {
    var lexer = Lexer(source)
    return try lexer.tokenize().map(\.kind)
}

@Test func lexerProducesIndentAndDedent() throws {
    #expect(try kinds("if x:\n    y\nz\n") == [
        .keyword("if"), .name("x"), .op(":"), .newline, .indent, .name("y"), .newline, .dedent,
        .name("z"), .newline, .endOfInput,
    ])
}

@Test func lexerJoinsLinesInsideBracketsAndAfterBackslash() throws {
    #expect(try kinds("f(1,\n  2)\nx = 1 + \\\n  2\n") == [
        .name("f"), .op("("), .int(1), .op(","), .int(2), .op(")"), .newline,
        .name("x"), .op("="), .int(1), .op("+"), .int(2), .newline, .endOfInput,
    ])
}

@Test func lexerSkipsCommentsAndBlankLines() throws {
    #expect(try kinds("# comment\n\nx  # trailing\n   \n") == [.name("x"), .newline, .endOfInput])
}

@Test func lexerReadsNumberForms() throws {
    #expect(try kinds("1_000 0x1F 0o17 0b101 1e-7 .5 2. 3.25e2")
            == [.int(1000), .int(31), .int(15), .int(5), .float(1e-7), .float(0.5), .float(2), .float(325), .newline, .endOfInput])
}

@Test func lexerReadsStringForms() throws {
    func text(_ source: String) throws -> String {
        guard case .string(let literal) = try kinds(source)[0], case .text(let s) = literal.pieces.first else { return "?" }
        return s
    }
    #expect(try text(#"'a\tb\n'"#) == "a\tb\n")
    #expect(try text(#""it's""#) == "it's")
    #expect(try text(#"r'\d+\n'"#) == #"\d+\n"#)
    #expect(try text("'''two\nlines'''") == "two\nlines")
    #expect(try text(#"'\x41\u00e9\101'"#) == "Aé A".replacingOccurrences(of: " ", with: ""))
}

@Test func lexerSplitsFStringsIntoFields() throws {
    guard case .string(let literal) = try kinds("f'{x!r:>{w}} and {{braces}} {y=}'")[0] else {
        Issue.record("not a string")
        return
    }
    #expect(literal.isFString)
    #expect(literal.pieces.count == 3)
    guard case .field(let first) = literal.pieces[0] else { Issue.record("no field"); return }
    #expect(first.source == "x")
    #expect(first.conversion == "r")
    #expect(first.spec?.count == 2)
    #expect(literal.pieces[1] == .text(" and {braces} "))
    guard case .field(let last) = literal.pieces[2] else { Issue.record("no field"); return }
    #expect(last.debugText == "y=")
}

@Test func tokensCarryLinesAndColumns() throws {
    var lexer = Lexer("x = 1\n  \ny = (2 +\n     3)\n")
    let tokens = try lexer.tokenize()
    let three = try #require(tokens.first { $0.kind == .int(3) })
    #expect(three.line == 4)
    #expect(three.column == 5)
    let y = try #require(tokens.first { $0.kind == .name("y") })
    #expect(y.line == 3 && y.column == 0)
}

private func parse(_ source: String) throws -> Program {
    var parser = try Parser(source: source, cellNumber: 1, globals: GlobalTable { _ in nil })
    return try parser.parseProgram()
}

@Test func parserRespectsPrecedence() throws {
    let program = try parse("1 + 2 * 3 ** 2")
    guard case .expression(.binary(.add, .constant, .binary(.multiply, .constant, .binary(.power, _, _, _), _), _), _) = program.body[0] else {
        Issue.record("wrong tree")
        return
    }
    let unary = try parse("-2 ** 2")
    guard case .expression(.unary(.negate, .binary(.power, _, _, _), _), _) = unary.body[0] else {
        Issue.record("-2 ** 2 must be -(2 ** 2)")
        return
    }
}

@Test func parserResolvesScopes() throws {
    let program = try parse("g = 1\ndef f(a):\n    b = a + g\n    def inner():\n        return b\n    return inner")
    guard case .functionDef(let code, _, _, _) = program.body[1] else { Issue.record("no def"); return }
    #expect(code.localNames == ["a", "b", "inner"])
    guard case .assign(_, .binary(_, .name(let a, _), .name(let g, _), _), _) = code.body[0] else {
        Issue.record("no assignment")
        return
    }
    #expect(a.access == .local(0))
    if case .global = g.access {} else { Issue.record("g must be global") }
    guard case .functionDef(let inner, _, _, _) = code.body[1],
          case .returnValue(.name(let b, _)?, _) = inner.body[0] else { Issue.record("no inner"); return }
    #expect(b.access == .free(depth: 1, slot: 1))
}

@Test func parserMarksDisplayOfLastExpression() throws {
    #expect(try parse("x = 1\nx").displaysLastExpression)
    #expect(try !parse("x = 1\nx;").displaysLastExpression)
    #expect(try !parse("x = 1").displaysLastExpression)
}

@Test func statementsCarryTheirLines() throws {
    let program = try parse("a = 1\n\nif a:\n    b = 2\nelse:\n    c = 3\n")
    #expect(program.body.map(\.line) == [1, 3])
    guard case .ifElse(let branches, let orElse, _) = program.body[1] else { Issue.record("no if"); return }
    #expect(branches[0].1[0].line == 4)
    #expect(orElse[0].line == 6)
}
