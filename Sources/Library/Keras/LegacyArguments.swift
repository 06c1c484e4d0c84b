import CellLanguage

/// Keras 1's argument names, which Keras 2 still takes through its legacy interfaces
/// (`keras/legacy/interfaces.py`): `Convolution2D(32, 3, 3, border_mode='valid')` is
/// `Conv2D(32, (3, 3), padding='valid')`, `Dense(output_dim=10, init='uniform')` is
/// `Dense(units=10, kernel_initializer='uniform')`, `Dropout(p=0.5)` is `Dropout(rate=0.5)`.
/// Like Keras 2, a converted call warns with its Keras 2 spelling:
///
///     UserWarning: Update your `Conv2D` call to the Keras 2 API: `Conv2D(32, (3, 3), padding="valid")`
///
/// and giving an old name together with its new one is Keras 2's TypeError. The old names
/// then meet the Keras 2 constructor, so what it refuses (say `W_constraint`) is refused there.
enum LegacyArguments {
    /// Old keyword, new keyword, for each layer class with a legacy interface.
    private static let weights: [(String, String)] = [
        ("init", "kernel_initializer"), ("W_regularizer", "kernel_regularizer"), ("b_regularizer", "bias_regularizer"),
        ("W_constraint", "kernel_constraint"), ("b_constraint", "bias_constraint"), ("bias", "use_bias"),
    ]
    private static let conversions: [String: [(String, String)]] = [
        "Dense": [("output_dim", "units")] + weights,
        "Dropout": [("p", "rate")],
        "Conv1D": [("nb_filter", "filters"), ("filter_length", "kernel_size"), ("subsample_length", "strides"),
                   ("border_mode", "padding")] + weights,
        "Conv2D": [("nb_filter", "filters"), ("subsample", "strides"), ("border_mode", "padding"),
                   ("dim_ordering", "data_format")] + weights,
        "MaxPooling1D": pooling1D, "AveragePooling1D": pooling1D,
        "MaxPooling2D": pooling2D, "AveragePooling2D": pooling2D,
        "GlobalMaxPooling1D": global, "GlobalAveragePooling1D": global,
        "GlobalMaxPooling2D": global, "GlobalAveragePooling2D": global,
        "BatchNormalization": [("beta_init", "beta_initializer"), ("gamma_init", "gamma_initializer")],
    ]
    private static let pooling1D = [("pool_length", "pool_size"), ("stride", "strides"), ("border_mode", "padding")]
    private static let pooling2D = [("border_mode", "padding"), ("dim_ordering", "data_format")]
    private static let global = [("dim_ordering", "data_format")]

    /// Keras 1's names for Keras 2's layer classes, which Keras 2 keeps as aliases.
    static let aliases = [("Convolution1D", "Conv1D"), ("Convolution2D", "Conv2D")]

    /// The arguments of a `className(...)` call with Keras 1's names turned into Keras 2's,
    /// warning as Keras 2 does when anything was converted.
    static func translate(_ className: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> Arguments {
        guard let conversions = conversions[className] else { return arguments }
        var positional = arguments.positional
        var keywords = arguments.keywords
        var converted = false
        switch className {
        case "Conv2D": converted = try kernelRowsAndColumns(&positional, &keywords)
        case "Conv1D": converted = inputDimension(&keywords)
        case "BatchNormalization": converted = try batchNormalizationMode(positional, &keywords)
        default: break
        }
        // dim_ordering keeps its place; its value takes Keras 2's spelling.
        if let i = keywords.firstIndex(where: { $0.name == "dim_ordering" }), case .str(let old) = keywords[i].value {
            switch old {
            case "tf": keywords[i].value = .str("channels_last")
            case "th": keywords[i].value = .str("channels_first")
            case "default": keywords[i].value = .none
            default: break
            }
        }
        for (old, new) in conversions {
            guard let i = keywords.firstIndex(where: { $0.name == old }) else { continue }
            let value = keywords.remove(at: i).value
            if keywords.contains(where: { $0.name == new }) {
                throw PyException(.typeError, "For the `\(new)` argument, the layer received both the legacy keyword "
                                  + "argument `\(old)` and the Keras 2 keyword argument `\(new)`. Stick to the latter!")
            }
            keywords.append((new, value))
            converted = true
        }
        let result = Arguments(positional, keywords: keywords)
        if converted {
            try PythonWarnings.warn("Update your `\(className)` call to the Keras 2 API: " + (try signature(className, result, interpreter)),
                     interpreter)
        }
        return result
    }

    /// `Conv2D(filters, rows, cols)` and `nb_row=`/`nb_col=`: the kernel size as one tuple.
    private static func kernelRowsAndColumns(_ positional: inout [Value], _ keywords: inout [(name: String, value: Value)]) throws -> Bool {
        func take(_ name: String) -> Value? {
            guard let i = keywords.firstIndex(where: { $0.name == name }) else { return nil }
            return keywords.remove(at: i).value
        }
        func has(_ name: String) -> Bool { keywords.contains { $0.name == name } }
        switch positional.count {
        case 4...: throw PyException(.typeError, "Layer can receive at most 3 positional arguments.")
        case 3:
            guard case .int = positional[1], case .int = positional[2] else { return false }
            if ["padding", "strides", "data_format"].contains(where: has) {
                throw PyException(.valueError, "It seems that you are using the Keras 2 and you are passing both `kernel_size` "
                                  + "and `strides` as integer positional arguments. For safety reasons, this is disallowed. "
                                  + "Pass `strides` as a keyword argument instead.")
            }
            positional = [positional[0], .tuple([positional[1], positional[2]])]
        case 2:
            guard case .int = positional[1], let columns = take("nb_col") else { return false }
            positional = [positional[0], .tuple([positional[1], columns])]
        case 1, 0:
            guard has("nb_row"), has("nb_col"), let rows = take("nb_row"), let columns = take("nb_col") else { return false }
            if positional.count == 1 {
                positional.append(.tuple([rows, columns]))
            } else {
                keywords.append(("kernel_size", .tuple([rows, columns])))
            }
        default: return false
        }
        return true
    }

    /// `Conv1D(..., input_dim=8, input_length=100)`: `input_shape=(100, 8)`.
    private static func inputDimension(_ keywords: inout [(name: String, value: Value)]) -> Bool {
        guard let i = keywords.firstIndex(where: { $0.name == "input_dim" }) else { return false }
        let dimension = keywords.remove(at: i).value
        var length = Value.none
        if let j = keywords.firstIndex(where: { $0.name == "input_length" }) { length = keywords.remove(at: j).value }
        keywords.append(("input_shape", .tuple([length, dimension])))
        return true
    }

    /// Keras 1's `BatchNormalization(mode=0)`; the other modes are gone.
    private static func batchNormalizationMode(_ positional: [Value], _ keywords: inout [(name: String, value: Value)]) throws -> Bool {
        guard positional.isEmpty else {
            throw PyException(.typeError, "The `BatchNormalization` layer does not accept positional arguments. "
                              + "Use keyword arguments instead.")
        }
        guard let i = keywords.firstIndex(where: { $0.name == "mode" }) else { return false }
        let mode = keywords.remove(at: i).value
        if case .int(0) = mode { return true }
        throw PyException(.typeError, "The `mode` argument of `BatchNormalization` no longer exists. "
                          + "`mode=1` and `mode=2` are no longer supported.")
    }

    /// Keras 2's spelling of the converted call: strings in double quotes, other values as
    /// `str()` gives them, cut to 10 characters and `...`.
    private static func signature(_ className: String, _ arguments: Arguments, _ interpreter: Interpreter) throws -> String {
        func shown(_ value: Value) throws -> String {
            if case .str(let text) = value { return "\"" + text + "\"" }
            if case .host(let object) = value, object is NDArray { return "array" }
            let text = try interpreter.str(value)
            return text.count > 10 ? String(text.prefix(10)) + "..." : text
        }
        let parts = try arguments.positional.map(shown) + arguments.keywords.map { "\($0.name)=" + (try shown($0.value)) }
        return "`\(className)(" + parts.joined(separator: ", ") + ")`"
    }

    /// Keras' `fit(nb_epoch=...)`: renamed `epochs`, with Keras 2's warning.
    static func fitArguments(_ arguments: Arguments, _ interpreter: Interpreter) throws -> Arguments {
        guard let i = arguments.keywords.firstIndex(where: { $0.name == "nb_epoch" }) else { return arguments }
        try PythonWarnings.warn("The `nb_epoch` argument in `fit` has been renamed `epochs`.", interpreter)
        var keywords = arguments.keywords
        let value = keywords.remove(at: i).value
        keywords.removeAll { $0.name == "epochs" }
        keywords.append(("epochs", value))
        return Arguments(arguments.positional, keywords: keywords)
    }
}
