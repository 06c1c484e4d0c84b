import Yams

/// The value of a notebook parameter, as written in YAML front matter or given with
/// `-P name=value`. The runner turns it into a Python value (`None`, `True`, `3`, `0.01`,
/// `'adam'`, `[32, 32]`, `{'lr': 0.1}`).
public enum ParamValue: Sendable, Equatable, CustomStringConvertible {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case list([ParamValue])
    /// A mapping, keys in the order written.
    case dict([(key: ParamValue, value: ParamValue)])

    public static func == (lhs: ParamValue, rhs: ParamValue) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.float(a), .float(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): return a == b
        case let (.list(a), .list(b)): return a == b
        case let (.dict(a), .dict(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// A Python-like spelling, for messages: `None`, `True`, `0.01`, `'adam'`, `[1, 2]`.
    public var description: String {
        switch self {
        case .none: return "None"
        case .bool(let value): return value ? "True" : "False"
        case .int(let value): return String(value)
        case .float(let value): return String(value)
        case .string(let value): return "'\(value)'"
        case .list(let items): return "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .dict(let entries):
            return "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// Reads a command-line value as YAML, so `-P lr=0.01` is a float, `-P layers=[32,32]`
    /// a list and `-P optimizer=adam` a string. Text that is not valid YAML stays a string.
    ///
    ///     ParamValue(commandLine: "0.01")     // .float(0.01)
    ///     ParamValue(commandLine: "[32, 64]") // .list([.int(32), .int(64)])
    public init(commandLine text: String) {
        if let node = try? Yams.compose(yaml: text), let value = try? ParamValue(node: node) {
            self = value
        } else {
            self = .string(text)
        }
    }

    /// What went wrong converting a YAML node, with the node's line within the YAML text.
    struct ConversionError: Error {
        var line: Int?
        var message: String
    }

    /// Converts a composed YAML node; timestamps and other tags become strings.
    init(node: Node) throws(ConversionError) {
        switch node {
        case .scalar(let scalar):
            switch tagName(of: node) {
            case .null: self = .none
            case .bool:
                guard let value = node.bool else { throw ConversionError(line: scalar.mark?.line, message: "bad boolean") }
                self = .bool(value)
            case .int:
                // Out-of-range integers fall back to float, as they would not fit 64 bits.
                if let value = node.int { self = .int(value) } else if let value = node.float { self = .float(value) } else {
                    throw ConversionError(line: scalar.mark?.line, message: "integer '\(scalar.string)' is out of range")
                }
            case .float:
                guard let value = node.float else { throw ConversionError(line: scalar.mark?.line, message: "bad number") }
                self = .float(value)
            default: self = .string(scalar.string)
            }
        case .sequence(let sequence):
            var items: [ParamValue] = []
            for item in sequence { items.append(try ParamValue(node: item)) }
            self = .list(items)
        case .mapping(let mapping):
            var entries: [(key: ParamValue, value: ParamValue)] = []
            for (key, value) in mapping {
                entries.append((try ParamValue(node: key), try ParamValue(node: value)))
            }
            self = .dict(entries)
        }
    }
}

/// The resolved YAML tag of a node (`!!int`, `!!str`, ...): explicit tags win, quoted
/// scalars are strings, plain scalars follow the YAML 1.1 rules Yams applies.
func tagName(of node: Node) -> Tag.Name {
    Resolver.default.resolveTag(of: node)
}
