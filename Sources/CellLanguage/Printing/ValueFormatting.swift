/// Maps interpreter values onto `PyFormat` (the `Formatting/` folder): float and str
/// repr, `format(x, spec)`, `%`-formatting and `round`, with `FormatError`s turned into
/// Python exceptions.
enum ValueFormatting {
    static func floatRepr(_ d: Double) -> String { PyFormat.repr(d) }
    static func stringRepr(_ s: String) -> String { PyFormat.stringRepr(s) }
    static func asciiRepr(_ s: String) -> String { PyFormat.asciiRepr(s) }

    static func exception(_ e: FormatError) -> PyException {
        let type = ExceptionType(rawValue: e.typeName) ?? .valueError
        // A bare MemoryError has no arguments, as CPython raises it.
        return e.message.isEmpty ? PyException(type, args: []) : PyException(type, e.message)
    }

    /// Runs a `PyFormat` call, turning its `FormatError` into a Python exception.
    static func lift<T>(_ body: () throws(FormatError) -> T) throws -> T {
        let result: Result<T, FormatError> = Result { () throws(FormatError) -> T in try body() }
        switch result {
        case .success(let v): return v
        case .failure(let e): throw exception(e)
        }
    }

    /// `format(value, spec)` for values that are not host objects.
    static func format(_ value: Value, _ spec: String) throws -> String {
        switch value {
        case .int(let i): return try lift { () throws(FormatError) in try PyFormat.format(i, spec: spec) }
        case .float(let d): return try lift { () throws(FormatError) in try PyFormat.format(d, spec: spec) }
        case .bool(let b): return try lift { () throws(FormatError) in try PyFormat.format(b, spec: spec) }
        case .str(let s): return try lift { () throws(FormatError) in try PyFormat.format(s, spec: spec) }
        default:
            if spec.isEmpty { return value.str }
            throw PyException(.typeError, "unsupported format string passed to \(value.typeName).__format__")
        }
    }

    static func argument(_ v: Value) -> PercentArgument {
        switch v {
        case .int(let i): return .int(i)
        case .float(let d): return .float(d)
        case .bool(let b): return .bool(b)
        case .str(let s): return .string(s, repr: v.repr)
        case .host(let h):
            if let i = h.asInt { return .number(.int(i), str: v.str, repr: v.repr, typeName: v.typeName) }
            if let d = h.asDouble { return .number(.float(d), str: v.str, repr: v.repr, typeName: v.typeName) }
            return .other(str: v.str, repr: v.repr, typeName: v.typeName)
        default: return .other(str: v.str, repr: v.repr, typeName: v.typeName)
        }
    }

    /// `text % args`: a tuple spreads, a dict serves `%(name)s`, anything else is one value.
    static func percent(_ text: String, _ args: Value) throws -> String {
        switch args {
        case .tuple(let items):
            let values = items.map(argument)
            return try lift { () throws(FormatError) in try PyFormat.percent(text, values) }
        case .dict(let d):
            var mapping: [String: PercentArgument] = [:]
            for (k, v) in d.entries { if case .str(let key) = k { mapping[key] = argument(v) } }
            let whole = argument(args)
            return try lift { () throws(FormatError) in try PyFormat.percent(text, mapping: mapping, whole: whole) }
        default:
            let value = argument(args)
            return try lift { () throws(FormatError) in try PyFormat.percent(text, [value]) }
        }
    }

    static func round(_ d: Double, _ digits: Int) -> Double { PyFormat.round(d, ndigits: digits) }
}
