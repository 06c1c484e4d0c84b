import Foundation

/// A file Labbook is about to write, with the symbolic links in its name followed:
/// `-o link.md` where `link.md -> real/nb.md` writes `real/nb.md` and leaves the link a
/// link, as Jupyter's atomic writer does. Messages name the path as the user gave it.
///
///     let target = try OutputTarget("link.md", role: .markdown)
///     target.path   // "real/nb.md"
///     target.kind   // .regularFile, .absent, .directory or .special("a FIFO")
struct OutputTarget {
    /// The path as given on the command line.
    let given: String
    /// Where the bytes go: `given` with its symbolic links followed.
    let path: String
    /// Which output it is, for messages.
    let role: OutputRole
    /// What is at `path` now.
    let kind: Kind

    enum Kind: Equatable {
        case absent
        case regularFile(mode: mode_t)
        case directory
        /// A device, FIFO or socket: its name ("a character device").
        case special(String)
    }

    /// Throws unless the target is a regular file or does not exist yet, with folders (or
    /// folders still to make) above it.
    func checkIsFile() throws(OutputPathError) {
        switch kind {
        case .absent, .regularFile: break
        case .directory: throw .directory(given, role)
        case .special(let what): throw .special(given, role, what: what)
        }
        if let ancestor = blockingAncestor { throw .notAFolder(given, role, ancestor: ancestor) }
    }

    /// Linux's limit on links followed in one path (`MAXSYMLINKS`).
    static let maximumLinks = 40

    init(_ given: String, role: OutputRole) throws(OutputPathError) {
        guard !given.isEmpty else { throw .empty(role) }
        self.given = given
        self.role = role
        path = try Self.followingLinks(given, role: role)
        // Asked of the name as given: the kernel follows every link, /proc's too
        // (`/dev/stdout -> /proc/self/fd/1 -> pipe:[...]` is a FIFO, not a missing file).
        kind = Self.kind(of: given)
    }

    /// `path` with the links of its last component followed (the kernel follows those in
    /// the folders above it). A link to a file that does not exist yet resolves to where
    /// that file will be.
    static func followingLinks(_ given: String, role: OutputRole) throws(OutputPathError) -> String {
        var path = given
        for _ in 0..<maximumLinks {
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return path }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(path, &buffer, buffer.count - 1)
            guard count >= 0 else {
                throw .unusable(given, role, reason: String(cString: strerror(errno)))
            }
            let target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                path = target
            } else {
                let folder = (path as NSString).deletingLastPathComponent
                path = folder.isEmpty ? target : folder + "/" + target
            }
        }
        throw .unusable(given, role, reason: "too many levels of symbolic links")
    }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .absent }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .regularFile(mode: info.st_mode & 0o7777)
        case S_IFDIR: return .directory
        case S_IFCHR: return .special("a character device")
        case S_IFBLK: return .special("a block device")
        case S_IFIFO: return .special("a FIFO (named pipe)")
        case S_IFSOCK: return .special("a socket")
        default: return .special("not a regular file")
        }
    }

    /// Whether `self` and `other` name the same file: the same device and inode when both
    /// exist (hard links, bind mounts), else the same absolute path once the folders'
    /// links are resolved.
    func isSameFile(as other: OutputTarget) -> Bool {
        Self.isSameFile(path, other.path)
    }

    static func isSameFile(_ a: String, _ b: String) -> Bool {
        var first = stat()
        var second = stat()
        if stat(a, &first) == 0, stat(b, &second) == 0 {
            return first.st_dev == second.st_dev && first.st_ino == second.st_ino
        }
        return canonical(a) == canonical(b)
    }

    /// The absolute path, with `.`, `..` and links of the folders above it resolved (as far
    /// as they exist).
    static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let url = URL(fileURLWithPath: absolute).standardized
        let folder = url.deletingLastPathComponent().path
        let resolved = folder.withCString { pointer -> String? in
            guard let real = realpath(pointer, nil) else { return nil }
            defer { free(real) }
            return String(cString: real)
        }
        return (resolved ?? folder) + "/" + url.lastPathComponent
    }

    /// The first folder above `path` that exists is a folder (the ones missing are created
    /// when writing); otherwise the path it is not.
    var blockingAncestor: String? {
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty && folder != "/" {
            switch Self.kind(of: folder) {
            case .directory: return nil
            case .absent: folder = (folder as NSString).deletingLastPathComponent
            default: return folder
            }
        }
        return nil
    }
}

/// Which output a path is for: its option and how messages call it.
public enum OutputRole: Sendable, Equatable {
    case markdown
    case html
    case figures
    /// The notebook itself (`labbook clean` writes it back; `labbook import` writes it).
    case notebook
    /// A Jupyter notebook (`labbook export --ipynb`).
    case ipynb

    /// The command-line option that sets it.
    var option: String {
        switch self {
        case .markdown: return "-o"
        case .html: return "--html"
        case .figures: return "the figures folder"
        case .notebook: return "the notebook"
        case .ipynb: return "--ipynb"
        }
    }

    /// What it is, in a message.
    var noun: String {
        switch self {
        case .markdown: return "the executed Markdown"
        case .html: return "the HTML report"
        case .figures: return "the figures folder"
        case .notebook: return "the notebook"
        case .ipynb: return "the Jupyter notebook"
        }
    }
}
