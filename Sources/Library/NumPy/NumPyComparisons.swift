import CellLanguage

/// NumPy's comparison functions, `np.less(x1, x2)` and friends: the operators' element-wise
/// results (a `bool_` scalar for two scalars), with Python scalars taking NumPy's promotion
/// rules as the operators do. Also `np.Inf`, the spelling of `np.inf` that the NumPy of Keras
/// 2's era had (keras.io's callbacks guide starts a best loss at `np.Inf`; NumPy 2.0 removed
/// the alias).
enum NumPyComparisons {
    static func define(_ m: Module) {
        let functions: [(String, CompareOperator)] = [
            ("less", .less), ("less_equal", .lessEqual), ("greater", .greater), ("greater_equal", .greaterEqual),
            ("equal", .equal), ("not_equal", .notEqual),
        ]
        for (name, op) in functions {
            m.define(name) { args, _ in
                let b = try args.bind(name, ["x1", "x2"])
                guard let x = Arithmetic.Operand(b["x1"]), let y = Arithmetic.Operand(b["x2"]) else {
                    throw PyException(.typeError, "ufunc '\(name)' did not contain a loop with signature matching types")
                }
                return ArrayMethods.wrap(try Arithmetic.compare(op, x, y))
            }
        }
        m["Inf"] = .float(.infinity)
    }
}
