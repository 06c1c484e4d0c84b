/// Why an output path cannot be written. Found before anything runs (exit 2, nothing
/// touched); the message names the path as given and says what to do.
public enum OutputPathError: Error, Equatable, CustomStringConvertible {
    /// `-o ''`.
    case empty(OutputRole)
    /// The path is a folder.
    case directory(String, OutputRole)
    /// A device, FIFO or socket (`what`: "a character device"). Reports are written by
    /// renaming a new file over the old one, which such a file cannot take.
    case special(String, OutputRole, what: String)
    /// The output would overwrite the notebook (`-o nb.md` without `--in-place`, `--html nb.md`).
    case notebook(String, OutputRole)
    /// Two outputs are the same file (`-o r --html r`, or a link to the other).
    case sameFile(String, OutputRole, String, OutputRole)
    /// The figures folder the Markdown report needs exists and is not a folder.
    case figuresFolder(String, markdown: String)
    /// A folder on the way is a file.
    case notAFolder(String, OutputRole, ancestor: String)
    /// The links cannot be followed (a loop, unreadable).
    case unusable(String, OutputRole, reason: String)

    public var description: String {
        switch self {
        case .empty(let role):
            return "\(role.option): the path of \(role.noun) is empty; give a file name"
        case .directory(let path, let role):
            return "\(path): is a directory; \(role.option) takes the path of a file, such as \(path)/\(role.example)"
        case .special(let path, let role, let what):
            return "\(path): is \(what), not a regular file; \(role.option) writes a new file and renames it into "
                + "place, so give the path of a file (and read it from there)"
        case .notebook(let path, .markdown):
            return "\(path): -o would overwrite the notebook itself; use --in-place to write the outputs into the "
                + "notebook, or give another path"
        case .notebook(let path, let role):
            return "\(path): \(role.option) would overwrite the notebook itself; give another path"
        case .sameFile(let path, let role, let otherPath, let otherRole):
            let other = otherPath == path ? "" : " (\(otherPath))"
            return "\(path): is both \(role.noun) and \(otherRole.noun)\(other); give them different paths"
        case .figuresFolder(let path, let markdown):
            return "\(path): is a file, but the figures of \(markdown) go in a folder of that name; "
                + "move the file or choose another -o"
        case .notAFolder(let path, let role, let ancestor):
            return "\(path): cannot write \(role.noun) there: \(ancestor) is not a folder"
        case .unusable(let path, let role, let reason):
            return "\(path): cannot write \(role.noun) there: \(reason)"
        }
    }
}

extension OutputRole {
    /// A file name to suggest inside a folder given by mistake.
    fileprivate var example: String {
        switch self {
        case .markdown: return "nb.out.md"
        case .html: return "nb.html"
        case .figures: return "nb_files"
        case .notebook: return "nb.md"
        case .ipynb: return "nb.ipynb"
        }
    }
}
