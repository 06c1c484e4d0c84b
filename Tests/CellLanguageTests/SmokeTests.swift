import CellOutput
import Testing
@testable import CellLanguage

@Test func errorSummary() {
    let e = CellError(typeName: "NameError", message: "name 'x' is not defined", cellLine: 1, traceback: "")
    #expect(e.summary == "NameError: name 'x' is not defined")
}
