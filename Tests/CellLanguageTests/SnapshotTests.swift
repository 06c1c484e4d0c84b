import Foundation
import Testing
import TestSupport
@testable import CellLanguage

/// Runs `cells` in one session, saves it, restores into a fresh session, then runs `probe`
/// in both: the outputs (tracebacks included) must be the same.
@discardableResult
private func roundTrip(_ cells: [String], probe: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let original = Session(modules: ModuleRegistry())
    for (i, cell) in cells.enumerated() {
        let outcome = original.run(cell, cellNumber: i + 1)
        #expect(outcome.error == nil, "cell \(i + 1): \(outcome.error?.traceback ?? "")", sourceLocation: sourceLocation)
    }
    let blobs = CountingBlobStore()
    let state = try original.captureState(blobs: blobs)
    let restored = Session(modules: ModuleRegistry())
    try restored.restoreState(state, blobs: blobs)
    #expect(restored.globals.map(\.name) == original.globals.map(\.name), sourceLocation: sourceLocation)
    let expected = original.run(probe, cellNumber: cells.count + 1)
    let actual = restored.run(probe, cellNumber: cells.count + 1)
    #expect(actual.outputs == expected.outputs, sourceLocation: sourceLocation)
    #expect(actual.error == expected.error, sourceLocation: sourceLocation)
    return (expected.outputs.map(\.plainText) + [expected.error?.traceback ?? ""]).joined()
}

@Suite struct SnapshotTests {
    @Test func standardLibraryObjectsSurvive() throws {
        let text = try roundTrip([
            "from collections import Counter, defaultdict, OrderedDict, deque, namedtuple\nfrom functools import partial\n"
            + "c = Counter('abca')\nd = defaultdict(list)\nd['x'].append(c)\no = OrderedDict(b=1, a=2)\n"
            + "q = deque([1, 2], maxlen=2)\nP = namedtuple('P', 'x y')\np = P(1, [c])\nf = partial(max, 0)",
        ], probe: "d['y'].append(1)\nq.append(3)\nprint(c, dict(d.items()), o, q, p, f(-5), p.y[0] is c, d['x'][0] is c, P(3, 4))")
        // CPython 3.11 prints exactly this.
        #expect(text == "Counter({'a': 2, 'b': 1, 'c': 1}) {'x': [Counter({'a': 2, 'b': 1, 'c': 1})], 'y': [1]} "
                + "OrderedDict([('b', 1), ('a', 2)]) deque([2, 3], maxlen=2) P(x=1, y=[Counter({'a': 2, 'b': 1, 'c': 1})]) 0 True True P(x=3, y=4)\n")
    }

    @Test func ellipsisAndNotImplementedStaySingletons() throws {
        let text = try roundTrip(["e = ...\nn = NotImplemented\nt = (e, [n, ...])"],
                                 probe: "print(e is Ellipsis, t[0] is e, t[1][1] is Ellipsis, t[1][0] is NotImplemented, t)")
        // CPython 3.11 prints exactly this.
        #expect(text == "True True True True (Ellipsis, [NotImplemented, Ellipsis])\n")
    }

    @Test func aliasingAndCyclesSurvive() throws {
        let text = try roundTrip(
            ["a = [1, 2]\nb = a\nd = {'k': a, 'n': None, 2.5: (a, 'x')}\na.append(3)\nl = []\nl.append(l)"],
            probe: "b.append(4)\nprint(a, d, a is b, d['k'] is a, d[2.5][0] is a)\nprint(l, l[0] is l)")
        // CPython 3.11 prints exactly this.
        #expect(text == "[1, 2, 3, 4] {'k': [1, 2, 3, 4], 'n': None, 2.5: ([1, 2, 3, 4], 'x')} True True True\n[[...]] True\n")
    }

    @Test func closuresAndRecursiveFunctions() throws {
        let text = try roundTrip([
            "def make_counter(start):\n    count = start\n    def inc(step=1):\n        nonlocal count\n        count += step\n        return count\n    return inc\nc = make_counter(10)\nc()\nc2 = c",
            "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nfs = [lambda x: x + 1, lambda x: x * 2]\ndef acc(x, into=[]):\n    into.append(x)\n    return into\nacc(1)",
        ], probe: "print(c(), c2(5), fib(10), [f(10) for f in fs], acc(2), fs[1].__name__)")
        #expect(text == "12 17 55 [11, 20] [1, 2] <lambda>\n")
    }

    @Test func setsKeepTheirTableAndOrder() throws {
        let text = try roundTrip(
            ["s = {5, 3, 'a', (1, 2), 17, 33}\ns.discard(3)\ns.add(11)\nfs = frozenset([1, 2])\nkeyed = {fs: 'x'}"],
            probe: "s.add(19)\nprint(s == {5, 'a', (1, 2), 17, 33, 11, 19}, len(s), keyed[frozenset([2, 1])])\nprint(sorted(x for x in s if isinstance(x, int)))\nprint(s.pop() in {5, 'a', (1, 2), 17, 33, 11, 19})")
        #expect(text.hasPrefix("True 7 x\n[5, 11, 17, 19, 33]\nTrue\n"))
    }

    @Test func setIterationOrderIsExactlyTheOriginal() throws {
        try roundTrip(["s = set(range(0, 300, 7))\nfor i in range(0, 300, 21): s.discard(i)\ns.add(1000)"],
                      probe: "print(list(s))\ns.add(2000)\nprint(list(s), s.pop())")
    }

    @Test func exceptionsModulesTypesAndMethods() throws {
        let text = try roundTrip([
            "try:\n    1 / 0\nexcept ZeroDivisionError as e:\n    err = e\nimport math\nm = math\nfrom math import sqrt\nt = type(3)\nE = ValueError\nxs = [1]\nap = xs.append\np = print\nr = range(2, 10, 3)\nsl = slice(1, None, 2)",
        ], probe: "ap(5)\np(repr(err), err.args, m.pi, sqrt(16), t, E, xs, list(r), [0, 1, 2, 3, 4][sl])")
        #expect(text == "ZeroDivisionError('division by zero') ('division by zero',) 3.141592653589793 4.0 <class 'int'> <class 'ValueError'> [1, 5] [2, 5, 8] [1, 3]\n")
    }

    @Test func randomModuleStateIsRestored() throws {
        let text = try roundTrip(["import random\nrandom.seed(3)\nrandom.random()\nrandom.gauss(0, 1)"],
                                 probe: "print(random.random(), random.randint(1, 100), random.gauss(0, 1))")
        #expect(!text.isEmpty)
    }

    @Test func tracebacksThroughRestoredFunctionsMatch() throws {
        let text = try roundTrip(["def boom(x):\n    y = x + 1\n    return y / 0\n"], probe: "z = 1\nboom(z)")
        #expect(text.contains("Cell In[1], line 3, in boom(x)"))
        #expect(text.contains("ZeroDivisionError: division by zero"))
    }

    /// Both wrappers save as the function they wrap and print as CPython prints them.
    @Test func staticAndClassMethodsSurvive() throws {
        let text = try roundTrip([
            "class C:\n    n = 2\n    @staticmethod\n    def twice(x):\n        return 2 * x\n    @classmethod\n    def count(cls):\n        return cls.n\ns = staticmethod(abs)\nc = classmethod(abs)",
        ], probe: "print(C.twice(4), C.count(), C().count(), s, c)")
        #expect(text == "8 2 2 <staticmethod(<built-in function abs>)> <classmethod(<built-in function abs>)>\n")
    }

    @Test func exceptionClassesSurvive() throws {
        let text = try roundTrip([
            "class AppError(Exception):\n    pass\nclass ShapeError(AppError, ):\n    def __init__(self, n):\n        super().__init__(f'bad {n}')\n        self.n = n\n",
        ], probe: "try:\n    raise ShapeError(3)\nexcept AppError as e:\n    print(repr(e), e.n, e.args, isinstance(e, Exception), ShapeError.__mro__)\nraise ShapeError(4)")
        #expect(text.hasPrefix("ShapeError('bad 3') 3 ('bad 3',) True (<class '__main__.ShapeError'>, <class '__main__.AppError'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)\n"))
        #expect(text.hasSuffix("ShapeError: bad 4\n"))
    }

    @Test func instancesWithHashAndEqSurviveAsKeys() throws {
        let text = try roundTrip([
            "class P:\n    def __init__(self, x):\n        self.x = x\n    def __eq__(self, o):\n        return self.x == o.x\n    def __hash__(self):\n        return hash(self.x)\n    def __repr__(self):\n        return f'P({self.x})'\nd = {P(1): 'a', P(2): 'b'}\ns = {P(3), P(1)}\nt = {(P(4), 1): 2}\nf = {frozenset([P(5)]): 'f'}\n",
        ], probe: "print(d[P(1)], P(3) in s, t[(P(4), 1)], d, sorted(s, key=lambda p: p.x), f[frozenset({P(5)})])")
        #expect(text == "a True 2 {P(1): 'a', P(2): 'b'} [P(1), P(3)] f\n")
    }

    @Test func exceptionInstancesCannotBeSavedAndSayWhich() throws {
        let session = Session(modules: ModuleRegistry())
        _ = session.run("class E(Exception):\n    pass\nerr = E('x')", cellNumber: 1)
        #expect(throws: SnapshotError.unsupported("global 'err' holds an instance of the exception class 'E', which cannot be saved")) {
            try session.captureState(blobs: CountingBlobStore())
        }
    }

    @Test func iteratorsCannotBeSavedAndSayWhich() throws {
        let session = Session(modules: ModuleRegistry())
        _ = session.run("xs = [1, 2]\nit = iter(xs)", cellNumber: 1)
        #expect(throws: SnapshotError.unsupported("global 'it' holds a 'list_iterator' iterator, which cannot be saved")) {
            try session.captureState(blobs: CountingBlobStore())
        }
    }

    /// A state of more values than the limit is not saved (the note names a global that
    /// holds them); one within it is, numbers and nesting alike.
    @Test func aStateOfTooManyValuesIsNotSaved() throws {
        let session = Session(modules: ModuleRegistry())
        _ = session.run("small = [1, 2, 3]\nbig = [[i, -i] for i in range(100)]", cellNumber: 1)
        #expect(throws: SnapshotError.unsupported(
            "the state holds more than 250 values (global 'big' among them), too many to save after every cell")) {
            try session.captureState(blobs: CountingBlobStore(), valueLimit: 250)
        }
        _ = try session.captureState(blobs: CountingBlobStore(), valueLimit: 310)
        #expect(Session.snapshotValueLimit == 4_194_304)
    }

    @Test func generatorsCannotBeSavedAndSayWhich() throws {
        let session = Session(modules: ModuleRegistry())
        _ = session.run("def count():\n    yield 1\nsteps = {'a': count()}", cellNumber: 1)
        #expect(throws: SnapshotError.unsupported("global 'steps' holds a generator of 'count()', which cannot be saved")) {
            try session.captureState(blobs: CountingBlobStore())
        }
        // The generator function itself is saved like any function.
        let restored = try roundTrip(["def count(n):\n    yield from range(n)\n    return n\n"], probe: "print(list(count(3)))")
        #expect(restored == "[0, 1, 2]\n")
    }

    @Test func deletedAndParameterGlobalsAreReplaced() throws {
        let original = Session(modules: ModuleRegistry())
        _ = original.run("a = 1\nb = 2\ndel a", cellNumber: 1)
        let blobs = CountingBlobStore()
        let state = try original.captureState(blobs: blobs)
        let restored = Session(modules: ModuleRegistry())
        restored[global: "a"] = .int(99)
        try restored.restoreState(state, blobs: blobs)
        #expect(restored[global: "a"] == nil)
        #expect(restored.run("print(b)", cellNumber: 2).outputs == [.stream("2\n")])
    }

    @Test func truncatedStateIsAnErrorNotACrash() throws {
        let original = Session(modules: ModuleRegistry())
        _ = original.run("a = [1, {'x': (2, 3)}]\ndef f(): return a", cellNumber: 1)
        let blobs = CountingBlobStore()
        let state = try original.captureState(blobs: blobs)
        for record in state.records.indices {
            for cut in stride(from: 0, to: state.records[record].bytes.count, by: 3) {
                var damaged = state
                damaged.records[record].bytes = state.records[record].bytes.prefix(cut)
                #expect(throws: (any Error).self) {
                    try Session(modules: ModuleRegistry()).restoreState(damaged, blobs: blobs)
                }
            }
        }
    }
}
