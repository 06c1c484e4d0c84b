import CellLanguage
import Foundation

/// The `numpy` module cells import (`import numpy as np`), and `numpy.random`.
///
///     let registry = ModuleRegistry()
///     NumPyModule.register(in: registry, context: NumPyContext(seed: 0))
///     // cell: np.arange(6).reshape(2, 3).sum(axis=0)  ->  array([3, 5, 7])
public enum NumPyModule {
    /// Registers `numpy` and `numpy.random`; random draws use `context.generator`.
    public static func register(in registry: ModuleRegistry, context: NumPyContext) {
        registry.register("numpy") { _ in make(context: context) }
        registry.register("numpy.random") { interpreter in
            if case .module(let random)? = try interpreter.importModule("numpy")["random"] { return random }
            return NumPyRandom.make(context: context)
        }
        registry.register("numpy.testing") { interpreter in
            if case .module(let testing)? = try interpreter.importModule("numpy")["testing"] { return testing }
            return NumPyTesting.make()
        }
    }

    static func make(context: NumPyContext) -> Module {
        let m = Module("numpy")
        for dtype in DType.allCases {
            m[dtype == .bool ? "bool" : dtype.name] = .host(ScalarTypeObject(dtype))
        }
        m["bool_"] = .host(ScalarTypeObject(.bool))
        m["int_"] = .host(ScalarTypeObject(.int64))
        m["double"] = .host(ScalarTypeObject(.float64))
        m["single"] = .host(ScalarTypeObject(.float32))
        m["True_"] = .host(NumPyScalar(NDArray(shape: [], storage: .bool([true]))))
        m["False_"] = .host(NumPyScalar(NDArray(shape: [], storage: .bool([false]))))
        m["ndarray"] = .type(.host("numpy.ndarray"))
        m["newaxis"] = Value.none
        m["pi"] = .float(Double.pi)
        m["e"] = .float(M_E)
        m["inf"] = .float(.infinity)
        m["nan"] = .float(.nan)
        m["__version__"] = .str("2.4.6")
        m["random"] = .module(NumPyRandom.make(context: context))
        defineCreation(m)
        defineReductions(m)
        defineElementwise(m)
        defineCombining(m)
        NumPyStatistics.define(m)
        NumPyComparisons.define(m)
        m["testing"] = .module(NumPyTesting.make())
        return m
    }

    private static func defineCreation(_ m: Module) {
        m.define("array") { args, _ in
            let b = try args.bind("array", ["object", HostParameter("dtype", default: .none),
                                            HostParameter("copy", default: .bool(true))])
            return .host(try ArrayConversion.array(from: b["object"], dtype: try NumPyTypes.dtype(b["dtype"])))
        }
        m.define("asarray") { args, _ in
            let b = try args.bind("asarray", ["a", HostParameter("dtype", default: .none)])
            if case .host(let h) = b["a"], let a = h as? NDArray, b["dtype"].isNone { return .host(a) }
            return .host(try ArrayConversion.array(from: b["a"], dtype: try NumPyTypes.dtype(b["dtype"])))
        }
        m.define("dtype") { args, _ in
            let b = try args.bind("dtype", ["dtype"])
            return .host(DTypeObject(try NumPyTypes.dtype(b["dtype"]) ?? .float64))
        }
        for (name, fill) in [("zeros", Value.int(0)), ("ones", Value.int(1))] {
            m.define(name) { args, _ in
                let b = try args.bind(name, ["shape", HostParameter("dtype", default: .none)])
                return .host(try NumPyFunctions.filled(b["shape"], fill, dtype: try NumPyTypes.dtype(b["dtype"]) ?? .float64))
            }
            m.define(name + "_like") { args, _ in
                let b = try args.bind(name + "_like", ["a", HostParameter("dtype", default: .none)])
                let a = try NumPyArguments.array(b["a"])
                let shape = Value.tuple(a.shape.map { .int($0) })
                return .host(try NumPyFunctions.filled(shape, fill, dtype: try NumPyTypes.dtype(b["dtype"]) ?? a.dtype))
            }
        }
        m.define("full") { args, _ in
            let b = try args.bind("full", ["shape", "fill_value", HostParameter("dtype", default: .none)])
            return .host(try NumPyFunctions.filled(b["shape"], b["fill_value"], dtype: try NumPyTypes.dtype(b["dtype"])))
        }
        m.define("empty") { args, _ in
            let b = try args.bind("empty", ["shape", HostParameter("dtype", default: .none)])
            return .host(try NumPyFunctions.filled(b["shape"], .int(0), dtype: try NumPyTypes.dtype(b["dtype"]) ?? .float64))
        }
        m.define("arange") { args, _ in .host(try NumPyFunctions.arange(args)) }
        m.define("linspace") { args, _ in
            let b = try args.bind("linspace", ["start", "stop", HostParameter("num", default: .int(50)),
                                               HostParameter("endpoint", default: .bool(true)),
                                               HostParameter("retstep", default: .bool(false)),
                                               HostParameter("dtype", default: .none)])
            guard let start = b["start"].asDouble, let stop = b["stop"].asDouble else {
                throw PyException(.typeError, "linspace() needs numbers for start and stop")
            }
            let num = try NumPyArguments.integer(b["num"], "num")
            return .host(try NumPyFunctions.linspace(start, stop, num: num, endpoint: b["endpoint"].isTruthy,
                                                      dtype: try NumPyTypes.dtype(b["dtype"])))
        }
        m.define("eye") { args, _ in
            let b = try args.bind("eye", ["N", HostParameter("M", default: .none), HostParameter("k", default: .int(0)),
                                          HostParameter("dtype", default: .none)])
            let n = try NumPyArguments.integer(b["N"], "N")
            let cols = b["M"].isNone ? n : try NumPyArguments.integer(b["M"], "M")
            let k = try NumPyArguments.integer(b["k"], "k")
            try ArrayAllocation.check([n, cols], .float64)
            var values = [Double](repeating: 0, count: n * cols)
            for i in 0..<n where i + k >= 0 && i + k < cols { values[i * cols + i + k] = 1 }
            let dtype = try NumPyTypes.dtype(b["dtype"]) ?? .float64
            return .host(NDArray(shape: [n, cols], storage: ArrayStorage.float64(values).converted(to: dtype)))
        }
    }

    private static func defineReductions(_ m: Module) {
        let aliases = ["sum": "sum", "mean": "mean", "max": "max", "min": "min", "amax": "max", "amin": "min",
                       "std": "std", "var": "var", "argmax": "argmax", "argmin": "argmin", "any": "any", "all": "all"]
        for (name, method) in aliases.sorted(by: { $0.key < $1.key }) {
            m.define(name) { args, _ in
                guard let first = args.positional.first ?? args.keyword("a") else {
                    throw PyException(.typeError, "\(name)() missing 1 required positional argument: 'a'")
                }
                let a = try NumPyArguments.array(first)
                var rest = args
                if args.positional.isEmpty { rest.keywords.removeAll { $0.name == "a" } } else { rest.positional.removeFirst() }
                return try ArrayMethods.reduction(method, a, rest)
            }
        }
        m.define("count_nonzero") { args, _ in
            let b = try args.bind("count_nonzero", ["a", HostParameter("axis", default: .none)])
            let a = try NumPyArguments.array(b["a"]).astype(.bool)
            return ArrayMethods.wrap(try Reductions.reduce(.sum, a, axis: try Reductions.normalizeAxis(b["axis"], ndim: a.ndim),
                                                           keepdims: false))
        }
    }

    private static func defineElementwise(_ m: Module) {
        for f in MathFunctions.Function.allCases {
            m.define(f.rawValue) { args, _ in
                try args.expectExactly(1, f.rawValue)
                return ArrayMethods.wrap(try MathFunctions.apply(f, try NumPyArguments.array(args.positional[0])))
            }
        }
        m["absolute"] = m["abs"]
        for name in ["round", "around"] {
            m.define(name) { args, _ in
                let b = try args.bind(name, ["a", HostParameter("decimals", default: .int(0))])
                let a = try NumPyArguments.array(b["a"])
                return ArrayMethods.wrap(MathFunctions.round(a, decimals: try NumPyArguments.integer(b["decimals"], "decimals")))
            }
        }
        m.define("clip") { args, _ in
            let b = try args.bind("clip", ["a", HostParameter("a_min", default: .none), HostParameter("a_max", default: .none)])
            return ArrayMethods.wrap(try NumPyFunctions.clip(try NumPyArguments.array(b["a"]), b["a_min"], b["a_max"]))
        }
        for (name, larger) in [("maximum", true), ("minimum", false)] {
            m.define(name) { args, _ in
                let b = try args.bind(name, ["x1", "x2"])
                guard let x = Arithmetic.Operand(b["x1"]), let y = Arithmetic.Operand(b["x2"]) else {
                    throw PyException(.typeError, "\(name)() needs numbers or arrays")
                }
                return ArrayMethods.wrap(try NumPyFunctions.elementwise(.array(try operandArray(x)), y, pickLarger: larger))
            }
        }
        m.define("where") { args, _ in
            let b = try args.bind("where", ["condition", HostParameter("x", default: .none), HostParameter("y", default: .none)])
            let condition = try NumPyArguments.array(b["condition"])
            if b["x"].isNone && b["y"].isNone {
                return .tuple(Selection.nonzero(condition.ndim == 0 ? condition.reshaped([1]) : condition).map { .host($0) })
            }
            guard let x = Arithmetic.Operand(b["x"]), let y = Arithmetic.Operand(b["y"]) else {
                throw PyException(.valueError, "either both or neither of x and y should be given")
            }
            return ArrayMethods.wrap(try NumPyFunctions.select(condition, x, y))
        }
        m.define("isclose") { args, _ in
            let b = try args.bind("isclose", ["a", "b", HostParameter("rtol", default: .float(1e-5)),
                                              HostParameter("atol", default: .float(1e-8)),
                                              HostParameter("equal_nan", default: .bool(false))])
            return ArrayMethods.wrap(try NumPyFunctions.isclose(try NumPyArguments.array(b["a"]), try NumPyArguments.array(b["b"]),
                                                                rtol: b["rtol"].asDouble ?? 1e-5, atol: b["atol"].asDouble ?? 1e-8,
                                                                equalNaN: b["equal_nan"].isTruthy))
        }
        m.define("allclose") { args, _ in
            let b = try args.bind("allclose", ["a", "b", HostParameter("rtol", default: .float(1e-5)),
                                               HostParameter("atol", default: .float(1e-8)),
                                               HostParameter("equal_nan", default: .bool(false))])
            let close = try NumPyFunctions.isclose(try NumPyArguments.array(b["a"]), try NumPyArguments.array(b["b"]),
                                                   rtol: b["rtol"].asDouble ?? 1e-5, atol: b["atol"].asDouble ?? 1e-8,
                                                   equalNaN: b["equal_nan"].isTruthy)
            return .bool(!close.storage.asBool().contains(false))
        }
        m.define("array_equal") { args, _ in
            let b = try args.bind("array_equal", ["a1", "a2"])
            let x = try NumPyArguments.array(b["a1"]), y = try NumPyArguments.array(b["a2"])
            guard x.shape == y.shape else { return .bool(false) }
            return .bool(!(try Arithmetic.compare(.equal, x, y)).storage.asBool().contains(false))
        }
    }

    private static func operandArray(_ o: Arithmetic.Operand) throws -> NDArray {
        switch o {
        case .array(let a): return a
        case .int(let i): return NDArray(shape: [], storage: .int64([Int64(i)]))
        case .float(let d): return NDArray(shape: [], storage: .float64([d]))
        case .bool(let b): return NDArray(shape: [], storage: .bool([b]))
        }
    }

    private static func arrays(_ value: Value, _ interpreter: Interpreter) throws -> [NDArray] {
        if case .host(let h) = value, let a = h as? NDArray {
            return (0..<(a.shape.first ?? 0)).compactMap { try? a.subscripted(.int($0)) }
        }
        return try interpreter.toArray(value).map { try NumPyArguments.array($0) }
    }

    private static func defineCombining(_ m: Module) {
        m.define("concatenate") { args, interp in
            let b = try args.bind("concatenate", ["arrays", HostParameter("axis", default: .int(0))])
            return .host(try NumPyFunctions.concatenate(try arrays(b["arrays"], interp), axis: b["axis"]))
        }
        m.define("stack") { args, interp in
            let b = try args.bind("stack", ["arrays", HostParameter("axis", default: .int(0))])
            return .host(try NumPyFunctions.stack(try arrays(b["arrays"], interp), axis: b["axis"]))
        }
        m.define("vstack") { args, interp in
            let b = try args.bind("vstack", ["tup"])
            let parts = try arrays(b["tup"], interp).map { $0.ndim == 1 ? $0.reshaped([1, $0.size]) : $0 }
            return .host(try NumPyFunctions.concatenate(parts, axis: .int(0)))
        }
        m.define("hstack") { args, interp in
            let b = try args.bind("hstack", ["tup"])
            let parts = try arrays(b["tup"], interp)
            return .host(try NumPyFunctions.concatenate(parts, axis: .int(parts.first?.ndim == 1 ? 0 : 1)))
        }
        m.define("unique") { args, _ in
            let b = try args.bind("unique", ["ar", HostParameter("return_index", default: .bool(false)),
                                             HostParameter("return_inverse", default: .bool(false)),
                                             HostParameter("return_counts", default: .bool(false))])
            if b["return_index"].isTruthy || b["return_inverse"].isTruthy {
                throw PyException(.notImplementedError, "unique(return_index=, return_inverse=) is not supported")
            }
            return try NumPyFunctions.unique(try NumPyArguments.array(b["ar"]), returnCounts: b["return_counts"].isTruthy)
        }
        m.define("argsort") { args, _ in
            let b = try args.bind("argsort", ["a", HostParameter("axis", default: .int(-1)), HostParameter("kind", default: .none)])
            return .host(try Sorting.argsort(try NumPyArguments.array(b["a"]), axis: b["axis"]))
        }
        m.define("sort") { args, _ in
            let b = try args.bind("sort", ["a", HostParameter("axis", default: .int(-1)), HostParameter("kind", default: .none)])
            return .host(try Sorting.sort(try NumPyArguments.array(b["a"]), axis: b["axis"]))
        }
        m.define("bincount") { args, _ in
            let b = try args.bind("bincount", ["x", HostParameter("weights", default: .none), HostParameter("minlength", default: .int(0))])
            let counts = try NumPyFunctions.bincount(try NumPyArguments.array(b["x"]),
                                                     minlength: try NumPyArguments.integer(b["minlength"], "minlength"))
            if b["weights"].isNone { return .host(counts) }
            // With weights each occurrence adds its weight (float64) instead of 1.
            let labels = try NumPyArguments.array(b["x"]).storage.asInt64()
            let weights = try NumPyArguments.array(b["weights"]).storage.asFloat64()
            guard weights.count == labels.count else { throw PyException(.valueError, "The weights and list don't have the same length.") }
            var sums = [Double](repeating: 0, count: counts.size)
            for (label, weight) in zip(labels, weights) { sums[Int(label)] += weight }
            return .host(NDArray(shape: [sums.count], storage: .float64(sums)))
        }
        m.define("reshape") { args, _ in
            let b = try args.bind("reshape", ["a", "shape"])
            let a = try NumPyArguments.array(b["a"])
            return .host(a.reshaped(try ArrayMethods.newShape(b["shape"], size: a.size)))
        }
        m.define("transpose") { args, _ in
            let b = try args.bind("transpose", ["a", HostParameter("axes", default: .none)])
            let axes = b["axes"].isNone ? nil : try NumPyArguments.integers(b["axes"], "axes")
            return .host(try ArrayMethods.transpose(try NumPyArguments.array(b["a"]), axes: axes))
        }
        for name in ["dot", "matmul"] {
            m.define(name) { args, _ in
                let b = try args.bind(name, ["a", "b"])
                return ArrayMethods.wrap(try LinearAlgebra.matmul(try NumPyArguments.array(b["a"]), try NumPyArguments.array(b["b"])))
            }
        }
        m.define("cumsum") { args, _ in
            let b = try args.bind("cumsum", ["a", HostParameter("axis", default: .none)])
            return .host(try NumPyFunctions.cumsum(try NumPyArguments.array(b["a"]), axis: b["axis"]))
        }
        m.define("nonzero") { args, _ in
            let b = try args.bind("nonzero", ["a"])
            return .tuple(Selection.nonzero(try NumPyArguments.array(b["a"])).map { .host($0) })
        }
        m.define("expand_dims") { args, _ in
            let b = try args.bind("expand_dims", ["a", "axis"])
            let a = try NumPyArguments.array(b["a"])
            let axis = try Reductions.normalizeAxis(b["axis"], ndim: a.ndim + 1) ?? 0
            var shape = a.shape
            shape.insert(1, at: axis)
            return .host(a.reshaped(shape))
        }
        m.define("ravel") { args, _ in
            let b = try args.bind("ravel", ["a"])
            let a = try NumPyArguments.array(b["a"])
            return .host(a.reshaped([a.size]))
        }
        m.define("copy") { args, _ in
            let b = try args.bind("copy", ["a"])
            return .host(try NumPyArguments.array(b["a"]).copy())
        }
        m.define("squeeze") { args, _ in
            let b = try args.bind("squeeze", ["a", HostParameter("axis", default: .none)])
            let a = try NumPyArguments.array(b["a"])
            if b["axis"].isNone { return .host(a.view(a.layout.squeezed())) }
            var axes: [Int] = []
            for axis in try NumPyArguments.integers(b["axis"], "axis") {
                let index = try Reductions.normalizeAxis(.int(axis), ndim: a.ndim) ?? 0
                guard a.shape[index] == 1 else {
                    throw PyException(.valueError, "cannot select an axis to squeeze out which has size not equal to one")
                }
                axes.append(index)
            }
            return .host(a.reshaped(a.shape.indices.filter { !axes.contains($0) }.map { a.shape[$0] }))
        }
        m.define("shape") { args, _ in
            let b = try args.bind("shape", ["a"])
            return .tuple(try NumPyArguments.array(b["a"]).shape.map { .int($0) })
        }
    }
}
