import CellLanguage

/// TensorFlow's names for training by hand: `tf.GradientTape`, `tf.Variable`,
/// `tf.function` and `tf.transpose`.
///
/// `tf.function` runs the function eagerly, as it is: Labbook builds no graph, so a
/// decorated function gives the numbers it gives undecorated (what TensorFlow promises for
/// a graph too), and its Python side effects happen on every call rather than at tracing.
///
///     @tf.function
///     def train_step(images, labels): ...
enum TapeFunctions {
    static func attributes(state: LibraryState) -> [(String, Value)] {
        [
            ("GradientTape", .builtin(BuiltinFunction("GradientTape") { arguments, _ in
                let a = try arguments.bind("GradientTape", [.init("persistent", default: .bool(false)),
                                                            .init("watch_accessed_variables", default: .bool(true))])
                return .host(GradientTapeObject(persistent: a["persistent"].isTruthy,
                                                watchAccessedVariables: a["watch_accessed_variables"].isTruthy,
                                                stack: state.tapes))
            })),
            ("Variable", FreeVariable.constructor(tapes: state.tapes)),
            ("function", function()),
            TensorFlowModule.function("transpose", ["a", .init("perm", default: .none), .init("conjugate", default: .bool(false)),
                                                    .init("name", default: .str("transpose"))]) { a in
                let (t, x) = try TensorGradients.input(a["a"]!)
                let perm = a["perm"]!.isNone ? Array((0..<x.ndim).reversed()) : try TensorConversion.shape(a["perm"]!, "perm")
                let view = try ArrayMethods.transpose(x, axes: perm)
                let y = NDArray(shape: view.shape, storage: view.storage)
                var inverse = [Int](repeating: 0, count: perm.count)
                for (i, p) in perm.enumerated() { inverse[p] = i }
                return TensorGradients.unary(t, y) { g in
                    let back = try ArrayMethods.transpose(g, axes: inverse)
                    return NDArray(shape: back.shape, storage: back.storage)
                }
            },
        ]
    }

    /// `tf.function(f)`, `@tf.function` and `@tf.function(jit_compile=True, ...)`: `f` itself.
    private static func function() -> Value {
        .builtin(BuiltinFunction("function") { arguments, _ in
            let options: Set = ["input_signature", "autograph", "jit_compile", "reduce_retracing", "experimental_implements",
                                "experimental_autograph_options", "experimental_attributes", "experimental_relax_shapes",
                                "experimental_compile", "experimental_follow_type_hints", "name"]
            for keyword in arguments.keywords where keyword.name != "func" && !options.contains(keyword.name) {
                throw PyException(.typeError, "function() got an unexpected keyword argument '\(keyword.name)'")
            }
            if let f = arguments.positional.first ?? arguments.keyword("func"), !f.isNone { return f }
            return .builtin(BuiltinFunction("function") { inner, _ in
                guard let f = inner.positional.first, inner.positional.count == 1 else {
                    throw PyException(.typeError, "tf.function(...) as a decorator takes one function")
                }
                return f
            })
        })
    }
}
