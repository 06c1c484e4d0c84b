import CellLanguage

/// The attributes and methods of `ndarray` (shared by NumPy scalars), and the operator
/// hooks, turning cell values into `NDArray` operations and results back into values.
enum ArrayMethods {
    static let attributeNames: Set<String> = [
        "shape", "dtype", "ndim", "size", "T", "itemsize", "nbytes",
    ]

    /// An array result as a value: 0-d results become NumPy scalars, as NumPy's ufuncs,
    /// reductions and integer indexing return them.
    static func wrap(_ a: NDArray) -> Value {
        a.ndim == 0 ? .host(NumPyScalar(a)) : .host(a)
    }

    static func attribute(_ a: NDArray, _ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "shape": return .tuple(a.shape.map { .int($0) })
        case "dtype": return .host(DTypeObject(a.dtype))
        case "ndim": return .int(a.ndim)
        case "size": return .int(a.size)
        case "itemsize": return .int(a.dtype.itemSize)
        case "nbytes": return .int(a.dtype.itemSize * a.size)
        case "T": return .host(try transpose(a, axes: nil))
        default: break
        }
        guard let body = method(a, name) else {
            throw PyException(.attributeError, "'\(a.ndim == 0 ? "numpy.ndarray" : "numpy.ndarray")' object has no attribute '\(name)'")
        }
        return .builtin(BuiltinFunction(name, body))
    }

    private static func method(_ a: NDArray, _ name: String) -> ((Arguments, Interpreter) throws -> Value)? {
        switch name {
        case "reshape":
            return { args, _ in
                if let order = args.keyword("order"), order.str != "C" {
                    throw PyException(.notImplementedError, "reshape(order=...) is not supported")
                }
                let positional = args.positional
                let spec: Value = positional.count == 1 ? positional[0] : .tuple(positional)
                return .host(a.reshaped(try newShape(spec, size: a.size)))
            }
        case "astype":
            return { args, _ in
                let bound = try args.bind("astype", ["dtype", HostParameter("order", default: .str("K")),
                                                     HostParameter("casting", default: .str("unsafe")),
                                                     HostParameter("subok", default: .bool(true)),
                                                     HostParameter("copy", default: .bool(true))])
                guard let dtype = try NumPyTypes.dtype(bound["dtype"]) else {
                    return .host(a.astype(.float64))
                }
                return .host(a.astype(dtype))
            }
        case "flatten":
            return { _, _ in .host(NDArray(shape: [a.size], storage: a.storage)) }
        case "ravel":
            return { _, _ in .host(a.reshaped([a.size])) }
        case "copy":
            return { _, _ in .host(a.copy()) }
        case "tolist":
            return { _, _ in toList(a) }
        case "item":
            return { args, _ in
                if let index = args.positional.first?.asInt {
                    let i = index < 0 ? index + a.size : index
                    guard i >= 0 && i < a.size else {
                        throw PyException(.indexError, "index \(index) is out of bounds for size \(a.size)")
                    }
                    return NumPyScalar.pythonValue(a.storage, i)
                }
                guard a.size == 1 else {
                    throw PyException(.valueError, "can only convert an array of size 1 to a Python scalar")
                }
                return NumPyScalar.pythonValue(a.storage, 0)
            }
        case "sum", "mean", "max", "min", "argmax", "argmin", "std", "var", "any", "all":
            return { args, _ in try reduction(name, a, args) }
        case "transpose":
            return { args, _ in
                if args.positional.isEmpty || (args.positional.count == 1 && args.positional[0].isNone) {
                    return .host(try transpose(a, axes: nil))
                }
                let spec = args.positional.count == 1 ? args.positional[0] : .tuple(args.positional)
                let axes = try NumPyArguments.integers(spec, "transpose")
                return .host(try transpose(a, axes: axes))
            }
        case "squeeze":
            return { _, _ in .host(a.view(a.layout.squeezed())) }
        case "round":
            return { args, _ in
                let bound = try args.bind("round", [HostParameter("decimals", default: .int(0))])
                return wrap(MathFunctions.round(a, decimals: try NumPyArguments.integer(bound["decimals"], "decimals")))
            }
        case "clip":
            return { args, _ in
                let bound = try args.bind("clip", [HostParameter("min", default: .none), HostParameter("max", default: .none)])
                return wrap(try NumPyFunctions.clip(a, bound["min"], bound["max"]))
            }
        case "argsort":
            return { args, _ in
                let bound = try args.bind("argsort", [HostParameter("axis", default: .int(-1)), HostParameter("kind", default: .none)])
                return .host(try Sorting.argsort(a, axis: bound["axis"]))
            }
        case "sort":
            return { args, _ in
                let bound = try args.bind("sort", [HostParameter("axis", default: .int(-1)), HostParameter("kind", default: .none)])
                let sorted = try Sorting.sort(a, axis: bound["axis"])
                a.replaceStorage(sorted.storage)
                return .none
            }
        case "fill":
            return { args, _ in
                try args.expectExactly(1, "fill")
                try a.assign(.slice(PySlice()), args.positional[0])
                return .none
            }
        case "dot":
            return { args, _ in
                try args.expectExactly(1, "dot")
                return wrap(try LinearAlgebra.matmul(a, try NumPyArguments.array(args.positional[0])))
            }
        case "cumsum":
            return { args, _ in
                let bound = try args.bind("cumsum", [HostParameter("axis", default: .none)])
                return .host(try NumPyFunctions.cumsum(a, axis: bound["axis"]))
            }
        case "nonzero":
            return { _, _ in .tuple(Selection.nonzero(a).map { .host($0) }) }
        default:
            return nil
        }
    }

    /// `x.sum(axis=..., keepdims=...)` and friends.
    static func reduction(_ name: String, _ a: NDArray, _ args: Arguments) throws -> Value {
        var parameters: [HostParameter] = [HostParameter("axis", default: .none)]
        switch name {
        case "sum", "mean": parameters += [HostParameter("dtype", default: .none), HostParameter("out", default: .none),
                                           HostParameter("keepdims", default: .bool(false))]
        case "std", "var": parameters += [HostParameter("dtype", default: .none), HostParameter("out", default: .none),
                                          HostParameter("ddof", default: .int(0)), HostParameter("keepdims", default: .bool(false))]
        case "argmax", "argmin": parameters += [HostParameter("out", default: .none),
                                                HostParameter("keepdims", default: .bool(false), keywordOnly: true)]
        default: parameters += [HostParameter("out", default: .none), HostParameter("keepdims", default: .bool(false))]
        }
        let bound = try args.bind(name, parameters)
        if !bound["out"].isNone { throw PyException(.notImplementedError, "\(name)(out=...) is not supported") }
        let axis = try Reductions.normalizeAxis(bound["axis"], ndim: a.ndim)
        let keepdims = bound["keepdims"].isTruthy
        var source = a
        if case let dtypeValue = bound["dtype"], !dtypeValue.isNone, let dtype = try NumPyTypes.dtype(dtypeValue) {
            source = a.astype(dtype)
        }
        let result: NDArray
        switch name {
        case "any", "all":
            let flags = source.astype(.bool)
            if flags.size == 0 || (axis != nil && flags.shape[axis!] == 0) {
                var shape = flags.shape
                if let axis { if keepdims { shape[axis] = 1 } else { shape.remove(at: axis) } }
                else { shape = keepdims ? Array(repeating: 1, count: flags.ndim) : [] }
                let count = shape.reduce(1, *)
                result = NDArray(shape: shape, storage: .bool(Array(repeating: name == "all", count: count)))
            } else {
                result = try Reductions.reduce(name == "any" ? .max : .min, flags, axis: axis, keepdims: keepdims)
            }
        default:
            guard let kind = Reductions.Kind(rawValue: name) else { throw PyException(.attributeError, name) }
            let ddof = try NumPyArguments.integer(bound["ddof"].isNone ? .int(0) : bound["ddof"], "ddof")
            result = try Reductions.reduce(kind, source, axis: axis, keepdims: keepdims, ddof: ddof)
        }
        return wrap(result)
    }

    /// A reshape target: an int, a tuple/list of ints, with at most one -1.
    static func newShape(_ spec: Value, size: Int) throws -> [Int] {
        let requested = try NumPyArguments.integers(spec, "reshape")
        let unknown = requested.indices.filter { requested[$0] == -1 }
        if unknown.count > 1 { throw PyException(.valueError, "can only specify one unknown dimension") }
        if let negative = requested.first(where: { $0 < -1 }) {
            throw PyException(.valueError, "negative dimensions not allowed (\(negative))")
        }
        let known = ArrayAllocation.count(requested.filter { $0 != -1 })
        var shape = requested
        if let u = unknown.first {
            guard let known, known != 0, size % known == 0 else {
                let text = "(" + requested.map { $0 == -1 ? "newaxis" : String($0) }.joined(separator: ",") + (requested.count == 1 ? ",)" : ")")
                throw PyException(.valueError, "cannot reshape array of size \(size) into shape \(text)")
            }
            shape[u] = size / known
        }
        if ArrayAllocation.count(shape) != size {
            let text = "(" + requested.map(String.init).joined(separator: ",") + (requested.count == 1 ? ",)" : ")")
            throw PyException(.valueError, "cannot reshape array of size \(size) into shape \(text)")
        }
        return shape
    }

    /// Axes permuted (reversed by default), as a view: `x.T`, `x.transpose(1, 0)`.
    static func transpose(_ a: NDArray, axes: [Int]?) throws -> NDArray {
        guard let axes else { return a.view(a.layout.permuted(Array((0..<a.ndim).reversed()))) }
        guard axes.count == a.ndim else { throw PyException(.valueError, "axes don't match array") }
        var order: [Int] = []
        for axis in axes {
            guard axis >= -a.ndim && axis < a.ndim else {
                throw PyException(.axisError, "axis \(axis) is out of bounds for array of dimension \(a.ndim)")
            }
            let normalized = axis < 0 ? axis + a.ndim : axis
            if order.contains(normalized) { throw PyException(.valueError, "repeated axis in transpose") }
            order.append(normalized)
        }
        return a.view(a.layout.permuted(order))
    }

    /// `x.tolist()`: nested lists of Python ints, floats and bools.
    static func toList(_ a: NDArray) -> Value {
        let storage = a.storage
        if a.ndim == 0 { return NumPyScalar.pythonValue(storage, 0) }
        func build(_ axis: Int, _ offset: Int, _ strides: [Int]) -> Value {
            if axis == a.ndim - 1 {
                return .list(PyList((0..<a.shape[axis]).map { NumPyScalar.pythonValue(storage, offset + $0) }))
            }
            return .list(PyList((0..<a.shape[axis]).map { build(axis + 1, offset + $0 * strides[axis], strides) }))
        }
        return build(0, 0, NDArray.strides(for: a.shape))
    }

    static func binaryOperation(_ a: NDArray, _ op: BinaryOperator, _ other: Value, reflected: Bool) throws -> Value? {
        guard let operand = Arithmetic.Operand(other) else { return nil }
        let result = reflected ? try Arithmetic.binary(op, operand, .array(a))
                               : try Arithmetic.binary(op, .array(a), operand)
        return wrap(result)
    }

    static func compare(_ a: NDArray, _ op: CompareOperator, _ other: Value) throws -> Value? {
        switch op {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: break
        default: return nil
        }
        guard let operand = Arithmetic.Operand(other) else { return nil }
        return wrap(try Arithmetic.compare(op, .array(a), operand))
    }
}
