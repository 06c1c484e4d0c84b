import CellOutput
import Foundation

/// A JSON document as a value, read with Foundation's decoder and written the way Jupyter
/// writes notebooks (`json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False)`), so
/// that the same notebook always gives the same bytes and a diff against a notebook saved
/// by Jupyter shows only real changes.
///
///     JSONValue.object(["b": .int(1), "a": .array([])]).serialized()
///     // "{\n \"a\": [],\n \"b\": 1\n}"
public enum JSONValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Decodes any JSON value; `true`/`false` stay booleans, whole numbers integers.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int.self) {
            self = .int(number)
        } else if let number = try? container.decode(Double.self) {
            self = .double(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let items = try? container.decode([JSONValue].self) {
            self = .array(items)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Parses a JSON document.
    public static func parse(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// The member `key` of an object (nil for a missing key or a value that is not an object).
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The text of a string value, else nil.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number of an integer value, else nil.
    public var int: Int? {
        if case .int(let number) = self { return number }
        return nil
    }

    /// The items of an array value, else nil.
    public var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// nbformat's multiline string: a string, or a list of strings to concatenate; nil for
    /// anything else.
    public var multilineText: String? {
        switch self {
        case .string(let text): return text
        case .array(let items):
            var text = ""
            for item in items {
                guard case .string(let piece) = item else { return nil }
                text += piece
            }
            return text
        default: return nil
        }
    }

    /// nbformat's multiline string as Jupyter writes it: the text cut after each "\n".
    public static func lines(_ text: String) -> JSONValue {
        var lines: [JSONValue] = []
        var current = ""
        for character in text.unicodeScalars {
            current.unicodeScalars.append(character)
            if character == "\n" {
                lines.append(.string(current))
                current = ""
            }
        }
        if !current.isEmpty { lines.append(.string(current)) }
        return .array(lines)
    }

    /// The document as Jupyter writes it: keys sorted, one space of indent per level,
    /// non-ASCII text as is, and a final newline.
    public func serialized() -> String {
        var out = ""
        write(to: &out, indent: 0)
        return out + "\n"
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .double(let number):
            out += number.isFinite ? (number == number.rounded() && abs(number) < 1e16 ? String(format: "%.1f", number) : "\(number)") : "null"
        case .string(let text): Self.writeString(text, to: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "[\n"
            for (offset, item) in items.enumerated() {
                out += String(repeating: " ", count: indent + 1)
                item.write(to: &out, indent: indent + 1)
                out += offset == items.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            // Python sorts keys by code point; Swift's String `<` compares by Unicode
            // canonical ordering, so compare the scalars.
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            for (offset, key) in keys.enumerated() {
                out += String(repeating: " ", count: indent + 1)
                Self.writeString(key, to: &out)
                out += ": "
                members[key]!.write(to: &out, indent: indent + 1)
                out += offset == keys.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: " ", count: indent) + "}"
        }
    }

    /// A JSON string as Python's `json` writes it with `ensure_ascii=False`.
    static func writeString(_ text: String, to out: inout String) {
        JSONStringLiteral.write(text, to: &out)
    }
}
