import Foundation

/// `os` and `os.path`, with relative paths taken from the notebook's folder
/// (`HostEnvironment.directory`), and `os.environ` holding only the user's environment.
enum OSModule {
    static func make(_ interpreter: Interpreter) throws -> Module {
        let m = Module("os")
        let env = interpreter.registry.environment
        m["sep"] = .str("/")
        m["linesep"] = .str("\n")
        m["name"] = .str("posix")
        m["environ"] = .dict(PyDict(env.variables.sorted { $0.key < $1.key }.map { ($0.key, .str($0.value)) }))
        m.define("getcwd") { args, _ in try args.expectExactly(0, "getcwd"); return .str(env.directory) }
        m.define("getenv") { args, _ in
            let b = try args.bind("getenv", ["key", HostParameter("default", default: .none)])
            let key = try Arguments([b["key"]]).string(at: 0, "getenv")
            return env.variables[key].map { .str($0) } ?? b["default"]
        }
        m.define("cpu_count") { _, _ in .int(ProcessInfo.processInfo.activeProcessorCount) }
        m.define("listdir") { args, _ in
            let path = args.positional.isEmpty ? "." : try args.string(at: 0, "listdir")
            let full = env.resolve(path)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
                throw PyException(.fileNotFoundError, "[Errno 2] No such file or directory: \(Value.str(path).repr)")
            }
            guard isDirectory.boolValue else {
                throw PyException(.notADirectoryError, "[Errno 20] Not a directory: \(Value.str(path).repr)")
            }
            // CPython returns the directory's order; sorting keeps reports stable.
            let names = try FileManager.default.contentsOfDirectory(atPath: full).sorted()
            return .list(PyList(names.map { .str($0) }))
        }
        m.define("makedirs") { args, _ in
            let b = try args.bind("makedirs", ["name", HostParameter("mode", default: .int(0o777)),
                                               HostParameter("exist_ok", default: .bool(false))])
            let path = try Arguments([b["name"]]).string(at: 0, "makedirs")
            let full = env.resolve(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) {
                if isDirectory.boolValue, b["exist_ok"].isTruthy { return .none }
                throw PyException(.fileExistsError, "[Errno 17] File exists: \(Value.str(path).repr)")
            }
            try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
            return .none
        }
        m.define("mkdir") { args, _ in
            let path = try args.string(at: 0, "mkdir")
            let full = env.resolve(path)
            if FileManager.default.fileExists(atPath: full) {
                throw PyException(.fileExistsError, "[Errno 17] File exists: \(Value.str(path).repr)")
            }
            do {
                try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: false)
            } catch {
                throw PyException(.fileNotFoundError, "[Errno 2] No such file or directory: \(Value.str(path).repr)")
            }
            return .none
        }
        m.define("remove") { args, _ in
            let path = try args.string(at: 0, "remove")
            do { try FileManager.default.removeItem(atPath: env.resolve(path)) } catch {
                throw PyException(.fileNotFoundError, "[Errno 2] No such file or directory: \(Value.str(path).repr)")
            }
            return .none
        }
        return m
    }

    static func makePath(_ interpreter: Interpreter) throws -> Module {
        let m = Module("os.path")
        let env = interpreter.registry.environment
        m["sep"] = .str("/")
        func exists(_ path: String) -> (exists: Bool, directory: Bool) {
            var isDirectory: ObjCBool = false
            let e = FileManager.default.fileExists(atPath: env.resolve(path), isDirectory: &isDirectory)
            return (e, isDirectory.boolValue)
        }
        m.define("join") { args, _ in
            guard !args.positional.isEmpty else { throw PyException(.typeError, "join() missing 1 required positional argument: 'a'") }
            var out = ""
            for i in args.positional.indices {
                let part = try args.string(at: i, "join")
                if part.hasPrefix("/") { out = part } else if out.isEmpty || out.hasSuffix("/") { out += part } else { out += "/" + part }
            }
            return .str(out)
        }
        m.define("exists") { args, _ in .bool(exists(try args.string(at: 0, "exists")).exists) }
        m.define("isfile") { args, _ in let e = exists(try args.string(at: 0, "isfile")); return .bool(e.exists && !e.directory) }
        m.define("isdir") { args, _ in .bool(exists(try args.string(at: 0, "isdir")).directory) }
        m.define("isabs") { args, _ in .bool(try args.string(at: 0, "isabs").hasPrefix("/")) }
        m.define("abspath") { args, _ in .str(normalize(env.resolve(try args.string(at: 0, "abspath")))) }
        m.define("normpath") { args, _ in .str(normalize(try args.string(at: 0, "normpath"))) }
        m.define("basename") { args, _ in .str(split(try args.string(at: 0, "basename")).tail) }
        m.define("dirname") { args, _ in .str(split(try args.string(at: 0, "dirname")).head) }
        m.define("split") { args, _ in
            let s = split(try args.string(at: 0, "split"))
            return .tuple([.str(s.head), .str(s.tail)])
        }
        m.define("splitext") { args, _ in
            let p = try args.string(at: 0, "splitext")
            let tail = split(p).tail
            // A leading dot (".bashrc") starts no extension, as in CPython.
            let stem = tail.drop { $0 == "." }
            guard let dot = stem.lastIndex(of: ".") else { return .tuple([.str(p), .str("")]) }
            let ext = String(stem[dot...])
            return .tuple([.str(String(p.dropLast(ext.count))), .str(ext)])
        }
        m.define("getsize") { args, _ in
            let p = try args.string(at: 0, "getsize")
            guard let size = try? FileManager.default.attributesOfItem(atPath: env.resolve(p))[.size] as? Int else {
                throw PyException(.fileNotFoundError, "[Errno 2] No such file or directory: \(Value.str(p).repr)")
            }
            return .int(size)
        }
        m.define("expanduser") { args, _ in
            let p = try args.string(at: 0, "expanduser")
            guard p == "~" || p.hasPrefix("~/"), let home = env.variables["HOME"] else { return .str(p) }
            return .str(home + p.dropFirst())
        }
        return m
    }

    /// CPython's `posixpath.split`: the head keeps no trailing slashes unless it is all slashes.
    static func split(_ p: String) -> (head: String, tail: String) {
        guard let slash = p.lastIndex(of: "/") else { return ("", p) }
        var head = String(p[...slash])
        let tail = String(p[p.index(after: slash)...])
        if head.contains(where: { $0 != "/" }) { while head.hasSuffix("/") { head.removeLast() } }
        return (head, tail)
    }

    /// CPython's `posixpath.normpath`.
    static func normalize(_ p: String) -> String {
        if p.isEmpty { return "." }
        let initial = p.hasPrefix("//") && !p.hasPrefix("///") ? 2 : p.hasPrefix("/") ? 1 : 0
        var parts: [Substring] = []
        for part in p.split(separator: "/") where part != "." {
            if part == "..", (initial == 0 && parts.isEmpty) || parts.last == ".." { parts.append(part) }
            else if part == ".." { if !parts.isEmpty { parts.removeLast() } }
            else { parts.append(part) }
        }
        let joined = String(repeating: "/", count: initial) + parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }
}
