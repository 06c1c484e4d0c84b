/// `warnings`: `warn` writes CPython's `Category: message` line into the cell's output
/// (Jupyter shows stderr there), filtered by `simplefilter`/`filterwarnings` actions:
/// `ignore` drops, `error` raises, `always` repeats, `default`/`once`/`module` print a
/// message once per session.
enum WarningsModule {
    static func make(_ interpreter: Interpreter) throws -> Module {
        let m = Module("warnings")
        let state = WarningFilters()
        let filterParameters: [HostParameter] = ["action", HostParameter("message", default: .str("")),
                                                 HostParameter("category", default: .none),
                                                 HostParameter("module", default: .str("")),
                                                 HostParameter("lineno", default: .int(0)),
                                                 HostParameter("append", default: .bool(false))]
        func addFilter(_ name: String, _ args: Arguments) throws -> Value {
            let parameters = name == "simplefilter" ? filterParameters.filter { $0.name != "message" && $0.name != "module" }
                                                    : filterParameters
            let b = try args.bind(name, parameters)
            guard case .str(let action) = b["action"],
                  ["default", "error", "ignore", "always", "module", "once"].contains(action) else {
                throw PyException(.valueError, "invalid action: \(b["action"].repr)")
            }
            var category: ExceptionType?
            if case .type(.exception(let e)) = b["category"] { category = e }
            var message = ""
            if case .str(let s) = b["message"] { message = s }
            state.filters.insert((action, message, category), at: 0)
            return .none
        }
        m.define("simplefilter") { args, _ in try addFilter("simplefilter", args) }
        m.define("filterwarnings") { args, _ in try addFilter("filterwarnings", args) }
        m.define("resetwarnings") { _, _ in state.filters.removeAll(); return .none }
        m.define("warn") { args, interp in
            let b = try args.bind("warn", ["message", HostParameter("category", default: .none),
                                           HostParameter("stacklevel", default: .int(1))])
            var category = ExceptionType.userWarning
            if case .type(.exception(let e)) = b["category"] { category = e }
            let message: String
            if case .exception(let e) = b["message"] {
                category = e.type
                message = e.message
            } else {
                message = try interp.str(b["message"])
            }
            switch state.action(message: message, category: category) {
            case "ignore": break
            case "error": throw PyException(category, message)
            case "always": interp.write("\(category.name): \(message)\n")
            default:
                if state.shown.insert("\(category.name): \(message)").inserted {
                    interp.write("\(category.name): \(message)\n")
                }
            }
            return .none
        }
        m["catch_warnings"] = .builtin(BuiltinFunction("catch_warnings") { _, _ in
            throw PyException(.notImplementedError, "warnings.catch_warnings() needs `with`, which Labbook does not implement yet; see docs/language.md")
        })
        return m
    }
}

/// The session's warning filters (newest first) and the messages already shown.
final class WarningFilters {
    var filters: [(action: String, message: String, category: ExceptionType?)] = []
    var shown = Set<String>()

    func action(message: String, category: ExceptionType) -> String {
        for f in filters {
            if let c = f.category, !category.isSubclass(of: c) { continue }
            if !f.message.isEmpty, !message.lowercased().hasPrefix(f.message.lowercased()) { continue }
            return f.action
        }
        return "default"
    }
}
