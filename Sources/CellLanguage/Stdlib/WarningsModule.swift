/// `warnings`: `warn` writes CPython's `place: Category: message` line and the source
/// line into the cell's output (Jupyter shows stderr there), filtered by `simplefilter`/`filterwarnings` actions:
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
            guard case .int(let stacklevel) = b["stacklevel"] else {
                throw PyException(.typeError, "'\(b["stacklevel"].typeName)' object cannot be interpreted as an integer")
            }
            let place = interp.warningPlace(stacklevel: stacklevel)
            let text = "\(place.label): \(category.name): \(message)\n" + (place.source.map { "  \($0)\n" } ?? "")
            switch state.action(message: message, category: category) {
            case "ignore": break
            case "error": throw PyException(category, message)
            case "always": interp.write(text)
            default:
                // CPython's registry: once per message, category and place.
                if state.shown.insert(text).inserted { interp.write(text) }
            }
            return .none
        }
        m["catch_warnings"] = .builtin(BuiltinFunction("catch_warnings") { _, _ in
            throw PyException(.notImplementedError, "warnings.catch_warnings() needs `with`, which Labbook does not implement yet; see docs/language.md")
        })
        return m
    }
}

extension Interpreter {
    /// Where `warnings.warn(..., stacklevel=n)` reports: the call (else the statement)
    /// running `n - 1` calls up, named as tracebacks name cell lines (`Cell In[3], line 2`, in place of
    /// CPython's file name, which for a cell is a temporary path), with its source line.
    func warningPlace(stacklevel: Int) -> (label: String, source: String?) {
        var frame = currentFrame
        var level = 1
        while level < stacklevel {
            frame = frame?.caller
            level += 1
        }
        // Above the outermost frame CPython names `sys`, line 1.
        guard let frame, frame.line > 0 else { return ("sys:1", nil) }
        let line = frame.callLine > 0 ? frame.callLine : frame.line
        let lines = cellSources[frame.cellNumber]?.lines ?? []
        let source = line <= lines.count
            ? lines[line - 1].trimmingCharacters(in: .whitespaces) : ""
        return ("Cell In[\(frame.cellNumber)], line \(line)", source.isEmpty ? nil : source)
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
