import CellLanguage
import Charts

/// `np.histogram`, `np.percentile`/`np.quantile`/`np.median`, `np.trace` and
/// `np.fill_diagonal`, with NumPy's results and dtypes:
///
///     np.histogram([1, 2, 2, 3, 4], bins=3)   # (array([1, 2, 2]), array([1., 2., 3., 4.]))
///     np.percentile([1, 2, 3, 4], 50)         # np.float64(2.5)
///     np.trace(np.arange(9).reshape(3, 3))    # np.int64(12)
enum NumPyStatistics {
    static func define(_ m: Module) {
        m.define("histogram") { args, interpreter in
            let b = try args.bind("histogram", ["a", HostParameter("bins", default: .int(10)),
                                                HostParameter("range", default: .none),
                                                HostParameter("density", default: .none),
                                                HostParameter("weights", default: .none)])
            return try histogram(b, interpreter)
        }
        for name in ["percentile", "quantile"] {
            m.define(name) { args, _ in
                let b = try args.bind(name, ["a", "q", HostParameter("axis", default: .none),
                                             HostParameter("out", default: .none),
                                             HostParameter("overwrite_input", default: .bool(false)),
                                             HostParameter("method", default: .str("linear")),
                                             HostParameter("keepdims", default: .bool(false))])
                return try quantile(b["a"], b["q"], axis: b["axis"], method: b["method"],
                                    scale: name == "percentile" ? 100 : 1, function: name)
            }
        }
        m.define("median") { args, _ in
            let b = try args.bind("median", ["a", HostParameter("axis", default: .none)])
            return try quantile(b["a"], .float(0.5), axis: b["axis"], method: .str("linear"), scale: 1, function: "median")
        }
        m.define("trace") { args, _ in
            let b = try args.bind("trace", ["a", HostParameter("offset", default: .int(0))])
            return try trace(try NumPyArguments.array(b["a"]), offset: try NumPyArguments.integer(b["offset"], "offset"))
        }
        m.define("fill_diagonal") { args, _ in
            let b = try args.bind("fill_diagonal", ["a", "val", HostParameter("wrap", default: .bool(false))])
            try fillDiagonal(try NumPyArguments.array(b["a"]), b["val"])
            return .none
        }
    }

    /// `histogram(a, bins=10, range=None, density=None, weights=None)`: counts (int64, or
    /// float64 densities) and float64 edges. `bins` may be a count or ascending edges.
    private static func histogram(_ b: BoundArguments, _ interpreter: Interpreter) throws -> Value {
        guard b["weights"].isNone else {
            throw PyException(.notImplementedError, "Labbook's histogram does not take weights= yet")
        }
        let values = try NumPyArguments.array(b["a"]).storage.asFloat64()
        let density = b["density"].isTruthy
        var edges: [Double]
        var counts: [Double]
        var edgesArray: NDArray?
        if let count = b["bins"].asInt {
            guard count >= 1 else { throw PyException(.valueError, "`bins` must be positive, when an integer") }
            var range: (Double, Double)?
            if !b["range"].isNone {
                let pair = try interpreter.toArray(b["range"]).map { try NumPyArguments.array($0).storage.asFloat64().first ?? 0 }
                guard pair.count == 2 else { throw PyException(.valueError, "too many values to unpack (expected 2)") }
                guard pair[0] <= pair[1] else { throw PyException(.valueError, "max must be larger than min in range parameter.") }
                range = (pair[0], pair[1])
            } else if values.contains(where: { !$0.isFinite }) {
                let bad = values.first { !$0.isFinite } ?? .nan
                throw PyException(.valueError, "autodetected range of [\(Value.float(values.min() ?? bad).repr), "
                    + "\(Value.float(values.max() ?? bad).repr)] is not finite")
            }
            let binned = try charting { try Histogram(values: values, bins: count, range: range) }
            edges = binned.edges
            counts = binned.counts
        } else {
            let given = try NumPyArguments.array(b["bins"])
            edgesArray = given
            edges = given.storage.asFloat64()
            guard edges.count >= 2 else { throw PyException(.valueError, "`bins` must be 1d, when an array") }
            guard zip(edges, edges.dropFirst()).allSatisfy({ $0 <= $1 }) else {
                throw PyException(.valueError, "`bins` must increase monotonically, when an array")
            }
            counts = [Double](repeating: 0, count: edges.count - 1)
            for x in values where x >= edges[0] && x <= edges[edges.count - 1] {
                // The last bin is closed: a value on the last edge falls into it.
                var low = 0, high = edges.count - 1
                while high - low > 1 {
                    let mid = (low + high) / 2
                    if x >= edges[mid] { low = mid } else { high = mid }
                }
                counts[low] += 1
            }
        }
        // Given edges come back as given (an int list stays int64), computed ones are float64.
        let edgesValue = Value.host(edgesArray ?? NDArray(shape: [edges.count], storage: .float64(edges)))
        if density {
            let total = counts.reduce(0, +)
            let densities = counts.indices.map { counts[$0] / total / (edges[$0 + 1] - edges[$0]) }
            return .tuple([.host(NDArray(shape: [densities.count], storage: .float64(densities))), edgesValue])
        }
        return .tuple([.host(NDArray(shape: [counts.count], storage: .int64(counts.map { Int64($0) }))), edgesValue])
    }

    /// NumPy's default (`'linear'`) quantile: the value at position `q × (n − 1)` of the
    /// sorted data, interpolated between its neighbours; NaN anywhere gives NaN.
    private static func quantile(_ aValue: Value, _ qValue: Value, axis: Value, method: Value, scale: Double,
                                 function: String) throws -> Value {
        guard case .str("linear") = method else {
            throw PyException(.notImplementedError, "Labbook's \(function) computes method='linear' only")
        }
        let a = try NumPyArguments.array(aValue)
        let qArray = try NumPyArguments.array(qValue)
        let qs = qArray.storage.asFloat64().map { $0 / scale }
        guard qs.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw PyException(.valueError, scale == 100 ? "Percentiles must be in the range [0, 100]"
                                                        : "Quantiles must be in the range [0, 1]")
        }
        guard a.size > 0 else { throw PyException(.indexError, "index -1 is out of bounds for axis 0 with size 0") }
        let axisIndex = try Reductions.normalizeAxis(axis, ndim: a.ndim)
        let (outer, n, inner) = Reductions.layout(a.shape, axisIndex)
        let values = a.storage.asFloat64()
        // Result: q's shape, then the reduced shape of `a`.
        var reducedShape = a.shape
        if let axisIndex { reducedShape.remove(at: axisIndex) } else { reducedShape = [] }
        var result: [Double] = []
        result.reserveCapacity(qs.count * outer * inner)
        for q in qs {
            for o in 0..<outer {
                for i in 0..<inner {
                    let lane = (0..<n).map { values[o * n * inner + $0 * inner + i] }
                    result.append(linearQuantile(lane, q))
                }
            }
        }
        let single = a.dtype == .float32
        let storage: ArrayStorage = single ? .float32(result.map { Float($0) }) : .float64(result)
        return ArrayMethods.wrap(NDArray(shape: qArray.shape + reducedShape, storage: storage))
    }

    private static func linearQuantile(_ lane: [Double], _ q: Double) -> Double {
        if lane.contains(where: \.isNaN) { return .nan }
        let sorted = lane.sorted()
        let position = q * Double(sorted.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, sorted.count - 1)
        let fraction = position - Double(below)
        // NumPy's _lerp: computed from the nearer end, so q = 1 gives the maximum exactly.
        let low = sorted[below], high = sorted[above]
        let difference = high - low
        return fraction >= 0.5 ? high - difference * (1 - fraction) : low + difference * fraction
    }

    /// `trace(a, offset=0)`: the sum along the diagonal of the first two axes, in `sum`'s dtype.
    private static func trace(_ a: NDArray, offset: Int) throws -> Value {
        guard a.ndim >= 2 else { throw PyException(.valueError, "diag requires an array of at least two dimensions") }
        guard a.ndim == 2 else { throw PyException(.notImplementedError, "Labbook's trace takes 2-D arrays") }
        let rows = a.shape[0], columns = a.shape[1]
        let indices = (0..<rows).filter { $0 + offset >= 0 && $0 + offset < columns }
        let r = NDArray(shape: [indices.count], storage: .int64(indices.map { Int64($0) }))
        let c = NDArray(shape: [indices.count], storage: .int64(indices.map { Int64($0 + offset) }))
        let diagonal = try a.subscripted(.tuple([.host(r), .host(c)]))
        return try ArrayMethods.reduction("sum", diagonal, Arguments([]))
    }

    /// `fill_diagonal(a, val)`: writes `val` in place on `a[i, i, ..., i]` (all axes of equal
    /// length unless `a` is 2-D; a tall 2-D array is filled down to its last column).
    private static func fillDiagonal(_ a: NDArray, _ value: Value) throws {
        guard a.ndim >= 2 else { throw PyException(.valueError, "array must be at least 2-d") }
        if a.ndim > 2 && Set(a.shape).count != 1 {
            throw PyException(.valueError, "All dimensions of input must be of equal length")
        }
        let count = a.shape.min() ?? 0
        let index = NDArray(shape: [count], storage: .int64((0..<count).map { Int64($0) }))
        try a.assign(.tuple(Array(repeating: .host(index), count: a.ndim)), value)
    }
}
