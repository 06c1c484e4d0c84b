import CellLanguage
import Testing

/// `Session.watchGlobals`: which parameters a cell read, assigned or deleted, however it
/// reached them (parameter-aware cache keys depend on it).
@Suite struct WatchedGlobalsTests {
    func session() -> Session {
        let session = Session(modules: ModuleRegistry())
        for (name, value) in [("units", Value.int(32)), ("lr", .float(0.1)), ("tag", .str("a")), ("unused", .int(1))] {
            session[global: name] = value
        }
        session.watchGlobals(["units", "lr", "tag", "unused"])
        return session
    }

    @Test func readsThroughFunctionsLoopsAndBranchesAreNoted() {
        let s = session()
        #expect(s.run("def sizes(depth):\n    return [units] * depth\nclass C:\n    rate = 1", cellNumber: 1).error == nil)
        #expect(s.takeTouchedGlobals().isEmpty, "defining a function reads nothing")
        _ = s.run("depth = 2", cellNumber: 2)
        #expect(s.takeTouchedGlobals().isEmpty)
        _ = s.run("print(sizes(depth))", cellNumber: 3)
        #expect(s.takeTouchedGlobals() == ["units"], "read inside a function defined two cells earlier")
        _ = s.run("x = [lr for _ in range(3)] if tag == 'b' else 0", cellNumber: 4)
        #expect(s.takeTouchedGlobals() == ["tag"], "lr is read only when tag is 'b'")
        _ = s.run("def f(a=lr):\n    return a\nf()", cellNumber: 5)
        #expect(s.takeTouchedGlobals() == ["lr"], "a default is read at definition")
    }

    @Test func assignmentsAndDeletionsAreNotedAndReadsAreNotForgottenUntilTaken() {
        let s = session()
        _ = s.run("units = 64", cellNumber: 1)
        _ = s.run("del unused", cellNumber: 2)
        _ = s.run("def g():\n    global tag\n    tag = 'z'\ng()", cellNumber: 3)
        #expect(s.takeTouchedGlobals() == ["units", "unused", "tag"])
        #expect(s.takeTouchedGlobals().isEmpty)
        _ = s.run("units", cellNumber: 4)
        #expect(s.takeTouchedGlobals() == ["units"], "noted again after a take")
    }
}
