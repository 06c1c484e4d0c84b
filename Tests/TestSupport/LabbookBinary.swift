import Foundation
import Testing

/// The `labbook` executable the end-to-end tests run: `LABBOOK_BINARY` when set, else the
/// debug build beside the test bundle (`swift build --build-tests` builds it, because the
/// end-to-end test target depends on it).
public enum LabbookBinary {
    public static var path: String? {
        if let path = ProcessInfo.processInfo.environment["LABBOOK_BINARY"] { return path }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent(".build/debug"),
        ]
        return candidates.map { $0.appendingPathComponent("labbook").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// A child process started with posix_spawn and every signal unblocked (the test
    /// runner's threads block SIGINT and SIGTERM, and a child inherits that mask).
    public struct Child: Sendable {
        public let pid: pid_t

        public var isRunning: Bool {
            var status: Int32 = 0
            return waitpid(pid, &status, WNOHANG) == 0
        }

        /// Sends `signal` and waits for the child to end.
        public func kill(_ signal: Int32) {
            Foundation.kill(pid, signal)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }

        /// Waits for the child to end; its exit status, or nil when a signal ended it.
        public func exitStatus() -> Int32? {
            if case .exited(let code) = termination() { return code }
            return nil
        }

        /// Waits for the child to end: how it ended.
        public func termination() -> Termination {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            return (status & 0x7f) == 0 ? .exited((status >> 8) & 0xff) : .signaled(status & 0x7f)
        }
    }

    /// How a child ended: `exit(code)` or killed by a signal.
    public enum Termination: Equatable, Sendable {
        case exited(Int32)
        case signaled(Int32)
    }

    /// Runs `labbook` to its end: how it ended and what it wrote on stderr.
    public static func run(
        _ labbookArguments: [String], environment: [String: String] = [:]
    ) throws -> (termination: Termination, stderr: String) {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-stderr-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: log) }
        let termination = try spawn(labbookArguments, environment: environment, stderr: log).termination()
        return (termination, (try? String(contentsOfFile: log, encoding: .utf8)) ?? "")
    }

    /// Starts `labbook` with these arguments, stdout discarded, stderr discarded or written
    /// to the file `stderr`, with `environment` added to the test's own.
    public static func spawn(
        _ labbookArguments: [String], environment: [String: String] = [:], stderr: String? = nil
    ) throws -> Child {
        let path = try #require(path, "build the labbook binary first")
        let arguments = [path] + labbookArguments
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var variables = ProcessInfo.processInfo.environment
        variables.merge(environment) { $1 }
        var envp: [UnsafeMutablePointer<CChar>?] = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in envp { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawn(&pid, path, &actions, &attributes, &argv, &envp)
        try #require(code == 0, "posix_spawn failed: \(code)")
        return Child(pid: pid)
    }

    /// Polls (every 2 ms, up to 60 s) until `condition` holds or the child ends.
    public static func waitUntil(_ child: Child, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if condition() { return true }
            if !child.isRunning { return condition() }
            usleep(2_000)
        }
        return false
    }
}
