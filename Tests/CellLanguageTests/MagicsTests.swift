import Testing
@testable import CellLanguage

@Suite struct MagicsTests {
    @Test func matplotlibInlineIsIgnored() {
        let session = Session(modules: ModuleRegistry())
        let outcome = session.run("%matplotlib inline\nx = 1\nprint(x + 1)", cellNumber: 1)
        #expect(outcome.error == nil)
        #expect(outcome.outputs == [.stream("2\n")])
    }

    @Test func otherMagicsAreSyntaxErrorsNamingTheLine() {
        let session = Session(modules: ModuleRegistry())
        let outcome = session.run("x = 1\n%timeit x + 1", cellNumber: 1)
        #expect(outcome.error?.typeName == "SyntaxError")
        #expect(outcome.error?.cellLine == 2)
        #expect(outcome.error?.message == "IPython magics and shell escapes ('%timeit') are not supported in Labbook cells")
        let shell = session.run("!pip install keras", cellNumber: 2)
        #expect(shell.error?.message.contains("'!pip'") == true)
    }

    @Test func percentInsideExpressionsIsStillModulo() {
        let session = Session(modules: ModuleRegistry())
        let outcome = session.run("print(7 %\n 3, '%d!' % 5)", cellNumber: 1)
        #expect(outcome.outputs == [.stream("1 5!\n")])
    }
}
