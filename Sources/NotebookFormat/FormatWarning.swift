/// Something in a notebook that Labbook ignored, with the line it is on.
///
/// Warnings never stop a run: an unknown cell option, a bad option value, an unknown
/// front-matter key. The command line shows them as `nb.md:7: warning: ...`.
public struct FormatWarning: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based notebook line.
    public var line: Int
    /// What was ignored and what to write instead.
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line 7: message`.
    public var description: String { "line \(line): \(message)" }

    /// `nb.md:7: warning: message`, the form editors and terminals understand.
    public func formatted(path: String) -> String { "\(path):\(line): warning: \(message)" }
}
