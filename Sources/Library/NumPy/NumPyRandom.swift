import CellLanguage
import NeuralEngine

/// `numpy.random`, drawing from the session's one generator (`NumPyContext.generator`).
/// Draws are reproducible for a seed, but they are not NumPy's Mersenne Twister streams.
enum NumPyRandom {
    static func make(context: NumPyContext) -> Module {
        let m = Module("numpy.random")
        m.define("seed") { args, _ in
            let b = try args.bind("seed", [HostParameter("seed", default: .none)])
            let seed = b["seed"].isNone ? 0 : try NumPyArguments.integer(b["seed"], "seed")
            guard seed >= 0 else { throw PyException(.valueError, "Seed must be between 0 and 2**32 - 1") }
            context.generator = RandomGenerator(seed: UInt64(seed))
            return .none
        }
        m.define("rand") { args, _ in
            let shape = try args.positional.map { try NumPyArguments.integer($0, "rand") }
            return try draw(shape, context) { $0.nextDouble() }
        }
        m.define("randn") { args, _ in
            let shape = try args.positional.map { try NumPyArguments.integer($0, "randn") }
            return try draw(shape, context) { $0.nextNormal() }
        }
        for name in ["random", "random_sample", "sample"] {
            m.define(name) { args, _ in
                let b = try args.bind(name, [HostParameter("size", default: .none)])
                return try draw(try size(b["size"]), context) { $0.nextDouble() }
            }
        }
        m.define("uniform") { args, _ in
            let b = try args.bind("uniform", [HostParameter("low", default: .float(0)), HostParameter("high", default: .float(1)),
                                              HostParameter("size", default: .none)])
            let low = b["low"].asDouble ?? 0, high = b["high"].asDouble ?? 1
            return try draw(try size(b["size"]), context) { $0.uniform(low, high) }
        }
        m.define("normal") { args, _ in
            let b = try args.bind("normal", [HostParameter("loc", default: .float(0)), HostParameter("scale", default: .float(1)),
                                             HostParameter("size", default: .none)])
            let loc = b["loc"].asDouble ?? 0, scale = b["scale"].asDouble ?? 1
            return try draw(try size(b["size"]), context) { loc + scale * $0.nextNormal() }
        }
        m.define("randint") { args, _ in
            let b = try args.bind("randint", ["low", HostParameter("high", default: .none), HostParameter("size", default: .none),
                                              HostParameter("dtype", default: .none)])
            var low = try NumPyArguments.integer(b["low"], "low")
            var high: Int
            if b["high"].isNone { high = low; low = 0 } else { high = try NumPyArguments.integer(b["high"], "high") }
            guard high > low else { throw PyException(.valueError, "low >= high") }
            let shape = try size(b["size"])
            let values = (0..<(try ArrayAllocation.check(shape ?? [], .int64))).map { _ in Int64(low + context.generator.nextInt(below: high - low)) }
            guard let shape else { return .int(Int(values[0])) }
            let dtype = try NumPyTypes.dtype(b["dtype"]) ?? .int64
            return .host(NDArray(shape: shape, storage: ArrayStorage.int64(values).converted(to: dtype)))
        }
        m.define("permutation") { args, _ in
            let b = try args.bind("permutation", ["x"])
            if let n = b["x"].asInt, !(isArray(b["x"])) {
                return .host(NDArray(shape: [n], storage: .int64(context.generator.permutation(n).map(Int64.init))))
            }
            let a = try NumPyArguments.array(b["x"])
            guard a.ndim >= 1 else { throw PyException(.indexError, "x must be an integer or at least 1-dimensional") }
            let order = context.generator.permutation(a.shape[0])
            return .host(try a.subscripted(.host(NDArray(shape: [order.count], storage: .int64(order.map(Int64.init))))))
        }
        m.define("shuffle") { args, interp in
            let b = try args.bind("shuffle", ["x"])
            switch b["x"] {
            case .list(let l):
                context.generator.shuffle(&l.items)
            case .host(let h as NDArray) where h.ndim >= 1:
                let a = h
                let order = context.generator.permutation(a.shape[0])
                let shuffled = try a.subscripted(.host(NDArray(shape: [order.count], storage: .int64(order.map(Int64.init)))))
                a.replaceStorage(shuffled.storage)
            default:
                throw PyException(.typeError, "shuffle() needs a list or an array")
            }
            _ = interp
            return .none
        }
        m.define("choice") { args, _ in
            let b = try args.bind("choice", ["a", HostParameter("size", default: .none), HostParameter("replace", default: .bool(true)),
                                             HostParameter("p", default: .none)])
            let population: NDArray
            if let n = b["a"].asInt, !isArray(b["a"]) {
                population = NDArray(shape: [n], storage: .int64((0..<Int64(n)).map { $0 }))
            } else {
                population = try NumPyArguments.array(b["a"])
            }
            let n = population.shape.first ?? 0
            guard n > 0 else { throw PyException(.valueError, "a cannot be empty unless no samples are taken") }
            let shape = try size(b["size"])
            let count = try ArrayAllocation.check(shape ?? [], population.dtype)
            var picks: [Int64] = []
            if !b["p"].isNone {
                let p = try NumPyArguments.array(b["p"]).storage.asFloat64()
                guard p.count == n else { throw PyException(.valueError, "'a' and 'p' must have same size") }
                var cumulative: [Double] = []
                var total = 0.0
                for x in p { total += x; cumulative.append(total) }
                for _ in 0..<count {
                    let u = context.generator.nextDouble() * total
                    picks.append(Int64(cumulative.firstIndex { u < $0 } ?? (n - 1)))
                }
            } else if b["replace"].isTruthy {
                picks = (0..<count).map { _ in Int64(context.generator.nextInt(below: n)) }
            } else {
                guard count <= n else {
                    throw PyException(.valueError, "Cannot take a larger sample than population when 'replace=False'")
                }
                picks = context.generator.permutation(n).prefix(count).map(Int64.init)
            }
            let chosen = try population.subscripted(.host(NDArray(shape: [count], storage: .int64(picks))))
            guard let shape else { return ArrayMethods.wrap(try chosen.subscripted(.int(0))) }
            return .host(chosen.reshaped(shape + Array(population.shape.dropFirst())))
        }
        return m
    }

    private static func isArray(_ v: Value) -> Bool {
        if case .host(let h) = v, h is NDArray { return true }
        return false
    }

    /// A `size=` argument: nil (one Python scalar), an int or a tuple.
    private static func size(_ value: Value) throws -> [Int]? {
        if value.isNone { return nil }
        return try NumPyArguments.integers(value, "size")
    }

    /// A float64 array of `shape` (a Python float when `shape` is nil or empty for rand()).
    private static func draw(_ shape: [Int]?, _ context: NumPyContext, _ next: (inout RandomGenerator) -> Double) throws -> Value {
        guard let shape, !shape.isEmpty else {
            return .float(next(&context.generator))
        }
        let count = try ArrayAllocation.check(shape, .float64)
        var values = [Double]()
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(next(&context.generator)) }
        return .host(NDArray(shape: shape, storage: .float64(values)))
    }
}
