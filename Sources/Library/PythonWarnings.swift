import CellLanguage

/// Warnings the library gives as Python code would: through the session's `warnings`
/// module, so its filters apply and a message shows once per place, placed at the cell line
/// that made the call (where Keras' and matplotlib's `stacklevel=2` place theirs).
enum PythonWarnings {
    /// `warnings.warn(message)` (a `UserWarning`) on behalf of the cell.
    static func warn(_ message: String, _ interpreter: Interpreter) throws {
        guard let warn = try interpreter.importModule("warnings")["warn"] else { return }
        _ = try interpreter.call(warn, .str(message))
    }
}
