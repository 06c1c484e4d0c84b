import Foundation

/// A text file from `open(path, mode)`, relative to the notebook's folder: `read`,
/// `readline`, `readlines`, iteration, `write`, `writelines`, `close`. Reads load the file
/// at `open`; writes go to disk at each call (append mode keeps what was there). Not saved
/// by the cache (an open file is live state): the cell that opened it reruns.
final class TextFile: HostObject {
    let path: String
    let mode: String
    private let fullPath: String
    private var content: [Unicode.Scalar] = []
    private var position = 0
    private(set) var closed = false

    init(path: String, mode: String, environment: HostEnvironment) throws {
        self.path = path
        self.mode = mode
        fullPath = environment.resolve(path)
        guard let kind = mode.first(where: { "rwax".contains($0) }), !mode.contains("b") else {
            throw PyException(.valueError, mode.contains("b") ? "Labbook opens text files only (mode \(Value.str(mode).repr)); see docs/language.md"
                                                              : "invalid mode: \(Value.str(mode).repr)")
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: fullPath, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw PyException(.isADirectoryError, "[Errno 21] Is a directory: \(Value.str(path).repr)") }
        switch kind {
        case "r":
            guard exists, let text = try? String(contentsOfFile: fullPath, encoding: .utf8) else {
                throw PyException(.fileNotFoundError, "[Errno 2] No such file or directory: \(Value.str(path).repr)")
            }
            content = Array(text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars)
        case "x" where exists:
            throw PyException(.fileExistsError, "[Errno 17] File exists: \(Value.str(path).repr)")
        case "a" where exists:
            break
        default:
            guard FileManager.default.createFile(atPath: fullPath, contents: Data()) else {
                throw PyException(.fileNotFoundError, "[Errno 2] No such file or directory: \(Value.str(path).repr)")
            }
        }
    }

    var typeName: String { "TextIOWrapper" }
    var repr: String { "<_io.TextIOWrapper name=\(Value.str(path).repr) mode=\(Value.str(mode).repr) encoding='UTF-8'>" }
    var readable: Bool { mode.contains("r") }

    private func check(_ reading: Bool) throws {
        if closed { throw PyException(.valueError, "I/O operation on closed file.") }
        if reading != readable && !mode.contains("+") {
            throw PyException(.unsupportedOperation, reading ? "not readable" : "not writable")
        }
    }

    private func readLine() -> String? {
        guard position < content.count else { return nil }
        var end = position
        while end < content.count, content[end] != "\n" { end += 1 }
        if end < content.count { end += 1 }
        defer { position = end }
        return String(String.UnicodeScalarView(content[position..<end]))
    }

    private func append(_ text: String) throws {
        guard let handle = FileHandle(forWritingAtPath: fullPath) else {
            throw PyException(.fileNotFoundError, "[Errno 2] No such file or directory: \(Value.str(path).repr)")
        }
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
    }

    func getAttribute(_ name: String, _ interpreter: Interpreter) throws -> Value {
        func method(_ body: @escaping (Arguments) throws -> Value) -> Value {
            .builtin(BuiltinFunction(name) { args, _ in try body(args) })
        }
        switch name {
        case "read":
            return method { [self] args in
                try check(true)
                let n = args.positional.first?.asInt ?? -1
                let end = n < 0 ? content.count : min(content.count, position + n)
                defer { position = end }
                return .str(String(String.UnicodeScalarView(content[position..<end])))
            }
        case "readline":
            return method { [self] _ in try check(true); return .str(readLine() ?? "") }
        case "readlines":
            return method { [self] _ in
                try check(true)
                var lines: [Value] = []
                while let l = readLine() { lines.append(.str(l)) }
                return .list(PyList(lines))
            }
        case "write":
            return method { [self] args in
                try args.expectExactly(1, "write")
                try check(false)
                guard case .str(let s) = args.positional[0] else {
                    throw PyException(.typeError, "write() argument must be str, not \(args.positional[0].typeName)")
                }
                try append(s)
                return .int(s.unicodeScalars.count)
            }
        case "writelines":
            return .builtin(BuiltinFunction(name) { [self] args, interp in
                try args.expectExactly(1, "writelines")
                try check(false)
                for line in try interp.toArray(args.positional[0]) {
                    guard case .str(let s) = line else { throw PyException(.typeError, "write() argument must be str, not \(line.typeName)") }
                    try append(s)
                }
                return .none
            })
        case "close": return method { [self] _ in closed = true; return .none }
        case "flush": return method { _ in .none }
        case "closed": return .bool(closed)
        case "name": return .str(path)
        case "mode": return .str(mode)
        default: throw attributeError(name)
        }
    }

    func iterate(_ interpreter: Interpreter) throws -> PyIterator {
        try check(true)
        return PyIterator("TextIOWrapper") { [self] in readLine().map { .str($0) } }
    }

    /// The `open` builtin.
    static func open(_ args: Arguments, _ interp: Interpreter) throws -> Value {
        let b = try args.bind("open", ["file", HostParameter("mode", default: .str("r")),
                                       HostParameter("buffering", default: .int(-1)),
                                       HostParameter("encoding", default: .none), HostParameter("errors", default: .none),
                                       HostParameter("newline", default: .none)])
        let path = try Arguments([b["file"]]).string(at: 0, "open")
        let mode = try Arguments([b["mode"]]).string(at: 0, "open")
        return .host(try TextFile(path: path, mode: mode, environment: interp.registry.environment))
    }
}
