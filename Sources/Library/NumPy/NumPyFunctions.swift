import CellLanguage

/// The array-building and array-combining functions behind `np.*`.
enum NumPyFunctions {
    /// `np.zeros`/`np.ones`/`np.full`.
    static func filled(_ shapeValue: Value, _ value: Value, dtype: DType?) throws -> NDArray {
        let shape = try NumPyArguments.integers(shapeValue, "shape")
        let scalar = try ArrayConversion.array(from: value, dtype: dtype)
        let target = dtype ?? scalar.dtype
        let count = try ArrayAllocation.check(shape, target)
        let one = scalar.astype(target)
        guard one.size == 1 else {
            return NDArray(shape: shape, storage: one.broadcast(to: shape))
        }
        return NDArray(shape: shape, storage: one.storage.transformed(Repeat(count: count)))
    }

    /// `np.arange([start,] stop[, step])`: int64 for ints, float64 if any is a float.
    static func arange(_ args: Arguments) throws -> NDArray {
        let bound = try args.bind("arange", [HostParameter("start", default: .none), HostParameter("stop", default: .none),
                                             HostParameter("step", default: .none), HostParameter("dtype", default: .none)])
        var start = bound["start"], stop = bound["stop"]
        let stepValue = bound["step"]
        if stop.isNone { stop = start; start = .int(0) }
        if stop.isNone { throw PyException(.typeError, "arange() requires stop to be specified.") }
        let step = stepValue.isNone ? Value.int(1) : stepValue
        let values = [start, stop, step]
        let isFloat = values.contains { if case .float = $0 { return true }; if case .host(let h) = $0, let s = h as? NumPyScalar { return s.dtype.isFloat }; return false }
        let dtype = try NumPyTypes.dtype(bound["dtype"])
        guard let a = start.asDouble, let b = stop.asDouble, let s = step.asDouble else {
            throw PyException(.typeError, "unsupported operand type(s) for -: '\(stop.typeName)' and '\(start.typeName)'")
        }
        if s == 0 { throw PyException(.zeroDivisionError, "division by zero") }
        let steps = ((b - a) / s).rounded(.up)
        guard !steps.isNaN else { throw PyException(.valueError, "arange: cannot compute length") }
        guard steps.magnitude < 9.2e18 else { throw PyException(.valueError, "Maximum allowed size exceeded") }
        let length = max(Int(steps), 0)
        try ArrayAllocation.check([length], dtype ?? (isFloat ? .float64 : .int64))
        if isFloat || (dtype?.isFloat ?? false) {
            let delta = (a + s) - a
            // float32 straight from each float64 value (the same rounding as converting the
            // float64 array), without a float64 array twice the size.
            if dtype == .float32 {
                return NDArray(shape: [length], storage: .float32((0..<length).map { Float(a + Double($0) * delta) }))
            }
            // Other dtypes are made in float64 first, then converted: that must fit too.
            try ArrayAllocation.check([length], .float64)
            let storage = ArrayStorage.float64((0..<length).map { a + Double($0) * delta })
            return NDArray(shape: [length], storage: storage.converted(to: dtype ?? .float64))
        }
        let i0 = Int64(start.asInt ?? 0), di = Int64(step.asInt ?? 1)
        let storage = ArrayStorage.int64((0..<length).map { i0 + Int64($0) * di })
        return NDArray(shape: [length], storage: storage.converted(to: dtype ?? .int64))
    }

    /// `np.linspace(start, stop, num=50, endpoint=True)`, computed as NumPy does
    /// (`i * step + start`, last element exactly `stop`).
    static func linspace(_ start: Double, _ stop: Double, num: Int, endpoint: Bool, dtype: DType?) throws -> NDArray {
        guard num >= 0 else { throw PyException(.valueError, "Number of samples, \(num), must be non-negative.") }
        try ArrayAllocation.check([num], dtype ?? .float64)
        let div = endpoint ? num - 1 : num
        let delta = stop - start
        var values: [Double]
        if div > 0 {
            let step = delta / Double(div)
            values = step == 0 ? (0..<num).map { Double($0) / Double(div) * delta + start }
                               : (0..<num).map { Double($0) * step + start }
        } else {
            values = (0..<num).map { Double($0) * delta + start }
        }
        if endpoint && num > 1 { values[num - 1] = stop }
        return NDArray(shape: [num], storage: ArrayStorage.float64(values).converted(to: dtype ?? .float64))
    }

    /// `np.clip(a, lo, hi)`, in the dtype the bounds promote to (NEP 50).
    static func clip(_ a: NDArray, _ low: Value, _ high: Value) throws -> NDArray {
        var result = a
        // A Python int bound outside an integer dtype's range clips nothing (NumPy 2 does not raise).
        func bound(_ v: Value) -> Arithmetic.Operand? {
            if case .int(let i) = v, let range = a.dtype.integerRange, !range.contains(Double(i)) {
                return .array(NDArray(shape: [], storage: ArrayStorage.float64([Double(i) < range.lowerBound ? range.lowerBound : range.upperBound]).converted(to: a.dtype)))
            }
            return Arithmetic.Operand(v)
        }
        if !low.isNone {
            guard let o = bound(low) else { throw PyException(.typeError, "bad clip bound") }
            result = try elementwise(.array(result), o, pickLarger: true)
        }
        if !high.isNone {
            guard let o = bound(high) else { throw PyException(.typeError, "bad clip bound") }
            result = try elementwise(.array(result), o, pickLarger: false)
        }
        if low.isNone && high.isNone {
            throw PyException(.valueError, "One of max or min must be given")
        }
        return result
    }

    /// `np.maximum`/`np.minimum` (NaN propagates).
    static func elementwise(_ a: Arithmetic.Operand, _ b: Arithmetic.Operand, pickLarger: Bool) throws -> NDArray {
        let (x, y) = try Arithmetic.resolve(a, b, comparison: false)
        let shape = try Broadcasting.shape(x.shape, y.shape)
        let dtype = DType.promote(x.dtype, y.dtype)
        func run<T: Comparable>(_ p: [T], _ q: [T]) -> [T] {
            Broadcasting.apply(p, x.shape, q, y.shape, shape) { u, v in
                if u != u { return u }
                if v != v { return v }
                return pickLarger ? (v > u ? v : u) : (v < u ? v : u)
            }
        }
        let storage: ArrayStorage
        switch (x.storage.converted(to: dtype), y.storage.converted(to: dtype)) {
        case (.float32(let p), .float32(let q)): storage = .float32(run(p, q))
        case (.float64(let p), .float64(let q)): storage = .float64(run(p, q))
        case (.uint8(let p), .uint8(let q)): storage = .uint8(run(p, q))
        case (.int32(let p), .int32(let q)): storage = .int32(run(p, q))
        case (.int64(let p), .int64(let q)): storage = .int64(run(p, q))
        case (.uint64(let p), .uint64(let q)): storage = .uint64(run(p, q))
        case (.bool(let p), .bool(let q)):
            storage = .bool(Broadcasting.apply(p, x.shape, q, y.shape, shape) { pickLarger ? ($0 || $1) : ($0 && $1) })
        default: throw PyException(.typeError, "unsupported operand types")
        }
        return NDArray(shape: shape, storage: storage)
    }

    /// `np.where(condition, x, y)`.
    static func select(_ condition: NDArray, _ x: Arithmetic.Operand, _ y: Arithmetic.Operand) throws -> NDArray {
        let (a, b) = try Arithmetic.resolve(x, y, comparison: false)
        let shape = try Broadcasting.shape(try Broadcasting.shape(condition.shape, a.shape), b.shape)
        let dtype = DType.promote(a.dtype, b.dtype)
        let flags = Broadcasting.expand(condition.storage.asBool(), condition.shape, to: shape)
        let first = NDArray(shape: a.shape, storage: a.storage.converted(to: dtype)).broadcast(to: shape)
        let second = NDArray(shape: b.shape, storage: b.storage.converted(to: dtype)).broadcast(to: shape)
        let picks = flags.enumerated().filter { !$0.element }.map(\.offset)
        var result = first
        let fromSecond = second.gathered(picks)
        result.scatter(fromSecond, at: BlockRuns(offsets: picks, block: 1))
        return NDArray(shape: shape, storage: result)
    }

    /// `np.concatenate(arrays, axis=0)` (`axis=None` flattens first).
    static func concatenate(_ arrays: [NDArray], axis: Value) throws -> NDArray {
        guard let first = arrays.first else { throw PyException(.valueError, "need at least one array to concatenate") }
        var parts = arrays
        var axisIndex = 0
        if axis.isNone {
            parts = arrays.map { $0.reshaped([$0.size]) }
        } else {
            if first.ndim == 0 { throw PyException(.valueError, "zero-dimensional arrays cannot be concatenated") }
            axisIndex = try Reductions.normalizeAxis(axis, ndim: first.ndim) ?? 0
        }
        let reference = parts[0]
        for (i, p) in parts.enumerated().dropFirst() {
            guard p.ndim == reference.ndim else {
                throw PyException(.valueError, "all the input array dimensions except for the concatenation axis must match exactly, "
                                  + "but along dimension 0, the array at index 0 has \(reference.ndim) dimension(s) and the array at index \(i) has \(p.ndim) dimension(s)")
            }
            for d in 0..<p.ndim where d != axisIndex && p.shape[d] != reference.shape[d] {
                throw PyException(.valueError, "all the input array dimensions except for the concatenation axis must match exactly, "
                                  + "but along dimension \(d), the array at index 0 has size \(reference.shape[d]) and the array at index \(i) has size \(p.shape[d])")
            }
        }
        let dtype = parts.dropFirst().reduce(reference.dtype) { DType.promote($0, $1.dtype) }
        let outer = reference.shape[..<axisIndex].reduce(1, *)
        var chunks: [ArrayStorage] = []
        let converted = parts.map { $0.storage.converted(to: dtype) }
        for o in 0..<outer {
            for (p, storage) in zip(parts, converted) {
                let chunk = p.size / max(outer, 1)
                chunks.append(storage.sliced((o * chunk)..<((o + 1) * chunk)))
            }
        }
        var shape = reference.shape
        shape[axisIndex] = parts.map { $0.shape[axisIndex] }.reduce(0, +)
        return NDArray(shape: shape, storage: ArrayStorage.joined(chunks, dtype: dtype))
    }

    /// `np.stack(arrays, axis=0)`.
    static func stack(_ arrays: [NDArray], axis: Value) throws -> NDArray {
        guard let first = arrays.first else { throw PyException(.valueError, "need at least one array to stack") }
        for a in arrays where a.shape != first.shape {
            throw PyException(.valueError, "all input arrays must have the same shape")
        }
        let a = try Reductions.normalizeAxis(axis, ndim: first.ndim + 1) ?? 0
        let expanded = arrays.map { x -> NDArray in
            var shape = x.shape
            shape.insert(1, at: a)
            return x.reshaped(shape)
        }
        return try concatenate(expanded, axis: .int(a))
    }

    /// `np.unique(a, return_counts=False)`: sorted distinct values (flattened).
    static func unique(_ a: NDArray, returnCounts: Bool) throws -> Value {
        let sorted = try Sorting.sort(a.reshaped([a.size]), axis: .int(0))
        let keys = sorted.storage.asFloat64()
        let exactInts = sorted.dtype == .int64 || sorted.dtype == .uint64 ? sorted.storage.asInt64() : nil
        var starts: [Int] = []
        for i in 0..<keys.count {
            let same: Bool
            if i == 0 { same = false }
            else if let ints = exactInts { same = ints[i] == ints[i - 1] }
            else { same = keys[i] == keys[i - 1] || (keys[i].isNaN && keys[i - 1].isNaN) }
            if !same { starts.append(i) }
        }
        let values = NDArray(shape: [starts.count], storage: sorted.storage.gathered(starts))
        guard returnCounts else { return .host(values) }
        let counts = starts.enumerated().map { k, s in Int64((k + 1 < starts.count ? starts[k + 1] : keys.count) - s) }
        return .tuple([.host(values), .host(NDArray(shape: [counts.count], storage: .int64(counts)))])
    }

    /// `np.bincount(x, minlength=0)`.
    static func bincount(_ a: NDArray, minlength: Int) throws -> NDArray {
        guard a.ndim == 1 else { throw PyException(.valueError, "object too deep for desired array") }
        guard a.dtype.isInteger || a.dtype == .bool || a.size == 0 else {
            throw PyException(.typeError, "Cannot cast array data from dtype('\(a.dtype.name)') to dtype('int64') according to the rule 'safe'")
        }
        let values = a.storage.asInt64()
        if values.contains(where: { $0 < 0 }) {
            throw PyException(.valueError, "'list' argument must have no negative elements")
        }
        let length = max(Int(values.max() ?? -1) + 1, minlength)
        try ArrayAllocation.check([length], .int64)  // (the weighted form's float64 sums are as large)
        var counts = [Int64](repeating: 0, count: length)
        for v in values { counts[Int(v)] += 1 }
        return NDArray(shape: [length], storage: .int64(counts))
    }

    /// `np.isclose(a, b, rtol, atol)`: `|a - b| <= atol + rtol * |b|`, infinities equal to themselves.
    static func isclose(_ a: NDArray, _ b: NDArray, rtol: Double, atol: Double, equalNaN: Bool) throws -> NDArray {
        let shape = try Broadcasting.shape(a.shape, b.shape)
        let flags = Broadcasting.apply(a.storage.asFloat64(), a.shape, b.storage.asFloat64(), b.shape, shape) { x, y -> Bool in
            if x.isNaN || y.isNaN { return equalNaN && x.isNaN && y.isNaN }
            if x.isInfinite || y.isInfinite { return x == y }
            return Swift.abs(x - y) <= atol + rtol * Swift.abs(y)
        }
        return NDArray(shape: shape, storage: .bool(flags))
    }

    /// `np.cumsum(a, axis=None)`.
    static func cumsum(_ a: NDArray, axis: Value) throws -> NDArray {
        let source = axis.isNone ? a.reshaped([a.size]) : a
        let axisIndex = axis.isNone ? 0 : (try Reductions.normalizeAxis(axis, ndim: a.ndim) ?? 0)
        let (outer, n, inner) = Reductions.layout(source.shape, axisIndex)
        func run<T>(_ v: [T], _ add: (T, T) -> T) -> [T] {
            var out = v
            for o in 0..<outer {
                for i in 0..<inner {
                    let base = o * n * inner + i
                    for k in stride(from: 1, to: n, by: 1) { out[base + k * inner] = add(out[base + (k - 1) * inner], v[base + k * inner]) }
                }
            }
            return out
        }
        let storage: ArrayStorage
        switch source.storage.converted(to: source.dtype.sumType) {
        case .float32(let v): storage = .float32(run(v, +))
        case .float64(let v): storage = .float64(run(v, +))
        case .uint64(let v): storage = .uint64(run(v, &+))
        default: storage = .int64(run(source.storage.asInt64(), &+))
        }
        return NDArray(shape: source.shape, storage: storage)
    }
}

/// One element repeated `count` times.
struct Repeat: StorageTransform {
    let count: Int
    func apply<T>(_ elements: [T]) -> [T] { Array(repeating: elements[0], count: count) }
}
