import CellLanguage
import Testing
@testable import Library

@Test func registryProvidesMath() {
    let session = Session(modules: LabbookModules.registry(settings: LibrarySettings(seed: 0, showTimings: false)))
    let outcome = session.run("import math\nprint(math.sqrt(16))", cellNumber: 1)
    #expect(outcome.error == nil)
    #expect(outcome.outputs == [.stream("4.0\n")])
}
