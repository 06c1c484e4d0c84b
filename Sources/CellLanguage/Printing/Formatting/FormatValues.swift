extension PyFormat {
    /// `format(x, spec)` for a float, as `float.__format__`.
    ///
    ///     try PyFormat.format(0.8900001, spec: ".3")  // "0.89"
    ///     try PyFormat.format(2.675, spec: ".2f")     // "2.67" (the double is below 2.675)
    ///     try PyFormat.format(0.25, spec: ".1%")      // "25.0%"
    public static func format(_ x: Double, spec: String) throws(FormatError) -> String {
        if spec.isEmpty { return repr(x) }
        let parsed = try FormatSpec(spec, typeName: "float", defaultType: nil, defaultAlign: ">")
        switch parsed.type {
        case nil, "e", "E", "f", "F", "g", "G", "n", "%":
            return formatFloat(x, parsed)
        default:
            throw FormatSpec.unknownType(parsed.type, typeName: "float")
        }
    }

    /// `format(i, spec)` for an int, as `int.__format__` (float types convert to float).
    ///
    ///     try PyFormat.format(1234567, spec: ",")    // "1,234,567"
    ///     try PyFormat.format(255, spec: "#06x")     // "0x00ff"
    public static func format(_ x: Int, spec: String) throws(FormatError) -> String {
        if spec.isEmpty { return String(x) }
        return try formatInt(x, spec: spec, typeName: "int")
    }

    /// `format(b, spec)` for a bool: `True`/`False` for an empty spec, else formatted as
    /// the int 1/0 (`format(True, '>5')` is `'    1'`), as `bool` inherits `int.__format__`.
    public static func format(_ b: Bool, spec: String) throws(FormatError) -> String {
        if spec.isEmpty { return b ? "True" : "False" }
        return try formatInt(b ? 1 : 0, spec: spec, typeName: "bool")
    }

    /// `format(s, spec)` for a str, as `str.__format__`: fill, align, width, precision
    /// (truncation), type `s`.
    ///
    ///     try PyFormat.format("ab", spec: "*^6")  // "**ab**"
    public static func format(_ s: String, spec: String) throws(FormatError) -> String {
        if spec.isEmpty { return s }
        let parsed = try FormatSpec(spec, typeName: "str", defaultType: "s", defaultAlign: "<")
        guard parsed.type == "s" else { throw FormatSpec.unknownType(parsed.type, typeName: "str") }
        if let sign = parsed.sign {
            throw .value(sign == " " ? "Space not allowed in string format specifier"
                                     : "Sign not allowed in string format specifier")
        }
        if parsed.noNegativeZero {
            throw .value("Negative zero coercion (z) not allowed in string format specifier")
        }
        if parsed.alternate { throw .value("Alternate form (#) not allowed in string format specifier") }
        if parsed.align == "=" { throw .value("'=' alignment not allowed in string format specifier") }
        var scalars = Array(s.unicodeScalars)
        if let precision = parsed.precision, scalars.count > precision {
            scalars = Array(scalars[..<precision])
        }
        return pad(scalars, spec: parsed)
    }

    /// Pads text (already truncated) to the spec's width by its alignment.
    static func pad(_ scalars: [Unicode.Scalar], spec: FormatSpec) -> String {
        let count = scalars.count
        let total = max(spec.width ?? 0, count)
        let left: Int
        switch spec.align {
        case ">": left = total - count
        case "^": left = (total - count) / 2
        default: left = 0
        }
        let right = total - count - left
        var result = String.UnicodeScalarView()
        result.append(contentsOf: repeatElement(spec.fill, count: left))
        result.append(contentsOf: scalars)
        result.append(contentsOf: repeatElement(spec.fill, count: right))
        return String(result)
    }

    private static func formatInt(_ x: Int, spec: String, typeName: String) throws(FormatError) -> String {
        let parsed = try FormatSpec(spec, typeName: typeName, defaultType: "d", defaultAlign: ">")
        switch parsed.type {
        case "b", "c", "d", "o", "x", "X", "n":
            return try formatInteger(x, parsed)
        case "e", "E", "f", "F", "g", "G", "%":
            return formatFloat(Double(x), parsed)
        default:
            throw FormatSpec.unknownType(parsed.type, typeName: typeName)
        }
    }

    private static func formatInteger(_ x: Int, _ spec: FormatSpec) throws(FormatError) -> String {
        if spec.precision != nil { throw .value("Precision not allowed in integer format specifier") }
        if spec.noNegativeZero {
            throw .value("Negative zero coercion (z) not allowed in integer format specifier")
        }
        if spec.type == "c" {
            if spec.sign != nil { throw .value("Sign not allowed with integer format specifier 'c'") }
            if spec.alternate { throw .value("Alternate form (#) not allowed with integer format specifier 'c'") }
            guard x >= 0, x <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(x)) else {
                throw FormatError(typeName: x >= 0 && x <= 0x10FFFF ? "ValueError" : "OverflowError",
                                  message: "%c arg not in range(0x110000)")
            }
            return NumberLayout(negative: false, digits: "", remainder: String(Character(scalar))).render(spec)
        }
        let radix: Int
        var prefix = ""
        switch spec.type {
        case "b": radix = 2; prefix = "0b"
        case "o": radix = 8; prefix = "0o"
        case "x": radix = 16; prefix = "0x"
        case "X": radix = 16; prefix = "0X"
        default: radix = 10
        }
        var digits = String(x.magnitude, radix: radix)
        if spec.type == "X" { digits = digits.uppercased() }
        let layout = NumberLayout(negative: x < 0, prefix: spec.alternate ? prefix : "", digits: digits)
        return layout.render(spec)
    }

    static func formatFloat(_ value: Double, _ spec: FormatSpec) -> String {
        var x = value
        var type = spec.type
        var precision = spec.precision
        var addDotZero = false
        var percent = false
        if type == nil {
            addDotZero = true
            if precision == nil { precision = 0 }
        }
        if type == "n" { type = "g" }
        if type == "%" {
            type = "f"
            x *= 100
            percent = true
        }
        var layout = FloatLayout(mode: .repr)
        switch type {
        case "e", "E": layout.mode = .exponent
        case "f", "F": layout.mode = .fixed
        case "g", "G": layout.mode = .general
        default: layout.mode = spec.precision == nil ? .repr : .general
        }
        layout.precision = precision ?? 6
        layout.uppercase = type == "E" || type == "F" || type == "G"
        layout.alternate = spec.alternate
        layout.addDotZero = addDotZero
        layout.noNegativeZero = spec.noNegativeZero
        if layout.mode == .repr { layout.precision = 0 }
        var text = Substring(layout.render(x))
        if percent { text += "%" }
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        let integerEnd = text.firstIndex(where: { !$0.isASCII || !$0.isNumber }) ?? text.endIndex
        let digits = String(text[..<integerEnd])
        var rest = text[integerEnd...]
        let hasPoint = rest.first == "."
        if hasPoint { rest = rest.dropFirst() }
        let number = NumberLayout(negative: negative, digits: digits, hasDecimalPoint: hasPoint, remainder: String(rest))
        return number.render(spec)
    }
}

extension PyFormat {
    /// `str(i)`, optionally with thousands separators as `format(i, ',')` / `format(i, '_')`.
    ///
    ///     PyFormat.intString(-1234567, grouping: ",")  // "-1,234,567"
    public static func intString(_ i: Int, grouping: Character? = nil) -> String {
        let digits = String(i.magnitude)
        let style: FormatSpec.Grouping
        switch grouping {
        case ","?: style = .comma
        case "_"?: style = .underscore
        default: return String(i)
        }
        return (i < 0 ? "-" : "") + NumberLayout.group(digits, minimumWidth: 0, grouping: style)
    }
}
