/// Why a notebook could not be read: the file, the line when there is one, and what to do.
///
/// Its description is one line, in the `file:line: message` form editors jump to:
///
///     nb.md:12: the ```python fence opened here is never closed; add a closing ``` line
///     nb.md: no such file; check the path
public struct NotebookError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The notebook path, as it was given.
    public var path: String
    /// The 1-based line the problem is on, if it is on one.
    public var line: Int?
    /// What is wrong and what to do about it, without the path or line.
    public var message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `nb.md:12: message`, or `nb.md: message` when there is no line. Always one line.
    public var description: String {
        let flat = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        if let line { return "\(path):\(line): \(flat)" }
        return "\(path): \(flat)"
    }
}
