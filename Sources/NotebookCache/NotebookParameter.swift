/// A notebook parameter as cell keys see it: its name and its value written as a Python
/// literal (front-matter `params`, after `-P name=value` overrides).
///
///     NotebookParameter("epochs", "5")
public struct NotebookParameter: Sendable, Hashable, Codable {
    public var name: String
    /// The value as a Python literal: `5`, `0.01`, `'relu'`, `[32, 64]`.
    public var literal: String

    public init(_ name: String, _ literal: String) {
        self.name = name
        self.literal = literal
    }
}
