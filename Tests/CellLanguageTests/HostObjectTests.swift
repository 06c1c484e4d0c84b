import CellOutput
import Testing
@testable import CellLanguage

/// A tiny 1-d array standing in for numpy's ndarray, written only against the public API.
final class FakeArray: HostObject {
    var values: [Double]
    init(_ values: [Double]) { self.values = values }

    var typeName: String { "ndarray" }
    var repr: String { "array(\(values))" }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "shape": return .tuple([.int(values.count)])
        case "sum":
            return .builtin(BuiltinFunction("sum") { args, _ in
                _ = try args.bind("sum", [HostParameter("axis", default: .none)])
                return .float(self.values.reduce(0, +))
            })
        default: throw attributeError(name)
        }
    }

    func getItem(_ key: Value, _ interpreter: Interpreter) throws -> Value {
        if case .slice(let s) = key {
            return .host(FakeArray(try s.positions(length: values.count).map { values[$0] }))
        }
        guard let i = key.asInt, i >= -values.count, i < values.count else {
            throw PyException(.indexError, "index out of bounds")
        }
        return .float(values[i < 0 ? i + values.count : i])
    }

    func length() throws -> Int { values.count }

    func iterate(_ interpreter: Interpreter) throws -> PyIterator {
        PyIterator("iterator", values: values.map { .float($0) })
    }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool,
                         _ interpreter: Interpreter) throws -> Value? {
        guard let scalar = other.asDouble else { return nil }
        switch op {
        case .multiply: return .host(FakeArray(values.map { $0 * scalar }))
        case .subtract: return .host(FakeArray(values.map { reflected ? scalar - $0 : $0 - scalar }))
        default: return nil
        }
    }

    func compare(_ op: CompareOperator, _ other: Value, _ interpreter: Interpreter) throws -> Value? {
        guard op == .greater, let scalar = other.asDouble else { return nil }
        return .host(FakeArray(values.map { $0 > scalar ? 1 : 0 }))
    }

    func format(spec: String) throws -> String { "<\(values.count) values>" }
}

private func session() -> Session {
    let registry = ModuleRegistry()
    registry.register("fakenp") { _ in
        let m = Module("fakenp")
        m.define("array") { args, interp in
            let b = try args.bind("array", ["object"])
            return .host(FakeArray(try interp.toArray(b["object"]).map { $0.asDouble ?? 0 }))
        }
        return m
    }
    return Session(modules: registry)
}

@Test func hostObjectsTakePartInOperatorsIndexingAndIteration() {
    let s = session()
    _ = s.run("import fakenp as np\na = np.array([1, 2, 3])", cellNumber: 1)
    #expect(s.run("2 * a", cellNumber: 2).outputs == [.result("array([2.0, 4.0, 6.0])")])
    #expect(s.run("a * 2", cellNumber: 3).outputs == [.result("array([2.0, 4.0, 6.0])")])
    #expect(s.run("10 - a", cellNumber: 4).outputs == [.result("array([9.0, 8.0, 7.0])")])
    #expect(s.run("a > 1", cellNumber: 5).outputs == [.result("array([0.0, 1.0, 1.0])")])
    #expect(s.run("a[1:], a[-1], len(a), a.shape", cellNumber: 6).outputs
            == [.result("(array([2.0, 3.0]), 3.0, 3, (3,))")])
    #expect(s.run("[v for v in a], sum(a), a.sum(axis=0)", cellNumber: 7).outputs
            == [.result("([1.0, 2.0, 3.0], 6.0, 6.0)")])
    #expect(s.run("f'{a:x}' + str(a)", cellNumber: 8).outputs == [.result("'<3 values>array([1.0, 2.0, 3.0])'")])
    #expect(s.run("type(a), isinstance(a, list)", cellNumber: 9).outputs == [.result("(<class 'ndarray'>, False)")])
}

@Test func hostObjectDefaultsRaiseCPythonErrors() {
    let s = session()
    _ = s.run("import fakenp as np\na = np.array([1])", cellNumber: 1)
    let cases: [(String, String)] = [
        ("a.foo", "AttributeError: 'ndarray' object has no attribute 'foo'"),
        ("a.foo = 1", "AttributeError: 'ndarray' object has no attribute 'foo'"),
        ("a()", "TypeError: 'ndarray' object is not callable"),
        ("a[0] = 1", "TypeError: 'ndarray' object does not support item assignment"),
        ("a + 1", "TypeError: unsupported operand type(s) for +: 'ndarray' and 'int'"),
        ("'x' - a", "TypeError: unsupported operand type(s) for -: 'str' and 'ndarray'"),
        ("-a", "TypeError: bad operand type for unary -: 'ndarray'"),
        ("a < 1", "TypeError: '<' not supported between instances of 'ndarray' and 'int'"),
        ("a.sum(1, 2)", "TypeError: sum() takes from 0 to 1 positional arguments but 2 were given"),
        ("a.sum(axes=0)", "TypeError: sum() got an unexpected keyword argument 'axes'"),
        ("np.array()", "TypeError: array() missing 1 required positional argument: 'object'"),
    ]
    for (i, (source, expected)) in cases.enumerated() {
        #expect(s.run(source, cellNumber: i + 2).error?.summary == expected, "\(source)")
    }
}

@Test func hostCodeCallsBackIntoCellFunctions() throws {
    let registry = ModuleRegistry()
    registry.register("callbacks") { _ in
        let m = Module("callbacks")
        m.define("apply_twice") { args, interp in
            let b = try args.bind("apply_twice", ["f", "x"])
            return try interp.call(b["f"], try interp.call(b["f"], b["x"]))
        }
        m.define("fail") { _, _ in throw PyException(.valueError, "units must be positive") }
        return m
    }
    let s = Session(modules: registry)
    #expect(s.run("from callbacks import apply_twice\napply_twice(lambda v: v * 3, 2)", cellNumber: 1).outputs == [.result("18")])
    let outcome = s.run("import callbacks\ntry:\n    callbacks.fail()\nexcept ValueError as e:\n    print(repr(e))", cellNumber: 2)
    #expect(outcome.outputs == [.stream("ValueError('units must be positive')\n")])
}

@Test func emittedPartsKeepTheirOrderWithStreams() {
    let registry = ModuleRegistry()
    registry.register("show") { _ in
        let m = Module("show")
        m.define("figure") { _, interp in
            interp.write("drawing\n")
            interp.emit(.figure(OutputFigure(svg: "<svg/>", plainText: "<Figure>\n")))
            return .none
        }
        return m
    }
    let s = Session(modules: registry)
    let outcome = s.run("import show\nprint('a')\nshow.figure()\nprint('b')", cellNumber: 1)
    #expect(outcome.outputs == [.stream("a\ndrawing\n"), .figure(OutputFigure(svg: "<svg/>", plainText: "<Figure>\n")), .stream("b\n")])
}
