import Foundation
import Testing
@testable import CellLanguage

private func run(_ session: Session, _ source: String, _ n: Int = 1) -> CellOutcome {
    session.run(source, cellNumber: n)
}

@Test func globalsPersistFromCellToCell() {
    let session = Session(modules: ModuleRegistry())
    _ = run(session, "x = 20\ndef twice(v):\n    return v * 2", 1)
    #expect(run(session, "twice(x) + 2", 2).outputs == [.result("42")])
    #expect(session[global: "x"]?.repr == "20")
    session[global: "epochs"] = .int(5)
    #expect(run(session, "epochs * 2", 3).outputs == [.result("10")])
}

@Test func lastExpressionIsDisplayedUnlessNoneOrSuppressed() {
    let session = Session(modules: ModuleRegistry())
    #expect(run(session, "1 + 1").outputs == [.result("2")])
    #expect(run(session, "'a'").outputs == [.result("'a'")])
    #expect(run(session, "None").outputs == [])
    #expect(run(session, "x = 3").outputs == [])
    #expect(run(session, "x;").outputs == [])
    #expect(run(session, "print('hi')").outputs == [.stream("hi\n")])
    #expect(run(session, "x\ny = 4").outputs == [])
    #expect(run(session, "for i in range(2):\n    i").outputs == [])
}

@Test func consecutivePrintsMergeIntoOneStreamBeforeTheResult() {
    let session = Session(modules: ModuleRegistry())
    let outcome = run(session, "print('a')\nprint('b', end='')\nprint('c', 1, sep='-')\n[1, (2,)]")
    #expect(outcome.outputs == [.stream("a\nbc-1\n"), .result("[1, (2,)]")])
}

@Test func outputBeforeAnErrorIsKept() {
    let session = Session(modules: ModuleRegistry())
    let outcome = run(session, "print('before')\n1 / 0\nprint('after')")
    #expect(outcome.outputs == [.stream("before\n")])
    #expect(outcome.error?.summary == "ZeroDivisionError: division by zero")
    #expect(outcome.error?.cellLine == 2)
}

@Test func timeoutStopsLoopsWithTimeoutError() {
    let session = Session(modules: ModuleRegistry())
    let start = Date()
    let outcome = session.run("n = 0\nwhile True:\n    n += 1", cellNumber: 1, timeout: 0.2)
    #expect(outcome.error?.summary == "TimeoutError: cell timed out after 0.2 seconds")
    #expect(Date().timeIntervalSince(start) < 5)
    // `except Exception` does not swallow the timeout.
    let guarded = session.run("while True:\n    try:\n        pass\n    except Exception:\n        pass", cellNumber: 2, timeout: 1)
    #expect(guarded.error?.summary == "TimeoutError: cell timed out after 1 seconds")
    // The next cell runs without the old deadline.
    #expect(session.run("sum(range(10))", cellNumber: 3).outputs == [.result("45")])
}

@Test func evaluateLiteralAcceptsPythonLiteralsOnly() throws {
    let session = Session(modules: ModuleRegistry())
    #expect(try session.evaluateLiteral("42").repr == "42")
    #expect(try session.evaluateLiteral("-0.5").repr == "-0.5")
    #expect(try session.evaluateLiteral("'adam'").repr == "'adam'")
    #expect(try session.evaluateLiteral("[32, 64]").repr == "[32, 64]")
    #expect(try session.evaluateLiteral("{'lr': 1e-3, 'layers': (1, 2)}").repr == "{'lr': 0.001, 'layers': (1, 2)}")
    #expect(try session.evaluateLiteral("True").repr == "True")
    #expect(throws: PyException.self) { try session.evaluateLiteral("__import__('os')") }
    #expect(throws: PyException.self) { try session.evaluateLiteral("1 +") }
}

@Test func importsUseTheRegistryOncePerSession() {
    let registry = ModuleRegistry()
    nonisolated(unsafe) var created = 0
    registry.register("keras") { _ in
        created += 1
        return Module("keras", [("__version__", .str("2.15.0"))])
    }
    registry.register("keras.layers") { _ in
        Module("keras.layers", [("units", .int(32))])
    }
    registry.register("matplotlib.pyplot") { _ in Module("matplotlib.pyplot", [("x", .int(1))]) }
    let session = Session(modules: registry)
    #expect(run(session, "import keras\nkeras.__version__").outputs == [.result("'2.15.0'")])
    #expect(run(session, "import keras.layers\nkeras.layers.units").outputs == [.result("32")])
    #expect(run(session, "from keras import layers\nfrom keras.layers import units as u\nlayers.units + u").outputs == [.result("64")])
    #expect(run(session, "import matplotlib.pyplot as plt\nplt.x").outputs == [.result("1")])
    #expect(run(session, "from keras import nothing").error?.summary
            == "ImportError: cannot import name 'nothing' from 'keras' (unknown location)")
    #expect(run(session, "import math, random\nmath.floor(math.pi), random.random() < 1").outputs == [.result("(3, True)")])
    #expect(created == 1)
}

@Test func randomMatchesCPythonsMersenneTwister() {
    let session = Session(modules: ModuleRegistry())
    // python3 -c "import random; random.seed(42); print(random.random(), random.randint(1, 100), random.choice('abc'))"
    let outcome = run(session, "import random\nrandom.seed(42)\nprint(random.random(), random.randint(1, 100), random.choice('abc'))")
    #expect(outcome.outputs == [.stream("0.6394267984578837 4 c\n")])
}

@Test func deepRecursionInsideTheLimitWorks() {
    let session = Session(modules: ModuleRegistry())
    let outcome = run(session, "def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\ndepth(900)")
    #expect(outcome.outputs == [.result("900")])
}

@Test func liveStatusReachesTheSessionHandler() {
    let session = Session(modules: ModuleRegistry())
    let seen = UncheckedBox<[String?]>([])
    session.onLiveStatus = { text in seen.value.append(text) }
    session.interpreter.liveStatus("1/5 [=====>....]")
    session.interpreter.liveStatus(nil)
    #expect(seen.value == ["1/5 [=====>....]", nil])
}
