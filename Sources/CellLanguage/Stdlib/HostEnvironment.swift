import Foundation

/// What the standard-library modules may see of the world outside the session: the
/// notebook's folder (relative paths of `open`, `os.path` and `os.listdir` start there),
/// `sys.argv`, the environment variables, and the clock.
///
/// With `fixedClock` set (a run without timings), `time.time()`, `perf_counter()` and
/// `datetime.now()` read that instant instead of the real clock, advanced only by
/// `time.sleep`, so two runs print the same bytes.
///
///     registry.environment.directory = "/home/me/notebooks"
///     registry.environment.fixedClock = HostEnvironment.referenceInstant
public final class HostEnvironment {
    /// The folder relative paths are resolved against (the notebook's folder).
    public var directory: String
    /// `sys.argv`.
    public var argv: [String]
    /// `os.environ`: only what the user's environment has.
    public var variables: [String: String]
    /// Seconds since the epoch that the clocks report when timings are off; nil: real time.
    public var fixedClock: Double? {
        didSet { virtualElapsed = 0 }
    }
    /// What `time.sleep` added to a fixed clock.
    var virtualElapsed = 0.0
    private let started = ContinuousClock.now

    /// 2026-01-01 00:00:00 UTC: the instant a run without timings pretends it is.
    public static let referenceInstant = 1_767_225_600.0

    public init(directory: String = FileManager.default.currentDirectoryPath,
                argv: [String] = [""], variables: [String: String] = ProcessInfo.processInfo.environment,
                fixedClock: Double? = nil) {
        self.directory = directory
        self.argv = argv
        self.variables = variables
        self.fixedClock = fixedClock
    }

    /// `time.time()`.
    public var now: Double {
        if let fixedClock { return fixedClock + virtualElapsed }
        return Date().timeIntervalSince1970
    }

    /// `time.perf_counter()` and `time.monotonic()`: seconds since the session started.
    public var monotonic: Double {
        if fixedClock != nil { return virtualElapsed }
        let d = ContinuousClock.now - started
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// An absolute path for `path`, relative ones taken from `directory`.
    public func resolve(_ path: String) -> String {
        if path.hasPrefix("/") { return path }
        if path.isEmpty || path == "." { return directory }
        return (directory as NSString).appendingPathComponent(path)
    }
}
