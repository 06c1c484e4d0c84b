/// Python's text formatting, to the character: float `repr`, the format-spec
/// mini-language (`format(x, spec)`, f-string `{x:spec}`), `round`, `%`-formatting and
/// `str` repr. Pure functions over Swift values; the interpreter maps its values onto them.
///
///     PyFormat.repr(0.1 + 0.2)                 // "0.30000000000000004"
///     try PyFormat.format(0.512, spec: ".3")   // "0.512"
///     try PyFormat.format(1234567, spec: ",")  // "1,234,567"
public enum PyFormat {}

/// A Python exception raised while formatting: its type name and message.
///
///     FormatError(typeName: "ValueError", message: "Format specifier missing precision")
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Python exception type, e.g. `ValueError`, `TypeError`, `KeyError`, `OverflowError`.
    public var typeName: String
    /// The message exactly as CPython words it (`str(e)`).
    public var message: String

    public init(typeName: String, message: String) {
        self.typeName = typeName
        self.message = message
    }

    /// `ValueError: Format specifier missing precision`
    public var description: String { "\(typeName): \(message)" }

    static func value(_ message: String) -> FormatError {
        FormatError(typeName: "ValueError", message: message)
    }

    /// CPython's bare `MemoryError`, for a width or precision no string could hold.
    static let memory = FormatError(typeName: "MemoryError", message: "")

    static func type(_ message: String) -> FormatError {
        FormatError(typeName: "TypeError", message: message)
    }
}
