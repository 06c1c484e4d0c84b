import Foundation
import Testing

@testable import Jupyter

@Suite struct JSONValueTests {
    @Test func writesAsJupyterDoes() throws {
        // Python: json.dumps({"b": [1, "x\n"], "a": {}, "c": [], "é": "\u0001\"/"}, sort_keys=True, indent=1, ensure_ascii=False)
        let value = JSONValue.object([
            "b": .array([.int(1), .string("x\n")]), "a": .object([:]), "c": .array([]), "é": .string("\u{1}\"/"),
        ])
        #expect(value.serialized() == "{\n \"a\": {},\n \"b\": [\n  1,\n  \"x\\n\"\n ],\n \"c\": [],\n \"é\": \"\\u0001\\\"/\"\n}\n")
    }
}

@Suite struct JSONWriterAgainstPythonTests {
    /// Both fixtures were written by CPython's `json.dumps(nb, sort_keys=True, indent=1,
    /// ensure_ascii=False)`, as Jupyter writes notebooks: reading and writing one back must
    /// give the same bytes.
    @Test(arguments: ["every-output.ipynb", "exploring-mnist.ipynb"])
    func rewritesPythonsBytes(name: String) throws {
        let data = try JupyterFixtures.data(name)
        #expect(try JSONValue.parse(data).serialized() == String(decoding: data, as: UTF8.self))
    }
}
