/// A parsed format spec, `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]`,
/// as CPython's `parse_internal_render_format_spec` reads it.
struct FormatSpec: Equatable {
    /// Digit grouping: none, `,` every 3, `_` every 3, or `_` every 4 (b, o, x, X).
    enum Grouping: Equatable { case none, comma, underscore, underscoreFour }

    var fill: Unicode.Scalar = " "
    var align: Character
    var sign: Character?
    var noNegativeZero = false
    var alternate = false
    var width: Int?
    var grouping: Grouping = .none
    var precision: Int?
    var type: Character?

    /// Parses `spec` for an object of type `typeName` (used in error messages), with the
    /// object's default type and alignment (`>` for numbers, `<` for strings).
    init(_ spec: String, typeName: String, defaultType: Character?, defaultAlign: Character) throws(FormatError) {
        align = defaultAlign
        type = defaultType
        let scalars = Array(spec.unicodeScalars)
        var position = 0
        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            position + offset < scalars.count ? scalars[position + offset] : nil
        }
        func isAlign(_ s: Unicode.Scalar?) -> Bool { s.map { "<>=^".unicodeScalars.contains($0) } ?? false }

        var fillSpecified = false
        var alignSpecified = false
        if scalars.count - position >= 2, isAlign(peek(1)), let fillScalar = peek() {
            fill = fillScalar
            align = Character(scalars[position + 1])
            fillSpecified = true
            alignSpecified = true
            position += 2
        } else if isAlign(peek()), let alignScalar = peek() {
            align = Character(alignScalar)
            alignSpecified = true
            position += 1
        }
        if let s = peek(), s == "+" || s == "-" || s == " " {
            sign = Character(s)
            position += 1
        }
        if peek() == "z" {
            noNegativeZero = true
            position += 1
        }
        if peek() == "#" {
            alternate = true
            position += 1
        }
        if !fillSpecified && peek() == "0" {
            fill = "0"
            if !alignSpecified && defaultAlign == ">" { align = "=" }
            position += 1
        }
        width = try Self.integer(scalars, &position)
        if let width, MemoryLimit.bytes(count: width, stride: 1) == nil { throw .memory }
        if peek() == "," {
            grouping = .comma
            position += 1
        }
        if peek() == "_" {
            if grouping != .none { throw .value("Cannot specify both ',' and '_'.") }
            grouping = .underscore
            position += 1
        }
        if peek() == "," && grouping == .underscore {
            throw .value("Cannot specify both ',' and '_'.")
        }
        if peek() == "." {
            position += 1
            guard let digits = try Self.integer(scalars, &position) else {
                throw .value("Format specifier missing precision")
            }
            if digits > Int(Int32.max) { throw .value("precision too big") }
            if MemoryLimit.bytes(count: digits, stride: 1) == nil { throw .memory }
            precision = digits
        }
        if scalars.count - position > 1 {
            throw .value("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        if let last = peek() {
            type = Character(last)
        }
        if grouping != .none {
            try checkGrouping()
        }
    }

    private mutating func checkGrouping() throws(FormatError) {
        switch type {
        case nil, "d", "e", "f", "g", "E", "G", "%", "F":
            return
        case "b", "o", "x", "X":
            if grouping == .underscore {
                grouping = .underscoreFour
                return
            }
            fallthrough
        default:
            let mark = grouping == .comma ? "," : "_"
            let code = type.map { c -> String in
                let value = c.unicodeScalars.first?.value ?? 0
                return value > 32 && value < 128 ? String(c) : "\\x" + String(value, radix: 16)
            } ?? ""
            throw .value("Cannot specify '\(mark)' with '\(code)'.")
        }
    }

    private static func integer(_ scalars: [Unicode.Scalar], _ position: inout Int) throws(FormatError) -> Int? {
        var value: Int?
        while position < scalars.count, scalars[position].isASCII,
              let digit = Character(scalars[position]).wholeNumberValue {
            let (times10, overflow1) = (value ?? 0).multipliedReportingOverflow(by: 10)
            let (next, overflow2) = times10.addingReportingOverflow(digit)
            if overflow1 || overflow2 { throw .value("Too many decimal digits in format string") }
            value = next
            position += 1
        }
        return value
    }

    /// `Unknown format code 'd' for object of type 'float'`
    static func unknownType(_ type: Character?, typeName: String) -> FormatError {
        let value = type?.unicodeScalars.first?.value ?? 0
        let code = value > 32 && value < 128 ? "'\(type.map(String.init) ?? "")'" : "'\\x\(String(value, radix: 16))'"
        return .value("Unknown format code \(code) for object of type '\(typeName)'")
    }
}
