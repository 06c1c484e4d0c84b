import CellLanguage

/// Elementwise binary operators with broadcasting and NumPy 2's (NEP 50) type promotion:
/// Python scalars are "weak" (`uint8 + 1` stays uint8, `float32 / 255` stays float32,
/// `uint8 / 255` is float64), NumPy scalars and arrays are not (`uint8 * np.float32(2)` is
/// float32).
enum Arithmetic {
    /// An operand: an array, or a Python scalar whose type yields to the array's.
    enum Operand {
        case array(NDArray)
        case int(Int)
        case float(Double)
        case bool(Bool)

        init?(_ value: Value) {
            switch value {
            case .int(let i): self = .int(i)
            case .float(let d): self = .float(d)
            case .bool(let b): self = .bool(b)
            case .host(let h):
                if let a = h as? NDArray { self = .array(a) }
                else if let s = h as? NumPyScalar { self = .array(s.array) }
                else { return nil }
            case .list, .tuple:
                guard let a = try? ArrayConversion.array(from: value, dtype: nil) else { return nil }
                self = .array(a)
            default: return nil
            }
        }
    }

    /// `a op b` for two operands at least one of which is an array.
    static func binary(_ op: BinaryOperator, _ a: Operand, _ b: Operand) throws -> NDArray {
        let (x, y) = try resolve(a, b, comparison: false)
        return try binary(op, x, y)
    }

    /// `a op b` for a comparison operator; the result is a bool array.
    static func compare(_ op: CompareOperator, _ a: Operand, _ b: Operand) throws -> NDArray {
        let (x, y) = try resolve(a, b, comparison: true)
        return try compare(op, x, y)
    }

    /// Turns weak Python scalars into 0-d arrays of the dtype NEP 50 gives them.
    static func resolve(_ a: Operand, _ b: Operand, comparison: Bool) throws -> (NDArray, NDArray) {
        switch (a, b) {
        case (.array(let x), .array(let y)): return (x, y)
        case (.array(let x), _): return (x, try weak(b, against: x.dtype, comparison: comparison))
        case (_, .array(let y)): return (try weak(a, against: y.dtype, comparison: comparison), y)
        default:
            // Two Python scalars (np.where(c, 1.0, -1.0)): each takes its default dtype.
            return (try weak(a, against: defaultType(a), comparison: comparison),
                    try weak(b, against: defaultType(b), comparison: comparison))
        }
    }

    private static func defaultType(_ o: Operand) -> DType {
        switch o {
        case .array(let a): return a.dtype
        case .int: return .int64
        case .float: return .float64
        case .bool: return .bool
        }
    }

    static func weak(_ operand: Operand, against dtype: DType, comparison: Bool) throws -> NDArray {
        switch operand {
        case .array(let a): return a
        case .bool(let b): return NDArray(shape: [], storage: .bool([b])).astype(dtype)
        case .float(let d):
            return NDArray(shape: [], storage: .float64([d])).astype(dtype.isFloat ? dtype : .float64)
        case .int(let i):
            let target: DType = dtype == .bool ? .int64 : dtype
            if let range = target.integerRange, !range.contains(Double(i)) {
                if comparison { return NDArray(shape: [], storage: .float64([Double(i)])) }
                throw PyException(.overflowError, "Python integer \(i) out of bounds for \(target.name)")
            }
            return NDArray(shape: [], storage: .int64([Int64(i)])).astype(target)
        }
    }

    /// Two arrays: the promoted dtype, broadcasting, then the typed kernel.
    static func binary(_ op: BinaryOperator, _ a: NDArray, _ b: NDArray) throws -> NDArray {
        // `@` matches core dimensions instead of broadcasting them.
        if op == .matrixMultiply { return try LinearAlgebra.matmul(a, b) }
        let shape = try Broadcasting.shape(a.shape, b.shape)
        var dtype = DType.promote(a.dtype, b.dtype)
        switch op {
        case .trueDivide:
            if !dtype.isFloat { dtype = .float64 }
        case .subtract where dtype == .bool:
            throw PyException(.typeError, "numpy boolean subtract, the `-` operator, is not supported, "
                              + "use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
        case .floorDivide, .modulo, .power:
            if dtype == .bool { dtype = .int64 }
        case .and, .or, .xor, .leftShift, .rightShift:
            if dtype.isFloat {
                throw PyException(.typeError, "ufunc '\(ufuncName(op))' not supported for the input types, and the inputs "
                                  + "could not be safely coerced to any supported types according to the casting rule ''safe''")
            }
        default: break
        }
        // The result, and the operands converted to its dtype (`bools / 3` is float64: eight
        // times the bytes of its operand), must fit before anything is allocated.
        try ArrayAllocation.check(shape, dtype)
        for operand in [a, b] where operand.dtype != dtype { try ArrayAllocation.check(operand.shape, dtype) }
        let x = a.storage.converted(to: dtype), y = b.storage.converted(to: dtype)
        func run<T>(_ p: [T], _ q: [T], _ f: (T, T) -> T) -> [T] {
            Broadcasting.apply(p, a.shape, q, b.shape, shape, f)
        }
        let storage: ArrayStorage
        switch (x, y) {
        case (.float32(let p), .float32(let q)): storage = .float32(run(p, q, try floatKernel(op)))
        case (.float64(let p), .float64(let q)): storage = .float64(run(p, q, try floatKernel(op)))
        case (.uint8(let p), .uint8(let q)): storage = .uint8(run(p, q, try integerKernel(op)))
        case (.int32(let p), .int32(let q)): storage = .int32(run(p, q, try integerKernel(op)))
        case (.int64(let p), .int64(let q)):
            if op == .power, q.contains(where: { $0 < 0 }) {
                throw PyException(.valueError, "Integers to negative integer powers are not allowed.")
            }
            storage = .int64(run(p, q, try integerKernel(op)))
        case (.uint64(let p), .uint64(let q)): storage = .uint64(run(p, q, try integerKernel(op)))
        case (.bool(let p), .bool(let q)): storage = .bool(run(p, q, try boolKernel(op)))
        default: throw PyException(.typeError, "unsupported operand types for \(op.rawValue)")
        }
        if op == .power, case .int32(let q) = y, q.contains(where: { $0 < 0 }) {
            throw PyException(.valueError, "Integers to negative integer powers are not allowed.")
        }
        return NDArray(shape: shape, storage: storage)
    }

    /// NumPy's name for the ufunc behind an operator (`+` is `add`).
    static func ufuncName(_ op: BinaryOperator) -> String {
        switch op {
        case .add: return "add"
        case .subtract: return "subtract"
        case .multiply: return "multiply"
        case .trueDivide: return "divide"
        case .floorDivide: return "floor_divide"
        case .modulo: return "remainder"
        case .power: return "power"
        case .matrixMultiply: return "matmul"
        case .and: return "bitwise_and"
        case .or: return "bitwise_or"
        case .xor: return "bitwise_xor"
        case .leftShift: return "left_shift"
        case .rightShift: return "right_shift"
        }
    }

    static func floatKernel<T: NumPyFloat>(_ op: BinaryOperator) throws -> (T, T) -> T {
        switch op {
        case .add: return { $0 + $1 }
        case .subtract: return { $0 - $1 }
        case .multiply: return { $0 * $1 }
        case .trueDivide: return { $0 / $1 }
        case .floorDivide: return { FloatMath.divmod($0, $1).quotient }
        case .modulo: return { FloatMath.divmod($0, $1).modulus }
        case .power: return { T.power($0, $1) }
        default: throw PyException(.typeError, "unsupported operand type(s) for \(op.rawValue): 'numpy.ndarray' and 'numpy.ndarray'")
        }
    }

    static func integerKernel<T: FixedWidthInteger>(_ op: BinaryOperator) throws -> (T, T) -> T {
        switch op {
        case .add: return { $0 &+ $1 }
        case .subtract: return { $0 &- $1 }
        case .multiply: return { $0 &* $1 }
        case .floorDivide: return { IntegerMath.floorDivide($0, $1) }
        case .modulo: return { IntegerMath.modulo($0, $1) }
        case .power: return { IntegerMath.power($0, $1) }
        case .and: return { $0 & $1 }
        case .or: return { $0 | $1 }
        case .xor: return { $0 ^ $1 }
        case .leftShift: return { $0 << $1 }
        case .rightShift: return { $0 >> $1 }
        default: throw PyException(.typeError, "unsupported operand type(s) for \(op.rawValue)")
        }
    }

    static func boolKernel(_ op: BinaryOperator) throws -> (Bool, Bool) -> Bool {
        switch op {
        case .add, .or: return { $0 || $1 }
        case .multiply, .and: return { $0 && $1 }
        case .xor: return { $0 != $1 }
        default: throw PyException(.typeError, "unsupported operand type(s) for \(op.rawValue)")
        }
    }

    /// `a < b` etc. elementwise, compared in the promoted dtype.
    static func compare(_ op: CompareOperator, _ a: NDArray, _ b: NDArray) throws -> NDArray {
        let shape = try Broadcasting.shape(a.shape, b.shape)
        var dtype = DType.promote(a.dtype, b.dtype)
        try ArrayAllocation.check(shape, .bool)
        if dtype == .bool { dtype = .uint8 }
        let x = a.storage.converted(to: dtype), y = b.storage.converted(to: dtype)
        func run<T: Comparable>(_ p: [T], _ q: [T]) throws -> ArrayStorage {
            let f: (T, T) -> Bool
            switch op {
            case .less: f = { $0 < $1 }
            case .lessEqual: f = { $0 <= $1 }
            case .greater: f = { $0 > $1 }
            case .greaterEqual: f = { $0 >= $1 }
            case .equal: f = { $0 == $1 }
            case .notEqual: f = { $0 != $1 }
            default: throw PyException(.typeError, "unsupported comparison \(op.rawValue)")
            }
            return .bool(Broadcasting.apply(p, a.shape, q, b.shape, shape, f))
        }
        switch (x, y) {
        case (.float32(let p), .float32(let q)): return NDArray(shape: shape, storage: try run(p, q))
        case (.float64(let p), .float64(let q)): return NDArray(shape: shape, storage: try run(p, q))
        case (.uint8(let p), .uint8(let q)): return NDArray(shape: shape, storage: try run(p, q))
        case (.int32(let p), .int32(let q)): return NDArray(shape: shape, storage: try run(p, q))
        case (.int64(let p), .int64(let q)): return NDArray(shape: shape, storage: try run(p, q))
        case (.uint64(let p), .uint64(let q)): return NDArray(shape: shape, storage: try run(p, q))
        default: throw PyException(.typeError, "unsupported comparison")
        }
    }

    /// `-x`, `+x`, `~x`.
    static func unary(_ op: UnaryOperator, _ a: NDArray) throws -> NDArray {
        switch op {
        case .plus:
            if a.dtype == .bool {
                throw PyException(.typeError, "ufunc 'positive' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None")
            }
            return NDArray(shape: a.shape, storage: a.storage)
        case .negate:
            let storage: ArrayStorage
            switch a.storage {
            case .bool:
                throw PyException(.typeError, "The numpy boolean negative, the `-` operator, is not supported, "
                                  + "use the `~` operator or the logical_not function instead.")
            case .uint8(let v): storage = .uint8(v.map { 0 &- $0 })
            case .int32(let v): storage = .int32(v.map { 0 &- $0 })
            case .int64(let v): storage = .int64(v.map { 0 &- $0 })
            case .uint64(let v): storage = .uint64(v.map { 0 &- $0 })
            case .float32(let v): storage = .float32(v.map { -$0 })
            case .float64(let v): storage = .float64(v.map { -$0 })
            }
            return NDArray(shape: a.shape, storage: storage)
        case .invert:
            let storage: ArrayStorage
            switch a.storage {
            case .bool(let v): storage = .bool(v.map { !$0 })
            case .uint8(let v): storage = .uint8(v.map { ~$0 })
            case .int32(let v): storage = .int32(v.map { ~$0 })
            case .int64(let v): storage = .int64(v.map { ~$0 })
            case .uint64(let v): storage = .uint64(v.map { ~$0 })
            case .float32, .float64:
                throw PyException(.typeError, "ufunc 'invert' not supported for the input types, and the inputs could "
                                  + "not be safely coerced to any supported types according to the casting rule ''safe''")
            }
            return NDArray(shape: a.shape, storage: storage)
        }
    }
}
