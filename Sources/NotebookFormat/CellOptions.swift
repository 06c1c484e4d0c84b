import Foundation

/// How a cell runs and shows, from its leading `#| key: value` comment lines, on top of
/// the front matter's `execute:` defaults.
///
///     #| id: train
///     #| timeout: 600
///     #| echo: false
///     model.fit(x, y, epochs=5)
public struct CellOptions: Sendable, Equatable {
    /// A stable name, for `--from ID`, progress lines and cache explanations.
    public var id: String?
    /// false: the cell is not run.
    public var eval: Bool
    /// false: the code is hidden in HTML reports (executed Markdown always keeps it).
    public var echo: Bool
    /// false: the output is not shown and no output block is written.
    public var output: Bool
    /// true: the cell is expected to fail; its error is shown and the run goes on.
    public var error: Bool
    /// false: the cell always runs again instead of coming from the cache.
    public var cache: Bool
    /// Seconds the cell may run, if limited.
    public var timeout: Double?

    public init(
        id: String? = nil, eval: Bool = true, echo: Bool = true, output: Bool = true,
        error: Bool = false, cache: Bool = true, timeout: Double? = nil
    ) {
        self.id = id
        self.eval = eval
        self.echo = echo
        self.output = output
        self.error = error
        self.cache = cache
        self.timeout = timeout
    }

    /// The option names, in the order messages list them.
    public static let names = ["id", "eval", "echo", "output", "error", "cache", "timeout"]

    /// Sets option `key` to `value`; returns what is wrong instead when it cannot.
    mutating func set(_ key: String, to value: ParamValue) -> String? {
        func flag(_ apply: (inout CellOptions, Bool) -> Void) -> String? {
            guard case .bool(let flag) = value else {
                return "cell option '\(key)' must be true or false, not \(Self.spelling(value))"
            }
            apply(&self, flag)
            return nil
        }
        switch key {
        case "eval": return flag { $0.eval = $1 }
        case "echo": return flag { $0.echo = $1 }
        case "output": return flag { $0.output = $1 }
        case "error": return flag { $0.error = $1 }
        case "cache": return flag { $0.cache = $1 }
        case "timeout":
            switch value {
            case .int(let seconds) where seconds > 0: timeout = Double(seconds)
            case .float(let seconds) where seconds > 0 && seconds.isFinite: timeout = seconds
            case .none: timeout = nil
            default:
                return "cell option 'timeout' must be a number of seconds above 0, not \(Self.spelling(value))"
            }
            return nil
        case "id":
            let name: String
            switch value {
            case .string(let text): name = text
            case .int(let number): name = String(number)
            default: return "cell option 'id' must be a name such as train, not \(Self.spelling(value))"
            }
            guard !name.isEmpty, !name.contains(where: \.isWhitespace) else {
                return "cell option 'id' must be a name without spaces, such as train, not '\(name)'"
            }
            id = name
            return nil
        default:
            return "unknown cell option '\(key)'; the options are \(Self.names.joined(separator: ", "))"
        }
    }

    /// A value as the user wrote it, for messages.
    private static func spelling(_ value: ParamValue) -> String {
        switch value {
        case .string(let text): return "'\(text)'"
        case .none: return "nothing"
        case .bool(let flag): return flag ? "true" : "false"
        default: return "'\(value)'"
        }
    }

    /// Reads the leading `#| key: value` lines of a cell's source on top of `defaults`.
    ///
    /// - Parameters:
    ///   - source: the cell's code.
    ///   - firstLine: the notebook line of the source's first line, for warnings.
    /// - Returns: the options and a warning for each ignored line.
    static func parse(
        source: String, firstLine: Int, defaults: CellOptions
    ) -> (options: CellOptions, warnings: [FormatWarning]) {
        var options = defaults
        var warnings: [FormatWarning] = []
        var seen = Set<String>()
        for (offset, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.hasPrefix("#|") else { break }
            let lineNumber = firstLine + offset
            let body = line.dropFirst(2)
            guard let colon = body.firstIndex(of: ":") else {
                warnings.append(FormatWarning(
                    line: lineNumber, message: "cell option line '\(line)' is not of the form '#| key: value'; it is ignored"))
                continue
            }
            let key = body[..<colon].trimmingCharacters(in: .whitespaces)
            let text = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !seen.insert(key).inserted, names.contains(key) {
                warnings.append(FormatWarning(line: lineNumber, message: "cell option '\(key)' is given twice; the last one counts"))
            }
            if let problem = options.set(key, to: ParamValue(commandLine: text)) {
                warnings.append(FormatWarning(line: lineNumber, message: problem + "; it is ignored"))
            }
        }
        return (options, warnings)
    }
}
