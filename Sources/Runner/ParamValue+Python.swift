import CellLanguage
import NotebookFormat

extension ParamValue {
    /// The Python literal for a front-matter value: `None`, `True`, `3`, `0.01`, `'adam'`,
    /// `[32, 32]`, `{'lr': 0.1}`; the session evaluates it into a global.
    var pythonLiteral: String {
        switch self {
        case .none: return "None"
        case .bool(let value): return value ? "True" : "False"
        case .int(let value): return String(value)
        case .float(let value): return PyFormat.repr(value)
        case .string(let value): return PyFormat.stringRepr(value)
        case .list(let items): return "[" + items.map(\.pythonLiteral).joined(separator: ", ") + "]"
        case .dict(let entries):
            return "{" + entries.map { "\($0.key.pythonLiteral): \($0.value.pythonLiteral)" }.joined(separator: ", ") + "}"
        }
    }
}
