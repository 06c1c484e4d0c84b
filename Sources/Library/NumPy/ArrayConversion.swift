import CellLanguage

/// `np.array(...)`: nested lists and tuples of numbers (or arrays) to an array, with the
/// dtype NumPy infers (bool < int64 < float64, NumPy scalars and arrays keep theirs).
enum ArrayConversion {
    /// The array for `value`; `dtype` forces the element type (`np.array(x, dtype='float32')`).
    static func array(from value: Value, dtype: DType?) throws -> NDArray {
        if case .host(let h) = value {
            if let a = h as? NDArray { return dtype.map { a.astype($0) } ?? NDArray(shape: a.shape, storage: a.storage) }
            if let s = h as? NumPyScalar { return dtype.map { s.array.astype($0) } ?? s.array }
            if let c = h as? any ArrayConvertible {
                let a = c.arrayValue
                return dtype.map { a.astype($0) } ?? NDArray(shape: a.shape, storage: a.storage)
            }
        }
        var leaves: [Leaf] = []
        var shape: [Int]? = nil
        try collect(value, depth: 0, prefix: [], shape: &shape, leaves: &leaves)
        let finalShape = shape ?? []
        let inferred = leaves.reduce(DType?.none) { partial, leaf in
            partial.map { DType.promote($0, leaf.dtype) } ?? leaf.dtype
        } ?? .float64
        let target = dtype ?? inferred
        return NDArray(shape: finalShape, storage: try storage(leaves, target))
    }

    /// One element or one nested array found in the input.
    private enum Leaf {
        case bool(Bool)
        case int(Int)
        case float(Double)
        case array(NDArray)

        var dtype: DType {
            switch self {
            case .bool: return .bool
            case .int: return .int64
            case .float: return .float64
            case .array(let a): return a.dtype
            }
        }
    }

    private static func collect(_ value: Value, depth: Int, prefix: [Int], shape: inout [Int]?,
                                leaves: inout [Leaf]) throws {
        func leaf(_ l: Leaf, _ leafShape: [Int]) throws {
            let full = prefix + leafShape
            if let s = shape {
                if s != full { throw inhomogeneous(s, full) }
            } else {
                shape = full
            }
            leaves.append(l)
        }
        switch value {
        case .bool(let b): try leaf(.bool(b), [])
        case .int(let i): try leaf(.int(i), [])
        case .float(let d): try leaf(.float(d), [])
        case .host(let h):
            if let a = h as? NDArray { try leaf(.array(a), a.shape) }
            else if let s = h as? NumPyScalar { try leaf(.array(s.array), []) }
            else if let c = h as? any ArrayConvertible { try leaf(.array(c.arrayValue), c.arrayValue.shape) }
            else { throw PyException(.typeError, "float() argument must be a string or a real number, not '\(h.typeName)'") }
        case .list(let l): try sequence(l.items)
        case .tuple(let t): try sequence(t)
        case .range(let r): try sequence((0..<r.count).map { .int(r[$0]) })
        case .none:
            throw PyException(.typeError, "float() argument must be a string or a real number, not 'NoneType'")
        case .str(let s):
            throw PyException(.valueError, "could not convert string to float: \(Value.str(s).repr)")
        default:
            throw PyException(.typeError, "float() argument must be a string or a real number, not '\(value.typeName)'")
        }
        func sequence(_ items: [Value]) throws {
            if items.isEmpty {
                try leafless(prefix + [0])
                return
            }
            for (i, item) in items.enumerated() {
                try collect(item, depth: depth + 1, prefix: prefix + [items.count], shape: &shape, leaves: &leaves)
                _ = i
            }
        }
        func leafless(_ full: [Int]) throws {
            if let s = shape, s != full { throw inhomogeneous(s, full) }
            shape = full
        }
    }

    private static func inhomogeneous(_ a: [Int], _ b: [Int]) -> PyException {
        var common = 0
        while common < min(a.count, b.count) && a[common] == b[common] { common += 1 }
        let detected = Array(a.prefix(common))
        return PyException(.valueError, "setting an array element with a sequence. The requested array has an "
                           + "inhomogeneous shape after \(common) dimensions. The detected shape was "
                           + ArrayPrinter.shapeString(detected) + " + inhomogeneous part.")
    }

    private static func storage(_ leaves: [Leaf], _ dtype: DType) throws -> ArrayStorage {
        var doubles: [Double] = []
        var ints: [Int64] = []
        var arrays: [ArrayStorage] = []
        var allPlain = true
        for l in leaves {
            if case .array = l { allPlain = false }
        }
        if allPlain {
            if dtype.isFloat || dtype == .bool {
                doubles.reserveCapacity(leaves.count)
                for l in leaves {
                    switch l {
                    case .bool(let b): doubles.append(b ? 1 : 0)
                    case .int(let i): doubles.append(Double(i))
                    case .float(let d): doubles.append(d)
                    case .array: break
                    }
                }
                return ArrayStorage.float64(doubles).converted(to: dtype)
            }
            ints.reserveCapacity(leaves.count)
            for l in leaves {
                switch l {
                case .bool(let b): ints.append(b ? 1 : 0)
                case .int(let i):
                    if let range = dtype.integerRange, !range.contains(Double(i)) {
                        throw PyException(.overflowError, "Python integer \(i) out of bounds for \(dtype.name)")
                    }
                    ints.append(Int64(i))
                case .float(let d): ints.append(Int64(castingFloat: d))
                case .array: break
                }
            }
            return ArrayStorage.int64(ints).converted(to: dtype)
        }
        for l in leaves {
            switch l {
            case .bool(let b): arrays.append(ArrayStorage.bool([b]).converted(to: dtype))
            case .int(let i): arrays.append(ArrayStorage.int64([Int64(i)]).converted(to: dtype))
            case .float(let d): arrays.append(ArrayStorage.float64([d]).converted(to: dtype))
            case .array(let a): arrays.append(a.storage.converted(to: dtype))
            }
        }
        return ArrayStorage.joined(arrays, dtype: dtype)
    }
}
