/// Why a Jupyter notebook cannot be imported: the file, the cell when the problem is in one,
/// and what to do. One line, `nb.ipynb: cell 4: ...`.
public struct JupyterError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The `.ipynb` path, as given.
    public var path: String
    /// The 1-based position of the cell at fault, if one is.
    public var cell: Int?
    /// What is wrong and what to do, without the path or cell.
    public var message: String

    public init(path: String, cell: Int? = nil, message: String) {
        self.path = path
        self.cell = cell
        self.message = message
    }

    /// `nb.ipynb: cell 4: message`, or `nb.ipynb: message`. Always one line.
    public var description: String {
        let flat = message.split(whereSeparator: \.isNewline).joined(separator: " ")
        if let cell { return "\(path): cell \(cell): \(flat)" }
        return "\(path): \(flat)"
    }
}
