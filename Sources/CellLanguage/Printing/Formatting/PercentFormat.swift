/// One value on the right of `%`, as the interpreter hands it to `PyFormat.percent`.
public enum PercentArgument: Sendable, Equatable {
    case int(Int)
    case float(Double)
    case bool(Bool)
    /// A str: its text (for `%s`) and its repr (for `%r`).
    case string(String, repr: String)
    /// Anything else (list, None, dict, ...): `str()`, `repr()` and the type name used in
    /// `TypeError` messages such as `%d format: a real number is required, not list`.
    case other(str: String, repr: String, typeName: String)
    /// A number of another type (a NumPy scalar): its own `str()`/`repr()` for `%s`/`%r`,
    /// its numeric value for `%d`, `%f` and friends.
    indirect case number(PercentArgument, str: String, repr: String, typeName: String)

    /// The value numeric conversions use.
    var numeric: PercentArgument {
        if case .number(let value, _, _, _) = self { return value }
        return self
    }

    var typeName: String {
        switch self {
        case .int: return "int"
        case .float: return "float"
        case .bool: return "bool"
        case .string: return "str"
        case .other(_, _, let typeName), .number(_, _, _, let typeName): return typeName
        }
    }

    var str: String {
        switch self {
        case .int(let i): return String(i)
        case .float(let x): return PyFormat.repr(x)
        case .bool(let b): return b ? "True" : "False"
        case .string(let s, _): return s
        case .other(let s, _, _), .number(_, let s, _, _): return s
        }
    }

    var repr: String {
        switch self {
        case .string(_, let r): return r
        case .other(_, let r, _), .number(_, _, let r, _): return r
        default: return str
        }
    }
}

extension PyFormat {
    /// `format % args` with a tuple (or a single value as a one-element array).
    ///
    ///     try PyFormat.percent("%d items, %.2f%%", [.int(3), .float(99.5)])
    ///     // "3 items, 99.50%"
    public static func percent(_ format: String, _ args: [PercentArgument]) throws(FormatError) -> String {
        var formatter = PercentFormatter(format: format, arguments: args, mapping: nil)
        return try formatter.run()
    }

    /// `format % mapping` with a dict: `%(name)s` fields look names up; a field without a
    /// name formats the dict itself (`whole`).
    ///
    ///     try PyFormat.percent("%(n)d runs", mapping: ["n": .int(3)], whole: dictValue)
    public static func percent(
        _ format: String, mapping: [String: PercentArgument], whole: PercentArgument
    ) throws(FormatError) -> String {
        var formatter = PercentFormatter(format: format, arguments: [whole], mapping: mapping)
        return try formatter.run()
    }
}

/// `PyUnicode_Format`: walks the format once, taking arguments in order.
private struct PercentFormatter {
    let format: [Unicode.Scalar]
    let arguments: [PercentArgument]
    let mapping: [String: PercentArgument]?
    var position = 0
    var argumentIndex = 0
    var output = String.UnicodeScalarView()

    init(format: String, arguments: [PercentArgument], mapping: [String: PercentArgument]?) {
        self.format = Array(format.unicodeScalars)
        self.arguments = arguments
        self.mapping = mapping
    }

    /// Conversion flags `-`, `+`, space, `#`, `0`.
    struct Flags {
        var left = false, plus = false, blank = false, alternate = false, zero = false
    }

    mutating func run() throws(FormatError) -> String {
        while position < format.count {
            let scalar = format[position]
            position += 1
            if scalar != "%" {
                output.append(scalar)
                continue
            }
            try convert()
        }
        if mapping == nil && argumentIndex < arguments.count {
            throw .type("not all arguments converted during string formatting")
        }
        return String(output)
    }

    private mutating func nextArgument() throws(FormatError) -> PercentArgument {
        if mapping != nil {
            // A field without a key formats the mapping itself, once per field.
            argumentIndex = arguments.count
            return arguments[0]
        }
        guard argumentIndex < arguments.count else { throw .type("not enough arguments for format string") }
        defer { argumentIndex += 1 }
        return arguments[argumentIndex]
    }

    private func peek() -> Unicode.Scalar? { position < format.count ? format[position] : nil }

    private mutating func number(_ value: inout Int, tooBig: String) throws(FormatError) -> Bool {
        var found = false
        while let s = peek(), s.isASCII, let digit = Character(s).wholeNumberValue {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.addingReportingOverflow(digit)
            if overflow1 || overflow2 { throw .value(tooBig) }
            value = next
            position += 1
            found = true
        }
        return found
    }

    private mutating func convert() throws(FormatError) {
        if peek() == "%" {
            position += 1
            output.append("%")
            return
        }
        var keyed: PercentArgument?
        if peek() == "(" {
            guard let mapping else { throw .type("format requires a mapping") }
            position += 1
            var depth = 1
            let start = position
            while position < format.count {
                if format[position] == "(" { depth += 1 }
                if format[position] == ")" { depth -= 1; if depth == 0 { break } }
                position += 1
            }
            guard position < format.count else { throw .value("incomplete format key") }
            var key = String.UnicodeScalarView()
            key.append(contentsOf: format[start..<position])
            position += 1
            let name = String(key)
            guard let value = mapping[name] else {
                throw FormatError(typeName: "KeyError", message: PyFormat.stringRepr(name))
            }
            keyed = value
        }
        var flags = Flags()
        flagLoop: while let s = peek() {
            switch s {
            case "-": flags.left = true
            case "+": flags.plus = true
            case " ": flags.blank = true
            case "#": flags.alternate = true
            case "0": flags.zero = true
            default: break flagLoop
            }
            position += 1
        }
        var width = -1
        if peek() == "*" {
            position += 1
            guard case .int(let value) = try nextArgument() else { throw .type("* wants int") }
            width = value
            if width < 0 {
                flags.left = true
                // CPython negates in C: -(-2**63) wraps to itself, which pads nothing.
                width = width == Int.min ? 0 : -width
            }
        } else {
            var value = 0
            if try number(&value, tooBig: "width too big") { width = value }
        }
        var precision = -1
        if peek() == "." {
            position += 1
            if peek() == "*" {
                position += 1
                guard case .int(let value) = try nextArgument() else { throw .type("* wants int") }
                if value > Int(Int32.max) || value < Int(Int32.min) {
                    throw FormatError(typeName: "OverflowError", message: "Python int too large to convert to C int")
                }
                precision = max(0, value)
            } else {
                var value = 0
                _ = try number(&value, tooBig: "precision too big")
                if value > Int(Int32.max) { throw .value("precision too big") }
                precision = value
            }
        }
        if MemoryLimit.bytes(count: max(width, precision), stride: 1) == nil { throw .memory }
        guard let type = peek() else { throw .value("incomplete format") }
        let typeIndex = position
        position += 1
        let argument: PercentArgument
        if let keyed { argument = keyed } else { argument = try nextArgument() }
        let (text, isNumber) = try render(argument, type: type, typeIndex: typeIndex,
                                          flags: flags, precision: precision)
        emit(text, type: type, isNumber: isNumber, flags: flags, width: width, precision: precision)
    }

    private func render(
        _ argument: PercentArgument, type: Unicode.Scalar, typeIndex: Int, flags: Flags, precision: Int
    ) throws(FormatError) -> (String, Bool) {
        switch type {
        case "s": return (argument.str, false)
        case "r": return (argument.repr, false)
        case "a":
            if case .string(let s, _) = argument { return (PyFormat.asciiRepr(s), false) }
            return (argument.repr, false)
        case "d", "i", "u", "o", "x", "X":
            return (try integerText(argument, type: type, flags: flags, precision: precision), true)
        case "e", "E", "f", "F", "g", "G":
            let value: Double
            switch argument.numeric {
            case .int(let i): value = Double(i)
            case .float(let x): value = x
            case .bool(let b): value = b ? 1 : 0
            default: throw .type("must be real number, not \(argument.typeName)")
            }
            var layout = FloatLayout(mode: .fixed)
            switch type {
            case "e", "E": layout.mode = .exponent
            case "g", "G": layout.mode = .general
            default: layout.mode = .fixed
            }
            layout.precision = precision < 0 ? 6 : precision
            layout.uppercase = type == "E" || type == "F" || type == "G"
            layout.alternate = flags.alternate
            return (layout.render(value), true)
        case "c":
            switch argument.numeric {
            case .string(let s, _) where s.unicodeScalars.count == 1:
                return (s, false)
            case .int(let i):
                guard i >= 0, i <= 0x10FFFF else {
                    throw FormatError(typeName: "OverflowError", message: "%c arg not in range(0x110000)")
                }
                guard let scalar = Unicode.Scalar(UInt32(i)) else { throw .type("%c requires int or char") }
                return (String(Character(scalar)), false)
            case .bool(let b):
                return (b ? "\u{1}" : "\u{0}", false)
            default:
                throw .type("%c requires int or char")
            }
        default:
            let hex = String(type.value, radix: 16)
            let shown = type.value > 32 && type.value < 127 ? String(Character(type)) : "?"
            throw .value("unsupported format character '\(shown)' (0x\(hex)) at index \(typeIndex)")
        }
    }

    /// `_PyUnicode_FormatLong`: sign, `0x`-style prefix when `#`, digits zero-filled to
    /// the precision.
    private func integerText(
        _ argument: PercentArgument, type: Unicode.Scalar, flags: Flags, precision: Int
    ) throws(FormatError) -> String {
        let value: Int
        let wantsInteger = type == "o" || type == "x" || type == "X"
        switch argument.numeric {
        case .int(let i): value = i
        case .bool(let b): value = b ? 1 : 0
        case .float(let x):
            if wantsInteger { throw .type("%\(Character(type)) format: an integer is required, not float") }
            value = try PyFormat.truncate(x)
        default:
            let kind = wantsInteger ? "an integer" : "a real number"
            throw .type("%\(Character(type)) format: \(kind) is required, not \(argument.typeName)")
        }
        let radix = type == "o" ? 8 : (wantsInteger ? 16 : 10)
        var digits = String(value.magnitude, radix: radix)
        if precision > digits.count { digits = String(repeating: "0", count: precision - digits.count) + digits }
        var prefix = ""
        if flags.alternate && wantsInteger { prefix = type == "o" ? "0o" : "0x" }
        var text = (value < 0 ? "-" : "") + prefix + digits
        if type == "X" { text = text.uppercased() }
        return text
    }

    /// `unicode_format_arg_output`: sign, prefix and padding around the converted text.
    private mutating func emit(
        _ text: String, type: Unicode.Scalar, isNumber: Bool, flags: Flags, width: Int, precision: Int
    ) {
        var scalars = Array(text.unicodeScalars)
        if type == "s" || type == "r" || type == "a", precision >= 0, scalars.count > precision {
            scalars = Array(scalars[..<precision])
        }
        var sign: Unicode.Scalar?
        if isNumber {
            if let first = scalars.first, first == "-" || first == "+" {
                sign = first
                scalars.removeFirst()
            } else if flags.plus {
                sign = "+"
            } else if flags.blank {
                sign = " "
            }
        }
        let fill: Unicode.Scalar = isNumber && flags.zero ? "0" : " "
        var prefix: [Unicode.Scalar] = []
        if flags.alternate && (type == "x" || type == "X" || type == "o") {
            prefix = Array(scalars.prefix(2))
            scalars.removeFirst(2)
        }
        let body = (sign.map { [$0] } ?? []) + prefix
        let total = body.count + scalars.count
        let padding = max(0, width - total)
        if flags.left {
            output.append(contentsOf: body)
            output.append(contentsOf: scalars)
            output.append(contentsOf: repeatElement(" ", count: padding))
        } else if fill == "0" {
            output.append(contentsOf: body)
            output.append(contentsOf: repeatElement("0", count: padding))
            output.append(contentsOf: scalars)
        } else {
            output.append(contentsOf: repeatElement(" ", count: padding))
            output.append(contentsOf: body)
            output.append(contentsOf: scalars)
        }
    }
}
