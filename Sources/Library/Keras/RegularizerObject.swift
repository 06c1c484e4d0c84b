import CellLanguage
import NeuralEngine

/// `keras.regularizers`: `l1`, `l2`, `l1_l2` (and the classes `L1`, `L2`, `L1L2`), for a
/// layer's `kernel_regularizer=` and `bias_regularizer=`; the strings `'l1'`, `'l2'` and
/// `'l1_l2'` give Keras' default factor, 0.01.
///
///     Dense(64, activation='relu', kernel_regularizer=keras.regularizers.l2(0.001))
final class RegularizerObject: KerasModuleInstance {
    static let kerasModule = "keras.regularizers"
    let regularizer: Regularizer
    let className: String

    init(_ regularizer: Regularizer, className: String) {
        self.regularizer = regularizer
        self.className = className
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        switch name {
        case "l1": return OptimizerObject.pythonFloat(regularizer.l1)
        case "l2": return OptimizerObject.pythonFloat(regularizer.l2)
        case "get_config":
            let config = PyDict([("l1", OptimizerObject.pythonFloat(regularizer.l1)),
                                 ("l2", OptimizerObject.pythonFloat(regularizer.l2))])
            return .builtin(BuiltinFunction("get_config") { _, _ in .dict(config) })
        default: throw attributeError(name)
        }
    }

    /// The module's functions and classes.
    static func attributes() -> [(String, Value)] {
        [("l1", one("l1", l1: true)), ("L1", one("L1", l1: true)), ("l2", one("l2", l1: false)), ("L2", one("L2", l1: false)),
         ("l1_l2", both("l1_l2")), ("L1L2", both("L1L2"))]
    }

    /// `l2(l2=0.01)`; Keras 2's spelling `l2(l=0.01)` too.
    private static func one(_ name: String, l1: Bool) -> Value {
        let key = l1 ? "l1" : "l2"
        return .builtin(BuiltinFunction(name) { arguments, _ in
            let a = try arguments.bind(name, [.init(key, default: .float(0.01)), .init("l", default: .none, keywordOnly: true)])
            let factor = Float(try Convert.double(a["l"].isNone ? a[key] : a["l"], key))
            return .host(RegularizerObject(l1 ? Regularizer(l1: factor) : Regularizer(l2: factor), className: l1 ? "L1" : "L2"))
        })
    }

    /// `l1_l2(l1=0.01, l2=0.01)`; the class `L1L2(l1=0.0, l2=0.0)`.
    private static func both(_ name: String) -> Value {
        let fallback: Value = name == "L1L2" ? .float(0) : .float(0.01)
        return .builtin(BuiltinFunction(name) { arguments, _ in
            let a = try arguments.bind(name, [.init("l1", default: fallback), .init("l2", default: fallback)])
            let regularizer = Regularizer(l1: Float(try Convert.double(a["l1"], "l1")), l2: Float(try Convert.double(a["l2"], "l2")))
            return .host(RegularizerObject(regularizer, className: "L1L2"))
        })
    }

    /// `kernel_regularizer=`: `None`, a regularizer, or one of the names.
    static func regularizer(_ value: Value, _ argument: String) throws -> Regularizer? {
        switch value {
        case .none: return nil
        case .host(let object as RegularizerObject): return object.regularizer
        case .str("l1"): return Regularizer(l1: 0.01)
        case .str("l2"): return Regularizer(l2: 0.01)
        case .str("l1_l2"): return Regularizer(l1: 0.01, l2: 0.01)
        default:
            throw PyException(.valueError, "Could not interpret regularizer identifier for `\(argument)`: \(value.repr) "
                              + "(Labbook supports keras.regularizers.l1, l2 and l1_l2)")
        }
    }

    /// Both of a layer's regularizers, refusing `activity_regularizer` and constraints by name.
    static func weightRegularizers(_ a: BoundArguments, _ className: String) throws -> WeightRegularizers {
        for key in ["activity_regularizer", "kernel_constraint", "bias_constraint"] where !a[key].isNone {
            throw PyException(.valueError, "\(className)(\(key)=...) is not supported by Labbook's engine")
        }
        return WeightRegularizers(kernel: try regularizer(a["kernel_regularizer"], "kernel_regularizer"),
                                  bias: try regularizer(a["bias_regularizer"], "bias_regularizer"))
    }
}
