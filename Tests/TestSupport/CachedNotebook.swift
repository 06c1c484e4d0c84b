import CellLanguage
import Foundation
import Library
import NotebookCache
@testable import Runner

/// Collects a run's stderr events (thread-safe: events may come from the cell thread).
public final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    public init() {}

    public var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }

    public func add(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    public var events: RunEvents {
        var events = RunEvents()
        events.warning = { [self] in add($0) }
        events.explanation = { [self] in add($0) }
        return events
    }
}

/// A notebook in its own temporary folder (cache `.labbook/` beside it), run in-process
/// with timings off, writing `out.md` and `out.html`.
public struct CachedNotebook {
    public let directory: URL
    public let path: String

    public init(_ text: String) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("labbook-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent("nb.md").path
        try write(text)
    }

    public func write(_ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    public var cacheDirectory: String { directory.appendingPathComponent(".labbook").path }
    public var markdownPath: String { directory.appendingPathComponent("out.md").path }
    public var htmlPath: String { directory.appendingPathComponent("out.html").path }

    public struct Run {
        public var result: RunResult
        public var markdown: String
        public var html: String
        public var log: [String]
        /// Indices of the cells that actually ran (not cached, not skipped).
        public var ran: [Int] { result.cells.filter { !$0.cached }.map(\.cellIndex) }
        public var cached: [Int] { result.cells.filter(\.cached).map(\.cellIndex) }
        public var warnings: [String] { log.filter { $0.contains(": warning: ") || $0.contains(": note: ") } }
    }

    public func run(_ configure: (inout RunConfiguration) -> Void = { _ in }) throws -> Run {
        var config = RunConfiguration(notebookPath: path)
        config.markdownOutput = markdownPath
        config.htmlOutput = htmlPath
        config.timings = false
        configure(&config)
        let log = EventLog()
        let result = try NotebookRunner(config, events: log.events).run()
        return Run(result: result, markdown: try String(contentsOfFile: markdownPath, encoding: .utf8),
                   html: try String(contentsOfFile: htmlPath, encoding: .utf8), log: log.all)
    }

    /// The state after the last cell, as stored in the cache: every global's name and repr
    /// (addresses in reprs removed), restored into a fresh session, with the parameters no
    /// cell read bound to the run's values (`overrides` as `-P` gives them), as a run does.
    public func cachedFinalState(timings: Bool = false, overrides: [(name: String, value: String)] = []) throws -> [String] {
        var notebook = try NotebookFormatAccess.load(path)
        for (name, value) in overrides {
            if let index = notebook.parameters.firstIndex(where: { $0.name == name }) {
                notebook.parameters[index].literal = value
            }
        }
        let cache = try NotebookCache(directory: cacheDirectory, waiting: .wait(seconds: 5))
        defer { cache.close() }
        let chain = KeyChain(
            sources: notebook.sources, engineVersion: CacheRun.engineVersion(timings: timings),
            parameters: notebook.parameters, seed: notebook.seed)
        // The state after the last cell stored (a failed or `cache: false` cell ends the chain).
        let entries = cache.scan(chain).entries
        guard let last = entries.last, let snapshot = last.snapshot else { return ["<no state>"] }
        let session = Session(modules: LabbookModules.registry(settings: LibrarySettings(seed: notebook.seed, showTimings: timings)))
        try session.restoreState(try snapshot.sessionState(blobs: cache.blobs), blobs: CacheBlobs(cache.blobs))
        for parameter in notebook.parameters where !last.reads.contains(where: { $0.name == parameter.name }) {
            session[global: parameter.name] = try session.evaluateLiteral(parameter.literal)
        }
        return ["after cell \(entries.count)"] + session.globals.map { "\($0.name) = \(Self.withoutAddresses($0.value.repr))" }
    }

    public static func withoutAddresses(_ text: String) -> String {
        text.replacingOccurrences(of: " at 0x[0-9a-f]+", with: "", options: .regularExpression)
    }

    public func files(under folder: String) -> [String] {
        let root = cacheDirectory + "/" + folder
        let names = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []
        return names.map { root + "/" + $0 }.filter { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
    }
}

import NotebookFormat

/// What the tests need of a notebook to compute its keys.
public enum NotebookFormatAccess {
    public struct Loaded {
        public var sources: [String]
        public var parameters: [NotebookParameter]
        public var seed: Int
    }

    public static func load(_ path: String) throws -> Loaded {
        let notebook = try Notebook.load(path: path)
        return Loaded(sources: notebook.cells.map(\.source),
                      parameters: notebook.frontMatter.params.map { NotebookParameter($0.name, $0.value.pythonLiteral) },
                      seed: notebook.frontMatter.seed)
    }
}
